/**
 * The sign-off gate (spec: ../shared/spec/signoff.md, Additions, "Open problems"): signing is
 * refused while the entries have input problems, while the results the summary shows are not
 * the results the entries give now (older than the entries), or while no score sheet is counted
 * at all — unless the reviewer overrides it with a reason, which the record keeps (and its
 * digest covers).
 *
 * One rule, used by the task pane's 签核导出 tab and by `duanping signoff` alike (both through
 * signBook in src/workbook/signoff.ts). Pure: the engine is run here on what the book holds.
 */
import { computeScores, type ScoreInput } from '../scoring';
import type { Lang, RateeInfo, RawCell } from '../types';
import { canonicalText } from './canonical';
import type { ResultRow } from './types';

/**
 * What the gate reads: the book's inputs as typed — the engine's own input (ScoreInput), with the
 * adjustments always read and the ratee list read-only — and the results its summary shows.
 */
export type GateInput = Omit<ScoreInput, 'adjustments' | 'ratees'> & {
  adjustments: NonNullable<ScoreInput['adjustments']>;
  /** 名单, when the book has it (an unknown ratee is then a problem). */
  ratees?: readonly RateeInfo[];
  /** The summary's rows as the cells show them. */
  results: ResultRow[];
};

export type GateIssue =
  /** Input problems: the score sheets or adjustments named are left out of the totals. */
  | { code: 'input-problems'; count: number; first: string[] }
  /** No score sheet is counted: no score typed at all (`typed` 0), or every sheet has a problem. */
  | { code: 'nothing-counted'; typed: number }
  /** The summary shows results other than those the entries give now (names the ratees). */
  | { code: 'stale-results'; ratees: string[] };

export interface GateReport {
  issues: GateIssue[];
  /** Score sheets counted in the totals. */
  counted: number;
}

const num = (v: RawCell): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};
const txt = (v: RawCell): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? v.error : canonicalText(String(v));

/** Checks a book before signing: input problems, nothing counted, results older than the entries. */
export function signoffGate(input: GateInput, lang: Lang = 'zh'): GateReport {
  const { results, rows, tallyRows } = computeScores(
    {
      template: input.template,
      entries: input.entries,
      adjustments: input.adjustments,
      ratees: input.ratees && input.ratees.length > 0 ? [...input.ratees] : undefined,
      raters: input.raters && input.raters.length > 0 ? input.raters : undefined,
      ...(input.tallies && input.tallies.length > 0 ? { tallies: input.tallies } : {}),
      sheetIssues: input.sheetIssues,
    },
    { lang, textNumbers: false },
  );
  const issues: GateIssue[] = [];
  if (results.problems.length > 0)
    issues.push({
      code: 'input-problems',
      count: results.problems.length,
      first: results.problems.slice(0, 5).map((p) => p.message),
    });
  // Counted tally rows (计票) count too: a book whose ballots are all tallied has counted marks.
  const counted =
    rows.filter((r) => !r.excluded && r.total !== null).length +
    (tallyRows ?? []).filter((s) => s === 'counted').length;
  if (counted === 0) {
    const blank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    const typed = input.entries.filter((e) => Object.values(e.cells).some((v) => !blank(v))).length;
    issues.push({ code: 'nothing-counted', typed });
  }

  // The summary against the engine on the same entries: final, rank and tier per ratee.
  const shown = new Map(input.results.map((r) => [r.ratee, r]));
  const stale: string[] = [];
  for (const r of results.ratees) {
    const s = shown.get(r.ratee);
    if (r.final === null && (!s || txt(s.final) === '')) continue;
    if (!s) {
      stale.push(r.ratee);
      continue;
    }
    const final = num(s.final);
    const same =
      final !== null &&
      r.final !== null &&
      Math.abs(final - r.final) < 1e-9 &&
      num(s.rank) === r.rank &&
      txt(s.tier) === (r.tier ?? '');
    if (!same) stale.push(r.ratee);
  }
  if (stale.length > 0) issues.push({ code: 'stale-results', ratees: stale });
  return { issues, counted };
}

/** One sentence per issue, in the reader's language. */
export function describeGateIssue(issue: GateIssue, lang: Lang): string {
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'input-problems':
      return zh
        ? `录入还有 ${issue.count} 个问题，相关评分表或加减分没有计入结果（第一个：${issue.first[0]}）`
        : `the entries have ${issue.count} problem(s); the score sheets or adjustments concerned are not counted (first: ${issue.first[0]})`;
    case 'nothing-counted':
      return issue.typed === 0
        ? zh
          ? '评分录入表里还没有分数，没有可以签核的结果'
          : 'the entry sheet holds no score yet: there are no results to sign'
        : zh
          ? `录入了分数的 ${issue.typed} 张评分表都有问题，没有一张计入结果`
          : `none of the ${issue.typed} score sheet(s) with scores is counted`;
    case 'stale-results': {
      const few = issue.ratees.slice(0, 5).join(zh ? '、' : ', ');
      const more =
        issue.ratees.length > 5
          ? zh
            ? ` 等 ${issue.ratees.length} 个`
            : ` and ${issue.ratees.length - 5} more`
          : '';
      return zh
        ? `汇总表的结果与当前录入算出的不一致（${few}${more}），结果早于最近的录入：请先重新计算`
        : `the summary's results differ from what the entries give now (${few}${more}): they are older than the entries; calculate again first`;
    }
  }
}

/** The issues as one line for a record: what was overridden. */
export function gateSummary(issues: readonly GateIssue[], lang: Lang): string {
  const zh = lang === 'zh';
  return issues
    .map((i) =>
      i.code === 'input-problems'
        ? zh
          ? `录入问题 ${i.count} 个`
          : `${i.count} input problem(s)`
        : i.code === 'nothing-counted'
          ? zh
            ? '没有计入的评分表'
            : 'no score sheet counted'
          : zh
            ? `${i.ratees.length} 个结果早于录入`
            : `${i.ratees.length} result(s) older than the entries`,
    )
    .join(zh ? '；' : '; ');
}

export type GateDecision =
  | { ok: true; override?: { reason: string; issues: string } }
  | { ok: false; issues: GateIssue[]; message: string };

/**
 * Whether signing may go ahead: yes when there is no issue; with issues only when an override
 * reason is given, and then the record keeps the reason and what it overrode.
 */
export function decideGate(report: GateReport, override: string | undefined, lang: Lang): GateDecision {
  if (report.issues.length === 0) return { ok: true };
  const reason = canonicalText(override ?? '');
  if (reason === '') {
    const lines = report.issues.map((i) => describeGateIssue(i, lang));
    const message =
      lang === 'zh'
        ? `不能签核：${lines.join('；')}。如确需签核，请写明理由（理由将记入签核记录）。`
        : `cannot sign: ${lines.join('; ')}. To sign anyway, give a reason (--override "…"); the record keeps it.`;
    return { ok: false, issues: report.issues, message };
  }
  return { ok: true, override: { reason, issues: gateSummary(report.issues, lang) } };
}
