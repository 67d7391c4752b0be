/**
 * Measuring sticks for the engine and rater-analysis benches (issue 16, "What to build" 7): a
 * by-hand two-way ANOVA of the same ratees × raters matrix in plain TypeScript (the floor: the
 * least any reliability figure of that matrix costs), and R's psych::ICC where R is installed.
 * Not part of the product (src/ has its own ANOVA, held to R by test/raters/r-reference.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Anova {
  /** Mean squares: between ratees (rows), between raters (columns), residual. */
  msr: number;
  msc: number;
  mse: number;
  /** Shrout & Fleiss ICC(2,1) and ICC(3,1). */
  icc2: number;
  icc3: number;
}

/** Two-way ANOVA without replication of a complete n × k matrix (row-major). */
export function twoWayAnova(x: Float64Array, n: number, k: number): Anova {
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      const v = x[i * k + j];
      rowMean[i] += v;
      colMean[j] += v;
      grand += v;
    }
  grand /= n * k;
  for (let i = 0; i < n; i++) rowMean[i] /= k;
  for (let j = 0; j < k; j++) colMean[j] /= n;
  let ssr = 0;
  let ssc = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) ssr += (rowMean[i] - grand) ** 2;
  for (let j = 0; j < k; j++) ssc += (colMean[j] - grand) ** 2;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) sse += (x[i * k + j] - rowMean[i] - colMean[j] + grand) ** 2;
  const msr = (k * ssr) / (n - 1);
  const msc = (n * ssc) / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  return {
    msr,
    msc,
    mse,
    icc2: (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n),
    icc3: (msr - mse) / (msr + (k - 1) * mse),
  };
}

/**
 * The floor: from score rows (ratee, rater, indicator values as the engine gets them) to the
 * ratees × raters matrix of row totals and its ANOVA. Every value is read once; nothing else.
 */
export function anovaFloor(
  rows: { ratee: string; rater: string; values: ArrayLike<unknown> }[],
): Anova & { n: number; k: number; totals: Float64Array } {
  const rateeIx = new Map<string, number>();
  const raterIx = new Map<string, number>();
  for (const r of rows) {
    if (!rateeIx.has(r.ratee)) rateeIx.set(r.ratee, rateeIx.size);
    if (!raterIx.has(r.rater)) raterIx.set(r.rater, raterIx.size);
  }
  const n = rateeIx.size;
  const k = raterIx.size;
  const totals = new Float64Array(n * k);
  for (const r of rows) {
    let t = 0;
    for (let i = 0; i < r.values.length; i++) t += Number(r.values[i]);
    totals[(rateeIx.get(r.ratee) as number) * k + (raterIx.get(r.rater) as number)] = t;
  }
  return { ...twoWayAnova(totals, n, k), n, k, totals };
}

/** Median wall and CPU milliseconds of `runs` calls of `fn` (after one warm-up call). */
export function medianMs(fn: () => unknown, runs = 5): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[runs >> 1];
  return { wall: mid(wall), cpu: mid(cpu) };
}

function hasPsych(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(psych))'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * R's psych::ICC (lmer = FALSE: the ANOVA estimates, as Shrout & Fleiss) on the same matrix:
 * the seconds R reports for the ICC call alone (its start-up and reading the file excluded) and
 * its ICC(2,1), ICC(3,1); null when R or psych is missing, or DP_BENCH_R=0.
 */
export function psychIcc(
  totals: Float64Array,
  n: number,
  k: number,
): { seconds: number; icc2: number; icc3: number } | null {
  if (process.env.DP_BENCH_R === '0' || !hasPsych()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'dp-bench-r-'));
  try {
    const csv = join(dir, 'm.csv');
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(Array.from(totals.subarray(i * k, (i + 1) * k)).join(','));
    writeFileSync(csv, lines.join('\n') + '\n');
    const script = [
      'suppressMessages(library(psych))',
      `x <- as.matrix(read.csv("${csv}", header = FALSE))`,
      't <- system.time(r <- ICC(x, lmer = FALSE))[["elapsed"]]',
      'cat(t, r$results$ICC[2], r$results$ICC[3], "\\n")',
    ].join('; ');
    const out = execFileSync('Rscript', ['-e', script], { timeout: 30 * 60_000 })
      .toString()
      .trim();
    const [seconds, icc2, icc3] = out.split(/\s+/).map(Number);
    return { seconds, icc2, icc3 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "0.42×" */
export const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×`;
