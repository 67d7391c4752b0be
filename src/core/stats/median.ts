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
  return medianSorted(Float64Array.from(values).sort());
}

/**
 * The median of `sorted` (ascending, at least two values) with one copy of `v` (one of its values)
 * removed. Removing a value below, at or above the middle leaves one of only three medians.
 * `n`: the count of values when `sorted` is longer (its first n are the values).
 */
export function medianWithout(sorted: ArrayLike<number>, v: number, n = sorted.length): number {
  if (n % 2 === 0) {
    // n − 1 left (odd): the middle is s[h] or s[h + 1], h = n/2 − 1.
    const h = n / 2 - 1;
    return v <= sorted[h] ? sorted[h + 1] : sorted[h];
  }
  // n − 1 left (even): mean of the two middle values around the old middle h = (n − 1)/2.
  const h = (n - 1) / 2;
  if (v < sorted[h]) return (sorted[h] + sorted[h + 1]) / 2;
  if (v > sorted[h]) return (sorted[h - 1] + sorted[h]) / 2;
  return (sorted[h - 1] + sorted[h + 1]) / 2;
}

/**
 * For each position p, the median of all values except the one at p
 * (null when fewer than two values). One sort for the whole array.
 */
export function leaveOneOutMedians(values: ArrayLike<number>): (number | null)[] {
  const n = values.length;
  if (n < 2) return new Array(n).fill(null);
  const sorted = Float64Array.from(values).sort();
  const out = new Array<number | null>(n);
  for (let p = 0; p < n; p++) out[p] = medianWithout(sorted, values[p]);
  return out;
}
