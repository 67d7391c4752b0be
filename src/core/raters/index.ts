/**
 * The rater analysis ("一碗水端平"): per source, the seven flags of raters.md for every rater, and
 * the panel's reliability. Pure: no I/O. Spec: ../shared/spec/raters.md; guide: docs/raters.md.
 */
import { buildSourceMatrix, type SourceMatrix } from './matrix';
import { cellsConsensus, totalsConsensus } from './consensus';
import type { FlagDraft, SourceContext } from './context';
import { detectCopied } from './flags/copied';
import { detectErratic } from './flags/erratic';
import { detectFavoritism } from './flags/favoritism';
import { detectFlat } from './flags/flat';
import { detectHalo } from './flags/halo';
import { detectLenientSevere } from './flags/lenient';
import { flagSentence, raterInsufficient, sourceInsufficient } from './messages';
import { sourceReliability } from './reliability';
import { resolveRaterSettings } from './settings';
import type { AnalysisInput, AnalysisOutput, AnalysisSource, RaterFlag, RaterReport } from './types';

export { DEFAULT_RATER_SETTINGS, resolveRaterSettings, validateRaterSettings } from './settings';
export type * from './types';

export interface AnalyzeOptions {
  lang?: 'zh' | 'en';
  /** The template's `raterSettings`; see DEFAULT_RATER_SETTINGS for keys and defaults. */
  settings?: Record<string, number>;
}

const LEVEL_ORDER = { alert: 0, warn: 1, info: 2 } as const;

/** Flags of every rater of one source, or the reason the source cannot be judged. */
function analyzeSource(source: AnalysisSource, m: SourceMatrix, options: AnalyzeOptions): RaterReport[] {
  const lang = options.lang ?? 'zh';
  const settings = resolveRaterSettings(options.settings);
  const consensus = totalsConsensus(m);
  const paired = m.raters.map((_, r) =>
    m.ratees.flatMap((_, j) => (m.totals[r][j] !== null && consensus[r][j] !== null ? [j] : [])),
  );
  const judged = paired.map((p) => p.length >= settings.minRatees);
  const ctx: SourceContext = { m, settings, consensus, paired, judged };

  const ratersWithTotals = m.totals.filter((row) => row.some((v) => v !== null)).length;
  const rateesWithTotals = m.ratees.filter((_, j) => m.totals.some((row) => row[j] !== null)).length;
  const reports: RaterReport[] = m.raters.map((rater, r) => ({
    rater,
    source: source.id,
    rows: m.rows[r],
    flags: [],
  }));
  if (ratersWithTotals < settings.minRaters || rateesWithTotals < settings.minRatees) {
    const why = sourceInsufficient(
      rateesWithTotals,
      ratersWithTotals,
      settings.minRatees,
      settings.minRaters,
    )[lang];
    for (const rep of reports) rep.insufficient = why;
    return reports;
  }

  const drafts: FlagDraft[] = [...detectFlat(ctx), ...detectLenientSevere(ctx), ...detectHalo(ctx)];
  const erratic = detectErratic(ctx, cellsConsensus(m));
  drafts.push(...erratic);
  const skip = new Set(drafts.filter((d) => d.code === 'flat' || d.code === 'erratic').map((d) => d.rater));
  drafts.push(...detectFavoritism(ctx, skip), ...detectCopied(ctx));

  for (const d of drafts) {
    const messages = flagSentence(m.raters[d.rater], d);
    const flag: RaterFlag = {
      code: d.code,
      level: d.level,
      ratee: d.ratee,
      message: messages[lang],
      messages,
      evidence: d.evidence,
    };
    reports[d.rater].flags.push(flag);
  }
  reports.forEach((rep, r) => {
    rep.flags.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    if (!judged[r] && rep.flags.length === 0)
      rep.insufficient = raterInsufficient(rep.rater, paired[r].length, settings.minRatees)[lang];
  });
  return reports;
}

/** Rater flags and panel reliability for every source of the input. */
export function analyzeRaters(input: AnalysisInput, options: AnalyzeOptions = {}): AnalysisOutput {
  const out: AnalysisOutput = { raters: [], reliability: {} };
  for (const source of input.sources) {
    const m = buildSourceMatrix(source);
    out.raters.push(...analyzeSource(source, m, options));
    out.reliability[source.id] = sourceReliability(m);
  }
  return out;
}
