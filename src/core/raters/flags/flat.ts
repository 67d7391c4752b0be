/**
 * flat (一碗水端平): the rater barely separates the ratees. The rater's SD of totals against the
 * panel's median SD (a ratio), together with a floor in points.
 */
import { sd } from '../../stats/describe';
import { median } from '../../stats/median';
import { fig, type FlagDraft, type SourceContext } from '../context';

/** Share of values that equal at least one other value. */
export function tiedShare(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let tied = 0;
  for (const c of counts.values()) if (c > 1) tied += c;
  return tied / values.length;
}

export function detectFlat(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const totalsOf = (r: number) => ctx.m.totals[r].filter((v): v is number => v !== null);
  const sds = ctx.m.raters.map((_, r) => (ctx.judged[r] ? sd(totalsOf(r)) : null));
  const panelSd = median(sds.filter((v): v is number => v !== null));
  if (panelSd === null || panelSd <= 0) return [];
  const out: FlagDraft[] = [];
  sds.forEach((raterSd, r) => {
    if (raterSd === null) return;
    const ratio = raterSd / panelSd;
    if (ratio > s.flatSdRatio || panelSd - raterSd < Math.min(s.flatMinPoints, s.flatMinShare * panelSd))
      return;
    const totals = totalsOf(r);
    out.push({
      rater: r,
      code: 'flat',
      level: ratio <= s.flatAlertRatio ? 'alert' : 'warn',
      ratee: null,
      evidence: {
        sd: fig(raterSd),
        panelSd: fig(panelSd),
        sdRatio: fig(ratio),
        range: fig(Math.max(...totals) - Math.min(...totals)),
        tiedShare: fig(tiedShare(totals)),
        ratees: totals.length,
      },
    });
  });
  return out;
}
