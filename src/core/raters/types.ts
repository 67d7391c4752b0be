/**
 * The rater analysis ("一碗水端平") interface. Spec: ../shared/spec/raters.md.
 * Input: per source, the score sheets with their row totals and indicator points.
 */

export type FlagCode = 'flat' | 'lenient' | 'severe' | 'halo' | 'favoritism' | 'erratic' | 'copied';
export type FlagLevel = 'info' | 'warn' | 'alert';

export interface RaterFlag {
  code: FlagCode;
  level: FlagLevel;
  /** Set for favoritism (the ratee favoured or pressed down); null otherwise. */
  ratee: string | null;
  /** One sentence in the requested language. */
  message: string;
  /** The same sentence in the other language too, so a UI can switch without recomputing. */
  messages: { zh: string; en: string };
  /** The figures behind the flag (names documented in README). */
  evidence: Record<string, number | string | null>;
}

export interface RaterReport {
  rater: string;
  source: string;
  /** Score sheets of this rater in this source. */
  rows: number;
  flags: RaterFlag[];
  /** Set when the source is too small to judge (fewer than 5 ratees or 5 raters). */
  insufficient?: string;
}

/** A figure that may be undefined for a degenerate panel: `value` null and a `reason`. */
export interface Estimate {
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  reason?: string;
}

export interface SourceReliability {
  icc1: number | null;
  icc2: number | null;
  icc3: number | null;
  icc1k: number | null;
  icc2k: number | null;
  icc3k: number | null;
  kendallW: number | null;
  alpha: number | null;
  raters: number;
  ratees: number;
  /** Extra detail (confidence intervals, chi-square, p, separation, strata, sentence). */
  detail?: Record<string, unknown>;
  /** Why figures are null, when they are. */
  reason?: string;
  /**
   * Level-coded sources only: Gwet's AC2 with ordinal weights over every rated item (units =
   * ratee × indicator, categories = the levels), with its standard error; null with `reason` when undefined.
   */
  ac2?: {
    value: number;
    se: number;
    p: number;
    pa: number;
    pe: number;
    units: number;
    levels: number;
  } | null;
  /** Panel lines: what the panel as a whole did (e.g. voters who marked the top level on every item). */
  notes?: PanelNote[];
}

/** One line about the whole panel of a source. */
export interface PanelNote {
  code: 'all-top';
  /** Raters concerned, and raters judged. */
  count: number;
  of: number;
  raters: string[];
  message: string;
  messages: { zh: string; en: string };
}

export interface AnalysisRow {
  rater: string;
  ratee: string;
  /** Row total on the 0..100 scale, or null when the row has no total. */
  total: number | null;
  /** Points per indicator (same order as `indicators`), null where missing/invalid. */
  values: (number | null)[];
}

export interface AnalysisSource {
  id: string;
  name: string;
  indicators: {
    id: string;
    max: number;
    weight: number;
    /** Level-coded (ballot) indicators: the points of each level (好/较好/一般/差 → 100/80/60/40). */
    levels?: number[];
    /** Their labels, in the same order (for the panel line); optional. */
    levelLabels?: string[];
  }[];
  rows: AnalysisRow[];
  /**
   * A tallied source (ballot counts without one sheet per voter, scoring.md "Ballots"): there are no
   * per-rater sheets to judge, so no per-rater flags are computed; every rater report says so.
   * Set by the caller (the engine) — the hook for tallied ballots.
   */
  tallied?: boolean;
}

export interface AnalysisInput {
  sources: AnalysisSource[];
}

export interface AnalysisOutput {
  raters: RaterReport[];
  reliability: Record<string, SourceReliability>;
}
