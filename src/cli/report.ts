/** The readable (non-JSON) reports of `score` and `analyze`. */
import type { FlagLevel } from '../core/raters/types';
import type { Lang, Note, Results } from '../core/types';
import { parseLang, type CliContext } from './context';
import { formatTable } from './table';
import { reviewReport } from './review-report';
import { talliedLine } from './tally';

const WORDS = {
  zh: {
    rank: '排名',
    ratee: '被考核对象',
    final: '最终得分',
    tier: '等次',
    notes: '备注',
    none: '—',
    problems: (n: number) => `输入问题 ${n} 条（这些评分表或加减分未计入，请核对后重算）：`,
    noProblems: '没有输入问题。',
    more: (n: number) => `……另有 ${n} 条，用 --json 查看全部。`,
    flags: (n: number) => `评委提示 ${n} 条（提示只是复核线索，不是结论）：`,
    noFlags: '没有需要复核的评委评分模式。',
    level: { alert: '重点复核', warn: '建议复核', info: '参考' } as Record<FlagLevel, string>,
    rater: '评委',
    source: '评价主体',
    levelH: '级别',
    flag: '提示',
    reliability: '评委组一致性：',
    note: {
      'quota-tie': '名额并列',
      'bonus-capped': '加分封顶',
      'deduction-capped': '扣分封顶',
      'missing-source': '缺少环节',
      vetoed: '一票否决',
      'floored-at-zero': '按0分计',
    } as Record<Note['code'], string>,
  },
  en: {
    rank: 'Rank',
    ratee: 'Ratee',
    final: 'Final',
    tier: 'Tier',
    notes: 'Notes',
    none: '—',
    problems: (n: number) =>
      `${n} input problem${n === 1 ? '' : 's'} (these sheets or adjustments are not counted; fix and recompute):`,
    noProblems: 'No input problems.',
    more: (n: number) => `… ${n} more; use --json to see them all.`,
    flags: (n: number) => `${n} rater flag${n === 1 ? '' : 's'} (a prompt to review, never a verdict):`,
    noFlags: 'No rater patterns to review.',
    level: { alert: 'alert', warn: 'warn', info: 'info' } as Record<FlagLevel, string>,
    rater: 'Rater',
    source: 'Source',
    levelH: 'Level',
    flag: 'Flag',
    reliability: 'Panel reliability:',
    note: {
      'quota-tie': 'quota tie',
      'bonus-capped': 'bonus capped',
      'deduction-capped': 'deduction capped',
      'missing-source': 'missing source',
      vetoed: 'vetoed',
      'floored-at-zero': 'floored at 0',
    } as Record<Note['code'], string>,
  },
};

const LEVEL_ORDER: Record<FlagLevel, number> = { alert: 0, warn: 1, info: 2 };
const SHOWN_PROBLEMS = 20;

export function problemsReport(results: Results, lang: Lang): string {
  const w = WORDS[lang];
  if (results.problems.length === 0) return w.noProblems;
  const lines = results.problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${p.message}`);
  if (results.problems.length > SHOWN_PROBLEMS)
    lines.push(`  ${w.more(results.problems.length - SHOWN_PROBLEMS)}`);
  return [w.problems(results.problems.length), ...lines].join('\n');
}

export function resultsTable(results: Results, lang: Lang, decimals = 2): string {
  const w = WORDS[lang];
  const sorted = [...results.ratees].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return formatTable(
    [w.rank, w.ratee, w.final, w.tier, w.notes],
    sorted.map((r) => [
      r.rank === null ? w.none : String(r.rank),
      r.name ? `${r.ratee} ${r.name}` : r.ratee,
      r.final === null ? w.none : r.final.toFixed(decimals),
      r.tier ?? w.none,
      r.notes.map((n) => w.note[n.code]).join(lang === 'zh' ? '、' : ', '),
    ]),
    [true, false, true, false, false],
  );
}

export function ratersReport(results: Results, lang: Lang): string {
  const w = WORDS[lang];
  const flags = results.raters
    .flatMap((r) => r.flags.map((f) => ({ r, f })))
    .sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.r.rater.localeCompare(b.r.rater));
  const parts: string[] = [];
  parts.push(
    flags.length === 0
      ? w.noFlags
      : [
          w.flags(flags.length),
          formatTable(
            [w.levelH, w.rater, w.source, w.flag],
            flags.map(({ r, f }) => [w.level[f.level], r.rater, r.source, f.messages?.[lang] ?? f.message]),
          ),
        ].join('\n'),
  );
  const rel = Object.entries(results.reliability);
  if (rel.length > 0) {
    parts.push(w.reliability);
    for (const [source, r] of rel) {
      const sentence = (r.detail?.sentence as Record<Lang, string> | undefined)?.[lang] ?? r.reason;
      const fig = (x: number | null) => (x === null ? '—' : x.toFixed(2));
      parts.push(
        `  ${source}: ICC(2,k) ${fig(r.icc2k)}, Kendall W ${fig(r.kendallW)}, α ${fig(r.alpha)} (${r.raters}×${r.ratees})${sentence ? ` — ${sentence}` : ''}`,
      );
    }
  }
  return parts.join('\n');
}

/** Prints results as JSON or as the readable report, and settles the exit code (1 with problems). */
export function printResults(
  results: Results,
  opts: { json?: boolean; lang?: string },
  ctx: CliContext,
  decimals = 2,
): void {
  const lang = parseLang(opts.lang);
  if (opts.json) ctx.io.out(JSON.stringify(results, null, 2));
  else {
    const title =
      lang === 'zh'
        ? `考核：${results.template.name}（${results.template.id}）`
        : `Assessment: ${results.template.name} (${results.template.id})`;
    ctx.io.out(
      [
        title,
        '',
        resultsTable(results, lang, decimals),
        '',
        problemsReport(results, lang),
        '',
        ratersReport(results, lang),
        reviewReport(results, lang),
        ...[talliedLine(results, lang)].filter((x) => x !== null),
      ]
        .filter((x, i, all) => x !== '' || all[i + 1] !== '')
        .join('\n'),
    );
  }
  ctx.exit(results.problems.length > 0 ? 1 : 0);
}
