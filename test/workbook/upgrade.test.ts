/**
 * The upgrade keeps every entry — in the fake Excel (which refuses to delete a very hidden sheet,
 * as Excel does) and in an .xlsx workbook, through the one install operation both hosts run.
 * Re-running is idempotent, and a failure half-way leaves the workbook as it was.
 */
import ExcelJS from 'exceljs';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { OfficeHost } from '../../src/hosts/office';
import { installIntoWorkbook } from '../../src/hosts/xlsx/install';
import { xlsxPort } from '../../src/hosts/xlsx/port';
import { readWorkbookContent } from '../../src/hosts/xlsx/read';
import { installBook, readBookContent } from '../../src/workbook/operations';
import { TEMPLATE_SHEET } from '../../src/workbook/plan';
import type { GridPort } from '../../src/workbook/port';
import type { TallyLayout } from '../../src/workbook/plan';
import { columnIndex } from '../../src/core/address';
import { getBuiltinTemplate } from '../../src/core/templates';

function fakeHost() {
  const excel = createFakeExcel();
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  return { excel, host };
}

/** A port whose `step` fails after the real call ran (Excel applies statements before a failure). */
function failing(port: GridPort, step: keyof GridPort): GridPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const real = Reflect.get(target, prop, receiver);
      if (prop !== step || typeof real !== 'function')
        return typeof real === 'function' ? real.bind(target) : real;
      return async (...args: unknown[]) => {
        await real.apply(target, args);
        throw new Error(`simulated failure in ${String(step)}`);
      };
    },
  });
}

describe('upgrade in Excel (the fake refuses to delete a very hidden sheet)', () => {
  it('the fake refuses what Excel refuses', async () => {
    const { excel, host } = fakeHost();
    await host.install(sampleWorkload(3, 2));
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(TEMPLATE_SHEET).delete();
        await ctx.sync();
      }),
    ).rejects.toThrow(/Very Hidden/);
  });

  it('installs, takes typed scores, upgrades, and finds every score; twice is the same as once', async () => {
    const { excel, host } = fakeHost();
    const load = sampleWorkload(5, 3);
    await host.install(load);
    const typed = typeScores(excel.book);
    expect(typed).toBeGreaterThan(0);
    const before = await host.readContent();
    const report = await host.install({ template: load.template, onClash: 'upgrade' });
    expect(report.keptEntries).toBe(before.entries.length);
    const after = await host.readContent();
    expect(after.entries.map((e) => e.cells)).toEqual(before.entries.map((e) => e.cells));
    const sheets = excel.book.sheets.map((s) => [s.name, s.visibility]);
    expect(sheets.filter(([n]) => String(n).includes('(old)'))).toEqual([]);
    expect(excel.book.sheets.filter((s) => s.name === TEMPLATE_SHEET)).toHaveLength(1);
    expect(excel.book.sheetOrThrow(TEMPLATE_SHEET).visibility).toBe('VeryHidden');
    const names = [...excel.book.names.values()].map((n) => [n.name, n.formula]);

    await host.install({ template: load.template, onClash: 'upgrade' });
    expect(excel.book.sheets.map((s) => [s.name, s.visibility])).toEqual(sheets);
    expect([...excel.book.names.values()].map((n) => [n.name, n.formula])).toEqual(names);
    expect((await host.readContent()).entries.map((e) => e.cells)).toEqual(
      before.entries.map((e) => e.cells),
    );
  });

  it.each(['writePlan', 'rewriteSheet'] as const)(
    'a failure in %s leaves the workbook as it was',
    async (step) => {
      const { excel, host } = fakeHost();
      const load = sampleWorkload(4, 2);
      await host.install(load);
      typeScores(excel.book);
      const sheets = excel.book.sheets.map((s) => [s.name, s.visibility]);
      const names = [...excel.book.names.values()].map((n) => [n.name, n.formula]);
      const before = await host.readContent();
      await expect(
        installBook(failing(host.port, step), { template: load.template, onClash: 'upgrade' }),
      ).rejects.toThrow(/simulated failure/);
      expect(excel.book.sheets.map((s) => [s.name, s.visibility])).toEqual(sheets);
      expect([...excel.book.names.values()].map((n) => [n.name, n.formula])).toEqual(names);
      const after = await host.readContent();
      expect(after.entries.map((e) => e.cells)).toEqual(before.entries.map((e) => e.cells));
      expect(after.template).toEqual(before.template);
    },
  );

  it('refuses an upgrade that would drop a typed score, changing nothing', async () => {
    const { excel, host } = fakeHost();
    const load = sampleWorkload(3, 2);
    await host.install(load);
    typeScores(excel.book);
    const sheets = excel.book.sheets.map((s) => s.name);
    const dropped = load.template.indicators[0].id;
    const template = { ...load.template, indicators: load.template.indicators.slice(1) };
    await expect(host.install({ template, onClash: 'upgrade' })).rejects.toThrow(
      new RegExp(`no indicator "${dropped}".*never drops entries`),
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(sheets);
  });
});

