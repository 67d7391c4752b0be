/**
 * Sign-off in real .xlsx files: written by exceljs, re-read, re-saved by headless LibreOffice.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { webCryptoDigester, type SignoffContent } from '../../src/core/signoff';
import {
  readSignoffRecords,
  signWorkbook,
  verifyWorkbook,
  withdrawInWorkbook,
  type BookVerification,
} from '../../src/hosts/xlsx/signoff';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { SHEETS, fixtureReader, fixtureResults, fixtureWorkbook } from './book';
import { ENTRY_SHEET, exampleContent } from './fixtures';

const d = webCryptoDigester();
/**
 * The fixture's summary formulas are a stand-in, not the engine's, so the sign-off gate sees
 * results that differ from the entries; these tests are about the chain, so they override it.
 */
const override = 'fixture: the summary is not the engine';
const dir = mkdtempSync(join(tmpdir(), 'dp-signoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function content(): SignoffContent {
  const c = exampleContent();
  c.results = fixtureResults(c).map((r, i) => ({ ...r, loc: { sheet: '汇总', row: i + 2, columns: {} } }));
  return c;
}

async function signedFile(name: string, password?: string): Promise<string> {
  const wb = fixtureWorkbook(content());
  const s = await signWorkbook(
    wb,
    { reviewer: '张科长', role: '科长', time: '2025-01-20T09:00:00+08:00', password, override },
    d,
    fixtureReader,
  );
  if (!s.ok) throw new Error(s.message);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function verifyFile(path: string): Promise<BookVerification> {
  return verifyWorkbook(await load(path), d, fixtureReader);
}

/** Every file inside an xlsx (zip), decompressed, as text. */
async function zipTexts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return Promise.all(Object.values(zip.files).map((f) => f.async('string')));
}

describe('sign-off in an xlsx file', () => {
  it('signs: records the reviewer, writes DP_Digests very hidden, protects and locks the signed sheets', async () => {
    const wb0 = fixtureWorkbook(content());
    wb0.getWorksheet(ENTRY_SHEET)!.getCell('D2').protection = { locked: false }; // an entry cell, as installed
    const s = await signWorkbook(
      wb0,
      { reviewer: '张科长', role: '科长', time: '2025-01-20T09:00:00+08:00', override },
      d,
      fixtureReader,
    );
    expect(s.ok).toBe(true);
    const path = join(dir, 'signed.xlsx');
    await wb0.xlsx.writeFile(path);
    const wb = await load(path);
    const records = readSignoffRecords(wb, SHEETS.signoff);
    expect(records).toMatchObject({ ok: true, records: [{ level: 1, reviewer: '张科长', role: '科长' }] });
    expect(wb.getWorksheet('DP_Digests')!.state).toBe('veryHidden');
    const so = wb.getWorksheet(SHEETS.signoff)!;
    expect(so.getCell('D4').value).toBe('2025-01-20T09:00:00+08:00');
    expect(String(so.getCell('F4').value)).toMatch(/^[0-9a-f]{8}$/);
    const protectedSheets = (await zipTexts(path)).filter((t) => t.includes('<sheetProtection')).length;
    expect(protectedSheets).toBe(4); // entry, adjustments, summary, sign-off
    expect(wb.getWorksheet(ENTRY_SHEET)!.getCell('D2').protection?.locked).not.toBe(false);
    expect(await verifyFile(path)).toMatchObject({ ok: true, signed: true });
  });

  it('never stores the protection password', async () => {
    const path = await signedFile('pw.xlsx', 'Geheim-2025');
    const texts = await zipTexts(path);
    expect(texts.some((t) => t.includes('hashValue='))).toBe(true);
    expect(texts.some((t) => t.includes('Geheim-2025'))).toBe(false);
  });

  it('still verifies after LibreOffice re-saves (and recalculates) the signed workbook', async () => {
    const path = await signedFile('for-lo.xlsx', 'pw');
    const resaved = await recalcWithLibreOffice(path);
    expect(readFileSync(resaved).equals(readFileSync(path))).toBe(false);
    expect(await verifyFile(resaved)).toMatchObject({ ok: true, signed: true, levels: [{ state: 'valid' }] });
  });

  it('a score changed in the file breaks level 1 and names sheet, row, rater and ratee', async () => {
    const path = await signedFile('tamper.xlsx');
    const wb = await load(path);
    wb.getWorksheet(ENTRY_SHEET)!.getCell('E6').value = 12;
    const v = await verifyWorkbook(wb, d, fixtureReader);
    expect(v).toMatchObject({
      ok: false,
      brokenLevel: 1,
      reason: 'content-changed',
      changedRows: [{ change: 'changed', sheet: ENTRY_SHEET, row: 6, rater: 'L2', ratee: 'U02' }],
    });
  });

  it('formatting, column widths and colours never break verification (fast-check)', async () => {
    const path = await signedFile('format.xlsx');
    const sheetArb = fc.constantFrom(SHEETS.entry, SHEETS.adjustments, SHEETS.summary, SHEETS.signoff);
    const colour = fc
      .integer({ min: 0, max: 0xffffff })
      .map((n) => 'FF' + n.toString(16).padStart(6, '0').toUpperCase());
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('width' as const),
        sheet: sheetArb,
        col: fc.integer({ min: 1, max: 8 }),
        width: fc.integer({ min: 3, max: 60 }),
      }),
      fc.record({
        kind: fc.constant('fill' as const),
        sheet: sheetArb,
        row: fc.integer({ min: 1, max: 16 }),
        col: fc.integer({ min: 1, max: 8 }),
        colour,
      }),
      fc.record({
        kind: fc.constant('font' as const),
        sheet: sheetArb,
        row: fc.integer({ min: 1, max: 16 }),
        col: fc.integer({ min: 1, max: 8 }),
        colour,
        bold: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('numFmt' as const),
        sheet: sheetArb,
        row: fc.integer({ min: 1, max: 16 }),
        col: fc.integer({ min: 1, max: 8 }),
        fmt: fc.constantFrom('0.0', '0.000', '@', '#,##0.00', 'General'),
      }),
      fc.record({
        kind: fc.constant('height' as const),
        sheet: sheetArb,
        row: fc.integer({ min: 1, max: 16 }),
        height: fc.integer({ min: 10, max: 60 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const wb = await load(path);
        for (const o of ops) {
          const ws = wb.getWorksheet(o.sheet)!;
          if (o.kind === 'width') ws.getColumn(o.col).width = o.width;
          else if (o.kind === 'height') ws.getRow(o.row).height = o.height;
          else {
            const c = ws.getCell(o.row, o.col);
            if (o.kind === 'fill')
              c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: o.colour } };
            else if (o.kind === 'font') c.font = { color: { argb: o.colour }, bold: o.bold };
            else c.numFmt = o.fmt;
          }
        }
        const out = join(dir, 'formatted.xlsx');
        await wb.xlsx.writeFile(out);
        expect(await verifyFile(out)).toMatchObject({ ok: true, signed: true });
      }),
      { numRuns: 25 },
    );
  });

  it('a two-level chain in the file; withdrawing level 2 keeps level 1 valid and shows who, when and why', async () => {
    const path = await signedFile('chain.xlsx');
    const wb = await load(path);
    const two = await signWorkbook(
      wb,
      { reviewer: '李副主任', time: '2025-01-21T10:00:00+08:00', override },
      d,
      fixtureReader,
    );
    expect(two).toMatchObject({ ok: true, record: { level: 2 } });
    const w = await withdrawInWorkbook(
      wb,
      2,
      { by: '李副主任', time: '2025-01-22T08:30:00+08:00', reason: '加分依据待补充' },
      d,
      fixtureReader,
    );
    expect(w.ok).toBe(true);
    const out = join(dir, 'chain-withdrawn.xlsx');
    await wb.xlsx.writeFile(out);
    const v = await verifyFile(out);
    expect(v).toMatchObject({
      ok: true,
      levels: [
        { level: 1, state: 'valid' },
        { level: 2, state: 'withdrawn' },
      ],
    });
    const row = (await load(out)).getWorksheet(SHEETS.signoff)!.getRow(5).values as unknown[];
    expect(row.slice(1, 11)).toEqual([
      2,
      '李副主任',
      undefined,
      '2025-01-21T10:00:00+08:00',
      undefined,
      expect.any(String),
      '已撤回',
      '李副主任',
      '2025-01-22T08:30:00+08:00',
      '加分依据待补充',
    ]);
  });
});
