/** Sign-off times: ISO 8601 with the signer's UTC offset, e.g. `2025-01-20T15:04:05+08:00`. */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A moment as local time at the given offset (minutes east of UTC; Beijing = 480), to the
 * second. In a browser or Node pass `-date.getTimezoneOffset()` for the machine's offset.
 */
export function isoWithOffset(date: Date, offsetMinutes: number): string {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60)
    throw new RangeError(`UTC offset must be whole minutes within ±18 h (found ${offsetMinutes})`);
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The machine's current time with its offset. */
export function nowWithOffset(now: Date = new Date()): string {
  return isoWithOffset(now, -now.getTimezoneOffset());
}

/** True for `YYYY-MM-DDThh:mm:ss[.sss](Z|±hh:mm)` naming a real moment. */
export function isIsoWithOffset(s: string): boolean {
  return ISO_WITH_OFFSET.test(s) && !Number.isNaN(Date.parse(s));
}
