/**
 * favoritism (打感情分 / 打压): one ratee far above (or below) what the others gave, beyond the
 * rater's own offset. Residual = total − consensus − the rater's median gap; robust z over all
 * cells of the source, together with a floor in points and a robust z against the rater's own scatter
 * (so a rater who is loose everywhere is not said to favour the one unit that came out highest). Raters already flagged flat or erratic are
 * skipped: their residuals reflect the whole sheet, not one ratee.
 */
import { median } from '../../stats/median';
import { robustScale } from '../../stats/mad';
import { fig, type FlagDraft, type SourceContext } from '../context';

export function detectFavoritism(ctx: SourceContext, skip: ReadonlySet<number>): FlagDraft[] {
  const s = ctx.settings;
  const cells: { r: number; j: number; residual: number; offset: number; ownScale: number }[] = [];
  ctx.m.raters.forEach((_, r) => {
    if (!ctx.judged[r] || skip.has(r)) return;
    const gaps = ctx.paired[r].map((j) => (ctx.m.totals[r][j] as number) - (ctx.consensus[r][j] as number));
    const offset = median(gaps) as number;
    const own = robustScale(
      gaps.map((g) => g - offset),
      s.favoritismScaleFloor,
    ) as { scale: number };
    ctx.paired[r].forEach((j, k) =>
      cells.push({ r, j, residual: gaps[k] - offset, offset, ownScale: own.scale }),
    );
  });
  const robust = robustScale(
    cells.map((c) => c.residual),
    s.favoritismScaleFloor,
  );
  if (!robust) return [];
  const out: FlagDraft[] = [];
  for (const c of cells) {
    const points = c.residual - robust.center;
    const z = points / robust.scale;
    const ownZ = c.residual / c.ownScale;
    if (
      Math.abs(z) < s.favoritismZ ||
      Math.abs(points) < s.favoritismMinPoints ||
      Math.abs(ownZ) < s.favoritismOwnZ
    )
      continue;
    out.push({
      rater: c.r,
      code: 'favoritism',
      level: Math.abs(points) >= s.favoritismAlertPoints ? 'alert' : 'warn',
      ratee: ctx.m.ratees[c.j],
      evidence: {
        direction: points > 0 ? 'up' : 'down',
        total: fig(ctx.m.totals[c.r][c.j]),
        consensus: fig(ctx.consensus[c.r][c.j]),
        raterOffset: fig(c.offset),
        points: fig(points),
        z: fig(z),
        scale: fig(robust.scale),
        ownZ: fig(ownZ),
        ownScale: fig(c.ownScale),
      },
    });
  }
  return out;
}
