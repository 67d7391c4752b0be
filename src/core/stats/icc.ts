/**
 * The six intraclass correlations of Shrout & Fleiss (1979) with their F tests and confidence
 * intervals, computed exactly as R's psych::ICC(x, lmer = FALSE) does.
 */
import type { TwoWayMeanSquares } from './anova';
import { fQuantile, fUpperTail } from './distributions';

export type IccForm = 'icc1' | 'icc2' | 'icc3' | 'icc1k' | 'icc2k' | 'icc3k';

export const ICC_FORMS: readonly IccForm[] = ['icc1', 'icc2', 'icc3', 'icc1k', 'icc2k', 'icc3k'];

export interface IccEstimate {
  value: number;
  /** Confidence bounds; null when they do not exist (e.g. no residual variation). */
  lower: number | null;
  upper: number | null;
  F: number;
  df1: number;
  df2: number;
  p: number;
}

export type IccResult = { ok: true; forms: Record<IccForm, IccEstimate> } | { ok: false; reason: string };

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * All six ICC forms from the two-way mean squares. `confidence` is the two-sided level (0.95).
 * Undefined (ok: false, with a reason) when the targets show no variation at all.
 */
export function iccAll(ms: TwoWayMeanSquares, confidence = 0.95): IccResult {
  const { n, k, msr: B, msc: J, mse: E, msw: W } = ms;
  if (ms.sst === 0)
    return { ok: false, reason: 'every score is the same, so there is no variation to attribute' };
  if (B === 0 && E === 0)
    return { ok: false, reason: 'the units do not differ and judges differ only by a constant offset' };
  const q = 1 - (1 - confidence) / 2;

  const icc1 = (B - W) / (B + (k - 1) * W);
  const icc2 = (B - E) / (B + (k - 1) * E + (k * (J - E)) / n);
  const icc3 = (B - E) / (B + (k - 1) * E);
  const icc1k = (B - W) / B;
  const icc2k = (B - E) / (B + (J - E) / n);
  const icc3k = (B - E) / B;

  const F1 = B / W;
  const df1n = n - 1;
  const df1d = n * (k - 1);
  const F3 = B / E;
  const df3n = n - 1;
  const df3d = (n - 1) * (k - 1);
  const p1 = fUpperTail(F1, df1n, df1d);
  const p3 = fUpperTail(F3, df3n, df3d);

  const F1L = F1 / fQuantile(q, df1n, df1d);
  const F1U = F1 * fQuantile(q, df1d, df1n);
  const F3L = F3 / fQuantile(q, df3n, df3d);
  const F3U = F3 * fQuantile(q, df3d, df3n);

  // ICC(2,1): Satterthwaite-type degrees of freedom (Shrout & Fleiss 1979, eq. for case 2).
  const Fj = J / E;
  const vn = (k - 1) * (n - 1) * (k * icc2 * Fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const vd = (n - 1) * k * k * icc2 * icc2 * Fj * Fj + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const v = vn / vd;
  let L2: number | null = null;
  let U2: number | null = null;
  if (Number.isFinite(v) && v > 0) {
    const Fu = fQuantile(q, n - 1, v);
    const Fl = fQuantile(q, v, n - 1);
    L2 = finite((n * (B - Fu * E)) / (Fu * (k * J + (k * n - k - n) * E) + n * B));
    U2 = finite((n * (Fl * B - E)) / (k * J + (k * n - k - n) * E + n * Fl * B));
  }
  const single = (F: number) => finite((F - 1) / (F + k - 1));
  const average = (F: number) => finite(1 - 1 / F);
  const spearmanBrown = (r: number | null) => (r === null ? null : finite((r * k) / (1 + r * (k - 1))));

  const est = (
    value: number,
    lower: number | null,
    upper: number | null,
    F: number,
    df1: number,
    df2: number,
    p: number,
  ) => ({
    value,
    lower,
    upper,
    F,
    df1,
    df2,
    p,
  });
  return {
    ok: true,
    forms: {
      icc1: est(icc1, single(F1L), single(F1U), F1, df1n, df1d, p1),
      icc2: est(icc2, L2, U2, F3, df3n, df3d, p3),
      icc3: est(icc3, single(F3L), single(F3U), F3, df3n, df3d, p3),
      icc1k: est(icc1k, average(F1L), average(F1U), F1, df1n, df1d, p1),
      icc2k: est(icc2k, spearmanBrown(L2), spearmanBrown(U2), F3, df3n, df3d, p3),
      icc3k: est(icc3k, average(F3L), average(F3U), F3, df3n, df3d, p3),
    },
  };
}
