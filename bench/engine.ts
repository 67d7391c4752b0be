/**
 * Engine speed (issues 2 and 16): computeScores on generated data at three sizes, the largest
 * 1,000 ratees × 50 raters × 40 indicators (2 million cells, as CSV text). Target: < 1.5 s,
 * memory growing linearly. Peak memory is sampled while the engine runs. At the largest size
 * the engine's median time is also given as a ratio to the floor (a by-hand two-way ANOVA of the
 * same entries, bench/_anova.ts) and to R's psych::ICC on the same matrix where R is installed.
 */
import { computeScores } from '../src/core/scoring';
import { validateTemplate, type Template } from '../src/core/template';
import type { EntryRow } from '../src/core/types';
import { anovaFloor, medianMs, psychIcc, ratio } from './_anova';

export function benchTemplate(indicators: number): Template {
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: 'bench',
    name: 'bench',
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `I${i + 1}`,
      name: `I${i + 1}`,
      dimension: 'd',
      max: 10,
    })),
    sources: [
      { id: 'a', name: 'A', weight: 5, aggregate: 'mean' },
      { id: 'b', name: 'B', weight: 3, aggregate: 'trimmed' },
      { id: 'c', name: 'C', weight: 2, aggregate: 'median' },
    ],
    tiers: [
      { name: '优秀', min: 85, maxShare: 0.2 },
      { name: '良好', min: 70, maxShare: 0.6 },
      { name: '一般', min: 0 },
    ],
  });
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.template;
}

/** Deterministic CSV-like entries: every rater scores every ratee. */
export function benchEntries(template: Template, ratees: number, raters: number): EntryRow[] {
  const entries: EntryRow[] = [];
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 21) / 2; // 0 … 10 by 0.5
  for (let r = 0; r < raters; r++) {
    const source = template.sources[r % template.sources.length].id;
    for (let j = 0; j < ratees; j++) {
      const cells: EntryRow['cells'] = {};
      for (const ind of template.indicators) cells[ind.id] = String(next());
      entries.push({ source, rater: `R${r}`, ratee: `U${j}`, cells });
    }
  }
  return entries;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

export async function run(): Promise<void> {
  const sizes: [number, number, number][] = [
    [100, 20, 20],
    [400, 30, 30],
    [1000, 50, 40],
  ];
  console.log('size (ratees × raters × indicators)   cells       time      heap peak   target');
  for (const [n, r, k] of sizes) {
    const template = benchTemplate(k);
    const entries = benchEntries(template, n, r);
    (globalThis as { gc?: () => void }).gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const t0 = performance.now();
    const { results } = computeScores({ template, entries });
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (results.ratees.length !== n) throw new Error('bench: wrong number of ratees');
    const label = `${n} × ${r} × ${k}`.padEnd(37);
    const target = n === 1000 ? (ms < 1500 ? '< 1.5 s: met' : '< 1.5 s: MISSED') : '';
    console.log(
      `${label} ${String(n * r * k).padStart(9)}  ${`${ms.toFixed(0)} ms`.padStart(9)}  ${mb(peak - base).padStart(10)}   ${target}`,
    );
  }

  // Against the floor and R: 1,000 × 50 × 40, medians of 3 runs.
  const template = benchTemplate(40);
  const entries = benchEntries(template, 1000, 50);
  const ids = template.indicators.map((i) => i.id);
  const engineMs = medianMs(() => computeScores({ template, entries }), 3);
  let floor = anovaFloor([]);
  const floorMs = medianMs(() => {
    floor = anovaFloor(
      entries.map((e) => ({ ratee: e.ratee, rater: e.rater, values: ids.map((id) => e.cells[id]) })),
    );
  }, 3);
  console.log(
    `engine 1,000 × 50 × 40: ${engineMs.wall.toFixed(0)} ms wall, ${engineMs.cpu.toFixed(0)} ms CPU (medians of 3; target < 1.5 s: ${engineMs.wall < 1500 ? 'met' : 'MISSED'}); floor (two-way ANOVA by hand of the same entries) ${floorMs.wall.toFixed(0)} ms wall, ${floorMs.cpu.toFixed(0)} ms CPU: engine = ${ratio(engineMs.cpu, floorMs.cpu)} the floor (CPU)`,
  );
  const r = psychIcc(floor.totals, floor.n, floor.k);
  console.log(
    r
      ? `engine vs R psych::ICC (lmer = FALSE) on the same ${floor.n} × ${floor.k} totals: R ${(r.seconds * 1000).toFixed(0)} ms for the ICC alone (wall), engine = ${ratio(engineMs.wall, r.seconds * 1000)} R (wall); ICC(2,1) floor ${floor.icc2.toFixed(6)} / R ${r.icc2.toFixed(6)}`
      : 'engine vs R psych::ICC: not available (R with psych not installed, or DP_BENCH_R=0)',
  );
}
