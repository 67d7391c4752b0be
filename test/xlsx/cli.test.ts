/**
 * The command line of the workbook, end to end on real files: `init`, `build` (recalculated by
 * LibreOffice and compared with the engine run on the same CSV files), `score BOOK.xlsx` on a
 * workbook edited by hand, and installing twice or beside a user's own sheets.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from '../../src/cli/commands/build';
import { init } from '../../src/cli/commands/init';
import { scoreBook } from '../../src/cli/commands/score-book';
import { signoffCommand } from '../../src/cli/commands/signoff';
import { verifyCommand } from '../../src/cli/commands/verify';
import type { CliContext } from '../../src/cli/context';
import { InputError } from '../../src/core/errors';
import { computeScores } from '../../src/core/scoring';
import { readAdjustmentsCsv, readRatingsCsv } from '../../src/core/csv';
import type { RawCell, Results } from '../../src/core/types';
import { namedColumn, openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { makeCase, type Case } from '../workbook/cases';
import { engineFigures, workbookFigures } from '../workbook/compare';

const dir = mkdtempSync(join(tmpdir(), 'dp-cli-'));

function context() {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const ctx: CliContext = {
    io: { out: (s) => out.push(s), err: (s) => err.push(s) },
    exit: (c) => (code = Math.max(code, c)),
  };
  return { ctx, out, err, code: () => code };
}

const csvField = (v: RawCell): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes the case as the CSV files of formats.md; returns their paths. */
function writeCsv(c: Case, name: string) {
  const ids = c.template.indicators.map((i) => i.id);
  const ratings = [
    ['source', 'rater', 'ratee', ...ids].join(','),
    ...c.entries.map((e) =>
      [e.source, e.rater, e.ratee, ...ids.map((id) => e.cells[id])].map(csvField).join(','),
    ),
  ].join('\n');
  const adjustments = [
    'ratee,kind,points,reason',
    ...c.adjustments.map((a) => [a.ratee, a.kind, a.points, a.reason ?? ''].map(csvField).join(',')),
  ].join('\n');
  const ratees = ['id,name', ...c.ratees.map((r) => `${r.id},${r.name ?? ''}`)].join('\n');
  const p = (f: string) => join(dir, `${name}-${f}`);
  writeFileSync(p('ratings.csv'), ratings);
  writeFileSync(p('adjustments.csv'), adjustments);
  writeFileSync(p('ratees.csv'), ratees);
  return { ratings: p('ratings.csv'), adjustments: p('adjustments.csv'), ratees: p('ratees.csv') };
}

function writeTemplate(c: Case, name: string): string {
  const path = join(dir, `${name}-template.json`);
  writeFileSync(path, JSON.stringify(c.template));
  return path;
}

