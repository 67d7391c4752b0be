/**
 * Two-way ANOVA without replication on a complete n × k matrix (n targets in rows, k judges in
 * columns), the mean squares Shrout & Fleiss (1979) build every ICC from.
 */

export interface TwoWayMeanSquares {
  /** Targets (rows). */
  n: number;
  /** Judges (columns). */
  k: number;
  /** Between-targets mean square (BMS, psych's MSB); df n − 1. */
  msr: number;
  /** Between-judges mean square (JMS, psych's MSJ); df k − 1. */
  msc: number;
  /** Residual mean square (EMS, psych's MSE); df (n − 1)(k − 1). */
  mse: number;
  /** Within-target mean square of the one-way model (WMS, psych's MSW); df n(k − 1). */
  msw: number;
  /** Total sum of squares about the grand mean. */
  sst: number;
}

/**
 * Mean squares of a complete matrix (every cell a finite number). Throws with a one-line message
 * when the matrix is ragged, has a gap, or is smaller than 2 × 2.
 */
export function twoWayMeanSquares(matrix: readonly (readonly number[])[]): TwoWayMeanSquares {
  const n = matrix.length;
  const k = n > 0 ? matrix[0].length : 0;
  if (n < 2 || k < 2)
    throw new Error(`two-way ANOVA needs at least 2 targets and 2 judges (got ${n} × ${k})`);
  const rowMeans = new Float64Array(n);
  const colMeans = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (row.length !== k)
      throw new Error(`two-way ANOVA: row ${i + 1} has ${row.length} values, expected ${k}`);
    for (let j = 0; j < k; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`two-way ANOVA: cell (${i + 1}, ${j + 1}) is not a finite number`);
      rowMeans[i] += v;
      colMeans[j] += v;
      grand += v;
    }
  }
  for (let i = 0; i < n; i++) rowMeans[i] /= k;
  for (let j = 0; j < k; j++) colMeans[j] /= n;
  grand /= n * k;
  // Sums of squares about the means (two passes: no cancellation between large squared sums).
  let sst = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) sst += (matrix[i][j] - grand) ** 2;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += k * (rowMeans[i] - grand) ** 2;
  let ssc = 0;
  for (let j = 0; j < k; j++) ssc += n * (colMeans[j] - grand) ** 2;
  // Rounding noise of identical values is not variation.
  const tiny = 1e-12 * (grand * grand + 1) * n * k;
  if (sst <= tiny) sst = ssr = ssc = 0;
  const sse = Math.max(0, sst - ssr - ssc);
  return {
    n,
    k,
    msr: ssr / (n - 1),
    msc: ssc / (k - 1),
    mse: sse / ((n - 1) * (k - 1)),
    msw: (ssc + sse) / (n * (k - 1)),
    sst,
  };
}
