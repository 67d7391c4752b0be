/**
 * The Office adapter against the strict fake Excel API: what it writes, what it reads back,
 * and how many round trips and bytes each operation costs at three sizes.
 */
import { scoreAndAnalyze } from '../../src/core/pipeline';
import { createFakeExcel, type FakeExcel } from '../../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { OfficeHost } from '../../src/hosts/office';
import { TEMPLATE_SHEET } from '../../src/workbook/plan';

const SIZES = [
  { ratees: 5, raters: 3 },
  { ratees: 40, raters: 10 },
  { ratees: 120, raters: 25 },
];

/** Per-operation bounds of the issue: install ≤ 5, compute ≤ 4, plus one per chunk. */
const INSTALL_BOUND = 5;
const COMPUTE_BOUND = 4;
const FIVE_MB = 5 * 1024 * 1024;

function setup(apiVersion = '1.9', batchBytes?: number) {
  const excel = createFakeExcel({ apiVersion });
  const host = new OfficeHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    kind: 'preview',
    batchBytes,
  });
  return { excel, host };
}

/** Round trips of one operation, with its chunk count (syncs that wrote cells beyond the first). */
async function measure<T>(excel: FakeExcel, op: () => Promise<T>) {
  excel.stats.reset();
  const result = await op();
  const syncs = [...excel.stats.syncs];
  return {
    result,
    syncs,
    roundTrips: syncs.length,
    maxRequest: Math.max(...syncs.map((s) => s.requestBytes)),
  };
}

describe.each(SIZES)('at $ratees ratees × $raters raters per source', ({ ratees, raters }) => {
  const load = sampleWorkload(ratees, raters);
  const rows = ratees * raters * load.template.sources.length;

  it('installs, reads back every typed score, and writes the analysis within the round-trip bounds', async () => {
    const { excel, host } = setup();
    const install = await measure(excel, () => host.install(load));
    const writeSyncs = install.syncs.filter((s) => s.cellsWritten > 0);
    // One probe, then write batches: the extra syncs are chunks, each below the 5 MB limit.
    expect(install.roundTrips).toBeLessThanOrEqual(INSTALL_BOUND + Math.max(0, writeSyncs.length - 1));
    expect(install.maxRequest).toBeLessThan(FIVE_MB);
    expect(excel.stats.autoFlushes).toBe(0);
    // Calculation is suspended in every batch that writes cells.
    for (const s of writeSyncs) expect(s.calculationSuspended).toBe(true);
    expect(install.result.keptEntries).toBe(0);

    expect(typeScores(excel.book)).toBe(rows);
    const read = await measure(excel, () => host.readContent());
    const content = read.result;
    expect(content.entries).toHaveLength(rows);
    expect(content.ratees.map((r) => r.id)).toEqual(load.ratees.map((r) => r.id));
    expect(content.raters).toHaveLength(load.raters.length);
    expect(
      content.entries.every((e) =>
        Object.values(e.cells).every((c) => typeof c === 'number' || typeof c === 'string'),
      ),
    ).toBe(true);
    const readChunks = read.syncs.filter((s) => s.responseBytes > 0).length;
    expect(read.roundTrips).toBeLessThanOrEqual(COMPUTE_BOUND + Math.max(0, readChunks - 3));

    const results = scoreAndAnalyze(content).results;
    expect(results.ratees).toHaveLength(ratees);
    const write = await measure(excel, () => host.writeAnalysis(results));
    expect(write.roundTrips).toBeLessThanOrEqual(COMPUTE_BOUND);
    const analysis = excel.book.sheetOrThrow(install.result.sheets.find((n) => n === '评委分析')!);
    expect(analysis.value('B3')).toBe(results.raters[0].rater);
  });
});

describe('round trips stay flat as the data grows', () => {
  it('uses the same number of syncs at every size, apart from extra write chunks', async () => {
    const fixed: number[] = [];
    for (const size of SIZES) {
      const { excel, host } = setup();
      const load = sampleWorkload(size.ratees, size.raters);
      const r = await measure(excel, () => host.install(load));
      const chunks = r.syncs.filter((s) => s.cellsWritten > 0).length;
      fixed.push(r.roundTrips - chunks);
    }
    expect(fixed).toEqual([1, 1, 1]); // the probe; everything else is write batches
  });

  it('cuts a big install into more batches under a small budget, each below it', async () => {
    const budget = 256 * 1024;
    const { excel, host } = setup('1.9', budget);
    const load = sampleWorkload(120, 25);
    const r = await measure(excel, () => host.install(load));
    expect(r.roundTrips).toBeGreaterThan(3);
    // The estimate leaves headroom: every real request stays below 1.5 × the budget.
    for (const s of r.syncs) expect(s.requestBytes).toBeLessThan(budget * 1.5);
  });
});

