/**
 * Big blocks written as XML rows (src/hosts/xlsx/direct-rows.ts) give the same workbook as the
 * cell-by-cell path: for a build, every worksheet, styles.xml and the shared strings are the
 * same bytes (row `spans`, an optional hint, aside); for values and cached results of every
 * kind, texts that need escaping and blocks laid over one another, every cell reads back with
 * the same formula, cached value, value and style (a shared formula cut by a later block may be
 * kept as two shared runs where the cell path writes its cells as plain formulas).
 * A workbook whose rows were kept as XML reads and writes its cells correctly once anything
 * touches them (they become cells first), and a cell written around them is refused, never
 * written twice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import { openXlsx } from '../../src/hosts/xlsx/read';
import { xlsxPort } from '../../src/hosts/xlsx/port';
import {
  applyPlan,
  newWorkbook,
  planToWorkbook,
  writeBlock,
  writePlanXlsx,
} from '../../src/hosts/xlsx/write';
import { buildPlan } from '../../src/workbook/build';
import type { Block, CachedValue, PlanValue, SheetPlan, WorkbookPlan } from '../../src/workbook/plan';
import { makeCase } from '../workbook/cases';

const dir = mkdtempSync(join(tmpdir(), 'dp-direct-'));
const N = 150;

/** The parts of the file that hold cells, keyed by name; `spans` dropped. */
async function cellParts(path: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (/^xl\/(worksheets\/sheet\d+|styles|sharedStrings|workbook)\.xml$/.test(name))
      out[name] = (await zip.file(name)!.async('string')).replace(/ spans="\d+:\d+"/g, '');
  return out;
}

