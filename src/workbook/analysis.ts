/**
 * The rows of the rater-analysis sheet (under the headers `source, rater, sheets, flag, level,
 * message` of src/workbook/words.ts): one row per flag, or one row with an empty flag for a
 * rater without flags, so every rater appears. Host-neutral: plain values.
 */
import type { Lang, Results } from '../core/types';
import type { PlanValue } from './plan';

export function analysisRows(results: Results, lang: Lang): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const r of results.raters) {
    if (r.flags.length === 0) {
      rows.push([r.source, r.rater, r.rows, '', '', r.insufficient ?? '']);
      continue;
    }
    for (const f of r.flags)
      rows.push([r.source, r.rater, r.rows, f.code, f.level, f.messages?.[lang] ?? f.message]);
  }
  return rows;
}
