/**
 * Cell addresses as the engine reports them (`评分录入!F12`, `'My sheet'!AA3`) → parts, and back.
 * Column letters come from the engine's own helpers.
 */
import { columnIndex, columnLetter } from '../../core/address';

export interface CellAddress {
  sheet: string;
  /** 0-based column index (A = 0); null for a whole row (`Sheet!12:12`). */
  col: number | null;
  /** 1-based row number. */
  row: number;
}

/**
 * Parses `Sheet!B7` or a whole row `Sheet!7:7` (sheet name optionally in single quotes, `''` for a
 * quote); null for anything else.
 */
export function parseAddress(where: string): CellAddress | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(?:\$?([A-Za-z]{1,3})\$?(\d{1,7})|(\d{1,7}):(\d{1,7}))$/.exec(
    where.trim(),
  );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (m[3] !== undefined) return { sheet, col: columnIndex(m[3]), row: Number(m[4]) };
  if (m[5] !== m[6]) return null;
  return { sheet, col: null, row: Number(m[5]) };
}

/** The inverse of parseAddress; quotes the sheet name when it needs it. */
export function formatAddress(a: CellAddress): string {
  const sheet = /^[\p{L}\p{N}_.]+$/u.test(a.sheet) ? a.sheet : `'${a.sheet.replace(/'/g, "''")}'`;
  return a.col === null ? `${sheet}!${a.row}:${a.row}` : `${sheet}!${columnLetter(a.col)}${a.row}`;
}

/** The cell to select for a problem: the address itself, or column A of a whole-row address. */
export function selectionTarget(where: string): string | null {
  const a = parseAddress(where);
  if (!a) return null;
  return formatAddress({ ...a, col: a.col ?? 0 });
}
