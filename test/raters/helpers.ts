import type { AnalysisSource } from '../../src/core/raters/types';

/**
 * A totals-only source (one indicator with max 100) from a raters × ratees table;
 * `null` leaves the sheet's cell blank (no total).
 */
export function totalsSource(table: Record<string, (number | null)[]>, id = 'S'): AnalysisSource {
  const rows: AnalysisSource['rows'] = [];
  for (const [rater, totals] of Object.entries(table))
    totals.forEach((t, j) => rows.push({ rater, ratee: `U${j + 1}`, total: t, values: [t] }));
  return { id, name: id, indicators: [{ id: 'T', max: 100, weight: 100 }], rows };
}
