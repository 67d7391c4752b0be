/**
 * The F and chi-square distributions, from the maintained @stdlib packages.
 * Upper-tail probabilities come from the upper regularized incomplete beta / gamma functions
 * directly (not 1 − CDF), so a tiny p keeps its value instead of cancelling to 0 in double; a p
 * below the smallest double is clamped to Number.MIN_VALUE, so a p-value is never 0 (formats.md).
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import fQuantileStdlib from '@stdlib/stats-base-dists-f-quantile';

/** The p-quantile of the F distribution with (d1, d2) degrees of freedom (d2 may be fractional). */
export function fQuantile(p: number, d1: number, d2: number): number {
  return fQuantileStdlib(p, d1, d2);
}

/** A p-value for the record: never 0 (clamped to the smallest double), NaN stays NaN. */
function pValue(p: number): number {
  if (Number.isNaN(p)) return p;
  return Math.min(1, Math.max(Number.MIN_VALUE, p));
}

/** P(F > f) for the F distribution with (d1, d2) degrees of freedom. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return Number.MIN_VALUE;
  // P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2)
  return pValue(betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false));
}

/** P(X > x) for the chi-square distribution with k degrees of freedom. */
export function chiSquareUpperTail(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return Number.MIN_VALUE;
  return pValue(gammainc(x / 2, k / 2, true, true));
}
