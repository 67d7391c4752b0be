/**
 * Basic descriptive statistics on plain arrays of finite numbers.
 * Every function returns null (never NaN) when the figure does not exist for the input.
 */

/** Arithmetic mean; null for an empty array. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample variance (denominator n − 1); null with fewer than two values. */
export function variance(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values) as number;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (n - 1);
}

/** Sample standard deviation (denominator n − 1); null with fewer than two values. */
export function sd(values: readonly number[]): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}
