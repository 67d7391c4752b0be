/**
 * How Excel reads text written through `range.values` into a General-formatted cell, as its
 * documentation describes (the fake models the kinds, not Excel's every locale rule):
 *
 * - Numbers, percentages, thousands separators, parenthesised negatives and currency amounts
 *   become numbers: `007` → 7, `5%` → 0.05, `1,234` → 1234, `(5)` → -5, `¥5` / `$5` → 5.
 *   https://learn.microsoft.com/en-us/office/troubleshoot/excel/numbers-in-parentheses-negative
 *   https://support.microsoft.com/en-us/office/display-numbers-as-currency-0a03bb38-1a07-4b3b-8bc5-9a0b0d2bdc1d
 * - Date-, time- and fraction-like text becomes a date/time serial: `1-2`, `2024-01`, `3/4`,
 *   `12:30`, `3月5日` (a zh-CN locale reads `3月5日` as March 5).
 *   https://support.microsoft.com/en-us/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8
 * - None of this happens when the cell is formatted as Text (`@`) or the text starts with an
 *   apostrophe (kept as typed, the apostrophe not part of the value) — the same page.
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
 *
 * Not modelled: the year Excel assumes for `1-2` (the current one: the fake uses 2024 so that
 * tests are repeatable), locale-specific separators, two-digit years, month names (`Jan-2`).
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const CURRENCY = /^([+-]?)[$¥￥€£]\s?(\d[\d,]*(\.\d+)?)$/;
const FAKE_YEAR = 2024;

/** Excel's serial of a date (1900 system; days after 1899-12-30). */
function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The number Excel makes of `text` in a General cell, or null when it stays text. */
export function coerceLikeExcel(text: string): number | null {
  const v = text.trim();
  if (v === '') return null;
  if (NUMBER.test(v)) return Number(v);
  if (THOUSANDS.test(v)) return Number(v.replace(/,/g, ''));
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(v);
  if (pct) return Number(pct[1]) / 100;
  const paren = /^\((\d+\.?\d*)\)$/.exec(v);
  if (paren) return -Number(paren[1]);
  const money = CURRENCY.exec(v);
  if (money) return (money[1] === '-' ? -1 : 1) * Number(money[2].replace(/,/g, ''));
  const time = /^(\d{1,2}):(\d{2})(:(\d{2}))?$/.exec(v);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60)
    return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[4] ?? 0)) / 86400;
  const ymd = /^(\d{4})[-/](\d{1,2})([-/](\d{1,2}))?$/.exec(v);
  if (ymd) return serial(Number(ymd[1]), Number(ymd[2]), Number(ymd[4] ?? 1));
  const md = /^(\d{1,2})[-/](\d{1,2})$/.exec(v);
  if (md) return serial(FAKE_YEAR, Number(md[1]), Number(md[2]));
  const zh = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(v);
  if (zh) return serial(Number(zh[1] ?? FAKE_YEAR), Number(zh[2]), Number(zh[3]));
  return null;
}
