/**
 * The rater analysis ("一碗水端平"): per source, the seven flags of raters.md for every rater, and
 * the panel's reliability. Pure: no I/O. Spec: ../shared/spec/raters.md; guide: docs/raters.md.
 */
import { buildSourceMatrix, withProratedTotals, type SourceMatrix } from './matrix';
import { cellsConsensus, totalsConsensus } from './consensus';
import type { FlagDraft, SourceContext } from './context';
import { detectCopied } from './flags/copied';
import { detectErratic } from './flags/erratic';
import { detectFavoritism } from './flags/favoritism';
import { detectFlat, tiedShare } from './flags/flat';
import { detectHalo } from './flags/halo';
import { detectLenientSevere } from './flags/lenient';
import {
  allTopSentence,
  flagSentence,
  raterInsufficient,
  sourceInsufficient,
  talliedSentence,
} from './messages';
import { levelIndex } from './matrix';
import { sourceReliability } from './reliability';
import { resolveRaterSettings } from './settings';
import type {
  AnalysisInput,
  AnalysisOutput,
  AnalysisSource,
  PanelNote,
  RaterFlag,
  RaterReport,
} from './types';

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
  // Flat sheets are not checked for a favour (their whole sheet is off). Erratic ones are: a favour
  // on one ratee can be what made the order look erratic on a small panel, and the own-scatter test
  // keeps a sheet that is loose everywhere from being said to favour its highest unit.
  const skip = new Set(drafts.filter((d) => d.code === 'flat').map((d) => d.rater));
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

/**
 * Ballots: voters who marked the top level on at least `ballotTopShare` of their items (and on
 * enough ratees to be judged), with that share.
 */
export function topMarkers(
  m: SourceMatrix,
  share: number,
  minRatees: number,
): { r: number; share: number }[] {
  if (!m.levels) return [];
  const nJ = m.ratees.length;
  const out: { r: number; share: number }[] = [];
  m.raters.forEach((_, r) => {
    let filled = 0;
    let top = 0;
    let ratees = 0;
    for (let j = 0; j < nJ; j++) {
      let any = false;
      for (let i = 0; i < m.nI; i++) {
        const v = m.cells[(r * nJ + j) * m.nI + i];
        const k = levelIndex(m, i, v);
        if (k === null) continue;
        any = true;
        filled++;
        if (k === (m.levels as NonNullable<SourceMatrix['levels']>).values[i].length - 1) top++;
      }
      if (any) ratees++;
    }
    if (ratees >= minRatees && filled > 0 && top / filled >= share) out.push({ r, share: top / filled });
  });
  return out;
}

/** Flags and panel notes of one source: ballots' top markers first, then the flags of the rest. */
function analyzeWhole(
  source: AnalysisSource,
  m: SourceMatrix,
  options: AnalyzeOptions,
): { reports: RaterReport[]; notes: PanelNote[] } {
  const lang = options.lang ?? 'zh';
  const settings = resolveRaterSettings(options.settings);
  if (source.tallied) {
    const why = talliedSentence()[lang];
    return {
      reports: m.raters.map((rater, r) => ({
        rater,
        source: source.id,
        rows: m.rows[r],
        flags: [],
        insufficient: why,
      })),
      notes: [],
    };
  }
  const top = topMarkers(m, settings.ballotTopShare, settings.minRatees);
  const forFlags = (src: AnalysisSource) => buildSourceMatrix(src, settings.partialSheetShare);
  if (top.length === 0)
    return {
      reports: analyzeSource(source, withProratedTotals(source, m, settings.partialSheetShare), options),
      notes: [],
    };
  // The voters who marked the top level almost everywhere say nothing about order: one panel
  // line, one flat flag each, and the others are judged among themselves (so that a consensus
  // pinned at the top level does not make every discriminating voter look severe).
  const topSet = new Set(top.map((t) => m.raters[t.r]));
  const rest = { ...source, rows: source.rows.filter((row) => !topSet.has(row.rater)) };
  const restReports = new Map(analyzeSource(rest, forFlags(rest), options).map((rep) => [rep.rater, rep]));
  const judged = m.raters.length;
  const sentence = allTopSentence(top.length, judged, m.levels?.top ?? null, settings.ballotTopShare);
  const notes: PanelNote[] = [
    {
      code: 'all-top',
      count: top.length,
      of: judged,
      raters: top.map((t) => m.raters[t.r]),
      message: sentence[lang],
      messages: sentence,
    },
  ];
  const reports = m.raters.map((rater, r): RaterReport => {
    const t = top.find((x) => x.r === r);
    if (!t) return restReports.get(rater) ?? { rater, source: source.id, rows: m.rows[r], flags: [] };
    const totals = m.totals[r].filter((v): v is number => v !== null);
    const draft: FlagDraft = {
      rater: r,
      code: 'flat',
      level: 'warn',
      ratee: null,
      evidence: {
        topShare: t.share,
        range: totals.length ? Math.max(...totals) - Math.min(...totals) : null,
        tiedShare: tiedShare(totals),
        ratees: totals.length,
        topLevel: m.levels?.top ?? null,
      },
    };
    const messages = flagSentence(rater, draft);
    return {
      rater,
      source: source.id,
      rows: m.rows[r],
      flags: [
        {
          code: 'flat',
          level: 'warn',
          ratee: null,
          message: messages[lang],
          messages,
          evidence: draft.evidence,
        },
      ],
    };
  });
  return { reports, notes };
}

/** Rater flags and panel reliability for every source of the input. */
export function analyzeRaters(input: AnalysisInput, options: AnalyzeOptions = {}): AnalysisOutput {
  const out: AnalysisOutput = { raters: [], reliability: {} };
  for (const source of input.sources) {
    const m = buildSourceMatrix(source);
    const whole = analyzeWhole(source, m, options);
    out.raters.push(...whole.reports);
    out.reliability[source.id] = sourceReliability(m);
    if (whole.notes.length) out.reliability[source.id].notes = whole.notes;
  }
  return out;
}
