/**
 * lenient (普遍偏高) and severe (普遍偏低): the rater's mean gap to the leave-one-out consensus,
 * as a robust z over the raters of the source, together with a floor in points.
 */
import { mean } from '../../stats/describe';
import { robustScale } from '../../stats/mad';
import { fig, pairedTotals, type FlagDraft, type SourceContext } from '../context';

export function detectLenientSevere(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const gaps = ctx.m.raters.map((_, r) => {
    if (!ctx.judged[r]) return null;
    const { x, c } = pairedTotals(ctx, r);
    return mean(x.map((v, k) => v - c[k]));
  });
  const robust = robustScale(
    gaps.filter((g): g is number => g !== null),
    s.lenientScaleFloor,
  );
  if (!robust) return [];
  const out: FlagDraft[] = [];
  gaps.forEach((gap, r) => {
    if (gap === null) return;
    const points = gap - robust.center;
    const z = points / robust.scale;
    if (Math.abs(z) < s.lenientZ || Math.abs(points) < s.lenientMinPoints) return;
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
