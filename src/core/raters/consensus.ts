/**
 * "What the other raters gave": leave-one-out medians per ratee (totals) and per ratee × indicator
 * (cells). The median keeps one odd rater from moving everyone else's consensus.
 */
import { leaveOneOutMedians, medianWithout } from '../stats/median';
import type { SourceMatrix } from './matrix';

/** At least this many other raters must have scored a cell for a consensus to exist. */
export const MIN_OTHERS = 2;

/** consensus[r][j]: median of the other raters' totals for ratee j, null with too few others. */
export function totalsConsensus(m: SourceMatrix): (number | null)[][] {
  const out: (number | null)[][] = m.raters.map(() => new Array(m.ratees.length).fill(null));
  for (let j = 0; j < m.ratees.length; j++) {
    const who: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < m.raters.length; r++) {
      const v = m.totals[r][j];
      if (v !== null) {
        who.push(r);
        values.push(v);
      }
    }
    if (values.length < MIN_OTHERS + 1) continue;
    leaveOneOutMedians(values).forEach((c, x) => (out[who[x]][j] = c));
  }
  return out;
}

const MAX_KEYS = 16;
const keys = new Float64Array(MAX_KEYS);
const counts = new Int32Array(MAX_KEYS);

/**
 * `values[0…n-1]` sorted ascending into `out`, for values that take at most 16 distinct values
 * (points on a step): counted instead of sorted, the same numbers in the same order. Returns
 * false (`out` then holds nothing useful) with more values, or with a −0 (told apart from 0 by
 * a sort, not by counting).
 */
export function fewValuesSortedInto(values: Float64Array, n: number, out: Float64Array): boolean {
  let m = 0;
  for (let x = 0; x < n; x++) {
    const v = values[x];
    if (v === 0 && 1 / v < 0) return false;
    let k = 0;
    while (k < m && keys[k] !== v) k++;
    if (k === m) {
      if (m === MAX_KEYS) return false;
      // Kept in ascending order: insert v at its place.
      let at = m++;
      while (at > 0 && keys[at - 1] > v) {
        keys[at] = keys[at - 1];
        counts[at] = counts[at - 1];
        at--;
      }
      keys[at] = v;
      counts[at] = 1;
    } else counts[k]++;
  }
  let w = 0;
  for (let k = 0; k < m; k++) for (let c = counts[k]; c > 0; c--) out[w++] = keys[k];
  return true;
}

/**
 * The leave-one-out consensus per normalised cell, held per ratee × indicator: removing one value
 * from the others' sorted values leaves one of three medians (medianWithout), so each cell keeps
 * its middle value and the median left when the removed value is below, at or above it.
 */
export interface CellConsensus {
  nJ: number;
  /** At ((i·nJ + j)·4): middle, below, at, above; the middle NaN with too few others. */
  table: Float64Array;
}

/** The consensus of ratee j on indicator i for a rater who gave `v` there (NaN with none). */
export function cellConsensusOf(cc: CellConsensus, j: number, i: number, v: number): number {
  const q = (i * cc.nJ + j) * 4;
  const t = cc.table[q];
  return v < t ? cc.table[q + 1] : v > t ? cc.table[q + 3] : cc.table[q + 2];
}

/** The same per normalised cell: what medianWithout gives each rater's cell, for every cell. */
export function cellsConsensus(m: SourceMatrix): CellConsensus {
  const nR = m.raters.length;
  const nJ = m.ratees.length;
  const nI = m.nI;
  const table = new Float64Array(nI * nJ * 4).fill(Number.NaN);
  // One ratee at a time: every rater's nI cells of that ratee are contiguous, so they are read in
  // runs rather than one cell per rater's whole sheet.
  const block = new Float64Array(nI * nR);
  const values = new Float64Array(nR);
  const sorted = new Float64Array(nR);
  for (let j = 0; j < nJ; j++) {
    for (let r = 0; r < nR; r++) {
      const at = (r * nJ + j) * nI;
      for (let i = 0; i < nI; i++) block[i * nR + r] = m.cells[at + i];
    }
    for (let i = 0; i < nI; i++) {
      let count = 0;
      for (let r = 0; r < nR; r++) {
        const v = block[i * nR + r];
        if (!Number.isNaN(v)) values[count++] = v;
      }
      if (count < MIN_OTHERS + 1) continue;
      const s = fewValuesSortedInto(values, count, sorted) ? sorted : values.slice(0, count).sort();
      // medianWithout's three cases: a value at the middle t, below it, above it.
      const q = (i * nJ + j) * 4;
      const h = count % 2 === 0 ? count / 2 - 1 : (count - 1) / 2;
      const t = s[h];
      table[q] = t;
      table[q + 1] = medianWithout(s, Number.NEGATIVE_INFINITY, count);
      table[q + 2] = medianWithout(s, t, count);
      table[q + 3] = medianWithout(s, Number.POSITIVE_INFINITY, count);
    }
  }
  return { nJ, table };
}
