/**
 * The narrow grid port the workbook operations (./operations.ts) are written against, once for
 * every host. A host implements it over its medium — Office.js (src/hosts/office/port.ts) or an
 * exceljs workbook (src/hosts/xlsx/port.ts) — and adds only its file I/O.
 *
 * Each call is one unit of work for the host (for Office: one `Excel.run`, a bounded number of
 * syncs); the operations decide what to read and write, the port only how.
 */
import type { Progress } from './types';
import type { Block, DefinedName, SheetPlan, WorkbookPlan } from './plan';
import type { Grids } from './read';
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
  /** Shows the sheet and selects a cell of it. */
  | { op: 'select'; sheet: string; cell: string };

/** Blocks written into an existing sheet (unprotected first and protected again when it is protected). */
export interface BlockWrite {
  sheet: string;
  blocks: Block[];
  /** Clear the cells from this 1-based row down to the sheet's last used row first. */
  clearFromRow?: number;
}

export interface GridPort {
  info(): Promise<BookInfo>;
  /** Grids (from A1) of the named sheets; sheets that do not exist are left out. */
  readGrids(names: string[]): Promise<Grids>;
  /**
   * Creates the plan's sheets (none of which may exist yet) with their cells and settings, adds
   * its names, then sets visibility and protection; sheet `ops` (no `renameTable`) go before and
   * after in the same unit of work.
   */
  writePlan(
    plan: WorkbookPlan,
    progress?: Progress,
    ops?: { before?: SheetOp[]; after?: SheetOp[] },
  ): Promise<void>;
  /**
   * Replaces the whole content of an existing sheet with the plan's cells in place (unprotecting
   * and protecting as the plan says): how the very hidden DP_Template is rewritten, since Excel
   * refuses to delete a very hidden sheet.
   */
  rewriteSheet(sheet: SheetPlan): Promise<void>;
  /** Writes blocks into existing sheets. */
  writeBlocks(writes: BlockWrite[]): Promise<void>;
  sheetOps(ops: SheetOp[]): Promise<void>;
}
