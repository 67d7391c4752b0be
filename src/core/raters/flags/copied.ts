/**
 * copied (雷同评分表): two raters' sheets identical or nearly so. Share of identical cells among the
 * cells both scored (indicator points; totals when the source has no indicators). Both raters get
 * the flag, each naming the other.
 */
import { fig, type FlagDraft, type SourceContext } from '../context';

/** Number of cells that are not missing (NaN). */
export function filled(a: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) if (!Number.isNaN(a[k])) n++;
  return n;
}

/** Identical share of two raters' cells, or null when fewer than `minCells` are in common or the
 *  share certainly stays below `minShare` (the comparison stops early then). */
export function identicalShare(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  minCells: number,
  minShare: number,
  countA = filled(a),
  countB = filled(b),
): { share: number; common: number } | null {
  const budget = (1 - minShare) * Math.min(countA, countB);
  let common = 0;
  let differ = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    common++;
    if (x !== y && ++differ > budget) return null;
  }
  if (common < minCells) return null;
  return { share: (common - differ) / common, common };
}

export function detectCopied(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const { m } = ctx;
  const nJ = m.ratees.length;
  const width = m.nI > 0 ? nJ * m.nI : nJ;
  const sheet = (r: number): Float64Array =>
    m.nI > 0
      ? m.cells.subarray(r * width, (r + 1) * width)
      : Float64Array.from(m.totals[r], (v) => (v === null ? Number.NaN : v));
  const sheets = m.raters.map((_, r) => sheet(r));
  const counts = sheets.map(filled);
  const out: FlagDraft[] = [];
  for (let a = 0; a < sheets.length; a++)
    for (let b = a + 1; b < sheets.length; b++) {
      const hit = identicalShare(sheets[a], sheets[b], s.copiedMinCells, s.copiedShare, counts[a], counts[b]);
      if (!hit || hit.share < s.copiedShare) continue;
      const level = hit.share >= s.copiedAlertShare ? 'alert' : 'warn';
      for (const [self, other] of [
        [a, b],
        [b, a],
      ])
        out.push({
          rater: self,
          code: 'copied',
          level,
          ratee: null,
          evidence: { other: m.raters[other], identicalShare: fig(hit.share), commonCells: hit.common },
        });
    }
  return out;
}
