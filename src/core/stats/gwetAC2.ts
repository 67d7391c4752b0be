/**
 * Gwet's AC2 (the weighted AC1) for several raters with missing ratings, and its standard error
 * (Gwet 2008, British Journal of Mathematical and Statistical Psychology 61:29–48; Handbook of
 * Inter-Rater Reliability, 4th ed., ch. 5 — the computation of R's irrCAC::gwet.ac1.raw with
 * N = Inf). Units rated by nobody are left out; units with one rating count toward the
 * classification probabilities only.
 */
import betainc from '@stdlib/math-base-special-betainc';

export type GwetAC2Result =
  | {
      ok: true;
      /** The coefficient. */
      value: number;
      /** Its standard error (units as a sample from an infinite population). */
      se: number;
      /** Weighted percent agreement and weighted chance agreement. */
      pa: number;
      pe: number;
      /** Two-sided p-value of AC2 = 0 on t with units − 1 df (never 0). */
      p: number;
      /** Units with at least one rating, and with two or more. */
      units: number;
      pairedUnits: number;
    }
  | { ok: false; reason: string };

/**
 * `ratings[unit][rater]`: a category index 0..q−1 or null (not rated). `weights`: q × q agreement
 * weights (ordinalWeights(q) for ordered marks; identity for AC1).
 */
export function gwetAC2(
  ratings: readonly (readonly (number | null)[])[],
  weights: readonly (readonly number[])[],
): GwetAC2Result {
  const q = weights.length;
  if (q < 2) return { ok: false, reason: 'needs at least two categories' };
  // r[i][k]: raters who put unit i in category k, for units with at least one rating.
  const counts: number[][] = [];
  for (const unit of ratings) {
    const c = new Array<number>(q).fill(0);
    let any = false;
    for (const v of unit) {
      if (v === null || v === undefined) continue;
      if (!(Number.isInteger(v) && v >= 0 && v < q))
        throw new Error(`gwetAC2: category ${v} outside 0..${q - 1}`);
      c[v]++;
      any = true;
    }
    if (any) counts.push(c);
  }
  const n = counts.length;
  const ri = counts.map((c) => c.reduce((a, b) => a + b, 0));
  const paired = ri.filter((r) => r >= 2).length;
  if (n < 2 || paired === 0)
    return { ok: false, reason: 'needs at least two units, one of them rated twice or more' };
  const wSum = weights.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const wFactor = wSum / (q * (q - 1));
  // Weighted counts r*_ik = Σ_l w_kl r_il; agreement of unit i among its raters.
  const paUnit = counts.map((c, i) => {
    if (ri[i] < 2) return 0;
    let s = 0;
    for (let k = 0; k < q; k++) {
      let star = 0;
      for (let l = 0; l < q; l++) star += weights[k][l] * c[l];
      s += c[k] * (star - 1);
    }
    return s / (ri[i] * (ri[i] - 1));
  });
  const pa = paUnit.reduce((a, b) => a + b, 0) / paired;
  const pi = new Array<number>(q).fill(0);
  counts.forEach((c, i) => c.forEach((x, k) => (pi[k] += x / ri[i] / n)));
  const pe = wFactor * pi.reduce((s, p) => s + p * (1 - p), 0);
  if (!(1 - pe > 1e-15))
    return { ok: false, reason: 'chance agreement is 1: every rating is in one category' };
  const ac2 = (pa - pe) / (1 - pe);
  // Linearised per-unit terms (irrCAC: ac1.ivec.x) and their variance.
  let ss = 0;
  counts.forEach((c, i) => {
    const peUnit = (wFactor * c.reduce((s, x, k) => s + x * (1 - pi[k]), 0)) / ri[i];
    const ac2Unit = ((n / paired) * (paUnit[i] - (ri[i] >= 2 ? pe : 0))) / (1 - pe);
    const x = ac2Unit - (2 * (1 - ac2) * (peUnit - pe)) / (1 - pe);
    ss += (x - ac2) ** 2;
  });
  const se = Math.sqrt(ss / (n * (n - 1)));
  const df = n - 1;
  let p: number;
  if (se === 0) p = ac2 === 0 ? 1 : Number.MIN_VALUE;
  else {
    const t = ac2 / se;
    p = Math.max(Number.MIN_VALUE, Math.min(1, betainc(df / (df + t * t), df / 2, 0.5, true, false)));
  }
  return { ok: true, value: ac2, se, pa, pe, p, units: n, pairedUnits: paired };
}
