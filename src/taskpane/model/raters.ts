/**
 * The 评委 tab's view model: which raters to show first, each rater's spread of row totals for
 * the spread chart, the sheet rows to highlight, and the panel's reliability in words.
 */
import type { FlagLevel, RaterReport, SourceReliability } from '../../core/raters/types';
import type { EntryRow } from '../../core/types';

const LEVEL_RANK: Record<FlagLevel, number> = { alert: 3, warn: 2, info: 1 };

/** The strongest level among a rater's flags (null: no flags). */
export function topLevel(report: RaterReport): FlagLevel | null {
  let best: FlagLevel | null = null;
  for (const f of report.flags) if (best === null || LEVEL_RANK[f.level] > LEVEL_RANK[best]) best = f.level;
  return best;
}

/** Raters with at least one flag, strongest first (alert, warn, info), then by number of flags, then by code. */
export function flaggedRaters(reports: readonly RaterReport[]): RaterReport[] {
  return reports
    .filter((r) => r.flags.length > 0)
    .sort(
      (a, b) =>
        LEVEL_RANK[topLevel(b)!] - LEVEL_RANK[topLevel(a)!] ||
        b.flags.length - a.flags.length ||
        a.rater.localeCompare(b.rater),
    );
}

/** A row total as the engine reports it (RowResult has these fields). */
export interface TotalRow {
  source: string;
  rater: string;
  total: number | null;
  excluded?: boolean;
}

export interface RaterSpread {
  rater: string;
  /** Valid row totals of this rater. */
  n: number;
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (0 for a single row). */
  sd: number;
}

/** Per rater of one source: min, max, mean and SD of the valid row totals, in first-seen order. */
export function raterSpreads(rows: readonly TotalRow[], source: string): RaterSpread[] {
  const byRater = new Map<string, number[]>();
  for (const r of rows) {
    if (r.source !== source || r.total === null || r.excluded) continue;
    const list = byRater.get(r.rater) ?? [];
    list.push(r.total);
    byRater.set(r.rater, list);
  }
  return [...byRater.entries()].map(([rater, xs]) => {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
    return {
      rater,
      n: xs.length,
      min: Math.min(...xs),
      max: Math.max(...xs),
      mean,
      sd: xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0,
    };
  });
}

/** The entry sheet and the 1-based rows of one rater's score sheets (for highlighting). */
export function rowsOfRater(
  entries: readonly EntryRow[],
  rater: string,
  source: string,
): { sheet: string; rows: number[] } | null {
  const mine = entries.filter((e) => e.rater === rater && e.source === source && e.loc);
  if (mine.length === 0) return null;
  return { sheet: mine[0].loc!.sheet, rows: mine.map((e) => e.loc!.row) };
}

/** How well a panel separates the ratees, from ICC(2,k) (Koo & Li 2016 bands). */
export type ReliabilityBand = 'excellent' | 'good' | 'moderate' | 'poor' | 'undefined';

export interface ReliabilityWords {
  band: ReliabilityBand;
  /** ICC(2,k): reliability of the panel's average. */
  icc: number | null;
  kendallW: number | null;
  alpha: number | null;
  /** Groups of ratees the panel can reliably tell apart (separation), when defined. */
  groups: number | null;
  /** The engine's own plain-language sentence about separation, in the pane's language. */
  sentence: string | null;
  /** Why figures are undefined, when they are. */
  reason: string | null;
}

/** Reliability figures of one source, banded for the plain-language line of the rater panel. */
export function reliabilityWords(rel: SourceReliability, lang: 'zh' | 'en'): ReliabilityWords {
  const icc = rel.icc2k;
  const band: ReliabilityBand =
    icc === null
      ? 'undefined'
      : icc >= 0.9
        ? 'excellent'
        : icc >= 0.75
          ? 'good'
          : icc >= 0.5
            ? 'moderate'
            : 'poor';
  const detail = (rel.detail ?? {}) as {
    sentence?: Partial<Record<'zh' | 'en', string>>;
    separation?: { groups?: number | null };
  };
  const groups = detail.separation?.groups;
  return {
    band,
    icc,
    kendallW: rel.kendallW,
    alpha: rel.alpha,
    groups: typeof groups === 'number' && Number.isFinite(groups) ? groups : null,
    sentence: detail.sentence?.[lang] ?? null,
    reason: rel.reason ?? null,
  };
}
