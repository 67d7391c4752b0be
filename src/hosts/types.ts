/**
 * What the task pane needs from a workbook, whatever hosts it: Excel through Office.js, or the
 * in-browser preview (the same Office adapter running against the fake Excel API).
 * Components receive a WorkbookHost and never call Office themselves.
 */
import type { RateeInfo, Results, RowResult } from '../core/types';
import type { CellWrite } from '../workbook/edits';
import type { SignoffStore } from '../workbook/signoff';
import type {
  InstallOptions,
  InstallReport,
  Installation,
  Progress,
  WorkbookContent,
} from '../workbook/types';

export type {
  ClashChoice,
  InstallOptions,
  InstallReport,
  Installation,
  Progress,
  WorkbookContent,
} from '../workbook/types';

export type { CellWrite } from '../workbook/edits';

/** A file made for the user to keep (the values-only copy). */
export interface ExportFile {
  name: string;
  /** MIME type. */
  type: string;
  bytes: Uint8Array;
}

/**
 * Where an exported file went: opened as a new workbook in Excel, downloaded (a browser that
 * downloads), or only offered — a download asked of a webview that may block it (WebView2 does not
 * download blobs: https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins),
 * so the pane cannot say it was saved.
 */
export type SaveOutcome = 'opened' | 'downloaded' | 'offered';

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
  /**
   * Shows the sheet and selects whole rows (1-based): the first run of consecutive rows, from the
   * smallest — a rater's score sheets, so the reviewer lands on them (issue 13).
   */
  selectRows(sheet: string, rows: number[]): Promise<void>;
  /** Fills the given sheet rows (1-based) with a highlight colour, or clears it with null. */
  highlightRows(sheet: string, rows: number[], color: string | null): Promise<void>;

  /** The sign-off storage of the open workbook (src/workbook/signoff.ts signs, verifies, withdraws). */
  signoffStore(): SignoffStore;
  /** Writes the printable 评委分析 report sheet from computed results and shows it; returns its name. */
  writeReviewReport(results: Results, rows: RowResult[]): Promise<string>;
  /** Writes the print layout sheet from the summary and the sign-offs and shows it; returns its name. */
  writePrintLayout(): Promise<string>;
  /** Which exports this host offers: the workbook file (for the values-only copy). */
  fileExports(): { copy: boolean };
  /** The open workbook as an .xlsx file, as the host would save it now. */
  getFile(): Promise<Uint8Array>;
  /** Gives a file to the user. */
  saveFile(file: ExportFile): Promise<SaveOutcome>;
}
