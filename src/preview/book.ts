/**
 * What the preview's workbook view needs from the in-browser workbook: visible sheets as grids
 * of cells, typing and pasting into cells, the selection, and change notifications.
 * Implemented over the fake Excel in ./fakeWorkbook.ts.
 */

/** One cell as the grid shows it. */
export interface GridCell {
  value: string | number | boolean | null;
  /** Set for a formula cell: the formula as written (its value comes from the preview's calculation). */
  formula?: string;
  /** Background colour `#RRGGBB` (highlights, tier colours). */
  fill?: string;
  bold?: boolean;
}

export interface Selection {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
}

export interface PreviewBook {
  /** Visible sheets in tab order. */
  sheets(): string[];
  /** 0-based indexes of the columns hidden in a sheet (the grid leaves them out). */
  hiddenColumns(sheet: string): Set<number>;
  /** The used part of a sheet, row by row (rows may differ in length). */
  grid(sheet: string): GridCell[][];
  /** Writes typed text from (row, col) on, as Excel stores typed input (numbers become numbers). */
  type(sheet: string, row: number, col: number, texts: string[][]): void;
  selection(): Selection | null;
  select(selection: Selection): void;
  /** Calls `listener` after every change (values, sheets, selection); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * How Excel stores what a clerk types: a plain number becomes a number, empty text clears the
 * cell, anything else (`９０`, `90分`, `优`) stays text exactly as typed.
 */
export function typedValue(text: string): string | number | null {
  if (text.trim() === '') return null;
  const t = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  return text;
}
