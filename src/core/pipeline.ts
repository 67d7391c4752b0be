/**
 * The whole computation as the command line and the task pane run it: scores (scoring.md), then
 * the rater analysis and panel reliability (raters.md) on the same rows.
 */
import { lookalikeProblems } from './lookalike';
import { analyzeRaters } from './raters';
import { readDecisions } from './review/decisions';
import { needsReview, raterImpact } from './review/impact';
import { tierStability, type StabilityOptions } from './review/stability';
import type { AnalysisInput } from './raters/types';
import { computeScores, type ScoreInput, type ScoreOptions, type ScoreOutput } from './scoring';
import type { Template } from './template';
import type { RowResult } from './types';

/** The per-source matrices the rater analysis reads, from the engine's row results. */
export function analysisInput(template: Template, rows: RowResult[]): AnalysisInput {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  return {
    sources: template.sources.map((s) => {
      const inds = s.indicators.map((id) => byId.get(id)!);
      return {
        id: s.id,
        name: s.name,
        indicators: inds.map((i) => ({
          id: i.id,
          max: i.max,
          weight: i.weight,
          ...(i.levels
            ? { levels: i.levels.map((l) => l.points), levelLabels: i.levels.map((l) => l.label) }
            : {}),
        })),
        rows: rows
          .filter((r) => r.source === s.id && !r.excluded)
          .map((r) => ({
            rater: r.rater,
            ratee: r.ratee,
            total: r.total,
            values: inds.map((i) => r.values[i.id] ?? null),
          })),
      };
    }),
  };
}

/** The options of `scoreAndAnalyze`: the engine's, and what of the review to compute. */
export type AnalyzeOptions = ScoreOptions & { review?: ReviewOptions };

export interface ReviewOptions {
  /** Compute `raters[].impact` for raters flagged warn/alert (default true). */
  impact?: boolean;
  /** Compute `ratees[].tierStability` (default true); options for the bootstrap, or false. */
  stability?: boolean | StabilityOptions;
}

/**
 * Scores plus `raters` and `reliability` filled in, the decisions recorded in the 复核 column, and
 * the review's figures: each flagged rater's impact and each ratee's tier stability.
 */
export function scoreAndAnalyze(input: ScoreInput, options: AnalyzeOptions = {}): ScoreOutput {
  const out = computeScores(input, options);
  out.results.problems.push(...lookalikeProblems(input, options.lang, options.textNumbers ?? true));
  // A tallied source (计票) has no score sheets: no per-rater flags, no reliability; `tallied` says so.
  // Set-aside rows stay in the rater analysis: the flag and its decision remain visible.
  const tallied = new Set(out.results.tallied ?? []);
  const toAnalyze = analysisInput(input.template, out.rows);
  toAnalyze.sources = toAnalyze.sources.filter((s) => !tallied.has(s.id));
  const analysis = analyzeRaters(toAnalyze, {
    lang: options.lang,
    settings: input.template.raterSettings,
  });
  out.results.raters = analysis.raters;
  out.results.reliability = analysis.reliability;
  addReview(input, out, options);
  return out;
}

/** Fills in decisions, impacts and tier stability on computed results. */
export function addReview(input: ScoreInput, out: ScoreOutput, options: AnalyzeOptions = {}): void {
  const review = options.review ?? {};
  const single = input.template.sources.length === 1 ? input.template.sources[0].id : null;
  const decisions = new Map(
    readDecisions(input.entries, single).map((d) => [`${d.source}\u0000${d.rater}`, d]),
  );
  const setAside = new Set(out.rows.filter((r) => r.setAside).map((r) => `${r.source}\u0000${r.rater}`));
  for (const rep of out.results.raters) {
    const key = `${rep.source}\u0000${rep.rater}`;
    const d = decisions.get(key);
    if (d) rep.decision = d;
    if (review.impact !== false && needsReview(rep) && !setAside.has(key))
      rep.impact = raterImpact(input, out.rows, out.results, rep, options);
  }
  if (review.stability !== false) {
    const st = tierStability(
      { template: input.template, rows: out.rows, ratees: out.results.ratees },
      typeof review.stability === 'object' ? review.stability : {},
    );
    for (const r of out.results.ratees) if (st[r.ratee]) r.tierStability = st[r.ratee];
  }
}
