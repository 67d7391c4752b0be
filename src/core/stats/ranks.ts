/** Ranks with ties (average ranks, as R's rank() default) and tie-group sizes. */

/** 1-based ranks, tied values sharing the mean of the ranks they cover (finite numbers). */
export function averageRanks(values: ArrayLike<number>): number[] {
  const s = Float64Array.from(values).sort();
  const rankOf = new Map<number, number>();
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[i]) j++;
    rankOf.set(s[i], (i + j) / 2 + 1);
    i = j + 1;
  }
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOf.get(values[i]) as number;
  return ranks;
}

const MAX_KEYS = 16;
const keys = new Float64Array(MAX_KEYS);
const counts = new Float64Array(MAX_KEYS);
const keyRanks = new Float64Array(MAX_KEYS);
/** Per value, the index of its key (grown as needed). */
let keyOf = new Uint8Array(1024);

/**
 * averageRanks of `values[0…n-1]` written into `out`, for values that take at most 16 distinct
 * values (points on a step): counted instead of sorted. Returns false, writing nothing useful,
 * when there are more. The ranks are the same numbers: a value seen c times after p smaller
 * ones gets p + (c + 1)/2 = (first + last)/2 + 1, exactly.
 */
export function fewValueRanksInto(values: ArrayLike<number>, n: number, out: Float64Array): boolean {
  if (keyOf.length < n) keyOf = new Uint8Array(Math.max(n, 2 * keyOf.length));
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let k = 0;
    while (k < m && keys[k] !== v) k++;
    if (k === m) {
      if (m === MAX_KEYS) return false;
      keys[m] = v;
      counts[m++] = 0;
    }
    counts[k]++;
    keyOf[i] = k;
  }
  for (let k = 0; k < m; k++) {
    let p = 0;
    for (let q = 0; q < m; q++) if (keys[q] < keys[k]) p += counts[q];
    keyRanks[k] = p + (counts[k] + 1) / 2;
  }
  for (let i = 0; i < n; i++) out[i] = keyRanks[keyOf[i]];
  return true;
}

/** Sizes of the groups of tied values (only groups of two or more). */
export function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}
