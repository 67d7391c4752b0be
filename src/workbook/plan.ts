/**
 * The host-neutral workbook plan: everything an installation creates, as data.
 *
 * Two hosts apply the same plan: the xlsx writer (exceljs, src/hosts/xlsx/) and the Office.js
 * adapter (src/hosts/office/). The plan is 2-D-array friendly: each `Block` is one rectangle
 * that a host writes in one call (`range.values` or `range.formulas`).
 *
 * Formula rule: every formula in a plan is plain Excel syntax as Office.js `range.formulas`
 * takes it — English function names, comma separators, a leading "=", and NO `_xlfn.` prefix
 * (`=RANK.EQ(H5,DP_Final)`). The xlsx writer adds `_xlfn.` where the file format needs it
 * (see `addXlfnPrefixes` in ./formula.ts). Formulas are single-cell formulas (never CSE or
 * dynamic arrays): the array work is done by SUMPRODUCT and AGGREGATE, which every target
 * (Excel 2019+, Microsoft 365, WPS, LibreOffice) evaluates without array entry.
 *
 * Colours are `#RRGGBB`. Cell addresses are A1 style without sheet names unless stated.
 */
import type { Lang } from '../core/types';
import type { Template } from '../core/template';

export const WORKBOOK_PLAN_SCHEMA = 'duanping.workbook/1';

/** A literal cell value. Text beginning with "=" is still text (hosts must write it as text). */
export type PlanValue = string | number | boolean | null;

/**
 * The value a formula cell holds before any spreadsheet recalculates it (the engine's figure,
 * see ./cached.ts): a file carries it as the formula's cached result, so previewers, Protected
 * View and scripts see the numbers. `{ error: '#N/A' }` for an error; "" for an empty text.
 */
export type CachedValue = string | number | boolean | { error: string };

export interface CellStyle {
  /** Excel number format code, e.g. `0.00`, `@` (text). */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** Solid background fill; null removes a fill (a highlight taken away). */
  fill?: string | null;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on every edge of every cell of the block. */
  border?: boolean;
  /** false = the cell stays editable when the sheet is protected (entry cells). */
  locked?: boolean;
}

/**
 * One rectangle of cells whose top-left cell is `at`. Exactly one of `values` / `formulas`
 * is set, or neither for a style-only block (then `rows` × `cols` gives the size).
 */
export interface Block {
  at: string;
  /** Literal values, row by row (all rows the same length). */
  values?: PlanValue[][];
  /** Formulas, row by row (plain Excel syntax, see the file comment); null leaves a cell empty. */
  formulas?: (string | null)[][];
  /**
   * With `formulas`: the value each formula computes for the content the plan was built with
   * (same shape). Hosts that recalculate (Excel through Office.js) may ignore it.
   */
  results?: CachedValue[][];
  /** Size of a style-only block. */
  rows?: number;
  cols?: number;
  style?: CellStyle;
}

/** How many rows and columns a block covers. */
export function blockSize(block: Block): { rows: number; cols: number } {
  const grid = block.formulas ?? block.values;
  return grid
    ? { rows: grid.length, cols: grid[0]?.length ?? 0 }
    : { rows: block.rows ?? 1, cols: block.cols ?? 1 };
}

export interface ColumnPlan {
  /** Column letter. */
  col: string;
  width?: number;
  hidden?: boolean;
}

/** Data validation over a range (`D3:D402`). */
export type ValidationPlan =
  | {
      range: string;
      type: 'decimal' | 'whole';
      min: number;
      max: number;
      /** true: a blank cell is allowed (it is still reported as missing by the computation). */
      allowBlank: boolean;
      prompt?: string;
      error: string;
    }
  | {
      range: string;
      type: 'list';
      /** Inline choices (written as `"a,b,c"`). Level-coded indicators use these. */
      list?: string[];
      /** Or the choices in a range, absolute with a quoted sheet name: `'名单'!$A$3:$A$102`. */
      listRange?: string;
      /**
       * true: a number in 0..`max` is also accepted (Excel cannot combine list and range, so the
       * drop-down is shown with the error style `warning` instead of `stop`).
       */
      allowNumbers?: boolean;
      /** true: text not on the list (a source's id where the list shows names) is accepted after a warning. */
      allowOther?: boolean;
      allowBlank: boolean;
      prompt?: string;
      error: string;
    };

