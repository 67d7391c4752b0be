/**
 * What a flag would change: the results recomputed by the engine with one rater's sheets set
 * aside (as a 不计入 mark would), compared with the results as they stand. Never applied: the
 * caller shows it; only a recorded decision (decisions.ts) changes what is counted.
 */
import { computeScores, type ScoreInput, type ScoreOptions } from '../scoring';
import type { RateeResult, Results, RowResult } from '../types';
import { DECISION_WORDS } from './decisions';
import type { ImpactChange, RaterImpact } from './types';

export type { ImpactChange, RaterImpact } from './types';

/** How many rank changes a sentence names before "and N more". */
const NAMED = 6;

function sentence(rater: string, changes: ImpactChange[]): { zh: string; en: string } {
  if (changes.length === 0)
    return {
      zh: `不计 ${rater}：名次和等次都不变。`,
      en: `Without ${rater}: no rank or tier would change.`,
    };
  const zh: string[] = [];
  const en: string[] = [];
  const tiers = changes.filter((c) => c.tier);
  for (const c of tiers) {
    zh.push(`${c.ratee} 由 ${c.tier!.from ?? '—'} 变为 ${c.tier!.to ?? '—'}`);
    en.push(`${c.ratee} ${c.tier!.from ?? '—'} → ${c.tier!.to ?? '—'}`);
  }
  const ranks = changes.filter((c) => c.rank);
  const shown = ranks.slice(0, Math.max(NAMED - tiers.length, 2));
  for (const c of shown) {
    zh.push(`${c.ratee} 名次 ${c.rank!.from ?? '—'} → ${c.rank!.to ?? '—'}`);
    en.push(`${c.ratee} rank ${c.rank!.from ?? '—'} → ${c.rank!.to ?? '—'}`);
  }
  const more = ranks.length - shown.length;
  const tierNone = tiers.length === 0 ? { zh: '等次都不变；', en: 'no tier changes; ' } : { zh: '', en: '' };
  return {
    zh: `不计 ${rater}：${tierNone.zh}${zh.join('，')}${more > 0 ? `，另有 ${more} 个名次变化` : ''}。`,
    en: `Without ${rater}: ${tierNone.en}${en.join(', ')}${more > 0 ? `, and ${more} more rank changes` : ''}.`,
  };
}

/** The differences between two result lists, ratee by ratee. */
export function compareResults(before: RateeResult[], after: RateeResult[]): ImpactChange[] {
  const next = new Map(after.map((r) => [r.ratee, r]));
  const changes: ImpactChange[] = [];
  for (const b of before) {
    const a = next.get(b.ratee);
    const to = a ?? { final: null, rank: null, tier: null };
    const c: ImpactChange = {
      ratee: b.ratee,
      ...(b.name ? { name: b.name } : {}),
      final: { from: b.final, to: to.final },
    };
    if (b.rank !== to.rank) c.rank = { from: b.rank, to: to.rank };
    if (b.tier !== to.tier) c.tier = { from: b.tier, to: to.tier };
    if (c.rank || c.tier) changes.push(c);
  }
  const order = (c: ImpactChange) => c.rank?.from ?? c.final.from ?? Infinity;
  return changes.sort(
    (x, y) => (x.tier ? 0 : 1) - (y.tier ? 0 : 1) || (order(x) as number) - (order(y) as number),
  );
}

/**
 * The results without one rater's sheets in one source: the same input with those rows marked
 * 不计入, through the engine. `rows` are the engine's row results for `input` (they carry each
 * entry's effective source and rater).
 */
export function raterImpact(
  input: ScoreInput,
  rows: RowResult[],
  base: Results,
  who: { source: string; rater: string },
  options: ScoreOptions = {},
): RaterImpact {
  const aside = new Set(
    rows.filter((r) => r.source === who.source && r.rater === who.rater).map((r) => r.index),
  );
  const word = DECISION_WORDS.setAside.zh;
  const entries = input.entries.map((e, i) => (aside.has(i) ? { ...e, review: word } : e));
  const { results } = computeScores({ ...input, entries }, options);
  const changes = compareResults(base.ratees, results.ratees);
  const tierChanges = changes.filter((c) => c.tier).length;
  const rankChanges = changes.filter((c) => c.rank).length;
  return {
    source: who.source,
    rater: who.rater,
    rows: aside.size,
    changes,
    tierChanges,
    rankChanges,
    unchanged: changes.length === 0,
    message: sentence(who.rater, changes),
  };
}

/** Whether a rater report calls for review: a flag at `warn` or `alert`. */
export function needsReview(r: { flags: { level: string }[] }): boolean {
  return r.flags.some((f) => f.level === 'warn' || f.level === 'alert');
}
