/**
 * Verification results in words a clerk or reviewer reads (Chinese or English): a one-line
 * status for the task pane, and the full report the command line prints.
 */
import type { Lang } from '../types';
import { shortDigest } from './digest';
import type { BreakReason, ChangedRow, LevelStatus, RowChange, Verification } from './types';

/**
 * What a sign-off's checksum (digest) proves and what it does not (signoff.md, Additions:
 * honest limits), in one sentence each language. The one source of this sentence: `duanping
 * signoff`, `duanping verify` (text and `--json` as `proves`) and the pane's 签核导出 tab show it.
 */
export const DIGEST_PROVES: Record<Lang, string> = {
  zh: '校验码证明：签核后评分、加减分、名单、结果和模板没有被改动；它不能证明签核人是谁——任何持有文件的人都能重新计算校验码（防篡改证据，不是电子签名），请把打印的短校验码留存在纸面或消息中，用来核对以后的副本。',
  en: 'What a checksum proves: the scores, adjustments, names, results and template have not changed since sign-off; it does not prove who signed — anyone holding the file can recompute it (tamper evidence, not a signature), so keep the printed short checksum on paper or in a message to tie later copies to what was signed.',
};

const REASONS: Record<BreakReason, { zh: string; en: string }> = {
  'content-changed': { zh: '签核后内容被改动', en: 'the content changed after signing' },
  'record-altered': { zh: '签核记录本身被改动', en: 'the sign-off record itself was edited' },
  'chain-broken': {
    zh: '与下一级签核的链接断开（有签核被删除或替换）',
    en: 'it no longer links to the sign-off below it (a level was removed or replaced)',
  },
  'row-digests-altered': {
    zh: '保存的行摘要（DP_Digests）被改动',
    en: 'the stored row digests (DP_Digests) were edited',
  },
  'withdrawal-altered': { zh: '撤回记录被改动', en: 'the withdrawal record was edited' },
};

const CHANGES: Record<RowChange, { zh: string; en: string }> = {
  changed: { zh: '已修改', en: 'changed' },
  added: { zh: '新增', en: 'added' },
  removed: { zh: '已删除', en: 'removed' },
};

const LABEL_WORDS: Record<string, string> = {
  indicator: '指标',
  source: '评价主体',
  tier: '等次',
  adjustments: '加减分设置',
};

/** The reason a level broke, in one phrase. */
export function describeReason(reason: BreakReason, lang: Lang): string {
  return REASONS[reason][lang];
}

/** `评分录入 第12行（评委 R01，被考核对象 U02）：已修改` / `评分录入 row 12 (rater R01, ratee U02): changed`. */
export function describeChangedRow(r: ChangedRow, lang: Lang): string {
  const zh = lang === 'zh';
  let where: string;
  if (r.sheet !== undefined && r.row !== undefined)
    where = zh ? `${r.sheet} 第${r.row}行` : `${r.sheet} row ${r.row}`;
  else if (r.label !== undefined) {
    const [word, ...rest] = r.label === 'template' ? [] : r.label.split(' ');
    const part = word === undefined ? [] : [zh ? (LABEL_WORDS[word] ?? word) : word, ...rest];
    where = [zh ? '模板' : 'template', ...part].join(' ');
  } else where = zh ? '（位置不明）' : '(unknown place)';
  const who: string[] = [];
  if (r.source) who.push(zh ? `评价主体 ${r.source}` : `source ${r.source}`);
  if (r.rater) who.push(zh ? `评委 ${r.rater}` : `rater ${r.rater}`);
  if (r.ratee) who.push(zh ? `被考核对象 ${r.ratee}` : `ratee ${r.ratee}`);
  const whoText = who.length === 0 ? '' : zh ? `（${who.join('，')}）` : ` (${who.join(', ')})`;
  return `${where}${whoText}${zh ? '：' : ': '}${CHANGES[r.change][lang]}`;
}

function describeLevel(s: LevelStatus, lang: Lang): string {
  const zh = lang === 'zh';
  const role = s.role ? (zh ? `（${s.role}）` : ` (${s.role})`) : '';
  const head = zh
    ? `第${s.level}级 ${s.reviewer}${role} ${s.time} [${shortDigest(s.digest)}]`
    : `Level ${s.level} ${s.reviewer}${role} ${s.time} [${shortDigest(s.digest)}]`;
  switch (s.state) {
    case 'valid':
      return `${head}${zh ? '：有效' : ': valid'}`;
    case 'withdrawn': {
      const w = s.withdrawn;
      return zh
        ? `${head}：已撤回（${w.by} 于 ${w.time}，原因：${w.reason}）`
        : `${head}: withdrawn by ${w.by} at ${w.time}, reason: ${w.reason}`;
    }
    case 'broken':
      return `${head}${zh ? '：失效，' : ': broken, '}${describeReason(s.reason, lang)}`;
  }
}

/** One line for a status bar: all valid, not signed, or the first broken level. */
export function verificationStatusLine(v: Verification, lang: Lang): string {
  const zh = lang === 'zh';
  if (v.ok && !v.signed) return zh ? '尚无有效签核。' : 'No active sign-off.';
  if (v.ok) {
    const active = v.levels.filter((l) => l.state === 'valid');
    const top = active[active.length - 1];
    return zh
      ? `全部 ${active.length} 级签核有效（最新：第${top.level}级 ${top.reviewer}，${shortDigest(top.digest)}）。`
      : `All ${active.length} sign-off level(s) valid (latest: level ${top.level}, ${top.reviewer}, ${shortDigest(top.digest)}).`;
  }
  const n = v.changedRows.length;
  const rows = n === 0 ? '' : zh ? `，${n} 行有变动` : `; ${n} row(s) differ`;
  return zh
    ? `第${v.brokenLevel}级签核失效：${describeReason(v.reason, lang)}${rows}。`
    : `Sign-off level ${v.brokenLevel} is broken: ${describeReason(v.reason, lang)}${rows}.`;
}

/**
 * The full report: the status line, one line per sign-off, then the changed rows of the first
 * broken level (at most `maxRows`, then a count of the rest).
 */
export function describeVerification(v: Verification, lang: Lang, maxRows = 50): string[] {
  const lines = [verificationStatusLine(v, lang), ...v.levels.map((s) => '  ' + describeLevel(s, lang))];
  if (!v.ok && v.changedRows.length > 0) {
    lines.push(
      lang === 'zh'
        ? `第${v.brokenLevel}级签核后有变动的行：`
        : `Rows that differ from level ${v.brokenLevel}:`,
    );
    for (const r of v.changedRows.slice(0, maxRows)) lines.push('  ' + describeChangedRow(r, lang));
    const rest = v.changedRows.length - maxRows;
    if (rest > 0) lines.push(lang === 'zh' ? `  ……另有 ${rest} 行` : `  … and ${rest} more`);
  }
  return lines;
}
