/**
 * Shapes of the review (issue 13): decisions on flagged raters, the consequence of setting a rater
 * aside, tier stability. No imports, so core/types.ts can refer to them without a circle.
 */

export type DecisionKind = 'keep' | 'setAside' | 'verified';

export interface RaterDecision {
  source: string;
  rater: string;
  /** The decision on all of the rater's rows; `mixed` when the rows disagree. */
  decision: DecisionKind | 'mixed';
  /** Rows marked / rows of the rater in that source. */
  marked: number;
  rows: number;
  /** The first non-blank 复核说明 of the rater's rows. */
  reason?: string;
}

export interface ImpactChange {
  ratee: string;
  name?: string;
  /** Final score now and without the rater (null: no final either way). */
  final: { from: number | null; to: number | null };
  /** Set when the rank would change. */
  rank?: { from: number | null; to: number | null };
  /** Set when the tier would change. */
  tier?: { from: string | null; to: string | null };
}

export interface RaterImpact {
  source: string;
  rater: string;
  /** Sheets of the rater in that source that would be set aside. */
  rows: number;
  /** Ratees whose rank or tier would change (tier changes first, then by current rank). */
  changes: ImpactChange[];
  tierChanges: number;
  rankChanges: number;
  /** true when no rank and no tier would change. */
  unchanged: boolean;
  /** The consequence in one sentence, in both languages. */
  message: { zh: string; en: string };
}

export interface TierStability {
  /** The tier the ratee has now. */
  tier: string;
  /** Share of draws (0..1) in which it keeps that tier. */
  share: number;
  draws: number;
  seed: number;
  /** true when `share` < the threshold (0.8 by default): name it as unstable. */
  unstable: boolean;
}
