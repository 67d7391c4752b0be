/**
 * Engine speed (issue 2): computeScores on generated data at three sizes, the largest
 * 1,000 ratees × 50 raters × 40 indicators (2 million cells, as CSV text). Target: < 1.5 s,
 * memory growing linearly. Peak memory is sampled while the engine runs.
 */
import { computeScores } from '../src/core/scoring';
import { validateTemplate, type Template } from '../src/core/template';
import type { EntryRow } from '../src/core/types';

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
}
