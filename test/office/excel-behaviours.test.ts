/**
 * Each Excel behaviour of docs/excel-behaviours.md: the fake does what the documentation says,
 * and the Office adapter copes with it (each adapter test failed before the adapter handled it).
 */
import { webCryptoDigester } from '../../src/core/signoff';
import type { Template } from '../../src/core/template';
import { OfficeHost } from '../../src/hosts/office';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { createFakeExcel, listItems } from '../../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { signBook, verifyBook } from '../../src/workbook/signoff';

const d = webCryptoDigester();
const T1 = '2025-01-20T09:00:00+08:00';

function setup(calculate = false) {
  const excel = createFakeExcel(calculate ? { calculate: (b) => calculateFromEngine(b, 'zh') } : {});
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  return { excel, host };
}

/** Writes one row of values into A1… of Sheet1 through the API; returns what the cells hold. */
async function writeRow(values: string[], numberFormat?: string) {
  const { excel } = setup();
  const address = `A1:${String.fromCharCode(64 + values.length)}1`;
  await excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange(address);
    if (numberFormat) r.numberFormat = [values.map(() => numberFormat)];
    r.values = [values];
    await ctx.sync();
  });
  return excel.book.sheetOrThrow('Sheet1').values(address)[0];
}

describe('range.values turns date-, time-, fraction- and currency-like text into numbers', () => {
  const LOOKALIKES = ['1-2', '2024-01', '3/4', '12:30', '(5)', '¥5', '3月5日', '1,234', '5%'];

  it('in a General cell', async () => {
    const held = await writeRow(LOOKALIKES);
    for (const v of held) expect(typeof v).toBe('number');
    expect(held[3]).toBeCloseTo(12.5 / 24);
    expect(held[4]).toBe(-5);
    expect(held[5]).toBe(5);
  });

  it('not in a text-formatted cell, nor after the apostrophe marker', async () => {
    expect(await writeRow(LOOKALIKES, '@')).toEqual(LOOKALIKES);
    expect(await writeRow(LOOKALIKES.map((v) => `'${v}`))).toEqual(LOOKALIKES);
  });

  it('the adapter keeps ids and codes that look like dates or amounts as text, through an upgrade too', async () => {
    const { excel, host } = setup();
    const load = sampleWorkload(3, 2);
    const ids = ['1-2', '3/4', '12:30'];
    const codes = ['(5)', '¥5', '3月5日', '2024-01', '1,234', '5%'];
    const ratees = load.ratees.map((r, i) => ({ ...r, id: ids[i] }));
    const raters = load.raters.map((r, i) => ({ ...r, id: codes[i] ?? r.id }));
    // An indicator id such as 2-3 is refused by validateTemplate (test/core/template-reserved.test.ts);
    // ratee and rater codes are the clerk's and may look like anything.
    const template: Template = load.template;
    await host.install({ template, ratees, raters });
    typeScores(excel.book);
    const before = await host.readContent();
    expect(before.ratees.map((r) => r.id)).toEqual(ids);
    expect(before.raters.map((r) => r.id)).toEqual(raters.map((r) => r.id));
    await host.install({ template, onClash: 'upgrade' });
    const after = await host.readContent();
    expect(after.entries.map((e) => [e.rater, e.ratee, e.cells])).toEqual(
      before.entries.map((e) => [e.rater, e.ratee, e.cells]),
    );
    expect(new Set(after.entries.map((e) => e.rater))).toEqual(new Set(raters.map((r) => r.id)));
  });
});

