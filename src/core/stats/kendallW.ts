/**
 * Kendall's coefficient of concordance W with the correction for ties, its chi-square statistic
 * and p-value (as R's irr::kendall(x, correct = TRUE)).
 */
import { averageRanks, tieGroupSizes } from './ranks';
import { chiSquareUpperTail } from './distributions';

export type KendallWResult =
  { ok: true; W: number; chi2: number; df: number; p: number; ties: number } | { ok: false; reason: string };

/**
 * W for a complete n × m matrix: n objects (rows) ranked by each of m judges (columns).
 * `ties` is Σ (t³ − t) over the tie groups of every judge.
 */
export function kendallW(matrix: readonly (readonly number[])[]): KendallWResult {
  const n = matrix.length;
  const m = n > 0 ? matrix[0].length : 0;
  if (n < 2 || m < 2) return { ok: false, reason: `needs at least 2 units and 2 raters (got ${n} × ${m})` };
  const rankSums = new Float64Array(n);
  let ties = 0;
  for (let j = 0; j < m; j++) {
    const column = matrix.map((row) => row[j]);
    const r = averageRanks(column);
    for (let i = 0; i < n; i++) rankSums[i] += r[i];
    for (const t of tieGroupSizes(column)) ties += t * t * t - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  let S = 0;
  for (let i = 0; i < n; i++) S += (rankSums[i] - meanSum) ** 2;
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator <= 0)
    return { ok: false, reason: 'every rater gave all units the same score, so there is no order' };
  const W = (12 * S) / denominator;
  const df = n - 1;
  const chi2 = m * df * W;
  return { ok: true, W, chi2, df, p: chiSquareUpperTail(chi2, df), ties };
}
