/**
 * One source as matrices: raters × ratees of row totals, and raters × ratees × indicators of
 * points normalised by the indicator's max (0..1). Missing cells are null / NaN.
 */
import type { AnalysisSource } from './types';

export interface SourceMatrix {
  raters: string[];
  ratees: string[];
  /** Score-sheet rows per rater, as given (duplicates included). */
  rows: number[];
  /** totals[r][j]: row total 0..100 or null. */
  totals: (number | null)[][];
  /** Number of indicators. */
  nI: number;
  /** cells[(r·nJ + j)·nI + i] = points / max, NaN where missing. */
  cells: Float64Array;
  /**
   * Level-coded sources (every indicator has levels): per indicator, the levels' points / max in
   * ascending order, and the label of the top level. Null otherwise.
   */
  levels: { values: number[][]; top: string | null } | null;
}

/** Category index (0 = lowest level) of a normalised cell of indicator i, or null when it is no level. */
export function levelIndex(m: SourceMatrix, i: number, v: number): number | null {
  if (!m.levels || Number.isNaN(v)) return null;
  const k = m.levels.values[i].findIndex((x) => Math.abs(x - v) < 1e-9);
  return k < 0 ? null : k;
}

/** Index of a cell in `cells`. */
export function cellIndex(m: SourceMatrix, r: number, j: number, i: number): number {
  return (r * m.ratees.length + j) * m.nI + i;
}

/**
 * For the flags only (never for scores or reliability): the total a sheet with a few blank cells
 * points to — the weighted mean of its filled cells (points / max) × 100 — when the filled cells
 * carry at least `minShare` of the weight; null otherwise.
 */
export function proratedTotal(
  source: AnalysisSource,
  values: readonly (number | null)[],
  minShare: number,
): number | null {
  let w = 0;
  let wAll = 0;
  let sum = 0;
  source.indicators.forEach((ind, i) => {
    wAll += ind.weight;
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v) || !(ind.max > 0)) return;
    w += ind.weight;
    sum += (ind.weight * v) / ind.max;
  });
  if (!(wAll > 0) || w / wAll < minShare) return null;
  return (100 * sum) / w;
}

/**
 * Builds the matrices of a source. With `prorateMin` < 1, sheets with a few blanks get a prorated
 * total (see proratedTotal) so that they still count for the flags. A rater who scored the same ratee twice keeps the first sheet
 * (the duplicate is reported as a problem by the scoring engine, not here).
 */
export function buildSourceMatrix(source: AnalysisSource, prorateMin = 1): SourceMatrix {
  const raterIndex = new Map<string, number>();
  const rateeIndex = new Map<string, number>();
  for (const row of source.rows) {
    if (!raterIndex.has(row.rater)) raterIndex.set(row.rater, raterIndex.size);
    if (!rateeIndex.has(row.ratee)) rateeIndex.set(row.ratee, rateeIndex.size);
  }
  const raters = [...raterIndex.keys()];
  const ratees = [...rateeIndex.keys()];
  const nI = source.indicators.length;
  const maxes = source.indicators.map((ind) => ind.max);
  const totals: (number | null)[][] = raters.map(() => new Array(ratees.length).fill(null));
  const cells = new Float64Array(raters.length * ratees.length * nI).fill(Number.NaN);
  const rows = new Array<number>(raters.length).fill(0);
  const seen = new Uint8Array(raters.length * ratees.length);
  for (const row of source.rows) {
    const r = raterIndex.get(row.rater) as number;
    const j = rateeIndex.get(row.ratee) as number;
    rows[r]++;
    const key = r * ratees.length + j;
    if (seen[key]) continue;
    seen[key] = 1;
    totals[r][j] = row.total !== null && Number.isFinite(row.total) ? row.total : null;
    for (let i = 0; i < nI; i++) {
      const v = row.values[i];
      if (v !== null && v !== undefined && Number.isFinite(v) && maxes[i] > 0)
        cells[key * nI + i] = v / maxes[i];
    }
  }
  const coded =
    nI > 0 && source.indicators.every((ind) => ind.levels && ind.levels.length >= 2 && ind.max > 0);
  let levels: SourceMatrix['levels'] = null;
  if (coded) {
    const values = source.indicators.map((ind) =>
      (ind.levels as number[]).map((p) => p / ind.max).sort((a, b) => a - b),
    );
    const first = source.indicators[0];
    const pts = first.levels as number[];
    const topAt = pts.indexOf(Math.max(...pts));
    levels = { values, top: first.levelLabels?.[topAt] ?? null };
  }
  return withProratedTotals(source, { raters, ratees, rows, totals, nI, cells, levels }, prorateMin);
}

/**
 * The matrix `m` of `source` (built without prorating) with the prorated totals of
 * buildSourceMatrix(source, prorateMin): a sheet with no total gets proratedTotal of its first
 * row. Everything else is shared with `m` (the cells are not built twice); `m` itself when
 * nothing is prorated.
 */
export function withProratedTotals(
  source: AnalysisSource,
  m: SourceMatrix,
  prorateMin: number,
): SourceMatrix {
  if (!(prorateMin < 1) || m.nI === 0) return m;
  const raterIndex = new Map(m.raters.map((rater, r) => [rater, r]));
  const rateeIndex = new Map(m.ratees.map((ratee, j) => [ratee, j]));
  const nJ = m.ratees.length;
  const seen = new Uint8Array(m.raters.length * nJ);
  let totals = m.totals;
  for (const row of source.rows) {
    const r = raterIndex.get(row.rater) as number;
    const j = rateeIndex.get(row.ratee) as number;
    const key = r * nJ + j;
    if (seen[key]) continue;
    seen[key] = 1;
    if (totals[r][j] !== null) continue;
    const t = proratedTotal(source, row.values, prorateMin);
    if (t === null) continue;
    if (totals === m.totals) totals = m.totals.map((line) => line.slice());
    totals[r][j] = t;
  }
  return totals === m.totals ? m : { ...m, totals };
}