describe('table headers are made unique ignoring case, and become text', () => {
  it('in the fake, as in Excel', async () => {
    const { excel } = setup();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:E1').values = [['Q1', 'q1', 'total', 'Total', '']];
      ws.getRange('F1').values = [[7]];
      ws.tables.add('A1:F3', true);
      await ctx.sync();
    });
    expect(excel.book.sheetOrThrow('Sheet1').values('A1:F1')[0]).toEqual([
      'Q1',
      'q12',
      'total',
      'Total2',
      'Column5',
      '7',
    ]);
  });

  it('the adapter refuses indicator ids Excel would rename, naming them, and writes nothing', async () => {
    const { excel, host } = setup();
    const load = sampleWorkload(3, 2);
    const [a, b, ...rest] = load.template.indicators;
    const template: Template = {
      ...load.template,
      indicators: [{ ...a, id: 'q1' }, { ...b, id: 'Q1' }, ...rest],
      sources: load.template.sources.map((s) => ({
        ...s,
        indicators: s.indicators?.map((i) => (i === a.id ? 'q1' : i === b.id ? 'Q1' : i)),
      })),
    };
    await expect(host.install({ ...load, template })).rejects.toThrow(
      /"q1" and "Q1" .* ignoring case: give the indicator another id/,
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('data-validation lists are split on commas and hold at most 255 characters', () => {
  it('in the fake, as in Excel', async () => {
    const { excel } = setup();
    await excel.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: '好,较好,一般，差' } };
      await ctx.sync();
    });
    expect(listItems(excel.book.sheetOrThrow('Sheet1').validations[0])).toEqual(['好', '较好', '一般，差']);
    await expect(
      excel.run(async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } };
        await ctx.sync();
      }),
    ).rejects.toThrow(/255/);
  });

  it('the adapter refuses a level label with a comma, naming it', async () => {
    const { excel, host } = setup();
    const load = sampleWorkload(3, 2, 'democratic-ballot');
    const withLevels = load.template.indicators.findIndex((i) => i.levels && i.levels.length > 0);
    expect(withLevels).toBeGreaterThanOrEqual(0);
    const indicators = load.template.indicators.map((ind, k) =>
      k === withLevels
        ? { ...ind, levels: ind.levels!.map((l, j) => (j === 0 ? { ...l, label: `${l.label},甲` } : l)) }
        : ind,
    );
    await expect(host.install({ ...load, template: { ...load.template, indicators } })).rejects.toThrow(
      /holds a comma, and Excel splits validation lists on commas/,
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('protection options', () => {
  it('with format-cells allowed, format writes to a protected sheet succeed; others are refused', async () => {
    const { excel } = setup();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.protection.protect({ allowFormatCells: true }, 'pw');
      ws.getRange('A1').format.fill.color = '#FFFF00';
      await ctx.sync();
    });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').merge(false);
        await ctx.sync();
      }),
    ).rejects.toThrow(/protected/);
  });

  it('the adapter highlights rows of a sheet signed with a password without needing it', async () => {
    const { excel, host } = setup(true);
    await host.install(sampleWorkload(5, 3));
    typeScores(excel.book);
    const r = await signBook(
      host.signoffStore(),
      // The typed scores were never computed; the gate is not what this test is about.
      { reviewer: '张科长', time: T1, password: 'pw', override: '只测保护' },
      d,
    );
    if (!r.ok) throw new Error(r.message);
    expect(excel.book.sheetOrThrow('评分录入').protected).toBe(true);
    await host.highlightRows('评分录入', [3, 4], '#FFEB9C');
    expect(excel.book.sheetOrThrow('评分录入').protected).toBe(true);
    await host.highlightRows('评分录入', [3, 4], null);
  });
});

describe('calculation mode', () => {
  it('in Manual mode nothing recalculates until calculate(), in the fake as in Excel', async () => {
    const { excel } = setup(true);
    excel.book.calculationMode = 'Manual';
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(excel.stats.calculations).toBe(0);
    await excel.run(async (ctx) => {
      ctx.workbook.application.calculate('Full');
      await ctx.sync();
    });
    expect(excel.stats.calculations).toBe(1);
  });

  it('the adapter signs current values in Manual mode, so the level still verifies after Excel recalculates', async () => {
    const { excel, host } = setup(true);
    await host.install(sampleWorkload(5, 3));
    typeScores(excel.book);
    calculateFromEngine(excel.book, 'zh');
    excel.book.calculationMode = 'Manual';
    // The clerk corrects a score; Excel in Manual mode leaves the totals as they were.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('评分录入').getRange('E3').values = [[1]];
      await ctx.sync();
    });
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    excel.book.calculationMode = 'Automatic';
    calculateFromEngine(excel.book, 'zh');
    const v = await verifyBook(host.signoffStore(), d);
    expect(v.ok).toBe(true);
  });
});
