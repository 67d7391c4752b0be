/**
 * State a clerk can trust: proposed fixes written only with consent (and undone), CSV text pasted
 * into one column recognised and split, results marked stale by the content's fingerprint, and
 * the engine run through the pane's engine module — over the Office adapter and the strict fake.
 */
import { createFakeExcel } from '../../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { OfficeHost } from '../../src/hosts/office';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { fingerprintOf } from '../../src/taskpane/engine/fingerprint';
import { csvPastedAsText, splitCsvLines } from '../../src/taskpane/model/delimited';
import { fixWrites, proposedFixes } from '../../src/taskpane/model/fixes';
import { noScores } from '../../src/taskpane/model/problems';
import { displayTime } from '../../src/taskpane/model/time';
import { changedSince, computeWorkbook } from '../../src/taskpane/workflow';

async function pane() {
  const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  await host.install(sampleWorkload(6, 4));
  typeScores(excel.book);
  return { excel, host };
}

const compute = (host: OfficeHost, write = false) =>
  computeWorkbook(
    host,
    'zh',
    write,
    () => undefined,
    (k) => k,
  );

describe('fixes with consent', () => {
  it('writes only the cells named, and undoes them', async () => {
    const { excel, host } = await pane();
    const entry = excel.book.sheetOrThrow('评分录入');
    entry.ensureCell(3, 3).value = '１８'; // D4: full-width digits
    entry.ensureCell(5, 4).value = '7分'; // E6: unit suffix
    const before = await compute(host);
    const fixes = proposedFixes(before.results.problems);
    expect(fixes.map((f) => [f.where, f.value])).toEqual([
      ['评分录入!D4', 18],
      ['评分录入!E6', 7],
    ]);
    const untouched = entry.ensureCell(6, 3).value;
    const previous = await host.writeCells(fixWrites(fixes.slice(0, 1)));
    expect(previous).toEqual([{ where: '评分录入!D4', value: '１８' }]);
    expect(entry.ensureCell(3, 3).value).toBe(18);
    expect(entry.ensureCell(5, 4).value).toBe('7分'); // not agreed to: not written
    expect(entry.ensureCell(6, 3).value).toBe(untouched);
    const after = await compute(host);
    expect(after.results.problems.map((p) => p.where)).toEqual(['评分录入!E6']);
    await host.writeCells(previous);
    expect(entry.ensureCell(3, 3).value).toBe('１８');
  });

  it('refuses to write into a protected (signed) sheet, changing nothing', async () => {
    const { excel, host } = await pane();
    const ws = excel.book.sheetOrThrow('评分录入');
    ws.ensureCell(3, 3).value = '１８';
    ws.protected = true;
    await expect(host.writeCells([{ where: '评分录入!D4', value: 18 }])).rejects.toThrow(/protected/);
    expect(ws.ensureCell(3, 3).value).toBe('１８');
  });
});

describe('results a clerk can trust', () => {
  it('marks results stale when an entry changes, and not when nothing did', async () => {
    const { excel, host } = await pane();
    const c = await compute(host, true);
    await expect(changedSince(host, c)).resolves.toBeNull();
    excel.book.sheetOrThrow('评分录入').ensureCell(4, 3).value = 1;
    await expect(changedSince(host, c)).resolves.not.toBeNull();
  });

  it('fingerprints content, not places', () => {
    const base = {
      template: { id: 't' } as never,
      entries: [
        { source: 's', rater: 'r', ratee: 'u', cells: { a: 1 }, loc: { sheet: 'x', row: 3, columns: {} } },
      ],
      adjustments: [],
    };
    const moved = { ...base, entries: [{ ...base.entries[0], loc: { sheet: 'x', row: 9, columns: {} } }] };
    expect(fingerprintOf(moved)).toBe(fingerprintOf(base));
    const text = { ...base, entries: [{ ...base.entries[0], cells: { a: '1' } }] };
    expect(fingerprintOf(text)).not.toBe(fingerprintOf(base));
  });

  it('knows an entry sheet without a score is empty (no "0 sheets all counted")', async () => {
    const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
    await host.install(sampleWorkload(6, 4)); // rows prefilled with raters and ratees, no score
    const c = await compute(host);
    expect(c.content.entries.length).toBeGreaterThan(0);
    expect(noScores(c.content.entries)).toBe(true);
    typeScores(excel.book);
    expect(noScores((await compute(host)).content.entries)).toBe(false);
  });

  it('recognises CSV text pasted into the first column and splits it into the row’s columns', async () => {
    const { excel, host } = await pane();
    const ws = excel.book.sheetOrThrow('评分录入');
    const c0 = await compute(host);
    const last = Math.max(...c0.content.entries.map((e) => e.loc!.row));
    const ids = c0.content.template.indicators.map((i) => i.id);
    const first = c0.content.entries[0];
    const lines = [
      ['source', 'rater', 'ratee', ...ids].join(','),
      [first.source, 'X9', first.ratee, ...ids.map(() => '3')].join(','),
    ];
    lines.forEach((l, i) => (ws.ensureCell(last + i, 0).value = l)); // rows last+1, last+2 (0-based last)
    const c = await compute(host);
    const csv = csvPastedAsText(c.content.entries);
    expect(csv.map((l) => l.row)).toEqual([last + 1, last + 2]);
    const { writes, ignored } = splitCsvLines(csv, c.content.template.indicators);
    expect(ignored).toEqual([]);
    await host.writeCells(writes);
    const after = await compute(host);
    const row = after.content.entries.find((e) => e.loc!.row === last + 2)!;
    expect(row).toMatchObject({ source: first.source, rater: 'X9', ratee: first.ratee });
    expect(Object.values(row.cells)).toEqual(ids.map(() => 3));
    expect(after.content.entries.some((e) => e.loc!.row === last + 1)).toBe(false); // header cleared
  });
});

describe('sign-off times as a clerk reads them', () => {
  it('shows the signer’s wall-clock time, the year only when it is not this year', () => {
    const now = new Date(2026, 11, 3);
    expect(displayTime('2026-12-03T15:19:07+08:00', 'zh', now)).toBe('12月3日 15:19');
    expect(displayTime('2025-01-20T09:00:00+08:00', 'zh', now)).toBe('2025年1月20日 09:00');
    expect(displayTime('2026-12-03T15:19:07+08:00', 'en', now)).toBe('12-03 15:19');
    expect(displayTime('not a time', 'zh', now)).toBe('not a time');
  });
});
