/**
 * The rows of the rater-analysis sheet (under the headers `source, rater, sheets, flag, level,
 * message` of src/workbook/words.ts): one row per flag, or one row with an empty flag for a
 * rater without flags, so every rater appears. Host-neutral: plain values.
 */
import { FLAG_TITLES, talliedSentence } from '../core/raters/messages';
import type { Lang, Results } from '../core/types';
import type { PlanValue } from './plan';

/** The level column in the sheet's language (a Chinese sheet never shows `alert`); flags by FLAG_TITLES. */
const LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  alert: { zh: '重点复核', en: 'alert' },
  warn: { zh: '建议复核', en: 'warn' },
  info: { zh: '供参考', en: 'info' },
};

export function analysisRows(results: Results, lang: Lang): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const r of results.raters) {
    if (r.flags.length === 0) {
      rows.push([r.source, r.rater, r.rows, '', '', r.insufficient ?? '']);
      continue;
    }
    for (const f of r.flags)
      rows.push([
        r.source,
        r.rater,
        r.rows,
        FLAG_TITLES[f.code]?.[lang] ?? f.code,
        LEVEL_WORDS[f.level]?.[lang] ?? f.level,
        f.messages?.[lang] ?? f.message,
      ]);
  }
  // A tallied source (计票) has no raters to list: one row says so.
  for (const source of results.tallied ?? []) rows.push([source, '', '', '', '', talliedSentence()[lang]]);
  return rows;
}
