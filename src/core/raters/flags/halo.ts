/**
 * halo (不分项打分): the same level on every indicator of a ratee. For each ratee, the rater's spread
 * (SD of points ÷ max across indicators) against the other raters' median spread for that ratee;
 * the share of ratees where it is at most haloCellRatio of it, against the panel's median share.
 * Needs at least three indicators.
 */
import { median, leaveOneOutMedians } from '../../stats/median';
import { fig, type FlagDraft, type SourceContext } from '../context';
import { MIN_OTHERS } from '../consensus';

/** SD across indicators of one sheet (normalised points), null with fewer than three values. */
export function sheetSpread(cells: Float64Array, start: number, nI: number): number | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < nI; i++) {
    const v = cells[start + i];
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
    sumSq += v * v;
  }
  if (n < 3) return null;
  return Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)));
}

export function detectHalo(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const { m } = ctx;
  const nR = m.raters.length;
  const nJ = m.ratees.length;
  // Ballot marks are coarse (four levels): one level on every item is an ordinary ballot, not halo.
  if (m.nI < 3 || m.levels) return [];
  const uniform = m.raters.map(() => 0);
  const counted = m.raters.map(() => 0);
  const spreadSum = m.raters.map(() => 0);
  const refSum = m.raters.map(() => 0);
  for (let j = 0; j < nJ; j++) {
    const who: number[] = [];
    const spreads: number[] = [];
    for (let r = 0; r < nR; r++) {
      const v = sheetSpread(m.cells, (r * nJ + j) * m.nI, m.nI);
      if (v !== null) {
        who.push(r);
        spreads.push(v);
      }
    }
    if (spreads.length < MIN_OTHERS + 1) continue;
    leaveOneOutMedians(spreads).forEach((ref, x) => {
      const r = who[x];
      counted[r]++;
      spreadSum[r] += spreads[x];
      refSum[r] += ref as number;
      if ((ref as number) > 0 && spreads[x] <= s.haloCellRatio * (ref as number)) uniform[r]++;
    });
  }
  const share = m.raters.map((_, r) =>
    ctx.judged[r] && counted[r] >= s.minRatees ? uniform[r] / counted[r] : null,
  );
  const panel = median(share.filter((v): v is number => v !== null));
  if (panel === null) return [];
  const out: FlagDraft[] = [];
  share.forEach((h, r) => {
    if (h === null || h < s.haloShare || h - panel < s.haloMinGap) return;
    out.push({
      rater: r,
      code: 'halo',
      level: h >= s.haloAlertShare ? 'alert' : 'warn',
      ratee: null,
      evidence: {
        share: fig(h),
        panelMedianShare: fig(panel),
        ratees: counted[r],
        meanSpread: fig(spreadSum[r] / counted[r]),
        panelSpread: fig(refSum[r] / counted[r]),
      },
    });
  });
  return out;
}
