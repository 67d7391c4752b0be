/**
 * Ratee separation and strata from the ratee F ratio (between-ratee over residual mean square):
 * G = √(F − 1) is the spread of true ratee differences in units of measurement error,
 * strata H = (4G + 1) / 3 the number of statistically distinct levels (Wright & Masters 1982).
 */

export interface Separation {
  /** Separation index G (0 when F ≤ 1). */
  G: number;
  /** Strata H = (4G + 1)/3. */
  strata: number;
  /** Whole groups the panel reliably tells apart: ⌊H⌋, at least 1. */
  groups: number;
  /** The reliability that goes with G: G² / (1 + G²), which equals ICC(3,k). */
  reliability: number;
}

/** Separation and strata for a ratee F ratio; null when F is not a finite non-negative number. */
export function separationFromF(F: number): Separation | null {
  if (!Number.isFinite(F) || F < 0) return null;
  const G = Math.sqrt(Math.max(0, F - 1));
  const strata = (4 * G + 1) / 3;
  return { G, strata, groups: Math.max(1, Math.floor(strata + 1e-9)), reliability: (G * G) / (1 + G * G) };
}
