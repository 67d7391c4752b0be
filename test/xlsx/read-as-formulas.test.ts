/**
 * The command line reads a workbook as its formulas do (issue 11, items 5 and 6): merged-away
 * cells are blank (LibreOffice's recalculated totals equal what `score BOOK.xlsx` prints) and
 * reported naming the range; a weight changed on the visible indicator sheet is reported by
 * `score`, refused by the sign-off gate as an input problem, and named by `verify`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readStored } from '../../src/hosts/xlsx/read';
import { xlsxSignoffStore } from '../../src/hosts/xlsx/signoff';
import { repairForWrite } from '../../src/hosts/xlsx/signoff';
import { cli } from '../cli/run';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { builtWorkbook, builtin } from '../signoff/layout-book';

const dir = mkdtempSync(join(tmpdir(), 'dp-read-as-formulas-'));
const base = join(dir, 'base.xlsx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function save(wb: ExcelJS.Workbook, path: string): Promise<string> {
  repairForWrite(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

/** The summary's finals as LibreOffice computed them, by ratee. */
async function finalsOf(wb: ExcelJS.Workbook): Promise<Map<string, number | null>> {
  const results = (await xlsxSignoffStore(wb).read()).content.results;
  return new Map(results.map((r) => [r.ratee, typeof r.final === 'number' ? r.final : null]));
}

interface Json {
  ratees: { ratee: string; final: number | null }[];
  problems: { code: string; where?: string; message: string }[];
}

beforeAll(async () => {
  await builtWorkbook(base, builtin('duty-report'), 6, 4);
}, 600_000);

