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

/** The same per normalised cell, laid out like `m.cells` (NaN with too few others). */
export function cellsConsensus(m: SourceMatrix): Float64Array {
  const nR = m.raters.length;
  const nJ = m.ratees.length;
  const nI = m.nI;
  const out = new Float64Array(m.cells.length).fill(Number.NaN);
  // One ratee at a time: every rater's nI cells of that ratee are contiguous, so they are read
  // (and the consensus written) in runs rather than one cell per rater's whole sheet.
  const block = new Float64Array(nI * nR);
  const who = new Int32Array(nR);
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
        if (!Number.isNaN(v)) {
          who[count] = r;
          values[count++] = v;
        }
      }
      if (count < MIN_OTHERS + 1) continue;
      const s = sorted.subarray(0, count);
      s.set(values.subarray(0, count));
      s.sort();
      for (let x = 0; x < count; x++) out[(who[x] * nJ + j) * nI + i] = medianWithout(s, values[x]);
    }
  }
  return out;
}