describe('duanping build / score BOOK.xlsx', () => {
  const cases = [makeCase(501), makeCase(502), makeCase(503)];
  const books: string[] = [];
  const csvResults: Results[] = [];
  let recalculated: string[] = [];

  beforeAll(async () => {
    for (const [i, c] of cases.entries()) {
      const files = writeCsv(c, `b${i}`);
      const template = writeTemplate(c, `b${i}`);
      const out = join(dir, `built-${i}.xlsx`);
      const run = context();
      await build({ template, ...files, out }, run.ctx);
      expect(run.out.join('\n')).toContain(out);
      books.push(out);
      const entries = readRatingsCsv(readFileSync(files.ratings, 'utf8'), c.template).entries;
      const adjustments = readAdjustmentsCsv(readFileSync(files.adjustments, 'utf8')).adjustments;
      csvResults.push(
        computeScores({ template: c.template, entries, adjustments, ratees: c.ratees }).results,
      );
    }
    // An edited copy of the first book: a clerk pastes bad cells and fixes one.
    const wb = await openXlsx(books[0]);
    const { stored } = readWorkbookContent(wb);
    const e = stored.layout.entry;
    const ws = wb.getWorksheet(e.sheet)!;
    const firstInd = stored.template.indicators.find((i) => !i.levels) ?? stored.template.indicators[0];
    const col = e.indicatorCols[firstInd.id];
    ws.getCell(`${col}${e.firstRow}`).value = String(firstInd.max);
    ws.getCell(`${col}${e.firstRow + 1}`).value = '１０';
    ws.getCell(`${col}${e.firstRow + 2}`).value = firstInd.max + 5;
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    books.push(edited);
    recalculated = await recalcManyWithLibreOffice(books);
  }, 10 * 60_000);

  it('writes workbooks whose live formulas, recalculated by LibreOffice, show the engine’s numbers for the CSV input', async () => {
    for (let i = 0; i < cases.length; i++) {
      const wb = await openXlsx(recalculated[i]);
      const got = workbookFigures(wb);
      for (const [id, fig] of engineFigures(csvResults[i]))
        expect({ i, id, ...got.get(id) }).toEqual({ i, id, ...fig });
      // The summary cells are formulas, not values.
      const built = await openXlsx(books[i]);
      const ws = built.getWorksheet('汇总')!;
      expect(ws.getCell('A3').formula).toBeTruthy();
    }
  });

  it('writes the engine’s figures as cached values: a fresh build shows them and signs as it is', async () => {
    for (let i = 0; i < cases.length; i++) {
      // exceljs never recalculates: what it reads is what the file carries.
      const got = workbookFigures(await openXlsx(books[i]));
      for (const [id, fig] of engineFigures(csvResults[i]))
        expect({ i, id, ...got.get(id) }).toEqual({ i, id, ...fig });
    }
    const signed = join(dir, 'built-0-signed.xlsx');
    const run = context();
    await signoffCommand(
      books[0],
      {
        reviewer: '张科长',
        time: '2025-01-20T09:00:00+08:00',
        allowBackdate: true,
        // The seeded case carries typed mistakes on purpose, which the sign-off gate refuses
        // without a recorded reason.
        override: '样例含故意输入错误',
        out: signed,
      },
      run.ctx,
    );
    expect({ code: run.code(), err: run.err }).toEqual({ code: 0, err: [] });
    const check = context();
    await verifyCommand(signed, {}, check.ctx);
    expect(check.code()).toBe(0);
  });

  it('scores a hand-edited workbook: problems by cell address, results equal to the recalculated formulas', async () => {
    const run = context();
    await scoreBook(books[3], { json: true }, run.ctx);
    expect(run.code()).toBe(1);
    const results = JSON.parse(run.out.join('\n')) as Results;
    const wb = await openXlsx(books[3]);
    const { stored } = readWorkbookContent(wb);
    const e = stored.layout.entry;
    const firstInd = stored.template.indicators.find((i) => !i.levels) ?? stored.template.indicators[0];
    const col = e.indicatorCols[firstInd.id];
    const at = (r: number) => results.problems.find((p) => p.where === `评分录入!${col}${r}`);
    expect(at(e.firstRow)?.code).toBe('number-as-text');
    expect(at(e.firstRow)?.fix).toBe(String(firstInd.max));
    expect(at(e.firstRow + 1)?.code).toBe('full-width-digits');
    expect(at(e.firstRow + 2)?.code).toBe('out-of-range');
    const formulas = workbookFigures(await openXlsx(recalculated[3]));
    for (const [id, fig] of engineFigures(results))
      expect({ id, ...formulas.get(id) }).toEqual({ id, ...fig });
  });

  it('prints a readable report and a one-line error for a file that is not a workbook', async () => {
    const run = context();
    await scoreBook(books[0], {}, run.ctx);
    expect(run.out.join('\n')).toMatch(/最终得分/);
    const notBook = join(dir, 'not.xlsx');
    writeFileSync(notBook, 'hello');
    await expect(scoreBook(notBook, {}, context().ctx)).rejects.toThrow(/not an \.xlsx workbook/);
  });
});