describe('merged cells', () => {
  it('are blank to the command line as to the formulas, and reported naming the range', async () => {
    const wb = await load(base);
    const { layout } = readStored(wb);
    const e = layout.entry;
    const ws = wb.getWorksheet(e.sheet)!;
    const col = e.indicatorCols[Object.keys(e.indicatorCols)[0]];
    const top = e.firstRow;
    // A score merged over three rows, and a ratee code merged over two rows further down.
    expect(ws.getCell(`${col}${top + 1}`).value).not.toBeNull();
    ws.mergeCells(`${col}${top}:${col}${top + 2}`);
    ws.mergeCells(`${e.rateeCol}${top + 6}:${e.rateeCol}${top + 7}`);
    const merged = await recalcWithLibreOffice(await save(wb, join(dir, 'merged.raw.xlsx')));

    const r = await cli('score', merged, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as Json;
    const lo = await finalsOf(await load(merged));
    const before = await finalsOf(await load(base));
    // The merge changes what the formulas compute (the test is not vacuous) …
    expect([...lo].some(([id, f]) => f !== before.get(id))).toBe(true);
    // … and the command line says the same, ratee by ratee.
    expect(out.ratees.length).toBe(lo.size);
    for (const x of out.ratees) {
      const f = lo.get(x.ratee);
      if (f === null || f === undefined) expect(x.final).toBeNull();
      else expect(x.final).toBeCloseTo(f, 9);
    }
    const merges = out.problems.filter((p) => p.code === 'merged-cell').map((p) => p.message);
    expect(merges).toEqual([
      `${e.sheet}!${col}${top}:${col}${top + 2} 是合并单元格：只有 ${col}${top} 的值参与计算，${col}${top + 1}、${col}${top + 2} 为空（工作簿的公式也这样读）；请取消合并，在每一行填入各自的值。`,
      `${e.sheet}!${e.rateeCol}${top + 6}:${e.rateeCol}${top + 7} 是合并单元格：只有 ${e.rateeCol}${top + 6} 的值参与计算，${e.rateeCol}${top + 7} 为空（工作簿的公式也这样读）；请取消合并，在每一行填入各自的值。`,
    ]);
    const en = await cli('score', merged, '--lang', 'en');
    expect(en.out).toContain(
      `${e.sheet}!${col}${top}:${col}${top + 2} is a merged range: only ${col}${top}'s value counts, ${col}${top + 1}, ${col}${top + 2} are blank`,
    );
  }, 300_000);
});

describe('a date in a score cell', () => {
  it('is reported as the date the clerk sees, and left out as the formulas leave it out', async () => {
    const wb = await load(base);
    const { layout, template } = readStored(wb);
    const e = layout.entry;
    const ind = template.indicators[0];
    const at = `${e.indicatorCols[ind.id]}${e.firstRow + 1}`;
    // What Chinese Excel makes of 3/4 typed into a General cell: the date 4 March, shown 3月4日.
    const cell = wb.getWorksheet(e.sheet)!.getCell(at);
    cell.value = new Date(Date.UTC(2024, 2, 4));
    // (A style of its own: exceljs shares style objects between the cells of a column.)
    cell.style = { ...cell.style, numFmt: 'm"月"d"日"' };
    const dated = await recalcWithLibreOffice(await save(wb, join(dir, 'dated.raw.xlsx')));

    const r = await cli('score', dated, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as Json;
    const p = out.problems.filter((x) => x.code === 'date-as-score');
    expect(p).toHaveLength(1);
    expect(p[0].where).toBe(`${e.sheet}!${at}`);
    expect(p[0].message).toContain(
      `的“${ind.name}”是日期“3月4日”（输入的数字被 Excel 当成了日期），不是分数；应为 0 到 ${ind.max} 之间的数字`,
    );
    expect(p[0].message).not.toContain('45355');
    const lo = await finalsOf(await load(dated));
    for (const x of out.ratees) {
      const f = lo.get(x.ratee);
      if (f === null || f === undefined) expect(x.final).toBeNull();
      else expect(x.final).toBeCloseTo(f, 9);
    }
    const en = await cli('score', dated, '--lang', 'en');
    expect(en.out).toContain('has the date "3月4日"');
  }, 300_000);
});

describe('the visible indicator sheet', () => {
  it('a weight changed on it is reported by score, refused by the gate and named by verify', async () => {
    const wb = await load(base);
    const { layout, template } = readStored(wb);
    const sheet = layout.sheetNames.indicators;
    const ind = template.indicators[0];
    // Row 2 is the first indicator; E holds its weight.
    expect(wb.getWorksheet(sheet)!.getCell('E2').value).toBe(ind.weight);
    wb.getWorksheet(sheet)!.getCell('E2').value = ind.weight + 5;
    const changed = await save(wb, join(dir, 'weight.xlsx'));

    const message = `${sheet}!E2：指标表上指标 ${ind.id} 的权重是“${ind.weight + 5}”，安装时保存的模板是“${ind.weight}”；公式和计算都按保存的模板（${ind.weight}）算，指标表上的改动不起作用。`;
    const r = await cli('score', changed);
    expect(r.code).toBe(1);
    expect(r.out).toContain(message);
    // The totals are those of the stored template: as before the edit.
    const j = JSON.parse((await cli('score', changed, '--json')).out) as Json;
    const b = JSON.parse((await cli('score', base, '--json')).out) as Json;
    expect(j.ratees).toEqual(b.ratees);

    // The sign-off gate counts it as an input problem.
    const s = await cli('signoff', changed, '--reviewer', '张科长', '--out', join(dir, 's1.xlsx'));
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/不能签核：录入还有 1 个问题.*指标!E2/);

    // Signed before the edit: the digests still hold (they cover the stored template), but
    // verify names the difference and exits 1.
    const signed = join(dir, 'signed.xlsx');
    expect((await cli('signoff', base, '--reviewer', '张科长', '--out', signed)).code).toBe(0);
    const wb2 = await load(signed);
    wb2.getWorksheet(sheet)!.getCell('E2').value = ind.weight + 5;
    const signedChanged = await save(wb2, join(dir, 'signed-weight.xlsx'));
    const v = await cli('verify', signedChanged);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/全部 1 级签核有效/);
    expect(v.out).toContain('指标表有 1 处与签核所依据的模板不一致');
    expect(v.out).toContain(message);
    expect((await cli('verify', signed)).code).toBe(0);
  }, 300_000);
});
