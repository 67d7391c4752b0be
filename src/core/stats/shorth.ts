/**
 * Location and scale from the shortest half (the "shorth", Rousseeuw & Leroy 1988): the
 * narrowest interval holding ⌊n/2⌋ + 1 of the values. Its midpoint's median is the location and
 * its length ÷ 1.349 (the length of the normal's middle half in SDs) the scale, with a floor.
 * Unlike the median and MAD it stays on the majority when up to ~30–40 % of the values form a
 * second cluster (a faction of raters lenient together). Null for an empty array.
 */
export function shorthScale(
  values: readonly number[],
  floor: number,
): { center: number; scale: number } | null {
  const n = values.length;
  if (n === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const h = Math.floor(n / 2) + 1;
  let best = 0;
  for (let i = 1; i + h - 1 < n; i++) if (x[i + h - 1] - x[i] < x[best + h - 1] - x[best]) best = i;
  const half = x.slice(best, best + h);
  const mid =
    half.length % 2 ? half[(half.length - 1) / 2] : (half[half.length / 2 - 1] + half[half.length / 2]) / 2;
  return { center: mid, scale: Math.max((half[h - 1] - half[0]) / 1.349, floor) };
}
