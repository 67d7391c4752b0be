/**
 * Shapes shared by the engine, the workbook plan, the hosts and the command line.
 * Formats: ../shared/spec/formats.md (`duanping.results/1`).
 */
import type { RaterReport, SourceReliability } from './raters/types';
import type { RaterDecision, RaterImpact, TierStability } from './review/types';

/** What a cell can hold when it reaches the engine: CSV text, a typed spreadsheet value, or an error. */
export type RawCell = string | number | boolean | null | undefined | { error: string };

/** Where a row came from: a sheet of a workbook, or a CSV file (rows are 1-based, as people count them). */
export interface RowLocation {
  /** Sheet name (`评分录入`) or file name (`ratings.csv`). */
  sheet: string;
  /** 1-based row number in that sheet or file (header = 1). */
  row: number;
  /** Column letter of each field: `source`, `rater`, `ratee`, `kind`, `points`, and every indicator id. */
  columns: Record<string, string>;
}

/** One score sheet: one rater's scores for one ratee. */
export interface EntryRow {
  source: string;
  rater: string;
  ratee: string;
  /** Raw cells keyed by indicator id; indicators the source does not score are ignored. */
  cells: Record<string, RawCell>;
  /** The 复核 cell: a reviewer's decision (保留 / 不计入 / 已核实, src/core/review/decisions.ts). */
  review?: RawCell;
  /** The 复核说明 cell: the reason given with the decision. */
  reviewNote?: RawCell;
  /**
   * Score cells that hold a date (the clerk typed 3/4 and the spreadsheet made it a date):
   * indicator id → the date as the cell shows it (`3月4日`). Each is a problem, not a score.
   */
  dates?: Record<string, string>;
  loc?: RowLocation;
}

export type AdjustmentKind = 'bonus' | 'deduction' | 'veto';

export interface AdjustmentRow {
  ratee: string;
  kind: RawCell;
  points: RawCell;
  reason?: string;
  approvedBy?: string;
  loc?: RowLocation;
}

export interface RateeInfo {
  id: string;
  name?: string;
  group?: string;
}

export interface RaterInfo {
  id: string;
  source: string;
  name?: string;
}

/** A field of the visible indicator sheet compared with the stored template. */
export type IndicatorSheetField = 'id' | 'name' | 'max' | 'weight' | 'levels' | 'min' | 'maxShare';

/**
 * What a workbook reader found in the sheets themselves rather than in a cell's value; the
 * engine reports each as a problem (in the reader's language), so the command line, the pane
 * and the sign-off gate all see it.
 */
export type SheetIssue =
  /**
   * A merged range over the rows read: only its top-left cell holds a value, the other cells are
   * blank to the formulas — and read as blank (`range` `评分录入!C5:C7`, `master` `C5`, `blanks` `C6`, `C7`).
   */
  | { code: 'merged-cell'; range: string; master: string; blanks: string[] }
  /**
   * A cell of the visible indicator sheet (指标) that differs from the stored template, which the
   * formulas and the engine use (`where` `指标!E3`, the weight of indicator `id`).
   */
  | {
      code: 'indicator-sheet-differs';
      where: string;
      part: 'indicator' | 'source' | 'tier';
      id: string;
      field: IndicatorSheetField;
      found: string;
      stored: string;
    };

export type ProblemCode =
  | 'missing'
  | 'not-a-number'
  | 'number-as-text'
  | 'out-of-range'
  | 'not-a-level'
  | 'full-width-digits'
  | 'unit-suffix'
  | 'error-value'
  | 'unknown-source'
  | 'missing-field'
  | 'unknown-ratee'
  | 'unknown-rater'
  | 'rater-source-mismatch'
  | 'rater-in-two-sources'
  | 'duplicate-sheet'
  | 'ragged-row'
  | 'unknown-column'
  | 'missing-column'
  | 'bad-adjustment-kind'
  | 'bad-adjustment-points'
  | 'no-valid-rows'
  | 'missing-source'
  | 'no-composite'
  | 'lookalike-code'
  | 'merged-cell'
  | 'indicator-sheet-differs'
  | 'date-as-score'
  | 'bad-count'
  | 'duplicate-tally'
  | 'tally-indicator'
  | 'tally-not-levels'
  | 'tally-aggregate'
  | 'tallied-source-row'
  | 'incomplete-tally';

