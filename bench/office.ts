/**
 * The Office adapter (issue 5): round trips and payload bytes per operation against the strict
 * fake Excel API at three sizes (they must stay flat as data grows, apart from write/read
 * chunks), and the gzipped size of the add-in's production task-pane scripts.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scoreAndAnalyze } from '../src/core/pipeline';
import { createFakeExcel, type FakeExcel } from '../src/testing/fake-excel';
import { sampleWorkload, typeScores } from '../src/testing/fake-excel/workload';
import ExcelJS from 'exceljs';
import { webCryptoDigester } from '../src/core/signoff';
import { fakeBookToXlsx } from '../src/testing/fake-excel/xlsx-file';
import { OfficeHost } from '../src/hosts/office';
import { copyFromBytes } from '../src/hosts/xlsx/copy';
import { calculateFromEngine } from '../src/preview/fakeWorkbook';
import { signBook, verifyBook, withdrawBook } from '../src/workbook/signoff';

const SIZES = [
  { ratees: 10, raters: 5 },
  { ratees: 60, raters: 15 },
  { ratees: 200, raters: 30 },
];

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

async function measure(
  excel: FakeExcel,
  label: string,
  target: string,
  op: () => Promise<unknown>,
): Promise<void> {
  excel.stats.reset();
  const t0 = performance.now();
  await op();
  const ms = performance.now() - t0;
  const s = excel.stats;
  const chunks = s.syncs.filter((x) => x.cellsWritten > 0 || x.responseBytes > 64 * 1024).length;
  console.log(
    `  ${label.padEnd(14)} ${String(s.roundTrips).padStart(2)} round trips (${chunks} carrying data), ` +
      `out ${kb(s.requestBytes)} (largest ${kb(s.maxRequestBytes)} of 5120 KB), in ${kb(s.responseBytes)}, ` +
      `${ms.toFixed(0)} ms in the fake  [target ${target}]`,
  );
}

async function roundTrips(): Promise<void> {
  for (const size of SIZES) {
    const load = sampleWorkload(size.ratees, size.raters);
    const rows = size.ratees * size.raters * load.template.sources.length;
    console.log(
      `${size.ratees} ratees × ${size.raters} raters × ${load.template.sources.length} sources (${rows} score sheets):`,
    );
    const excel = createFakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await measure(excel, 'install', '≤ 5 + 1 per chunk', () => host.install(load));
    typeScores(excel.book);
    let content: Awaited<ReturnType<OfficeHost['readContent']>> | undefined;
    await measure(excel, 'readContent', '≤ 4 + 1 per chunk', async () => {
      content = await host.readContent();
    });
    const results = scoreAndAnalyze(content!).results;
    await measure(excel, 'writeAnalysis', '≤ 4', () => host.writeAnalysis(results));
    await measure(excel, 'highlightRows', '≤ 4', () =>
      host.highlightRows('评分录入', [3, 4, 5, 10], '#FFEB9C'),
    );
    await measure(excel, 'selectCell', '1', () => host.selectCell('评分录入!D3'));
    await measure(excel, 'upgrade', '≤ 5 + 1 per chunk', () =>
      host.install({ template: load.template, onClash: 'upgrade' }),
    );
    // Sign-off (issue 6): the summary must show values, as Excel's would: the preview's engine hook.
    excel.setCalculate((b) => calculateFromEngine(b, 'zh'));
    calculateFromEngine(excel.book, 'zh');
    const store = host.signoffStore();
    const d = webCryptoDigester();
    await measure(excel, 'sign', 'none set; flat + 1 per chunk', async () => {
      const r = await signBook(store, { reviewer: '甲', time: '2025-01-20T09:00:00+08:00' }, d);
      if (!r.ok) throw new Error(r.message);
    });
    await measure(excel, 'verify', 'none set; flat + 1 per chunk', async () => {
      const v = await verifyBook(store, d);
      if (!v.ok) throw new Error('the signed book did not verify');
    });
    await measure(excel, 'printLayout', 'none set; flat + 1 per chunk', () => host.writePrintLayout());
    await measure(excel, 'withdraw', 'none set; flat + 1 per chunk', async () => {
      const w = await withdrawBook(
        store,
        1,
        { by: '甲', reason: '测', time: '2025-01-21T09:00:00+08:00' },
        d,
      );
      if (!w.ok) throw new Error(w.message);
    });
    if (rows <= 5000) {
      const t0 = performance.now();
      const bytes = await fakeBookToXlsx(excel.book, ExcelJS);
      const t1 = performance.now();
      const copy = await copyFromBytes(bytes, { valuesOnly: true, print: true }, d);
      if (!copy.ok) throw new Error(`copy: ${copy.reason}`);
      console.log(
        `  values-only copy: ${kb(bytes.length)} file in, ${kb(copy.bytes!.length)} out, ${(performance.now() - t1).toFixed(0)} ms` +
          ` to verify, replace formulas and add the print sheet (exceljs; the fake's own save took ${(t1 - t0).toFixed(0)} ms) [no target]`,
      );
    }
  }
}

/** Builds the add-in in production mode into a temporary folder and gzips its task-pane scripts. */
async function bundleSize(): Promise<void> {
  const require = createRequire(__filename);
  const webpack = require('webpack') as typeof import('webpack');
  const makeConfig = require('../webpack.config.js') as (
    env: object,
    argv: object,
  ) => Promise<import('webpack').Configuration>;
  const out = mkdtempSync(join(tmpdir(), 'dp-bench-addin-'));
  const config = await makeConfig({}, { mode: 'production' });
  config.mode = 'production';
  config.output = { ...config.output, path: out };
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/src="?([^" >]+\.js)/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  const gz = scripts.reduce((a, f) => a + gzipSync(readFileSync(join(out, f))).length, 0);
  const raw = scripts.reduce((a, f) => a + readFileSync(join(out, f)).length, 0);
  console.log(`add-in production build: ${((performance.now() - t0) / 1000).toFixed(1)} s (no target)`);
  console.log(
    `task-pane scripts (${scripts.join(', ')}): ${kb(raw)} minified, ${kb(gz)} gzipped [target ≤ 400 KB gzipped]`,
  );
  const all = readdirSync(out).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !scripts.includes(f) && !f.startsWith('commands'));
  for (const f of lazy)
    console.log(
      `  loaded on demand: ${f}: ${kb(gzipSync(readFileSync(join(out, f))).length)} gzipped (only when a copy is exported)`,
    );
  if (all.some((f) => f.startsWith('preview'))) console.log('WARNING: the add-in build contains the preview');
}

export async function run(): Promise<void> {
  await roundTrips();
  await bundleSize();
}
