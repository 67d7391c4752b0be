/**
 * One sign-off operation, two ports: the same installation and scores in the fake Excel (through
 * the Office port the add-in uses) and in an .xlsx workbook (through the exceljs port the command
 * line uses), signed by the same store (src/workbook/signoff-store.ts), give the same record, the
 * same sign-off table and DP_Digests, the same protection and the same print sheet; the pane's
 * edits (src/workbook/edits.ts) write the same cells in both.
 */
import { webCryptoDigester, DIGESTS_SHEET } from '../../src/core/signoff';
import { OfficeHost } from '../../src/hosts/office';
import { installIntoWorkbook } from '../../src/hosts/xlsx/install';
import { xlsxPort } from '../../src/hosts/xlsx/port';
import { newWorkbook } from '../../src/hosts/xlsx/write';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { fillRateeList, writeCells } from '../../src/workbook/edits';
import { readBookContent } from '../../src/workbook/operations';
import { writePrintSheet } from '../../src/workbook/output-sheets';
import type { GridPort } from '../../src/workbook/port';
import { signBook, verifyBook, withdrawBook } from '../../src/workbook/signoff';
import { signoffStore } from '../../src/workbook/signoff-store';

const d = webCryptoDigester();
const T1 = '2025-01-20T09:00:00+08:00';
const T2 = '2025-01-21T10:30:00+08:00';

/** The same assessment in both hosts: installed in the fake, typed, then built into an xlsx from what the fake holds. */
async function twoBooks() {
  const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  const load = sampleWorkload(8, 4);
  await host.install(load);
  typeScores(excel.book);
  calculateFromEngine(excel.book, 'zh');
  const { content } = await readBookContent(host.port);
  const wb = newWorkbook();
  await installIntoWorkbook(wb, {
    ...load,
    lang: 'zh',
    entries: content.entries,
    adjustments: content.adjustments,
  });
  return { excel, ports: { office: host.port as GridPort, xlsx: xlsxPort(wb) } };
}

/** Trailing empty cells and rows are the host's business (a used range), not content. */
function trim(g: unknown[][]): unknown[][] {
  return g
    .map((r) => {
      const row = r.map((v) => (v === undefined || v === '' ? null : v));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    })
    .filter((r, i, all) => r.length > 0 || all.slice(i).some((x) => x.length > 0));
}

async function sheets(port: GridPort, names: string[]) {
  const grids = await port.readGrids(names);
  return Object.fromEntries(names.map((n) => [n, trim(grids[n] ?? [])]));
}

describe('the sign-off store over the Office port and the xlsx port', () => {
  it('signs, withdraws and prints alike in both', async () => {
    const { ports } = await twoBooks();
    const out: Record<string, unknown> = {};
    for (const [name, port] of Object.entries(ports)) {
      const one = await signBook(
        signoffStore(port),
        { reviewer: '张科长', role: '科长', time: T1, password: 'pw' },
        d,
      );
      if (!one.ok) throw new Error(`${name}: ${one.message}`);
      const two = await signBook(signoffStore(port), { reviewer: '李主任', time: T2, password: 'pw' }, d);
      if (!two.ok) throw new Error(`${name}: ${two.message}`);
      const states = await port.sheetStates(['评分录入', '加减分', '汇总', '签核']);
      const verified = await verifyBook(signoffStore(port), d);
      const print = await writePrintSheet(port);
      out[name] = {
        records: two.records,
        states: states.map((s) => [s.name, s.protected, s.formatsAllowed]),
        verified: verified.ok,
        sheets: await sheets(port, ['签核', DIGESTS_SHEET, print]),
      };
      const w = await withdrawBook(
        signoffStore(port),
        2,
        { by: '李主任', time: T2, reason: '复核' },
        d,
        'pw',
      );
      if (!w.ok) throw new Error(`${name}: ${w.message}`);
      (out[name] as Record<string, unknown>).withdrawn = {
        active: w.active,
        sheets: await sheets(port, ['签核', DIGESTS_SHEET]),
      };
    }
    const office = out.office as { records: { digest: string }[]; states: unknown[]; verified: boolean };
    expect(office.verified).toBe(true);
    expect(office.records).toHaveLength(2);
    expect(office.records[0].digest).toMatch(/^[0-9a-f]{64}$/);
    expect(office.states).toEqual([
      ['评分录入', true, true],
      ['加减分', true, true],
      ['汇总', true, true],
      ['签核', true, true],
    ]);
    expect(out.xlsx).toEqual(out.office);
  });
});

describe("the pane's edits over the Office port and the xlsx port", () => {
  it('fill an empty ratee list, write fixes and undo them alike', async () => {
    const load = sampleWorkload(3, 2);
    const excel = createFakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
    await host.install({ template: load.template, raters: load.raters });
    const wb = newWorkbook();
    await installIntoWorkbook(wb, { template: load.template, raters: load.raters, lang: 'zh' });
    const out: Record<string, unknown> = {};
    for (const [name, port] of Object.entries({ office: host.port as GridPort, xlsx: xlsxPort(wb) })) {
      await fillRateeList(port, [{ id: '007' }, { id: '1-2', name: '二号', group: '甲' }]);
      await expect(fillRateeList(port, [{ id: 'U9' }])).rejects.toThrow('名单 row 3 already holds a ratee');
      const fixes = [
        { where: '评分录入!D3', value: 18 },
        { where: '评分录入!E3', value: '3/4' },
      ];
      const before = await port.readCells([
        { sheet: '评分录入', cell: 'D3' },
        { sheet: '评分录入', cell: 'E3' },
      ]);
      const previous = await writeCells(port, fixes);
      const written = await port.readCells([
        { sheet: '评分录入', cell: 'D3' },
        { sheet: '评分录入', cell: 'E3' },
      ]);
      await writeCells(port, previous);
      const undone = await port.readCells([
        { sheet: '评分录入', cell: 'D3' },
        { sheet: '评分录入', cell: 'E3' },
      ]);
      // The typed list columns A–G: the hidden pair column H holds formulas, which the fake
      // Excel does not compute (it reads #CALC!) while the xlsx port reads their cached values.
      const lists = trim((await port.readGrids(['名单']))['名单'].map((r) => r.slice(0, 7)));
      out[name] = { lists, before, written, undone };
    }
    // Text Excel would read as a fraction stays text; the undo puts back what was there.
    expect(out.office).toMatchObject({ written: [18, '3/4'] });
    expect((out.office as { undone: unknown }).undone).toEqual((out.office as { before: unknown }).before);
    expect(out.xlsx).toEqual(out.office);
  });
});
