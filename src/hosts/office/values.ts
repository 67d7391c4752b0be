/**
 * Cell values across the Office.js boundary.
 *
 * Writing: Excel reinterprets text written through `range.values` — `=…` becomes a formula,
 * `007` the number 7, `TRUE` a boolean. A plan's literal text must stay text, so such strings
 * are written with a leading apostrophe (Excel's "keep as typed" marker, not part of the value).
 *
 * Reading: `range.values` gives numbers, strings and booleans, `''` for an empty cell, and an
 * error value as its text (`#N/A`); `range.valueTypes` tells an error from text that looks like
 * one, so the two are read together.
 */
import type { RawCell } from '../../core/types';
import type { PlanValue } from '../../workbook/plan';
import type { XlValue } from './xl';

const REINTERPRETED =
  /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|true|false)\s*$|^[=+'-]|^\s*[+-]?\d[\d,]*(\.\d*)?%?\s*$/i;

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
