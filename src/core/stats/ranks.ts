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

/** Sizes of the groups of tied values (only groups of two or more). */
export function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}
