/**
 * What the task pane needs from a workbook, whatever hosts it: Excel through Office.js, or the
 * in-browser preview (the same Office adapter running against the fake Excel API).
 * Components receive a WorkbookHost and never call Office themselves.
 */
import type { Template } from '../core/template';
import type { AdjustmentRow, EntryRow, RateeInfo, RaterInfo, Results } from '../core/types';
import type { SignoffStore } from '../workbook/signoff';

/** Everything a computation needs, as read from the workbook (cells as the clerk typed them). */
export interface WorkbookContent {
  template: Template;
  entries: EntryRow[];
  adjustments: AdjustmentRow[];
  ratees: RateeInfo[];
  raters: RaterInfo[];
  /** Rows typed below the formula area (`评分录入!351`): the engine reads them, the summary does not. */
  outsideFormulas?: string[];
}

/** One cell to write, `Sheet!A1`, and its value (null clears it). */
export interface CellWrite {
  where: string;
  value: string | number | boolean | null;
}

/** What to do when sheets of the same name already exist. */
export type ClashChoice = 'upgrade' | 'rename';

export interface InstallOptions {
  template: Template;
  ratees?: RateeInfo[];
  raters?: RaterInfo[];
  /** Required when `findInstallation` or `sheetNames` shows a clash; without it install refuses. */
  onClash?: ClashChoice;
}

export interface InstallReport {
  /** Sheet names as created (after renaming). */
  sheets: string[];
  /** Original name → the name used, for sheets created under a new name. */
  renamed: Record<string, string>;
  /** Entry rows kept by an upgrade in place. */
  keptEntries: number;
}

export type Progress = (step: string, done: number, total: number) => void;

export interface Installation {
  templateId: string;
  sheets: string[];
}

/** What `getFile` gives: the workbook as an .xlsx file, or Excel's PDF of it. */
export type FileKind = 'xlsx' | 'pdf';

/** A file made for the user to keep (the values-only copy, a PDF). */
export interface ExportFile {
  name: string;
  /** MIME type. */
  type: string;
  bytes: Uint8Array;
}

/** Where an exported file went: opened as a new workbook in Excel, or downloaded. */
export type SaveOutcome = 'opened' | 'downloaded';

export interface WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** The Duanping installation in the open workbook, if any. */
  findInstallation(): Promise<Installation | null>;
  sheetNames(): Promise<string[]>;
  install(options: InstallOptions, progress?: Progress): Promise<InstallReport>;
  readContent(): Promise<WorkbookContent>;
  /** Writes the rater-analysis sheet (and nothing a clerk typed). */
  writeAnalysis(results: Results): Promise<void>;
  /**
   * Writes ratees into an EMPTY ratee list (名单), from its first row; refuses, changing nothing,
   * when any ratee cell there holds something. The summary lists the ratees of 名单 row by row.
   */
  fillRateeList(ratees: RateeInfo[]): Promise<void>;
  /**
   * Writes the cells named and nothing else (fixes and splits the clerk agreed to), in one
   * batch; refuses, changing nothing, when a sheet is protected. Returns each cell's previous
   * value, in the same order, so the pane can undo.
   */
  writeCells(cells: CellWrite[]): Promise<CellWrite[]>;
  /** Selects a cell given as `Sheet!A1` so the clerk sees it. */
  selectCell(where: string): Promise<void>;
  /** Fills the given sheet rows (1-based) with a highlight colour, or clears it with null. */
  highlightRows(sheet: string, rows: number[], color: string | null): Promise<void>;

  /** The sign-off storage of the open workbook (src/workbook/signoff.ts signs, verifies, withdraws). */
  signoffStore(): SignoffStore;
  /** Writes the print layout sheet from the summary and the sign-offs and shows it; returns its name. */
  writePrintLayout(): Promise<string>;
  /** Which exports this host offers: the workbook file (for the values-only copy) and a PDF. */
  fileExports(): { copy: boolean; pdf: boolean };
  /** The open workbook as a file. */
  getFile(kind: FileKind): Promise<Uint8Array>;
  /** Gives a file to the user. */
  saveFile(file: ExportFile): Promise<SaveOutcome>;
}
