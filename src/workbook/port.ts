/**
 * The narrow grid port the workbook operations (./operations.ts) are written against, once for
 * every host. A host implements it over its medium — Office.js (src/hosts/office/port.ts) or an
 * exceljs workbook (src/hosts/xlsx/port.ts) — and adds only its file I/O.
 *
 * Each call is one unit of work for the host (for Office: one `Excel.run`, a bounded number of
 * syncs); the operations decide what to read and write, the port only how.
 */
import type { Progress } from './types';
import type { RawCell } from '../core/types';
import type { Block, ColumnPlan, DefinedName, SheetPlan, WorkbookPlan } from './plan';
import type { Grids, ReadExtras } from './read';
import type { Stored } from './store';

export type Visibility = SheetPlan['visibility'];

export interface SheetInfo {
  name: string;
  visibility: Visibility;
}

/** What an operation learns from one look at the workbook. */
export interface BookInfo {
  /** In tab order. */
  sheets: SheetInfo[];
  /** Workbook-scoped defined names, `refersTo` as in a plan (no leading `=`). */
  names: DefinedName[];
  /** The installation stored in DP_Template, if the workbook holds one. */
  stored: Stored | null;
}

/** A change to whole sheets or names, applied in order. */
export type SheetOp =
  | { op: 'rename'; from: string; to: string }
  | { op: 'delete'; sheet: string }
  /** Table names are workbook-wide: a staged sheet's tables move out of the way too (no-op when absent). */
  | { op: 'renameTable'; sheet: string; from: string; to: string }
  | { op: 'deleteName'; name: string }
  | { op: 'addName'; name: DefinedName }
  /** Shows the sheet and selects a cell or range of it (`F12`, whole rows `9:12`). */
  | { op: 'select'; sheet: string; cell: string };

/**
 * What a protected sheet still allows (the subset of Excel's WorksheetProtectionOptions the
 * workbook operations set); contents are always locked.
 */
export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowAutoFilter?: boolean;
}

/** A sheet's protection and used extent, for operations that write into it. */
export interface SheetState {
  name: string;
  protected: boolean;
  /** While protected: whether cell formats (fills) may still change without unprotecting. */
  formatsAllowed: boolean;
  /** The last used row and column (1-based, from A1); 0 for an empty sheet. */
  lastRow: number;
  lastCol: number;
}

/**
 * Blocks written into a sheet. By default the sheet must exist and keeps its protection: a
 * protected sheet is unprotected for the writes (unless they only change formats it allows)
 * and protected again with its options.
 */
export interface BlockWrite {
  sheet: string;
  blocks: Block[];
  /** Clear the cells from this 1-based row down to the sheet's last used row first. */
  clearFromRow?: number;
  /** Clear every used cell of the sheet first (the blocks then are its whole content). */
  clearAll?: boolean;
  /** The sheet does not exist yet (the caller has looked): add it, last, with this visibility. */
  create?: Visibility;
  /** Column widths to set. */
  columns?: ColumnPlan[];
  /** The protection after the writes: options — protected with them; `false` — unprotected. */
  protect?: ProtectionOptions | false;
  /** The password to unprotect and protect with; it goes to the host's protection only, never into cells. */
  password?: string;
}

/** One cell of a sheet (A1, 1-based as spreadsheets show it). */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface GridPort {
  info(): Promise<BookInfo>;
  /**
   * Grids (from A1) of the named sheets; sheets that do not exist are left out. `current`: the
   * values are about to be signed or printed, so a host whose calculation may be manual
   * recalculates first.
   */
  readGrids(names: string[], o?: { current?: boolean }): Promise<Grids>;
  /** The values of single cells, in order (a missing cell or sheet reads as null). */
  readCells(cells: CellRef[]): Promise<RawCell[]>;
  /** Protection and used extent of the named sheets that exist, in the order asked. */
  sheetStates(names: string[]): Promise<SheetState[]>;
  /**
   * Of the given cells of a sheet, those holding a formula without a computed value (a file
   * written by a program and never opened in a spreadsheet), as `Sheet!A1`. A host that always
   * calculates (Excel) leaves it out.
   */
  uncalculated?(sheet: string, cells: string[]): Promise<string[]>;
  /**
   * Merged ranges of the named sheets and the date cells of `dateSheet`, where a host's reader
   * sees them (the xlsx reader); the content reader reports both (./read.ts ReadExtras).
   */
  readExtras?(names: string[], dateSheet: string): Promise<Pick<ReadExtras, 'merges' | 'dates'>>;
  /**
   * Creates the plan's sheets (none of which may exist yet) with their cells and settings, adds
   * its names, then sets visibility and protection; sheet `ops` (no `renameTable`) go before and
   * after in the same unit of work.
   */
  writePlan(
    plan: Pick<WorkbookPlan, 'sheets' | 'names'>,
    progress?: Progress,
    ops?: { before?: SheetOp[]; after?: SheetOp[] },
  ): Promise<void>;
  /**
   * Replaces the whole content of an existing sheet with the plan's cells in place (unprotecting
   * and protecting as the plan says): how the very hidden DP_Template is rewritten, since Excel
   * refuses to delete a very hidden sheet.
   */
  rewriteSheet(sheet: SheetPlan): Promise<void>;
  /** Writes blocks into sheets, in order, in one unit of work (see BlockWrite). */
  writeBlocks(writes: BlockWrite[]): Promise<void>;
  sheetOps(ops: SheetOp[]): Promise<void>;
}
