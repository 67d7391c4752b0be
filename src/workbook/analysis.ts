/**
 * The rows of the rater-analysis sheet (under the headers `source, rater, sheets, flag, level,
 * message` of src/workbook/words.ts): one row per flag, or one row with an empty flag for a
 * rater without flags, so every rater appears. Host-neutral: plain values.
 */
import type { Lang, Results } from '../core/types';
import type { PlanValue } from './plan';

/** The flag and level columns in the sheet's language (a Chinese sheet never shows `flat` or `alert`). */
const FLAG_WORDS: Record<string, Record<Lang, string>> = {
  flat: { zh: '打分拉不开差距', en: 'flat' },
  lenient: { zh: '普遍偏高', en: 'lenient' },
  severe: { zh: '普遍偏低', en: 'severe' },
  halo: { zh: '不分项打分', en: 'halo' },
  favoritism: { zh: '个别对象异常', en: 'favoritism' },
  erratic: { zh: '随意打分', en: 'erratic' },
  copied: { zh: '雷同评分表', en: 'copied' },
};
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
        FLAG_WORDS[f.code]?.[lang] ?? f.code,
        LEVEL_WORDS[f.level]?.[lang] ?? f.level,
        f.messages?.[lang] ?? f.message,
      ]);
  }
  return rows;
}
