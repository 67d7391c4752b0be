/**
 * Writing speed (issue 16, item 6): `duanping build` from CSV as a user runs it — the bundled
 * program (bin/duanping.js, rebuilt first), one whole process per run — at 1,000 / 6,000 /
 * 12,000 score sheets (30 raters, 20 indicators, three sources, as bench/workbook.ts). Prints
 * the median CPU seconds (user + system, every thread, as the process itself counts them at
 * exit) and wall seconds (measured around the process) of DP_BENCH_BUILD_RUNS runs (default 5,
 * sizes interleaved), against the target: 6,000 score sheets within 3 s.
 *
 * DP_BENCH_BUILD_SIZES=6000 runs fewer sizes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEntries, benchTemplate } from './engine';

const SIZES = (process.env.DP_BENCH_BUILD_SIZES ?? '1000,6000,12000').split(',').map(Number);
const RUNS = Number(process.env.DP_BENCH_BUILD_RUNS ?? 5);
const RATERS = 30;
const INDICATORS = 20;
const TARGET = { size: 6000, seconds: 3 };

const root = join(__dirname, '..');

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** One `duanping build` process: its CPU seconds (reported by itself at exit) and wall seconds. */
function buildOnce(
  template: string,
  ratings: string,
  out: string,
  usage: string,
): { cpu: number; wall: number } {
  rmSync(out, { force: true });
  const script = `process.on('exit', () => { const u = process.cpuUsage();
    require('node:fs').writeFileSync(${JSON.stringify(usage)}, String((u.user + u.system) / 1e6)); });
    process.argv = [process.argv[0], 'duanping', 'build', '--template', ${JSON.stringify(template)},
      '--ratings', ${JSON.stringify(ratings)}, '--out', ${JSON.stringify(out)}];
    require(${JSON.stringify(join(root, 'bin/duanping.js'))});`;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`duanping build failed: ${r.stderr.toString().trim()}`);
  return { cpu: Number(readFileSync(usage, 'utf8')), wall };
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root });
  const dir = mkdtempSync(join(tmpdir(), 'dp-bench-build-'));
  const templateFile = join(dir, 'template.json');
  const template = benchTemplate(INDICATORS);
  // The template as a user writes it (bench/engine.ts's, before validation fills in defaults).
  writeFileSync(
    templateFile,
    JSON.stringify({
      schema: 'duanping.template/1',
      id: template.id,
      name: template.name,
      indicators: template.indicators.map(({ id, name, dimension, max }) => ({ id, name, dimension, max })),
      sources: template.sources.map(({ id, name, weight, aggregate }) => ({ id, name, weight, aggregate })),
      tiers: template.tiers,
    }),
  );
  const ids = template.indicators.map((i) => i.id);
  const inputs = SIZES.map((n) => {
    const file = join(dir, `ratings-${n}.csv`);
    const rows = benchEntries(template, n / RATERS, RATERS).map((e) =>
      [e.source, e.rater, e.ratee, ...ids.map((id) => e.cells[id])].join(','),
    );
    writeFileSync(file, [['source', 'rater', 'ratee', ...ids].join(','), ...rows].join('\n') + '\n');
    return { n, file, out: join(dir, `book-${n}.xlsx`), times: [] as { cpu: number; wall: number }[] };
  });
  const usage = join(dir, 'usage.txt');
  console.log(
    `duanping build (whole process, bundled CLI): ${RATERS} raters × ${INDICATORS} indicators, medians of ${RUNS}`,
  );
  // One warm-up of each size (file cache), then the runs, sizes interleaved.
  for (const i of inputs) buildOnce(templateFile, i.file, i.out, usage);
  for (let r = 0; r < RUNS; r++)
    for (const i of inputs) i.times.push(buildOnce(templateFile, i.file, i.out, usage));
  console.log('  sheets     CPU s    wall s    file');
  for (const i of inputs) {
    const cpu = median(i.times.map((t) => t.cpu));
    const wall = median(i.times.map((t) => t.wall));
    const target =
      i.n === TARGET.size
        ? `   target ≤ ${TARGET.seconds} s: CPU ${cpu <= TARGET.seconds ? 'met' : 'not met'}, wall ${wall <= TARGET.seconds ? 'met' : 'not met'}`
        : '';
    console.log(
      `  ${String(i.n).padStart(6)}   ${cpu.toFixed(2).padStart(6)}   ${wall.toFixed(2).padStart(7)}   ${(statSync(i.out).size / 2 ** 20).toFixed(1)} MB${target}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
