/**
 * The F and chi-square distributions, from the maintained @stdlib packages.
 * Upper-tail probabilities are returned as 1 − CDF, as R's psych::ICC does.
 */
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import fQuantileStdlib from '@stdlib/stats-base-dists-f-quantile';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/** The p-quantile of the F distribution with (d1, d2) degrees of freedom (d2 may be fractional). */
export function fQuantile(p: number, d1: number, d2: number): number {
  return fQuantileStdlib(p, d1, d2);
}

/** P(F > f) for the F distribution with (d1, d2) degrees of freedom. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  return 1 - fCdf(f, d1, d2);
}

/** P(X > x) for the chi-square distribution with k degrees of freedom. */
export function chiSquareUpperTail(x: number, k: number): number {
  return 1 - chisqCdf(x, k);
}
