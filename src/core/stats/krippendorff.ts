/**
 * Krippendorff's alpha with the interval metric, missing values allowed
 * (Krippendorff 2011, "Computing Krippendorff's alpha-reliability").
 */

export type AlphaResult =
  | { ok: true; alpha: number; observed: number; expected: number; pairable: number }
  | { ok: false; reason: string };

/**
 * Alpha for units × coders (`null` = not coded). Only units coded by at least two coders count.
 * Uses Σ_{i≠j}(v_i − v_j)² = 2(mΣv² − (Σv)²), so the cost is linear in the number of values.
 */
export function krippendorffAlphaInterval(units: readonly (readonly (number | null)[])[]): AlphaResult {
  let pairable = 0;
  let within = 0;
  let sum = 0;
  let sumSq = 0;
  for (const unit of units) {
    let m = 0;
    let s = 0;
    let s2 = 0;
    for (const v of unit) {
      if (v === null) continue;
      m++;
      s += v;
      s2 += v * v;
    }
    if (m < 2) continue;
    pairable += m;
    sum += s;
    sumSq += s2;
    within += (2 * (m * s2 - s * s)) / (m - 1);
  }
  if (pairable < 2) return { ok: false, reason: 'no unit was scored by two or more raters' };
  const observed = within / pairable;
  const expected = (2 * (pairable * sumSq - sum * sum)) / (pairable * (pairable - 1));
  if (!(expected > 1e-12 * Math.max(1, sumSq / pairable)))
    return { ok: false, reason: 'every score is the same, so agreement cannot be told from chance' };
  return { ok: true, alpha: 1 - observed / expected, observed, expected, pairable };
}