/** Conditional formatting: `formula` is written for the top-left cell of `range` (relative refs move). */
export interface ConditionalFormatPlan {
  range: string;
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface TablePlan {
  /** Workbook-unique table name, e.g. `DP_EntryTable`. */
  name: string;
  /** Header row included (`A2:Z402`). */
  range: string;
  /** Header texts, left to right; must equal the header cells written by the blocks. */
  columns: string[];
  style: string;
}

export interface PrintPlan {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Rows repeated on each printed page, e.g. `1:2`. */
  titleRows?: string;
  /** Centre header text (the assessment name). */
  header?: string;
  /** `Page &P of &N` style footer (Excel header/footer codes). */
  footer?: string;
  /** Left footer text (plain text: hosts escape `&`), e.g. the short sign-off digest. */
  footerLeft?: string;
  /** Centre the printed area between the side margins. */
  centered?: boolean;
  area?: string;
}

export type SheetKey =
  | 'guide'
  | 'indicators'
  | 'lists'
  | 'entry'
  | 'tally'
  | 'adjustments'
  | 'summary'
  | 'analysis'
  | 'signoff'
  | 'template';

export interface SheetPlan {
  /** Which sheet of an installation; `print` for the print layout written on export, `report` for the 评委分析 report. */
  key: SheetKey | 'print' | 'report';
  /** The name the sheet gets (after clash resolution). */
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  tabColor?: string;
  columns: ColumnPlan[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  /** Written in order; later blocks may restyle cells of earlier ones. */
  blocks: Block[];
  merges: string[];
  /** Rows above / columns left of the split stay in view. */
  freeze?: { rows: number; columns: number };
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  tables: TablePlan[];
  print?: PrintPlan;
  /** Protect the sheet (no password): the template sheet and formula-only sheets. */
  protect?: boolean;
}

/** A workbook-scoped defined name; `refersTo` is absolute with a quoted sheet name: `'汇总'!$H$5:$H$54`. */
export interface DefinedName {
  name: string;
  refersTo: string;
}

/** Where things are, so readers and hosts never hard-code positions. Rows are 1-based. */
export interface EntryLayout {
  sheet: string;
  /** Row of the header (ids). Data rows follow it. */
  headerRow: number;
  firstRow: number;
  /** Last row that carries formulas (capacity). */
  lastRow: number;
  sourceCol: string;
  raterCol: string;
  rateeCol: string;
  /** Indicator id → column letter of the typed cell. */
  indicatorCols: Record<string, string>;
  /**
   * Indicator id → hidden helper column with the cell's points (or #N/A when invalid), only for
   * the indicators that need one (needsPointsColumn in ./layout.ts); the others' points are the
   * typed cell (pointsRef in ./formulas.ts).
   */
  pointCols: Record<string, string>;
  totalCol: string;
  statusCol: string;
  /** Hidden helper: the row's status code (0 = counted; see STATUS in ./cached.ts). */
  validCol: string;
  /**
   * Hidden helpers of the block design (docs/workbook.md, "Linear time"): the ratee's position
   * on the list, the row's block key, the running maximum of the keys, and the key again when the
   * row lies outside its block (misplaced). Row 1 above `rateeIndexCol` and `keyCol` holds the
   * counts of listed ratees and raters, above `misplacedCol` and `maxKeyCol` the largest and the
   * smallest misplaced key (0 when no row is misplaced).
   */
  rateeIndexCol: string;
  keyCol: string;
  maxKeyCol: string;
  misplacedCol: string;
  /** 复核: a reviewer's decision on the row (保留 / 不计入 / 已核实); 不计入 sets the row aside. */
  reviewCol: string;
  /** 复核说明: the reason for the decision. */
  reviewNoteCol: string;
}

export interface AdjustmentLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  rateeCol: string;
  kindCol: string;
  pointsCol: string;
  reasonCol: string;
  approvedCol: string;
  /** Hidden helper: `bonus` / `deduction` / `veto` or "" when the row is not usable. */
  kindKeyCol: string;
  /** Hidden helper: usable points (number) or "". */
  pointsValueCol: string;
}

export interface ListsLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  rateeIdCol: string;
  rateeNameCol: string;
  rateeGroupCol: string;
  raterIdCol: string;
  raterSourceCol: string;
  raterNameCol: string;
  /** Hidden helper: `rater⇥source id` per rater row (raterKeyFormula in ./formulas.ts). */
  raterKeyCol: string;
}

export interface SummaryLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  rateeCol: string;
  nameCol: string;
  /** Source id → column of its score. */
  sourceCols: Record<string, string>;
  compositeCol: string;
  bonusCol: string;
  deductionCol: string;
  vetoCol: string;
  finalCol: string;
  rankCol: string;
  tierCol: string;
  noteCol: string;
  /** Hidden: the raw final (step 4, floored at 0) right of the note. */
  rawCol: string;
  /**
   * Hidden, per source: where the ratee's block of entry rows starts and ends (1-based
   * positions in the entry columns) and how many of its rows lie outside the block.
   */
  blockCols: Record<string, { first: string; last: string; misplaced: string }>;
  /** First column of the tier count table right of the helpers. */
  tierCountCol: string;
}

/**
 * The 计票 sheet (ballot tallies, scoring.md "Ballots"; only for templates with a source that can
 * be tallied): one row per ratee and indicator, one count column per level label; hidden helpers
 * right of the visible status (see ./tally.ts).
 */
export interface TallyLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  sourceCol: string;
  rateeCol: string;
  indicatorCol: string;
  /** Level label → column of its count. */
  countCols: Record<string, string>;
  /** Visible status text. */
  statusCol: string;
  /** Hidden: effective source, indicator position, ratee position, status code, key, Σ counts, Σ counts × points. */
  srcCol: string;
  indCol: string;
  rateeIndexCol: string;
  codeCol: string;
  keyCol: string;
  nCol: string;
  sumCol: string;
  /** Row 1, one cell per template source (template order): 1 when the source has tally rows. */
  flagCols: string[];
}

export interface WorkbookLayout {
  entry: EntryLayout;
  /** Present when the template has a source that can be tallied. */
  tally?: TallyLayout;
  adjustments: AdjustmentLayout;
  lists: ListsLayout;
  summary: SummaryLayout;
  /** Sheet key → sheet name. */
  sheetNames: Record<SheetKey, string>;
}

export interface WorkbookPlan {
  schema: typeof WORKBOOK_PLAN_SCHEMA;
  lang: Lang;
  template: Template;
  /** In tab order. */
  sheets: SheetPlan[];
  names: DefinedName[];
  layout: WorkbookLayout;
}

/** The workbook-scoped names of formats.md. */
export const DP_NAMES = ['DP_RateeIds', 'DP_Final', 'DP_Rank', 'DP_Tier', 'DP_Entries'] as const;

/** The very hidden sheet that stores the template JSON (chunked below 32767 characters per cell). */
export const TEMPLATE_SHEET = 'DP_Template';
