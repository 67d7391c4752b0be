/**
 * A1 range addresses as Office.js takes and returns them (and the workbook operations use): `B3`, `B3:D9`, `C:C` (whole columns),
 * `2:4` (whole rows), optionally prefixed by a sheet name (`'评分录入'!B3:D9`, `Sheet1!A1`).
 * Rows and columns here are 0-based, as `getRangeByIndexes` counts them.
 */
import { columnIndex, columnLetter } from '../core/address';

/** The size of an Excel worksheet. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export interface ParsedAddress extends Rect {
  /** The sheet named in the address (quotes removed), if any. */
  sheet?: string;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?([1-9][0-9]{0,6})$/;

/** Splits `'My sheet'!A1` into the sheet name and the rest; a quote inside is written twice. */
function splitSheet(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang === -1) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** One end of a range: a cell, a whole column or a whole row; null when malformed. */
function parseEnd(s: string): { row: number | null; col: number | null } | null {
  const cell = CELL.exec(s);
  if (cell) return { col: columnIndex(cell[1]), row: Number(cell[2]) - 1 };
  const col = COLS.exec(s);
  if (col) return { col: columnIndex(col[1]), row: null };
  const row = ROWS.exec(s);
  if (row) return { col: null, row: Number(row[1]) - 1 };
  return null;
}

/**
 * Parses an A1 address; returns null when it is not one (a message is the caller's to give,
 * since only it knows where the address came from).
 */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, ref } = splitSheet(address.trim());
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  if (!a || !b) return null;
  // Both ends must be of the same kind: cells, columns or rows.
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  const rect: ParsedAddress = {
    row: Math.min(a.row ?? 0, b.row ?? 0),
    col: Math.min(a.col ?? 0, b.col ?? 0),
    lastRow: a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row!),
    lastCol: a.col === null ? MAX_COLUMNS - 1 : Math.max(a.col, b.col!),
  };
  if (rect.lastRow >= MAX_ROWS || rect.lastCol >= MAX_COLUMNS) return null;
  if (sheet !== undefined) rect.sheet = sheet;
  return rect;
}

/** Quotes a sheet name for use in an address or formula when it needs quoting. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Formats a rectangle as Excel does (`A1`, `A1:C3`, `C:C`, `2:4`), with the sheet when given. */
export function formatAddress(rect: Rect, sheet?: string): string {
  const wholeCols = rect.row === 0 && rect.lastRow === MAX_ROWS - 1;
  const wholeRows = rect.col === 0 && rect.lastCol === MAX_COLUMNS - 1;
  let ref: string;
  if (wholeCols && !wholeRows) ref = `${columnLetter(rect.col)}:${columnLetter(rect.lastCol)}`;
  else if (wholeRows && !wholeCols) ref = `${rect.row + 1}:${rect.lastRow + 1}`;
  else {
    const first = `${columnLetter(rect.col)}${rect.row + 1}`;
    const last = `${columnLetter(rect.lastCol)}${rect.lastRow + 1}`;
    ref = first === last ? first : `${first}:${last}`;
  }
  return sheet === undefined ? ref : `${quoteSheet(sheet)}!${ref}`;
}

/** Number of rows and columns of a rectangle. */
export function rectSize(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.lastRow - rect.row + 1, cols: rect.lastCol - rect.col + 1 };
}