/** Every cell of every sheet as read back: formula (shared ones as the cell's own), result, value, style. */
async function cellsOf(path: string): Promise<Record<string, unknown>> {
  const wb = await openXlsx(path);
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws: ExcelJS.Worksheet) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${ws.name}!${cell.address}`] = {
          formula: cell.formula ?? null,
          result: cell.formula ? (cell.result ?? null) : null,
          value: cell.formula ? null : cell.value,
          style: JSON.stringify(cell.style),
        };
      }),
    ),
  );
  return out;
}

/** The plan written both ways; returns the two files. */
async function bothWays(plan: WorkbookPlan, name: string): Promise<[string, string]> {
  const direct = join(dir, `${name}-direct.xlsx`);
  const cells = join(dir, `${name}-cells.xlsx`);
  await writePlanXlsx(plan, direct);
  await (await planToWorkbook(plan)).xlsx.writeFile(cells);
  return [direct, cells];
}

function sheet(blocks: Block[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    key: 'entry',
    name: 'S',
    columns: [],
    blocks,
    merges: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    ...extra,
  } as SheetPlan;
}

const plan = (sheets: SheetPlan[]): WorkbookPlan => ({ sheets, names: [] }) as unknown as WorkbookPlan;

describe('big blocks as XML rows', () => {
  it('write the same cells as cell objects: every kind of value and result, escaping, overlaps, cut runs', async () => {
    const texts = ['a<b', 'x & y', '"quoted" \'single\'', '全角　文字', 'tab\there', 'ctl\u0001x', ''];
    const values: PlanValue[][] = Array.from({ length: N }, (_, r) => [
      texts[r % texts.length] || null,
      r % 5 === 0 ? null : r * 0.5 - 3,
      r % 7 === 0 ? r % 2 === 0 : `t${r}`,
    ]);
    const results: CachedValue[] = [3.25, 'a<&>"b', true, false, { error: '#N/A' }, '', 1e-7];
    const formulas: (string | null)[][] = Array.from({ length: N }, (_, r) => {
      const row = r + 3;
      return [
        `=IF(A${row}="","<&>",B${row}*2)`, // filled down: shared
        r % 11 === 10 ? null : `=SUM($B$3:B${row})`, // null leaves the value below (none): gaps cut runs
        r < 40 ? `=B${row}+1` : `=B${row}+2`, // two runs
        `="${r}"&A${row}`, // never the same formula moved: plain
        `=SUMIFS(T[c],T[k],A${row})`, // structured: never shared
      ];
    });
    const fResults: CachedValue[][] = formulas.map((row, r) =>
      row.map((_, c) => results[(r + c) % results.length]),
    );
    const s = sheet([
      { at: 'A1', values: [['h1', 'h2', 'h3']], style: { bold: true } },
      { at: 'A3', values, style: { border: true, numFmt: '0.00' } },
      { at: 'D3', formulas, results: fResults, style: { fill: '#E2EFDA', locked: false } },
      // Laid over the above: a style over part of it, a value block cutting a shared run,
      // formulas with null over values (the values stay), a formula block without results.
      { at: 'B10', rows: 30, cols: 4, style: { italic: true, fill: null, hAlign: 'center' } },
      { at: 'D50', values: [[1], [2], [3]], style: { fontColor: '#C00000' } },
      {
        at: 'A60',
        formulas: [
          [null, '=A60&"x"'],
          ['=1/0', null],
        ],
      },
      { at: 'I3', formulas: Array.from({ length: N }, (_, r) => [`=D${r + 3}`]) },
    ]);
    const [direct, cells] = await bothWays(
      plan([sheet([{ at: 'A1', values: [['small']] }], { name: 'T0' }), s]),
      'kinds',
    );
    const a = await cellsOf(direct);
    const b = await cellsOf(cells);
    expect(Object.keys(a).length).toBeGreaterThan(N * 8);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(b)) expect([k, a[k]]).toEqual([k, b[k]]);
    // The big sheet went through the XML rows: the run below the values at D50 stays shared.
    const xml = (await cellParts(direct))['xl/worksheets/sheet2.xml'];
    expect(xml).toMatch(/<f t="shared" ref="D53:D152" si="\d+">/);
    expect(xml).toContain('<v>a&lt;&amp;&gt;&quot;b</v>');
  });

  it('write a whole seeded build the same way, and the entry sheet is written as XML rows', async () => {
    const c = makeCase(1003);
    const p = buildPlan({ template: c.template, ratees: c.ratees, raters: c.raters, entries: c.entries });
    const [direct, cells] = await bothWays(p, 'build');
    const a = await cellParts(direct);
    const b = await cellParts(cells);
    for (const k of Object.keys(b)) expect([k, a[k]]).toEqual([k, b[k]]);
  });

  it('become cells before anything reads or writes them, so a workbook in memory stays whole', async () => {
    const c = makeCase(1004);
    const p = buildPlan({ template: c.template, ratees: c.ratees, raters: c.raters, entries: c.entries });
    const names = p.sheets.map((s) => s.name);
    const wb = newWorkbook();
    await applyPlan(wb, p, { direct: true });
    const plain = await planToWorkbook(p);
    expect(await xlsxPort(wb).readGrids(names)).toEqual(await xlsxPort(plain).readGrids(names));
    // A write into the rows after settling: the cell holds it, its neighbours are unchanged.
    const wb2 = newWorkbook();
    await applyPlan(wb2, p, { direct: true });
    const e = p.layout.entry;
    const ws = wb2.getWorksheet(e.sheet)!;
    writeBlock(ws, { at: `${e.rateeCol}${e.firstRow + 1}`, values: [['NEW']] });
    expect(ws.getCell(`${e.rateeCol}${e.firstRow + 1}`).value).toBe('NEW');
    expect(ws.getCell(`${e.rateeCol}${e.firstRow}`).value).toBe(
      (await xlsxPort(plain).readCells([{ sheet: e.sheet, cell: `${e.rateeCol}${e.firstRow}` }]))[0],
    );
  });

  it('refuse a cell written around them instead of writing its row twice', async () => {
    const wb = newWorkbook();
    const values = Array.from({ length: N }, (_, r) => [r]);
    await applyPlan(wb, plan([sheet([{ at: 'A1', values }])]), { direct: true });
    wb.getWorksheet('S')!.getCell('B20').value = 'around'; // exceljs's API, past our port
    await expect(wb.xlsx.writeBuffer()).rejects.toThrow(/row 20/);
  });
});
