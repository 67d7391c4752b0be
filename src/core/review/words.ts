/**
 * Plain words for the panel's figures (issue 13): how many points apart the groups a panel can
 * tell apart are. Separation G = true SD / error SD of a ratee's average (raters.md); the observed
 * SD of the averages is √(true² + error²), so error SD = observed SD / √(G² + 1), and strata are
 * 3 error SDs apart (Wright & Masters' strata, H = (4G + 1) / 3).
 */
import type { RowResult } from '../types';

/** Points between two groups the panel of `source` can tell apart; null when undefined. */
export function groupGapPoints(
  rows: readonly RowResult[],
  source: string,
  G: number | null | undefined,
): number | null {
  if (typeof G !== 'number' || !Number.isFinite(G) || G <= 0) return null;
  const sums = new Map<string, { s: number; n: number }>();
  for (const r of rows) {
    if (r.source !== source || r.total === null || r.setAside || r.excluded) continue;
    const a = sums.get(r.ratee) ?? { s: 0, n: 0 };
    a.s += r.total;
    a.n += 1;
    sums.set(r.ratee, a);
  }
  const means = [...sums.values()].map((a) => a.s / a.n);
  if (means.length < 2) return null;
  const m = means.reduce((a, x) => a + x, 0) / means.length;
  const sd = Math.sqrt(means.reduce((a, x) => a + (x - m) ** 2, 0) / (means.length - 1));
  return (3 * sd) / Math.sqrt(G * G + 1);
}