/**
 * One tally row (计票): how many ballots of a source gave each level to one ratee on one
 * indicator (scoring.md, Ballots). Counts are keyed by level label; blank means 0.
 */
export interface TallyRow {
  source: string;
  ratee: string;
  indicator: string;
  counts: Record<string, RawCell>;
  loc?: RowLocation;
}

/** Level shares of one ratee: per source id and pooled as `all`, each label → share (0..1). */
export type LevelShares = Record<string, Record<string, number>>;

export interface Problem {
  code: ProblemCode;
  /** `评分录入!F12`, `ratings.csv!F12`; absent for problems of a ratee as a whole. */
  where?: string;
  source?: string;
  rater?: string;
  ratee?: string;
  indicator?: string;
  /** What the cell held, as text. */
  found?: string;
  /** What is allowed there, in words. */
  allowed?: string;
  /** A proposed replacement the clerk may accept (never applied without consent). */
  fix?: string;
  /** One sentence a clerk can act on, in the requested language. */
  message: string;
}

export interface Note {
  code:
    | 'quota-tie'
    | 'bonus-capped'
    | 'deduction-capped'
    | 'missing-source'
    | 'vetoed'
    | 'floored-at-zero'
    | 'requirement-unmet';
  message: string;
  tier?: string;
  /** For `requirement-unmet`: the rule's field (`tiers[0].requires[1]`) and the tiers it barred. */
  rule?: string;
  tiers?: string[];
}

export interface RateeResult {
  ratee: string;
  name?: string;
  /** Source scores that exist, keyed by source id (unrounded, cleaned to 15 significant digits). */
  sources: Record<string, number>;
  composite: number | null;
  bonus: number;
  deduction: number;
  veto: boolean;
  final: number | null;
  rank: number | null;
  tier: string | null;
  notes: Note[];
  /** Present when the template has level-coded indicators (formats.md, ballots). */
  levelShares?: LevelShares;
  /** Share of bootstrap draws in which the ratee keeps its tier (the review, docs/review.md). */
  tierStability?: TierStability;
}

/** A row total, for the rater analysis and for reviewers. */
export interface RowResult {
  index: number;
  source: string;
  rater: string;
  ratee: string;
  /** null when any cell is missing or invalid, or the row was excluded. */
  total: number | null;
  /** Parsed points per indicator of the source (null where missing or invalid). */
  values: Record<string, number | null>;
  excluded: boolean;
  /**
   * The first reason the row is not counted, in the order of the checks (scoring.md), or
   * `counted`. The workbook's hidden status column holds the same reason as a code.
   */
  status: RowStatus;
  /**
   * true when the row's 复核 cell says 不计入: a reviewer set it aside. Its total is still
   * computed (the rater analysis sees it) but no aggregate counts it.
   */
  setAside?: boolean;
}

/** A rater's report with the review's additions (docs/review.md). */
export interface ReviewedRater extends RaterReport {
  /** For a rater flagged warn/alert and not set aside: what setting its sheets aside would change. */
  impact?: RaterImpact;
  /** The decision recorded in the 复核 column, when there is one. */
  decision?: RaterDecision;
}

/** Why an entry row is or is not counted; the first failing check wins. */
export type RowStatus =
  | 'counted'
  | 'missing-field'
  | 'unknown-source'
  | 'unknown-ratee'
  | 'unknown-rater'
  | 'duplicate'
  | 'invalid-cell'
  /** A score-sheet row of a source entered as a tally (计票). */
  | 'tallied-source'
  | 'set-aside';

export interface Results {
  schema: 'duanping.results/1';
  template: { id: string; name: string };
  ratees: RateeResult[];
  raters: ReviewedRater[];
  reliability: Record<string, SourceReliability>;
  problems: Problem[];
  /** Sources entered as tallies (计票): no per-rater flags and no reliability for them. */
  tallied?: string[];
}

export type Lang = 'zh' | 'en';
