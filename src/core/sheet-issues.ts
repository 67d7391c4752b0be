/**
 * What a workbook reader found in the sheets themselves (types.ts, SheetIssue) as problems in
 * the reader's language: the engine lists them with the other problems (so the sign-off gate
 * counts them), and `duanping verify` names the indicator-sheet differences.
 */
import { engineT } from './i18n';
import type { Lang, Problem, SheetIssue } from './types';

/** One problem for one sheet issue. */
export function sheetIssueProblem(issue: SheetIssue, lang: Lang): Problem {
  const t = engineT(lang);
  if (issue.code === 'merged-cell') {
    const blanks = issue.blanks.join(lang === 'zh' ? '、' : ', ');
    return {
      code: 'merged-cell',
      where: issue.range,
      found: issue.master,
      message: t('problem.merged-cell', { where: issue.range, found: issue.master, blanks }),
    };
  }
  const label = t(`sheetField.${issue.field}`, { part: t(`sheetPart.${issue.part}`), id: issue.id });
  return {
    code: 'indicator-sheet-differs',
    where: issue.where,
    found: issue.found,
    allowed: issue.stored,
    message: t('problem.indicator-sheet-differs', {
      at: t('where', { where: issue.where }),
      label,
      found: issue.found,
      allowed: issue.stored,
    }),
  };
}
