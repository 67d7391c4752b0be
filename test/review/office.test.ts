/**
 * The Office adapter writes the 评委分析 report from the same host-neutral plan as the command line
 * (src/workbook/report.ts), against the fake Excel API (load/sync enforced, round trips counted).
 */
import { scoreAndAnalyze } from '../../src/core/pipeline';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { sampleWorkload } from '../../src/testing/fake-excel/workload';
import { OfficeHost } from '../../src/hosts/office';

test('writes the report sheet, shows it, and replaces it when written again', async () => {
  const excel = createFakeExcel({ apiVersion: '1.9' });
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  await host.install(sampleWorkload(12, 6));
  const content = await host.readContent();
  const { results, rows } = scoreAndAnalyze(content, {
    textNumbers: false,
    review: { stability: { draws: 200 } },
  });
  const name = await host.writeReviewReport(results, rows);
  expect(name).toBe('评委分析报告');
  expect(excel.book.activeSheet).toBe(name);
  const sheet = excel.book.sheetOrThrow(name);
  expect(String(sheet.value('A1'))).toMatch(/^评委分析报告 — /);
  const all = sheet.values('A1:F200').flat().map(String).join('\n');
  expect(all).toMatch(/一、评委组一致性/);
  expect(all).toMatch(/四、等次稳定性/);
  expect(sheet.pageLayout.paperSize).toBe('A4');
  await host.writeReviewReport(results, rows);
  expect(excel.book.sheets.filter((s) => s.name === name)).toHaveLength(1);
  // the clerk's sheets are untouched: the entries read back the same
  expect((await host.readContent()).entries).toEqual(content.entries);
});
