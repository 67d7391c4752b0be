/**
 * The command line's review (issue 13): `--json` carries impact and tierStability, the readable
 * report names the consequence, and `duanping report` writes the 评委分析 report (xlsx, PDF),
 * never overwriting a file without --force.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from '../cli/run';

const examples = join(__dirname, '../../examples');
const example = [
  '--template',
  'duty-report',
  '--ratings',
  join(examples, 'ratings-with-problems.csv'),
  '--adjustments',
  join(examples, 'adjustments.csv'),
  '--ratees',
  join(examples, 'ratees.csv'),
];

describe('score on the README example', () => {
  it('--json carries raters[].impact for the planted rater and ratees[].tierStability', async () => {
    const { out } = await cli('score', ...example, '--json');
    const results = JSON.parse(out);
    const p07 = results.raters.find(
      (r: { rater: string; impact?: unknown }) => r.rater === 'P07' && r.impact,
    );
    expect(p07.impact).toMatchObject({ source: 'public', rater: 'P07', rows: 24 });
    expect(p07.impact.message.zh).toMatch(/^不计 P07：/);
    for (const r of results.ratees) {
      expect(r.tierStability).toMatchObject({ tier: r.tier, draws: 1000 });
      expect(r.tierStability.share).toBeGreaterThanOrEqual(0);
      expect(r.tierStability.share).toBeLessThanOrEqual(1);
    }
  });

  it('the readable report lists who needs review and the consequence', async () => {
    const { out } = await cli('score', ...example);
    // The planted raters of the example: P07 (flat) and M03 (about 12 points lenient; scripts/make-examples.mjs).
    expect(out).toMatch(/需复核 2 位/);
    expect(out).toMatch(/ {2}- 不计 M03：/);
    expect(out).toMatch(/ {2}- 不计 P07：/);
    expect(out).toMatch(/等次稳定性/);
  });

  it('a review column in the CSV is read: 不计入 sets P07 aside, its flag stays with the decision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-review-cli-'));
    const lines = readFileSync(join(examples, 'ratings-with-problems.csv'), 'utf8').trimEnd().split('\n');
    const marked = [
      `${lines[0]},review,reviewNote`,
      ...lines.slice(1).map((l) => (l.split(',')[1] === 'P07' ? `${l},不计入,随意打分` : `${l},,`)),
    ];
    const path = join(dir, 'marked.csv');
    writeFileSync(path, marked.join('\n'));
    const args = [...example];
    args[3] = path;
    const { out } = await cli('score', ...args, '--json');
    const results = JSON.parse(out);
    const p07 = results.raters.find((r: { rater: string }) => r.rater === 'P07');
    expect(p07.decision).toEqual({
      source: 'public',
      rater: 'P07',
      decision: 'setAside',
      marked: 24,
      rows: 24,
      reason: '随意打分',
    });
    expect(p07.impact).toBeUndefined();
    expect(p07.flags.length).toBeGreaterThan(0);
    expect(results.problems.some((p: { code: string }) => p.code === 'unknown-column')).toBe(false);
  });
});

describe('duanping report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-report-'));
  const book = join(dir, 'book.xlsx');
  beforeAll(async () => {
    await cli('build', ...example, '--out', book);
  });

  it('writes the report sheet: reliability, P07 to review, the consequence, stability, bars', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await cli('report', book, '--out', out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('评委分析报告')!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    const all = text.join('\n');
    expect(all).toMatch(/评委分析报告/);
    expect(all).toMatch(/相邻档次之间约相差 \d+\.\d 分/);
    expect(all).toMatch(/二、需复核的评委（2 位）/);
    expect(all).toMatch(/不计 P07：/);
    expect(all).toMatch(/保持原等次的比例低于 80 %/);
    expect(all).toMatch(/█{3,}/);
    expect(ws.pageSetup.paperSize).toBe(9); // A4
  });

  it('refuses to overwrite without --force, and names the file', async () => {
    const out = join(dir, 'exists.pdf');
    writeFileSync(out, 'keep me');
    const r = await cli('report', book, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`duanping: ${out} exists; pass --force to overwrite it`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const bad = await cli('report', book, '--out', join(dir, 'r.txt'));
    expect(bad.err).toMatch(/--out must name a \.pdf or an \.xlsx file/);
  });

  it('prints to PDF through LibreOffice', async () => {
    const out = join(dir, 'report.pdf');
    const r = await cli('report', book, '--out', out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [out]).toString();
    expect(info).toMatch(/Pages:\s+[1-9]/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/); // A4 portrait
  }, 120_000);
});
