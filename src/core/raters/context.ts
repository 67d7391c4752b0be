/** What every flag detector shares for one source. */
import type { FlagCode, FlagLevel } from './types';
import type { SourceMatrix } from './matrix';
import type { RaterSettingsResolved } from './settings';

export interface SourceContext {
  m: SourceMatrix;
  settings: RaterSettingsResolved;
  /** Leave-one-out consensus of totals, [rater][ratee]. */
  consensus: (number | null)[][];
  /** Per rater: ratee indices with both a total and a consensus. */
  paired: number[][];
  /** Per rater: enough paired ratees (≥ minRatees) to judge the rater's pattern. */
  judged: boolean[];
}

/** A flag before its sentence is written. */
export interface FlagDraft {
  rater: number;
  code: FlagCode;
  level: FlagLevel;
  ratee: string | null;
  evidence: Record<string, number | string | null>;
}

/**
 * A figure for the results: kept at full precision (machine-readable output is never rounded —
 * formats.md; displays round for themselves), non-finite and missing become null.
 */
export function fig(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return x;
}

/** The rater's totals and the consensus on the paired ratees. */
export function pairedTotals(ctx: SourceContext, r: number): { x: number[]; c: number[] } {
  const x: number[] = [];
  const c: number[] = [];
  for (const j of ctx.paired[r]) {
    x.push(ctx.m.totals[r][j] as number);
    c.push(ctx.consensus[r][j] as number);
  }
  return { x, c };
}
