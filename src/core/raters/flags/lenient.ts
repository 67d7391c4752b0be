/**
 * lenient (普遍偏高) and severe (普遍偏低): the rater's mean gap to the leave-one-out consensus,
 * as a robust z over the raters of the source, together with a floor in points. Location and scale
 * come from the shortest half of the gaps, so a faction lenient together does not become the norm.
 */
import { mean, sd } from '../../stats/describe';
import { median } from '../../stats/median';
import { shorthScale } from '../../stats/shorth';
import { fig, pairedTotals, type FlagDraft, type SourceContext } from '../context';

export function detectLenientSevere(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const gaps = ctx.m.raters.map((_, r) => {
    if (!ctx.judged[r]) return null;
    const { x, c } = pairedTotals(ctx, r);
    return mean(x.map((v, k) => v - c[k]));
  });
  const robust = shorthScale(
    gaps.filter((g): g is number => g !== null),
    s.lenientScaleFloor,
  );
  if (!robust) return [];
  // The floor in points scales with the panel's own spread: near a ceiling (totals 85–98) a push
  // is clipped at 100 and the gaps are smaller, so is the floor (lenientMinShare × the median SD).
  const sds = ctx.m.raters.flatMap((_, r) => (ctx.judged[r] ? [sd(pairedTotals(ctx, r).x)] : []));
  const panelSd = median(sds.filter((v): v is number => v !== null)) ?? Infinity;
  const floor = Math.min(s.lenientMinPoints, s.lenientMinShare * panelSd);
  const out: FlagDraft[] = [];
  gaps.forEach((gap, r) => {
    if (gap === null) return;
    const points = gap - robust.center;
    const z = points / robust.scale;
    if (Math.abs(z) < s.lenientZ || Math.abs(points) < floor) return;
    out.push({
      rater: r,
      code: points > 0 ? 'lenient' : 'severe',
      level: Math.abs(points) >= s.lenientAlertPoints ? 'alert' : 'warn',
      ratee: null,
      evidence: {
        meanGap: fig(gap),
        panelMedianGap: fig(robust.center),
        points: fig(points),
        z: fig(z),
        scale: fig(robust.scale),
        ratees: ctx.paired[r].length,
      },
    });
  });
  return out;
}