describe('upgrade in an .xlsx workbook (the same operation)', () => {
  it('keeps every typed score, and twice is the same as once', async () => {
    const wb = new ExcelJS.Workbook();
    const load = sampleWorkload(5, 3);
    await installIntoWorkbook(wb, load);
    const { stored } = readWorkbookContent(wb);
    const e = stored.layout.entry;
    const ws = wb.getWorksheet(e.sheet)!;
    const ids = load.template.indicators.map((i) => i.id);
    let row = e.firstRow;
    for (; ws.getCell(`${e.raterCol}${row}`).value; row++)
      ids.forEach((id, k) => (ws.getCell(`${e.indicatorCols[id]}${row}`).value = (row + k) % 5));
    const before = readWorkbookContent(wb).content;
    expect(before.entries.length).toBeGreaterThan(0);
    await installIntoWorkbook(wb, { template: load.template, onClash: 'upgrade' });
    const sheets = wb.worksheets.map((w) => w.name);
    expect(readWorkbookContent(wb).content.entries.map((x) => x.cells)).toEqual(
      before.entries.map((x) => x.cells),
    );
    await installIntoWorkbook(wb, { template: load.template, onClash: 'upgrade' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    const again = await readBookContent(xlsxPort(wb));
    expect(again.content.entries.map((x) => x.cells)).toEqual(before.entries.map((x) => x.cells));
  });
});

describe('upgrade keeps the typed counts of the 计票 sheet', () => {
  const template = getBuiltinTemplate('democratic-ballot')!;
  const ratees = ['U01', 'U02', 'U03'].map((id) => ({ id }));
  const labels = template.indicators[0].levels!.map((l) => l.label);

  /** Types one tally row per ratee and indicator (counts vary; some blank). */
  function typeTallies(grid: (row: number, col: number, v: string | number | null) => void, t: TallyLayout) {
    let row = t.firstRow;
    for (const j of ratees)
      for (const ind of template.indicators) {
        grid(row, columnIndex(t.sourceCol), template.sources[0].id);
        grid(row, columnIndex(t.rateeCol), j.id);
        grid(row, columnIndex(t.indicatorCol), ind.id);
        labels.forEach((l, k) =>
          grid(row, columnIndex(t.countCols[l]), (row + k) % 4 === 0 ? null : (row * 3 + k) % 9),
        );
        row++;
      }
    return row - t.firstRow;
  }

  it('in an .xlsx workbook: every count is read back after the upgrade, twice the same as once', async () => {
    const wb = new ExcelJS.Workbook();
    await installIntoWorkbook(wb, { template, ratees });
    const t = readWorkbookContent(wb).stored.layout.tally!;
    expect(t.sheet).toBe('计票');
    const ws = wb.getWorksheet(t.sheet)!;
    const n = typeTallies((r, c, v) => (ws.getCell(r, c + 1).value = v), t);
    const before = readWorkbookContent(wb).content;
    expect(before.tallies).toHaveLength(n);
    const counts = (c: typeof before) => c.tallies!.map((x) => [x.source, x.ratee, x.indicator, x.counts]);
    await installIntoWorkbook(wb, { template, onClash: 'upgrade' });
    expect(counts(readWorkbookContent(wb).content)).toEqual(counts(before));
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets.filter((s) => s === '计票')).toHaveLength(1);
    await installIntoWorkbook(wb, { template, onClash: 'upgrade' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    expect(counts((await readBookContent(xlsxPort(wb))).content)).toEqual(counts(before));
  });

  it('in Excel (the fake): the counts survive; an upgrade that would drop a level with counts is refused', async () => {
    const { excel, host } = fakeHost();
    await host.install({ template, ratees });
    const before0 = await host.readContent();
    expect(before0.tallies).toEqual([]);
    const t = (await readBookContent(host.port)).stored.layout.tally!;
    const sheet = excel.book.sheetOrThrow(t.sheet);
    typeTallies((r, c, v) => (sheet.ensureCell(r - 1, c).value = v ?? ''), t);
    const before = await host.readContent();
    expect(before.tallies!.length).toBe(ratees.length * template.indicators.length);
    await host.install({ template, onClash: 'upgrade' });
    const after = await host.readContent();
    expect(after.tallies!.map((x) => x.counts)).toEqual(before.tallies!.map((x) => x.counts));

    const names = excel.book.sheets.map((s) => s.name);
    const fewer = {
      ...template,
      indicators: template.indicators.map((i) => ({
        ...i,
        levels: i.levels!.filter((l) => l.label !== '差'),
      })),
    };
    await expect(host.install({ template: fewer, onClash: 'upgrade' })).rejects.toThrow(
      /no level "差" but 计票!G\d+ holds a count.*never drops entries/,
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(names);
  });
});
