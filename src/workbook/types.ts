/**
 * Host-neutral types of the workbook operations: what is read from a workbook, and what an
 * installation is asked and reports. Hosts (src/hosts/) and the task pane take them from here.
 */
import type { Template } from '../core/template';
import type { AdjustmentRow, EntryRow, RateeInfo, RaterInfo, SheetIssue, TallyRow } from '../core/types';

/** Everything a computation needs, as read from the workbook (cells as the clerk typed them). */
export interface WorkbookContent {
  template: Template;
  entries: EntryRow[];
  adjustments: AdjustmentRow[];
  ratees: RateeInfo[];
  raters: RaterInfo[];
  /** Ballot tallies typed on the 计票 sheet (present when the workbook has one). */
  tallies?: TallyRow[];
  /** Rows typed below the formula area (`评分录入!351`): the engine reads them, the summary does not. */
  outsideFormulas?: string[];
  /** Merged ranges over the rows read, cells of the indicator sheet that differ from the template: problems. */
  sheetIssues?: SheetIssue[];
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
