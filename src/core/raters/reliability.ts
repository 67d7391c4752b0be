/**
 * Panel figures of one source on the raters × ratees matrix of row totals: the six ICC forms with
 * 95 % intervals, Kendall's W, Krippendorff's alpha, separation and strata.
 *
 * Missing cells: ICC and Kendall's W need a complete matrix, so they use the complete-case
 * submatrix (stats/complete.ts: the rater or ratee with the largest share of gaps is dropped first,
 * until none is left); `detail.basis` says what was kept. Krippendorff's alpha uses every total.
 */
import { twoWayMeanSquares } from '../stats/anova';
import { completeSubmatrix } from '../stats/complete';
import { gwetAC2 } from '../stats/gwetAC2';
import { ordinalWeights } from '../stats/ordinalWeights';
import { iccAll, ICC_FORMS } from '../stats/icc';
import { kendallW } from '../stats/kendallW';
import { krippendorffAlphaInterval } from '../stats/krippendorff';
import { separationFromF } from '../stats/separation';
import { fig } from './context';
import { levelIndex, type SourceMatrix } from './matrix';
import { separationSentence } from './messages';
import type { SourceReliability } from './types';

/** Reliability needs at least this many raters and ratees in the complete submatrix. */
export const MIN_RELIABILITY_RATERS = 2;
export const MIN_RELIABILITY_RATEES = 3;

export function sourceReliability(m: SourceMatrix): SourceReliability {
  const ratersWithTotals = m.totals.filter((row) => row.some((v) => v !== null)).length;
  const rateesWithTotals = m.ratees.filter((_, j) => m.totals.some((row) => row[j] !== null)).length;
  const out: SourceReliability = {
    icc1: null,
    icc2: null,
    icc3: null,
    icc1k: null,
    icc2k: null,
    icc3k: null,
    kendallW: null,
    alpha: null,
    raters: ratersWithTotals,
    ratees: rateesWithTotals,
  };
  const reasons: string[] = [];
  const detail: Record<string, unknown> = {};

  // Krippendorff's alpha on all totals: units = ratees, coders = raters.
  const units = m.ratees.map((_, j) => m.totals.map((row) => row[j]));
  const alpha = krippendorffAlphaInterval(units);
  if (alpha.ok) {
    out.alpha = fig(alpha.alpha);
    detail.alphaPairableValues = alpha.pairable;
  } else reasons.push(`alpha undefined: ${alpha.reason}`);

  // ICC and W on the complete-case submatrix, ratees in rows and raters in columns.
  const sub = completeSubmatrix(units);
  const keptRaters = sub.cols.map((c) => m.raters[c]);
  detail.basis = {
    ratees: sub.rows.length,
    raters: sub.cols.length,
    droppedRaters: m.raters.filter((_, r) => !sub.cols.includes(r)),
    droppedRatees: m.ratees.filter((_, j) => !sub.rows.includes(j)),
    note:
      sub.rows.length === rateesWithTotals && sub.cols.length === ratersWithTotals
        ? 'ICC and Kendall W use every total (no gaps).'
        : `ICC and Kendall W use the complete-case part: ${sub.rows.length} ratees × ${sub.cols.length} raters (${
            keptRaters.length === ratersWithTotals
              ? 'every rater; ratees with a gap left out'
              : `raters ${keptRaters.join(', ')}`
          }); Krippendorff's alpha uses every total.`,
  };
  if (sub.cols.length < MIN_RELIABILITY_RATERS || sub.rows.length < MIN_RELIABILITY_RATEES) {
    reasons.push(
      `ICC and Kendall W undefined: need at least ${MIN_RELIABILITY_RATERS} raters who all scored the same ${MIN_RELIABILITY_RATEES}+ ratees (complete part: ${sub.cols.length} raters × ${sub.rows.length} ratees)`,
    );
  } else {
    const ms = twoWayMeanSquares(sub.matrix);
    const icc = iccAll(ms);
    if (icc.ok) {
      const ci: Record<string, [number | null, number | null]> = {};
      for (const form of ICC_FORMS) {
        out[form] = fig(icc.forms[form].value);
        ci[form] = [fig(icc.forms[form].lower), fig(icc.forms[form].upper)];
      }
      detail.ci = ci;
      const F = icc.forms.icc3.F;
      detail.F = {
        ratees: fig(F),
        df1: icc.forms.icc3.df1,
        df2: icc.forms.icc3.df2,
        p: fig(icc.forms.icc3.p),
      };
      const sep = separationFromF(F);
      if (sep) {
        // More strata than ratees means every ratee stands apart: say so with the ratee count.
        const groups = Math.min(sep.groups, sub.rows.length);
        detail.separation = { G: fig(sep.G), strata: fig(sep.strata), groups };
        detail.sentence = separationSentence(groups, sep.G);
      } else if (F === Infinity) {
        detail.separation = { G: null, strata: null, groups: null };
        detail.sentence = {
          zh: '各评委对单位的排序完全一致，没有测量误差可估计。',
          en: 'Every rater ordered the units identically, so there is no measurement error to estimate.',
        };
      }
    } else reasons.push(`ICC undefined: ${icc.reason}`);
    const w = kendallW(sub.matrix);
    if (w.ok) {
      out.kendallW = fig(w.W);
      detail.kendall = { chi2: fig(w.chi2), df: w.df, p: fig(w.p) };
    } else reasons.push(`Kendall W undefined: ${w.reason}`);
  }
  if (m.levels) {
    const ac2 = levelAgreement(m);
    out.ac2 = ac2.ok ? ac2.value : null;
    if (!ac2.ok) reasons.push(`AC2 undefined: ${ac2.reason}`);
  }
  if (reasons.length) out.reason = reasons.join('; ');
  out.detail = detail;
  return out;
}

/**
 * Gwet's AC2 with ordinal weights for a level-coded source: every ratee × indicator is a unit,
 * every rater's mark a rating, the levels the ordered categories.
 */
export function levelAgreement(
  m: SourceMatrix,
): { ok: true; value: NonNullable<SourceReliability['ac2']> } | { ok: false; reason: string } {
  const levels = m.levels;
  if (!levels) return { ok: false, reason: 'the source is not level-coded' };
  const q = levels.values[0].length;
  if (levels.values.some((v) => v.length !== q))
    return { ok: false, reason: 'the indicators have different numbers of levels' };
  const nJ = m.ratees.length;
  const units: (number | null)[][] = [];
  for (let j = 0; j < nJ; j++)
    for (let i = 0; i < m.nI; i++)
      units.push(m.raters.map((_, r) => levelIndex(m, i, m.cells[(r * nJ + j) * m.nI + i])));
  const res = gwetAC2(units, ordinalWeights(q));
  if (!res.ok) return res;
  return {
    ok: true,
    value: { value: res.value, se: res.se, p: res.p, pa: res.pa, pe: res.pe, units: res.units, levels: q },
  };
}
