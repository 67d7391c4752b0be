/**
 * erratic (随意打分): the rater's scores do not follow the panel. Correlation of the rater's cells
 * with the leave-one-out consensus cells, within each indicator (so it asks "does this rater order
 * the units like the others, item by item"), pooled over indicators. Judged only where the panel
 * itself agrees (median correlation ≥ erraticPanelMin); flagged when the correlation is at or below
 * a practical floor and a Fisher-z test puts it clearly below the panel's median.
 */
import { spearman } from '../../stats/correlation';
import { median } from '../../stats/median';
import { averageRanks, fewValueRanksInto } from '../../stats/ranks';
import type { CellConsensus } from '../consensus';
import { fig, pairedTotals, type FlagDraft, type SourceContext } from '../context';

/** Pooled within-indicator rank correlation of the rater's cells with the consensus cells, and the cell count. */
export function cellAgreement(
  ctx: SourceContext,
  consensus: CellConsensus,
  r: number,
): { correlation: number | null; cells: number } {
  const { m } = ctx;
  const nJ = m.ratees.length;
  const nI = m.nI;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let cells = 0;
  const a = new Float64Array(nJ);
  const b = new Float64Array(nJ);
  const ra = new Float64Array(nJ);
  const rb = new Float64Array(nJ);
  const ranks = (v: Float64Array, n: number, out: Float64Array) => {
    if (!fewValueRanksInto(v, n, out)) out.set(averageRanks(v.subarray(0, n)));
  };
  const mc = m.cells;
  const table = consensus.table;
  for (let i = 0; i < nI; i++) {
    let n = 0;
    for (let j = 0; j < nJ; j++) {
      const v = mc[(r * nJ + j) * nI + i];
      if (Number.isNaN(v)) continue;
      // cellConsensusOf(consensus, j, i, v), inline: this loop runs for every cell of every rater.
      const q = (i * nJ + j) * 4;
      const t = table[q];
      const c = v < t ? table[q + 1] : v > t ? table[q + 3] : table[q + 2];
      if (Number.isNaN(c)) continue;
      a[n] = v;
      b[n++] = c;
    }
    if (n < 2) continue;
    ranks(a, n, ra);
    ranks(b, n, rb);
    const centre = (n + 1) / 2;
    for (let x = 0; x < n; x++) {
      sxy += (ra[x] - centre) * (rb[x] - centre);
      sxx += (ra[x] - centre) ** 2;
      syy += (rb[x] - centre) ** 2;
    }
    cells += n;
  }
  if (cells < 3 || sxx <= 1e-12 || syy <= 1e-12) return { correlation: null, cells };
  return { correlation: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), cells };
}

export function detectErratic(ctx: SourceContext, consensus: CellConsensus): FlagDraft[] {
  const s = ctx.settings;
  const agreement = ctx.m.raters.map((_, r) => (ctx.judged[r] ? cellAgreement(ctx, consensus, r) : null));
  const panel = median(agreement.flatMap((a) => (a && a.correlation !== null ? [a.correlation] : [])));
  if (panel === null || panel < s.erraticPanelMin) return [];
  const atanh = (x: number) => Math.atanh(Math.max(-0.999999, Math.min(0.999999, x)));
  const out: FlagDraft[] = [];
  agreement.forEach((a, r) => {
    if (!a || a.correlation === null || a.correlation > s.erraticMaxCorr) return;
    const z = (atanh(panel) - atanh(a.correlation)) * Math.sqrt(Math.max(a.cells - 3, 0));
    if (z < s.erraticZ) return;
    const { x, c } = pairedTotals(ctx, r);
    out.push({
      rater: r,
      code: 'erratic',
      level: a.correlation <= s.erraticAlertCorr ? 'alert' : 'warn',
      ratee: null,
      evidence: {
        correlation: fig(a.correlation),
        panelMedianCorrelation: fig(panel),
        z: fig(z),
        cells: a.cells,
        totalsSpearman: fig(spearman(x, c)),
      },
    });
  });
  return out;
}
