/**
 * Sign-off through the Office adapter against the strict fake Excel API: what signing writes and
 * protects, what a later change does to verification, withdrawal, the print layout, and the
 * values-only copy made from `getFileAsync` — which the command line's reader then verifies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { webCryptoDigester } from '../../src/core/signoff';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { FakeDocument } from '../../src/testing/fake-excel/document';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { fakeBookToXlsx } from '../../src/testing/fake-excel/xlsx-file';
import { OfficeHost } from '../../src/hosts/office';
import type { ExportFile } from '../../src/hosts/types';
import { copyFromBytes } from '../../src/hosts/xlsx/copy';
import { verifyWorkbook } from '../../src/hosts/xlsx/signoff';
import { columnIndex } from '../../src/core/address';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { DIGESTS_SHEET, describeVerification } from '../../src/core/signoff';
import { signBook, verifyBook, withdrawBook } from '../../src/workbook/signoff';
import { readStore } from '../../src/workbook/store';

const d = webCryptoDigester();
const T1 = '2025-01-20T09:00:00+08:00';
const T2 = '2025-01-21T10:30:00+08:00';

async function setup(options: { noCompressedFile?: boolean; apiVersion?: string } = {}) {
  const excel = createFakeExcel({
    calculate: (b) => calculateFromEngine(b, 'zh'),
    apiVersion: options.apiVersion,
  });
  const doc = new FakeDocument({
    compressed: () => fakeBookToXlsx(excel.book, ExcelJS),
  });
  const saved: ExportFile[] = [];
  const host = new OfficeHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    kind: 'preview',
    document: doc,
    fileTypes: { compressed: !options.noCompressedFile },
    saveFile: async (f) => {
      saved.push(f);
      return 'downloaded';
    },
  });
  await host.install(sampleWorkload(12, 6));
  typeScores(excel.book);
  calculateFromEngine(excel.book, 'zh');
  const store = excel.book.sheetOrThrow('DP_Template');
  const used = store.usedRect(true)!;
  const { layout } = readStore(
    store.values(`A1:${String.fromCharCode(65 + used.lastCol)}${used.lastRow + 1}`),
  );
  return { excel, host, doc, saved, layout };
}

describe('sign-off in the add-in (Office adapter over the fake Excel)', () => {
  it('signs level 1: the table row, DP_Digests very hidden, the four sheets protected and input cells locked', async () => {
    const { excel, host, layout } = await setup();
    excel.stats.reset();
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', role: '科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    // read: stored + sizes + chunks; write: two probes + batches — bounded, not per row.
    expect(excel.stats.roundTrips).toBeLessThanOrEqual(8);
    expect(excel.stats.autoFlushes).toBe(0);

    const signoff = excel.book.sheetOrThrow('签核');
    expect(signoff.values('A2:G2')[0]).toEqual([
      1,
      '张科长',
      '科长',
      T1,
      '',
      r.record.digest.slice(0, 8),
      '已签核',
    ]);
    expect(signoff.numberFormat('F2')).toBe('@');
    const digests = excel.book.sheetOrThrow(DIGESTS_SHEET);
    expect(digests.visibility).toBe('VeryHidden');
    expect(digests.value('B3')).toBe(r.record.digest);

    for (const name of ['评分录入', '加减分', '汇总', '签核'])
      expect(excel.book.sheetOrThrow(name).protected).toBe(true);
    const entry = excel.book.sheetOrThrow(layout.entry.sheet);
    const scoreCol = columnIndex(Object.values(layout.entry.indicatorCols)[0]);
    expect(entry.lockedAt(layout.entry.firstRow - 1, scoreCol)).toBe(true);
    expect(entry.lockedAt(layout.entry.lastRow - 1, 0)).toBe(true);

    const v = await verifyBook(host.signoffStore(), d);
    expect(v.ok && v.signed).toBe(true);
  });

  it('keeps text that Excel would reinterpret (=…, -…, 007, a digest of digits) as typed, so it still verifies', async () => {
    const { excel, host } = await setup();
    const r = await signBook(
      host.signoffStore(),
      { reviewer: '007', role: '-', comment: '=同意', time: T1 },
      d,
    );
    if (!r.ok) throw new Error(r.message);
    expect(excel.book.sheetOrThrow('签核').values('B2:E2')[0]).toEqual(['007', '-', T1, '=同意']);
    const v = await verifyBook(host.signoffStore(), d);
    expect(v.ok && v.signed).toBe(true);
  });

  it('names the changed score row after signing, and refuses to sign on top of it', async () => {
    const { excel, host, layout } = await setup();
    await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    // Someone unprotected the sheet and changed one score (the cell itself, as Excel would hold it).
    const entry = excel.book.sheetOrThrow(layout.entry.sheet);
    const row = layout.entry.firstRow + 4;
    const col = columnIndex(Object.values(layout.entry.indicatorCols)[1]);
    const cell = entry.ensureCell(row - 1, col);
    cell.value = Number(cell.value) - 1;
    const rater = entry.valueAt(row - 1, columnIndex(layout.entry.raterCol));
    const ratee = entry.valueAt(row - 1, columnIndex(layout.entry.rateeCol));

    const v = await verifyBook(host.signoffStore(), d);
    if (v.ok || v.unreadable !== undefined) throw new Error('expected a broken level');
    expect(v.brokenLevel).toBe(1);
    expect(v.reason).toBe('content-changed');
    expect(v.changedRows).toContainEqual(
      expect.objectContaining({
        section: 'entry',
        sheet: layout.entry.sheet,
        row,
        rater,
        ratee,
        change: 'changed',
      }),
    );
    const again = await signBook(host.signoffStore(), { reviewer: '李主任', time: T2 }, d);
    expect(again.ok).toBe(false);
    expect(excel.book.sheetOrThrow('签核').value('A3')).toBe('');
  });

  it('two levels with a password: level 2 needs it, withdrawing level 2 keeps level 1, withdrawing level 1 unlocks the input cells', async () => {
    const { excel, host, layout } = await setup();
    const one = await signBook(host.signoffStore(), { reviewer: '张科长', time: T1, password: 'pw' }, d);
    expect(one.ok).toBe(true);
    // Without the password the sign-off sheet cannot be opened: Excel's error, nothing written.
    await expect(signBook(host.signoffStore(), { reviewer: '李主任', time: T2 }, d)).rejects.toThrow(
      /password/i,
    );
    expect(excel.book.sheetOrThrow('签核').value('A3')).toBe('');
    const two = await signBook(
      host.signoffStore(),
      { reviewer: '李主任', role: '副主任', time: T2, password: 'pw' },
      d,
    );
    if (!two.ok) throw new Error(two.message);
    expect(two.record.previousDigest).toBe(one.ok ? one.record.digest : '');

    const w2 = await withdrawBook(
      host.signoffStore(),
      2,
      { by: '李主任', reason: '复核发现加分依据不全', time: '2025-01-22T08:00:00+08:00' },
      d,
      'pw',
    );
    expect(w2).toEqual(expect.objectContaining({ ok: true, active: 1 }));
    const signoff = excel.book.sheetOrThrow('签核');
    expect(signoff.values('G3:J3')[0]).toEqual([
      '已撤回',
      '李主任',
      '2025-01-22T08:00:00+08:00',
      '复核发现加分依据不全',
    ]);
    expect(signoff.protected).toBe(true);
    const v = await verifyBook(host.signoffStore(), d);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.levels.map((l) => l.state)).toEqual(['valid', 'withdrawn']);
    expect(excel.book.sheetOrThrow('评分录入').protected).toBe(true);

    const w1 = await withdrawBook(
      host.signoffStore(),
      1,
      { by: '张科长', reason: '更正评分', time: '2025-01-22T09:00:00+08:00' },
      d,
      'pw',
    );
    expect(w1).toEqual(expect.objectContaining({ ok: true, active: 0 }));
    for (const name of ['评分录入', '加减分', '汇总'])
      expect(excel.book.sheetOrThrow(name).protected).toBe(false);
    const entry = excel.book.sheetOrThrow(layout.entry.sheet);
    expect(entry.lockedAt(layout.entry.firstRow - 1, columnIndex(layout.entry.raterCol))).toBe(false);
    // Formula columns stay locked.
    expect(entry.lockedAt(layout.entry.firstRow - 1, columnIndex(layout.entry.totalCol))).toBe(true);
  });

  it('writes the print layout: title, summary values, one signature line per active level, digest in the footer', async () => {
    const { excel, host, layout } = await setup();
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', role: '科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    const name = await host.writePrintLayout();
    expect(name).toBe('打印版');
    const sheet = excel.book.sheetOrThrow(name);
    expect(excel.book.activeSheet).toBe(name);
    expect(sheet.value('A1')).toBe(r.book.title);
    expect(sheet.value('A3')).toBe('编号');
    const summary = excel.book.sheetOrThrow('汇总');
    const s = layout.summary;
    expect(sheet.values('A4:A5').flat()).toEqual(
      summary.values(`${s.rateeCol}${s.firstRow}:${s.rateeCol}${s.firstRow + 1}`).flat(),
    );
    const rows = sheet.values('A4:A40').flat();
    expect(rows).toContain('第1级  科长：张科长');
    expect(sheet.pageLayout.leftFooter).toBe(`签核摘要 ${r.record.digest.slice(0, 8)}`);
    expect(sheet.pageLayout.paperSize).toBe('A4');
    expect(sheet.pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
    // Writing it again replaces the sheet.
    await host.writePrintLayout();
    expect(excel.book.sheets.filter((s) => s.name === name)).toHaveLength(1);
  });

  it('writes the print sheet without page settings where Excel lacks ExcelApi 1.9', async () => {
    const { excel, host } = await setup({ apiVersion: '1.8' });
    await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    const name = await host.writePrintLayout();
    const sheet = excel.book.sheetOrThrow(name);
    expect(sheet.values('A4:A4')[0][0]).not.toBe('');
    expect(sheet.pageLayout).toEqual({});
  });

  it('makes the values-only copy from getFileAsync; the command line verifies it, with no formula left', async () => {
    const { host, doc } = await setup();
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    const bytes = await host.getFile();
    expect(doc.fileOpen).toBe(false);
    expect(doc.stats).toEqual(expect.objectContaining({ filesOpened: 1, filesClosed: 1 }));
    const copy = await copyFromBytes(bytes, { valuesOnly: true, print: true }, d);
    if (!copy.ok || !copy.bytes) throw new Error(`copy failed: ${copy.ok ? 'no bytes' : copy.reason}`);
    expect(copy.replaced).toBeGreaterThan(100);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy.bytes as unknown as ArrayBuffer);
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
    expect(wb.getWorksheet('打印版')).toBeDefined();
    const v = await verifyWorkbook(wb, d);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.levels.map((l) => [l.level, l.reviewer, l.state])).toEqual([[1, '张科长', 'valid']]);
  });

  it('a book signed in the add-in, recalculated and saved by LibreOffice, still verifies with the command line', async () => {
    const { host } = await setup();
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    const dir = mkdtempSync(join(tmpdir(), 'dp-office-lo-'));
    try {
      const file = join(dir, 'signed.xlsx');
      writeFileSync(file, await host.getFile());
      // LibreOffice recomputes every formula on load: the workbook's own formulas, not the engine
      // the preview used, now produce the results that were signed.
      const resaved = await recalcWithLibreOffice(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(resaved);
      const v = await verifyWorkbook(wb, d);
      if (v.unreadable !== undefined) throw new Error(v.unreadable);
      expect(v.ok ? 'valid' : describeVerification(v, 'en').join('\n')).toBe('valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills an empty ratee list (the summary lists 名单) and never writes over a list that is there', async () => {
    const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const load = sampleWorkload(3, 2);
    await host.install({ template: load.template });
    await host.fillRateeList([{ id: '007' }, { id: 'U2', name: '二号' }]);
    const list = excel.book.sheetOrThrow('名单');
    expect(list.values('A3:B4')).toEqual([
      ['007', ''],
      ['U2', '二号'],
    ]);
    await expect(host.fillRateeList([{ id: 'U9' }])).rejects.toThrow('名单 row 3 already holds a ratee');
    expect(list.value('A5')).toBe('');
  });

  it('refuses the copy of a book whose sign-off no longer verifies', async () => {
    const { excel, host } = await setup();
    await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    const summary = excel.book.sheetOrThrow('汇总');
    summary.ensureCell(4, 0).value = 'U999';
    const copy = await copyFromBytes(await host.getFile(), { valuesOnly: true, print: true }, d);
    expect(copy.ok).toBe(false);
    if (!copy.ok) expect(copy.reason).toBe('not-verified');
  });

  it('offers no copy, and says why, where the host cannot give the workbook file (CompressedFile)', async () => {
    const without = await setup({ noCompressedFile: true });
    expect(without.host.fileExports()).toEqual({ copy: false });
    await expect(without.host.getFile()).rejects.toThrow(
      /cannot give the workbook file to add-ins \(CompressedFile\)/,
    );
    expect(without.doc.stats.filesOpened).toBe(0);
  });
});

describe('a ballot book with tallies (计票) in Excel', () => {
  it('signs (the gate counts the tallied marks, the engine reads 计票) and a changed count breaks the level', async () => {
    const { getBuiltinTemplate } = await import('../../src/core/templates');
    const template = getBuiltinTemplate('democratic-ballot')!;
    const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
    const ratees = ['U01', 'U02', 'U03', 'U04'].map((id) => ({ id }));
    await host.install({ template, ratees });
    const store = excel.book.sheetOrThrow('DP_Template');
    const used = store.usedRect(true)!;
    const { layout } = readStore(
      store.values(`A1:${String.fromCharCode(65 + used.lastCol)}${used.lastRow + 1}`),
    );
    const t = layout.tally!;
    const sheet = excel.book.sheetOrThrow(t.sheet);
    let row = t.firstRow - 1;
    ratees.forEach((j, u) =>
      template.indicators.forEach((ind, i) => {
        sheet.ensureCell(row, columnIndex(t.rateeCol)).value = j.id;
        sheet.ensureCell(row, columnIndex(t.indicatorCol)).value = ind.id;
        ['好', '较好', '一般', '差'].forEach(
          (l, k) => (sheet.ensureCell(row, columnIndex(t.countCols[l])).value = ((u + 1) * (k + 2) + i) % 7),
        );
        row++;
      }),
    );
    calculateFromEngine(excel.book, 'zh');
    const content = await host.readContent();
    expect(content.tallies).toHaveLength(ratees.length * template.indicators.length);
    const r = await signBook(host.signoffStore(), { reviewer: '张科长', time: T1 }, d);
    if (!r.ok) throw new Error(r.message);
    const before = await verifyBook(host.signoffStore(), d);
    expect(before.ok && before.signed).toBe(true);
    const cell = sheet.ensureCell(t.firstRow, columnIndex(t.countCols['好']));
    cell.value = Number(cell.value) + 1;
    const v = await verifyBook(host.signoffStore(), d);
    expect(v.ok).toBe(false);
    if (v.ok || !('changedRows' in v)) throw new Error('not broken');
    expect(v.changedRows.map((c) => [c.sheet, c.row])).toContainEqual([t.sheet, t.firstRow + 1]); // ensureCell counts rows from 0
  });
});