describe('install', () => {
  it('lays out the workbook: names, hidden protected template sheet, frozen panes, validation', async () => {
    const { excel, host } = setup();
    await host.install(sampleWorkload(5, 3));
    const book = excel.book;
    expect([...book.names.keys()]).toEqual(
      expect.arrayContaining(['DP_RateeIds', 'DP_Final', 'DP_Rank', 'DP_Tier', 'DP_Entries']),
    );
    expect(book.names.get('DP_Final')!.formula).toMatch(/^='?汇总'?!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    const store = book.sheetOrThrow(TEMPLATE_SHEET);
    expect(store.visibility).toBe('VeryHidden');
    expect(store.protected).toBe(true);
    const entry = book.sheetOrThrow('评分录入');
    expect(entry.freeze).not.toBeNull();
    expect(entry.validations.length).toBeGreaterThan(0);
    expect(entry.formulaCells().next().value?.[1]).toMatch(/^=/);
    expect([...entry.formulaCells()].every(([, f]) => !f.includes('_xlfn.'))).toBe(true);
    expect(book.selection).toEqual({ sheet: '评分录入', address: 'A3' });
  });

  it('degrades gracefully on ExcelApi 1.7: no validation or print settings, and says so', async () => {
    const { excel, host } = setup('1.7');
    await host.install(sampleWorkload(5, 3));
    expect(excel.book.sheetOrThrow('评分录入').validations).toHaveLength(0);
    expect(excel.book.sheets.every((s) => Object.keys(s.pageLayout).length === 0)).toBe(true);
    expect(host.degraded).toEqual([
      'data validation (needs ExcelApi 1.8)',
      'print settings (needs ExcelApi 1.9)',
    ]);
  });

  it('refuses a clash without a choice, naming the sheets', async () => {
    const { host } = setup();
    await host.install(sampleWorkload(5, 3));
    await expect(host.install(sampleWorkload(5, 3))).rejects.toThrow(
      /already holds a Duanping installation \(说明, 指标.*\): choose upgrade/,
    );
  });

  it('upgrades in place keeping typed entries and the sign-off sheet', async () => {
    const { excel, host } = setup();
    const load = sampleWorkload(5, 3);
    await host.install(load);
    typeScores(excel.book);
    excel.book.sheetOrThrow('签核').ensureCell(5, 0).value = 'signed';
    const before = await host.readContent();
    const report = await host.install({ template: load.template, onClash: 'upgrade' });
    expect(report.keptEntries).toBe(before.entries.length);
    const after = await host.readContent();
    expect(after.entries.map((e) => e.cells)).toEqual(before.entries.map((e) => e.cells));
    expect(excel.book.sheetOrThrow('签核').value('A6')).toBe('signed');
    expect(excel.book.sheets.filter((s) => s.name === TEMPLATE_SHEET)).toHaveLength(1);
  });

  it('installs beside sheets of the same name with "rename"', async () => {
    const excel = createFakeExcel({ sheets: ['评分录入', '汇总'] });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const report = await host.install({ ...sampleWorkload(5, 3), onClash: 'rename' });
    expect(report.renamed).toEqual({ 评分录入: '评分录入 (2)', 汇总: '汇总 (2)' });
    expect(excel.book.names.get('DP_Final')!.formula).toContain('汇总 (2)');
    const content = await host.readContent();
    expect(content.entries.length).toBe(5 * 3 * 3);
    await expect(host.install({ ...sampleWorkload(5, 3), onClash: 'upgrade' })).resolves.toBeDefined();
  });

  it('refuses an upgrade where the clashing sheets hold no installation', async () => {
    const excel = createFakeExcel({ sheets: ['汇总'] });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await expect(host.install({ ...sampleWorkload(5, 3), onClash: 'upgrade' })).rejects.toThrow(
      /汇总 that Duanping did not make; they are never overwritten: choose rename/,
    );
  });
});

describe('reading', () => {
  it('reads an error value as an error and look-alike text as text', async () => {
    const { excel, host } = setup();
    await host.install(sampleWorkload(5, 3));
    typeScores(excel.book);
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('评分录入');
      ws.getRange('D3:E3').values = [['#N/A', "'#N/A"]];
      await ctx.sync();
    });
    const content = await host.readContent();
    const cells = Object.values(content.entries[0].cells);
    expect(cells[0]).toEqual({ error: '#N/A' });
    expect(cells[1]).toBe('#N/A');
  });

  it('says plainly when there is no installation', async () => {
    const { host } = setup();
    await expect(host.readContent()).rejects.toThrow(/no Duanping installation/);
    await expect(host.findInstallation()).resolves.toBeNull();
  });
});

describe('selection and highlighting', () => {
  it('selects a cell given as Sheet!A1 in one round trip', async () => {
    const { excel, host } = setup();
    await host.install(sampleWorkload(5, 3));
    const r = await measure(excel, () => host.selectCell('评分录入!F12'));
    expect(r.roundTrips).toBe(1);
    expect(excel.book.selection).toEqual({ sheet: '评分录入', address: 'F12' });
    await expect(host.selectCell('F12')).rejects.toThrow(/not a cell like/);
  });

  it("shows the sheet and selects a rater's first run of rows in one round trip", async () => {
    const { excel, host } = setup();
    await host.install(sampleWorkload(5, 3));
    excel.book.activeSheet = '汇总';
    const r = await measure(excel, () => host.selectRows('评分录入', [12, 9, 10, 11, 30]));
    expect(r.roundTrips).toBe(1);
    expect(excel.book.activeSheet).toBe('评分录入');
    expect(excel.book.selection).toEqual({ sheet: '评分录入', address: '9:12' });
    await expect(host.selectRows('评分录入', [0])).rejects.toThrow(/start at 1/);
  });

  it('fills and clears rows, unprotecting and re-protecting a protected sheet', async () => {
    const { excel, host } = setup();
    await host.install(sampleWorkload(5, 3));
    const sheet = excel.book.sheetOrThrow('汇总');
    sheet.protected = true;
    await host.highlightRows('汇总', [4, 5, 9], '#FFEB9C');
    expect(sheet.style('A4').fill).toBe('#FFEB9C');
    expect(sheet.style('A9').fill).toBe('#FFEB9C');
    expect(sheet.style('A6').fill).not.toBe('#FFEB9C');
    expect(sheet.protected).toBe(true);
    await host.highlightRows('汇总', [4], null);
    expect(sheet.style('A4').fill).toBeUndefined();
    await expect(host.highlightRows('汇总', [0], null)).rejects.toThrow(/start at 1/);
  });
});
