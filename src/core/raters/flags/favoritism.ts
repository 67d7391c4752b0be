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
  // Every judged cell's residual, with its rater, ratee, the rater's offset and own scale: one
  // array per field (a large panel has tens of thousands of cells).
  let size = 0;
  ctx.m.raters.forEach((_, r) => {
    if (ctx.judged[r] && !skip.has(r)) size += ctx.paired[r].length;
  });
  const cellR = new Int32Array(size);
  const cellJ = new Int32Array(size);
  const residuals = new Array<number>(size);
  const offsets = new Float64Array(size);
  const ownScales = new Float64Array(size);
  let n = 0;
  ctx.m.raters.forEach((_, r) => {
    if (!ctx.judged[r] || skip.has(r)) return;
    const gaps = ctx.paired[r].map((j) => (ctx.m.totals[r][j] as number) - (ctx.consensus[r][j] as number));
    const offset = median(gaps) as number;
    const own = robustScale(
      gaps.map((g) => g - offset),
      s.favoritismScaleFloor,
    ) as { scale: number };
    ctx.paired[r].forEach((j, k) => {
      cellR[n] = r;
      cellJ[n] = j;
      residuals[n] = gaps[k] - offset;
      offsets[n] = offset;
      ownScales[n++] = own.scale;
    });
  });
  const robust = robustScale(residuals, s.favoritismScaleFloor);
  if (!robust) return [];
  const out: FlagDraft[] = [];
  for (let c = 0; c < size; c++) {
    const points = residuals[c] - robust.center;
    const z = points / robust.scale;
    const ownZ = residuals[c] / ownScales[c];
    if (
      Math.abs(z) < s.favoritismZ ||
      Math.abs(points) < s.favoritismMinPoints ||
      Math.abs(ownZ) < s.favoritismOwnZ
    )
      continue;
    const r = cellR[c];
    const j = cellJ[c];
    out.push({
      rater: r,
      code: 'favoritism',
      level: Math.abs(points) >= s.favoritismAlertPoints ? 'alert' : 'warn',
      ratee: ctx.m.ratees[j],
      evidence: {
        direction: points > 0 ? 'up' : 'down',
        total: fig(ctx.m.totals[r][j]),
        consensus: fig(ctx.consensus[r][j]),
        raterOffset: fig(offsets[c]),
        points: fig(points),
        z: fig(z),
        scale: fig(robust.scale),
        ownZ: fig(ownZ),
        ownScale: fig(ownScales[c]),
      },
    });
  }
  return out;
}
