/**
 * Cell values across the Office.js boundary.
 *
 * Writing: Excel reinterprets text written through `range.values` into a General cell — `=…`
 * becomes a formula, `007` the number 7, `TRUE` a boolean, and date-, time-, fraction- and
 * currency-like text (`1-2`, `2024-01`, `3/4`, `12:30`, `(5)`, `¥5`, `3月5日`) a number
 * (docs/excel-behaviours.md). A plan's literal text must stay text — indicator ids, ratee and
 * rater codes above all — so every string Excel might read as something else (any digit, a
 * leading sign, TRUE/FALSE) is written with a leading apostrophe, Excel's "keep as typed" marker,
 * which is not part of the value. Text-formatted (`@`) blocks are written as they are.
 *
 * Reading: `range.values` gives numbers, strings and booleans, `''` for an empty cell, and an
 * error value as its text (`#N/A`); `range.valueTypes` tells an error from text that looks like
 * one, so the two are read together.
 */
import type { RawCell } from '../../core/types';
import type { PlanValue } from '../../workbook/plan';
import type { XlValue } from './xl';

/** Text Excel might read as a number, date, time, boolean or formula: kept with an apostrophe. */
const REINTERPRETED = /[0-9０-９]|^\s*(true|false)\s*$|^\s*[=+\-'@(]|[$¥￥€£]/i;

/** The value to write for a plan's literal so that Excel stores exactly it. */
export function literalForExcel(v: PlanValue): XlValue {
  if (typeof v === 'string' && REINTERPRETED.test(v)) return `'${v}`;
  // null would leave the cell unchanged in Office.js; a literal null means "empty".
  return v === null ? '' : v;
}

/** Office.js value types (`Excel.RangeValueType`). */
export type XlValueType =
  'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue';

/** A cell read from Excel as the engine takes it: null when empty, `{error}` for an error value. */
export function rawFromExcel(value: XlValue, type: XlValueType | undefined): RawCell {
  if (type === 'Empty' || value === '' || value === null) return null;
  if (type === 'Error') return { error: String(value) };
  return value;
}

/** A whole grid read from Excel (values with their value types). */
export function rawGrid(values: XlValue[][], types: XlValueType[][]): RawCell[][] {
  return values.map((row, r) => row.map((v, c) => rawFromExcel(v, types[r]?.[c])));
}
