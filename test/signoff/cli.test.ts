/**
 * The sign-off commands end to end on real files: signoff → verify → tamper → verify names the
 * row; withdraw; values-only export still verifies; print layout to PDF via LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import type { CliContext } from '../../src/cli/context';
import { InputError } from '../../src/core/errors';
import * as exportCmd from '../../src/cli/commands/export';
import * as signoff from '../../src/cli/commands/signoff';
import * as verify from '../../src/cli/commands/verify';
import { repairForWrite } from '../../src/hosts/xlsx/signoff';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { builtWorkbook, builtin } from './layout-book';

const dir = mkdtempSync(join(tmpdir(), 'dp-signoff-cli-'));
const master = join(dir, 'master.xlsx');
beforeAll(() => builtWorkbook(master, builtin()), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the commands as the program does: exit code, stdout, stderr (InputError → 2). */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const ctx: CliContext = {
    io: { out: (s) => out.push(s), err: (s) => err.push(s) },
    exit: (c) => (code = Math.max(code, c)),
  };
  const program = new Command('duanping').exitOverride();
  for (const m of [signoff, verify, exportCmd]) m.register(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err.push(`duanping: ${e.message}`);
    code = 2;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function book(name: string): Promise<string> {
  const path = join(dir, name);
  copyFileSync(master, path);
  return path;
}

describe('duanping signoff / verify / withdraw / export', () => {
  it('signs two levels, verifies, then names the changed row after a score is edited', async () => {
    const b = await book('book.xlsx');
    const s1 = join(dir, 's1.xlsx');
    const s2 = join(dir, 's2.xlsx');
    const r1 = await cli(
      'signoff',
      b,
      '--reviewer',
      '张科长',
      '--role',
      '科长',
      '--allow-backdate',
      '--time',
      '2025-01-20T09:00:00+08:00',
      '--out',
      s1,
    );
    expect(r1).toMatchObject({
      err: '',
      code: 0,
      out: expect.stringMatching(
        /^已签核：第1级 张科长（科长） 2025-01-20T09:00:00\+08:00，校验码 [0-9a-f]{8}/,
      ),
    });
    expect((await cli('signoff', s1, '--reviewer', '李副主任', '--out', s2)).code).toBe(0);
    const ok = await cli('verify', s2);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('全部 2 级签核有效');
    // Saved again by LibreOffice, every live formula recalculated: still valid.
    expect(await cli('verify', await recalcWithLibreOffice(s2))).toMatchObject({
      code: 0,
      out: expect.stringContaining('全部 2 级签核有效'),
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s2);
    wb.getWorksheet('评分录入')!.getCell('D7').value = 1;
    const rater = String(wb.getWorksheet('评分录入')!.getCell('B7').value);
    const ratee = String(wb.getWorksheet('评分录入')!.getCell('C7').value);
    const tampered = join(dir, 'tampered.xlsx');
    await wb.xlsx.writeFile(tampered);
    const bad = await cli('verify', tampered, '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Sign-off level 1 is broken: the content changed after signing');
    expect(bad.out).toContain(
      `评分录入 row 7 (source ${rater.split('-')[0]}, rater ${rater}, ratee ${ratee}): changed`,
    );
    const json = JSON.parse((await cli('verify', tampered, '--json')).out);
    expect(json).toMatchObject({ ok: false, brokenLevel: 1, changedRows: [{ sheet: '评分录入', row: 7 }] });

    expect(await cli('signoff', tampered, '--reviewer', 'X', '--out', join(dir, 'x.xlsx'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('level 1 no longer verifies'),
    });
  });

  it('refuses to sign while there are open problems, and signs with a reason the record keeps', async () => {
    // A score typed as "18分" after the book was calculated: an input problem, and a summary
    // that no longer matches the entries.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    wb.getWorksheet('评分录入')!.getCell('D7').value = '18分';
    const open = join(dir, 'open.xlsx');
    repairForWrite(wb);
    await wb.xlsx.writeFile(open);
    const refused = await cli('signoff', open, '--reviewer', '张科长', '--out', join(dir, 'no.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^duanping: 不能签核：录入还有 1 个问题.*评分录入!D7/);
    expect(refused.err).toContain('汇总表的结果与当前录入算出的不一致');
    expect(existsSync(join(dir, 'no.xlsx'))).toBe(false);
    const en = await cli('signoff', open, '--reviewer', 'A', '--lang', 'en', '--out', join(dir, 'no.xlsx'));
    expect(en.err).toContain('--override');

    const signed = join(dir, 'open-signed.xlsx');
    const ok = await cli(
      'signoff',
      open,
      '--reviewer',
      '张科长',
      '--override',
      '主任同意先报，补录后重签',
      '--out',
      signed,
    );
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('放行理由“主任同意先报，补录后重签”已记入签核记录');
    const v = await cli('verify', signed, '--json');
    expect(JSON.parse(v.out)).toMatchObject({ ok: true });
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(signed);
    const sheet = back.getWorksheet('签核')!;
    let row = 0;
    sheet.eachRow((r, i) => void (r.getCell(1).value === 1 ? (row = i) : 0));
    expect(sheet.getCell(`K${row}`).value).toBe('主任同意先报，补录后重签');
    expect(String(sheet.getCell(`L${row}`).value)).toMatch(/录入问题 1 个；\d+ 个结果早于录入/);
    // The reason is part of the record's digest: editing it breaks the level.
    sheet.getCell(`K${row}`).value = '无问题';
    const edited = join(dir, 'open-edited.xlsx');
    await back.xlsx.writeFile(edited);
    expect(JSON.parse((await cli('verify', edited, '--json')).out)).toMatchObject({
      ok: false,
      reason: 'record-altered',
    });
  });

  it('refuses to sign an empty book: no score sheet is counted', async () => {
    const empty = join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.getWorksheet('评分录入')!;
    ws.eachRow((r, i) => {
      if (i >= 3) r.eachCell((c) => (c.formula ? undefined : (c.value = null)));
    });
    repairForWrite(wb);
    await wb.xlsx.writeFile(empty);
    const r = await cli('signoff', empty, '--reviewer', 'A', '--out', join(dir, 'empty-signed.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('评分录入表里还没有分数');
  });

  it('withdraws level 2 and keeps level 1 valid', async () => {
    const b = await book('w.xlsx');
    const s2 = join(dir, 'w2.xlsx');
    await cli('signoff', b, '--reviewer', 'A', '--out', join(dir, 'w1.xlsx'));
    await cli('signoff', join(dir, 'w1.xlsx'), '--reviewer', 'B', '--out', s2);
    const w = await cli(
      'withdraw',
      s2,
      '--level',
      '2',
      '--by',
      'B',
      '--reason',
      '复核',
      '--allow-backdate',
      '--time',
      '2025-01-22T08:00:00+08:00',
      '--out',
      join(dir, 'w3.xlsx'),
    );
    expect(w).toMatchObject({ err: '', code: 0, out: expect.stringContaining('已撤回第2级签核') });
    const v = await cli('verify', join(dir, 'w3.xlsx'));
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/第2级 B .*已撤回（B 于 2025-01-22T08:00:00\+08:00，原因：复核）/);

    // Level 1 still protects the sheets; withdrawing it too lifts protection and unlocks input cells.
    const protectedNow = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.getWorksheet('评分录入')!;
      const sheetProtection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
        .sheetProtection;
      return { sheet: !!sheetProtection?.sheet, scoreLocked: ws.getCell('D3').protection?.locked !== false };
    };
    await expect(protectedNow(join(dir, 'w3.xlsx'))).resolves.toEqual({ sheet: true, scoreLocked: true });
    const last = await cli(
      'withdraw',
      join(dir, 'w3.xlsx'),
      '--level',
      '1',
      '--by',
      'A',
      '--reason',
      '更正评分',
      '--out',
      join(dir, 'w4.xlsx'),
    );
    expect(last.code).toBe(0);
    await expect(protectedNow(join(dir, 'w4.xlsx'))).resolves.toEqual({ sheet: false, scoreLocked: false });
  });

  it('gives one-line errors for a missing file, a workbook not prepared by Duanping, and an unsigned book', async () => {
    expect(await cli('verify', join(dir, 'nope.xlsx'))).toEqual({
      code: 2,
      out: '',
      err: `duanping: cannot read ${join(dir, 'nope.xlsx')}: no such file`,
    });
    const plain = join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(plain);
    expect((await cli('verify', plain)).err).toMatch(
      /^duanping: this workbook has no Duanping installation \(no DP_Template sheet\)/,
    );
    const unsigned = await cli('verify', await book('unsigned.xlsx'));
    expect(unsigned).toMatchObject({ code: 1, out: '尚无有效签核。' });
  });

  it('exports a values-only copy that still verifies, and a print layout to PDF', async () => {
    const b = await book('e.xlsx');
    const signed = join(dir, 'e-signed.xlsx');
    await cli('signoff', b, '--reviewer', '张科长', '--role', '科长', '--out', signed);
    const copy = join(dir, 'copy.xlsx');
    const pdf = join(dir, 'copy.pdf');
    const r = await cli('export', signed, '--values-only', '--print', '--pdf', pdf, '--out', copy);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
    expect(wb.getWorksheet('打印版')!.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    expect(wb.getWorksheet('打印版')!.headerFooter.oddFooter).toMatch(
      /签核摘要 [0-9a-f]{8}.*第 &P 页，共 &N 页/,
    );
    expect((await cli('verify', copy)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+(595\.\d+ x 841\.\d+|841\.\d+ x 595\.\d+) pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
  });

  it('refuses to export a book whose sign-off no longer verifies', async () => {
    const b = await book('r.xlsx');
    const signed = join(dir, 'r-signed.xlsx');
    await cli('signoff', b, '--reviewer', 'A', '--out', signed);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(signed);
    wb.getWorksheet('加减分')!.getCell('C3').value = 3;
    await wb.xlsx.writeFile(signed);
    const out = join(dir, 'r-copy.xlsx');
    expect(await cli('export', signed, '--values-only', '--out', out)).toMatchObject({
      code: 1,
      err: expect.stringContaining('加减分 第3行'),
    });
    expect(existsSync(out)).toBe(false);
  });
});
