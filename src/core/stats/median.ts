/** Medians, including the leave-one-out medians used as a rater's "consensus of the others". */

/** Median of values already sorted ascending; null for an empty array. */
export function medianSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/** Median (mean of the two middle values for an even count); null for an empty array. */
export function median(values: readonly number[]): number | null {
  return medianSorted([...values].sort((a, b) => a - b));
}

/**
 * For each position p, the median of all values except the one at p
 * (null when fewer than two values). O(n log n) for the whole array.
 */
export function leaveOneOutMedians(values: readonly number[]): (number | null)[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const sorted = order.map((i) => values[i]);
  const out: (number | null)[] = new Array(n).fill(null);
  if (n < 2) return out;
  const m = n - 1;
  // Element k of the sorted array with position `skip` removed.
  const at = (k: number, skip: number) => (k < skip ? sorted[k] : sorted[k + 1]);
  for (let p = 0; p < n; p++) {
    const h = m >> 1;
    out[order[p]] = m % 2 === 1 ? at(h, p) : (at(h - 1, p) + at(h, p)) / 2;
  }
  return out;
}