describe('duanping init', () => {
  it('writes a blank workbook with validation, drop-downs, frozen header, names and the stored template', async () => {
    const out = join(dir, 'blank.xlsx');
    const run = context();
    await init({ template: 'democratic-ballot', out }, run.ctx);
    const wb = await openXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '指标',
      '名单',
      '评分录入',
      '计票', // ballot tallies: the template's source can be tallied
      '加减分',
      '汇总',
      '评委分析',
      '签核',
      'DP_Template',
    ]);
    expect(wb.getWorksheet('DP_Template')!.state).toBe('veryHidden');
    for (const n of ['DP_RateeIds', 'DP_Final', 'DP_Rank', 'DP_Tier', 'DP_Entries'])
      expect(() => namedColumn(wb, n)).not.toThrow();
    const xml = execFileSync('unzip', ['-p', out, 'xl/worksheets/sheet4.xml'], {
      maxBuffer: 1 << 26,
    }).toString();
    expect(xml).toMatch(/<dataValidation [^>]*type="list"/);
    expect(xml).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(xml).toContain('<conditionalFormatting');
    expect(execFileSync('unzip', ['-l', out]).toString()).toMatch(/xl\/tables\/table1\.xml/);
    const { content } = readWorkbookContent(wb);
    expect(content.template.id).toBe('democratic-ballot');
    expect(content.entries).toEqual([]);
    expect(content.tallies).toEqual([]);
  });

  it('rejects a bad --on-clash or a missing --out with a one-line error', async () => {
    await expect(init({ template: 'duty-report' }, context().ctx)).rejects.toThrow(InputError);
    await expect(
      init({ template: 'duty-report', out: join(dir, 'x.xlsx'), onClash: 'merge' }, context().ctx),
    ).rejects.toThrow(/--on-clash must be upgrade or rename/);
  });
});

describe('installing into a workbook that has sheets already', () => {
  it('upgrades in place keeping every entry, adjustment and list row, and is idempotent', async () => {
    const c = makeCase(777);
    const files = writeCsv(c, 'up');
    const template = writeTemplate(c, 'up');
    const out = join(dir, 'upgrade.xlsx');
    await build({ template, ...files, out }, context().ctx);
    const before = readWorkbookContent(await openXlsx(out)).content;
    await expect(init({ template, out }, context().ctx)).rejects.toThrow(/exists: add --force/);
    await expect(init({ template, out, force: true }, context().ctx)).rejects.toThrow(
      /already holds a Duanping installation/,
    );
    for (let k = 0; k < 2; k++) {
      const run = context();
      await init({ template, out, onClash: 'upgrade' }, run.ctx);
      expect(run.out.join('\n')).toContain(`${before.entries.length}`);
      const after = readWorkbookContent(await openXlsx(out)).content;
      const strip = <T extends { loc?: unknown }>(xs: T[]) => xs.map(({ loc: _loc, ...rest }) => rest);
      expect(strip(after.entries)).toEqual(strip(before.entries));
      expect(strip(after.adjustments)).toEqual(strip(before.adjustments));
      expect(after.ratees).toEqual(before.ratees);
    }
  });

  it('never overwrites a user sheet of the same name: refuses without a choice, renames with one', async () => {
    const out = join(dir, 'user.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('汇总').getCell('B2').value = '我的数据';
    wb.addWorksheet('其他').getCell('A1').value = 42;
    await wb.xlsx.writeFile(out);
    await expect(init({ template: 'duty-report', out, force: true }, context().ctx)).rejects.toThrow(
      /汇总.*never overwritten.*rename/,
    );
    const run = context();
    await init({ template: 'duty-report', out, onClash: 'rename' }, run.ctx);
    expect(run.out.join('\n')).toContain('汇总 → 汇总 (2)');
    const back = await openXlsx(out);
    expect(back.getWorksheet('汇总')!.getCell('B2').value).toBe('我的数据');
    expect(back.getWorksheet('其他')!.getCell('A1').value).toBe(42);
    expect(namedColumn(back, 'DP_Final')).toBeDefined();
    const { stored } = readWorkbookContent(back);
    expect(stored.layout.summary.sheet).toBe('汇总 (2)');
  });
});
