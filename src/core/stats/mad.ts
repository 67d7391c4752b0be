/** Robust scale and robust z-scores (median and median absolute deviation). */
import { median } from './median';

/** Scale factor that makes the MAD a consistent estimate of the SD for normal data. */
export const MAD_SCALE = 1.4826;

/** Median absolute deviation from the median, times 1.4826; null for an empty array. */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return MAD_SCALE * (median(values.map((v) => Math.abs(v - m))) as number);
}

/** Robust location and scale of values: median and max(MAD × 1.4826, floor). Null for an empty array. */
export function robustScale(
  values: readonly number[],
  floor: number,
): { center: number; scale: number } | null {
  const center = median(values);
  if (center === null) return null;
  return { center, scale: Math.max(mad(values) as number, floor) };
}
