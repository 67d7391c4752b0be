/**
 * The 评委 tab's review list (issue 13): who needs review (a flag at warn or alert), in plain
 * words, with the consequence of setting each aside, the decision recorded, and where the
 * rater's sheets are; plus the unstable tiers and the figures' one-line explanations.
 */
import type { FlagLevel } from '../../core/raters/types';
import { needsReview } from '../../core/review/impact';
import type { EntryRow, Lang, Results, ReviewedRater } from '../../core/types';
import { rowsOfRater, topLevel } from './raters';

export interface ReviewItem {
  key: string;
  rater: string;
  source: string;
  level: FlagLevel;
  /** What was seen: the flags' sentences, strongest first. */
  seen: string[];
  /** What setting the rater aside would change (null when already set aside). */
  impact: string | null;
  decision: ReviewedRater['decision'] | null;
  /** Where the rater's sheets are (null when the rows were not read from the workbook). */
  where: { sheet: string; rows: number[] } | null;
}

/** The raters that need review, strongest level first, then by code. */
export function reviewItems(results: Results, entries: readonly EntryRow[], lang: Lang): ReviewItem[] {
  const order: Record<FlagLevel, number> = { alert: 0, warn: 1, info: 2 };
  return results.raters
    .filter(needsReview)
    .map((r) => ({
      key: `${r.source}\u0000${r.rater}`,
      rater: r.rater,
      source: r.source,
      level: topLevel(r)!,
      seen: r.flags.filter((f) => f.level !== 'info').map((f) => f.messages?.[lang] ?? f.message),
      impact: r.impact ? r.impact.message[lang] : null,
      decision: r.decision ?? null,
      where: rowsOfRater(entries, r.rater, r.source),
    }))
    .sort((a, b) => order[a.level] - order[b.level] || a.rater.localeCompare(b.rater));
}

/** Evidence keys whose value is a share (0..1), shown as a percentage. */
export const SHARE_EVIDENCE = new Set(['tiedShare', 'identicalShare', 'share', 'panelMedianShare']);

/** An evidence value as text: shares as percentages, numbers to at most 3 decimals. */
export function evidenceText(key: string, v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v !== 'number') return v;
  if (SHARE_EVIDENCE.has(key)) return `${Math.round(v * 1000) / 10} %`;
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}
