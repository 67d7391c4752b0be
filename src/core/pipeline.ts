/**
 * The whole computation as the command line and the task pane run it: scores (scoring.md), then
 * the rater analysis and panel reliability (raters.md) on the same rows.
 */
import { lookalikeProblems } from './lookalike';
import { analyzeRaters } from './raters';
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

/** Scores plus `raters` and `reliability` filled in. */
export function scoreAndAnalyze(input: ScoreInput, options: ScoreOptions = {}): ScoreOutput {
  const out = computeScores(input, options);
  out.results.problems.push(...lookalikeProblems(input, options.lang, options.textNumbers ?? true));
  // A tallied source (计票) has no score sheets: no per-rater flags, no reliability; `tallied` says so.
  const tallied = new Set(out.results.tallied ?? []);
  const toAnalyze = analysisInput(input.template, out.rows);
  toAnalyze.sources = toAnalyze.sources.filter((s) => !tallied.has(s.id));
  const analysis = analyzeRaters(toAnalyze, {
    lang: options.lang,
    settings: input.template.raterSettings,
  });
  out.results.raters = analysis.raters;
  out.results.reliability = analysis.reliability;
  return out;
}
