/**
 * `duanping score --tally FILE`: a ballot source entered as counts (计票) instead of one row per
 * ballot (README, "Formats"; scoring.md "Ballots"). Reads the file and refuses, in one line, a
 * tallied source whose template aggregate is not `mean`.
 */
import { basename } from 'node:path';
import { readTallyCsv } from '../core/ballots/tally-csv';
import { talliedSourceIds } from '../core/ballots/tally';
import { InputError } from '../core/errors';
import { resolveSource, sourceCodes, type Template } from '../core/template';
import type { Lang, Problem, Results, TallyRow } from '../core/types';
import { readText, type CliIO } from './context';

export function loadTallies(
  path: string,
  template: Template,
  lang: Lang,
  io: CliIO,
): { tallies: TallyRow[]; problems: Problem[] } {
  const file = basename(path);
  const read = readTallyCsv(readText(path, io), template, file, lang);
  const single = template.sources.length === 1 ? template.sources[0].id : null;
  const codes = sourceCodes(template);
  for (const id of talliedSourceIds(read.tallies, single, true)) {
    const source = template.sources.find((s) => s.id === resolveSource(codes, id));
    if (source && source.aggregate !== 'mean')
      throw new InputError(
        `${file}: source "${id}" aggregates by ${source.aggregate}, which needs each ballot's total; a tally has only counts, so a tallied source must use mean`,
      );
  }
  return read;
}

/** The line of the text report that says which sources were tallied (no rater analysis for them). */
export function talliedLine(results: Results, lang: Lang): string | null {
  if (!results.tallied || results.tallied.length === 0) return null;
  const ids = results.tallied.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `按计票录入的评价主体：${ids}（没有逐张评分表，不做逐人分析和信度计算）`
    : `Tallied sources: ${ids} (no score sheets, so no per-rater flags and no reliability)`;
}
