/**
 * The tally CSV (计票, README "Formats"): `source,ratee,indicator,<level label>,<level label>,…`,
 * one row per ratee and indicator, one column per level label holding how many ballots gave that
 * level (blank = 0). `source` may be left out when the template has one source.
 */
import { columnLetter } from '../address';
import { columnsOf, parseCsv, raggedProblems, requireColumns } from '../csv';
import { InputError } from '../errors';
import { engineT } from '../i18n';
import type { Template } from '../template';
import type { Lang, Problem, TallyRow } from '../types';
import { sourceLevelLabels } from './shares';

const KEYS = ['source', 'ratee', 'indicator'];

export function readTallyCsv(
  text: string,
  template: Template,
  fileName = 'tally.csv',
  lang: Lang = 'zh',
): { tallies: TallyRow[]; problems: Problem[] } {
  const t = engineT(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const table = parseCsv(text, fileName);
  const { header } = table;
  const single = template.sources.length === 1 ? template.sources[0].id : null;
  requireColumns(header, single ? ['ratee', 'indicator'] : ['source', 'ratee', 'indicator'], fileName);
  const labels = new Set(template.sources.flatMap((s) => sourceLevelLabels(template, s.id)));
  if (labels.size === 0)
    throw new InputError(
      `${fileName}: template "${template.id}" has no level-coded indicators (好/较好/一般/差 …), so it cannot be tallied`,
    );
  const { ok, problems } = raggedProblems(table, fileName, lang);
  header.forEach((h, i) => {
    if (KEYS.includes(h) || labels.has(h)) return;
    const where = `${fileName}!${columnLetter(i)}1`;
    const allowed = [...(single ? KEYS.slice(1) : KEYS), ...labels].join(sep);
    problems.push({
      code: 'unknown-column',
      where,
      found: h,
      allowed,
      message: t('problem.unknown-column', { at: t('where', { where }), found: h, allowed }),
    });
  });
  const idx = Object.fromEntries(header.map((h, i) => [h, i]));
  const columns = columnsOf(header);
  const tallies = ok.map(({ row, fields }): TallyRow => ({
    source: idx.source === undefined ? '' : fields[idx.source],
    ratee: fields[idx.ratee],
    indicator: fields[idx.indicator],
    counts: Object.fromEntries(
      [...labels].filter((l) => idx[l] !== undefined).map((l) => [l, fields[idx[l]]]),
    ),
    loc: { sheet: fileName, row, columns },
  }));
  // Every level of the tallied sources needs its column: a missing one would silently count as 0.
  const sources = new Set(tallies.map((r) => r.source.trim() || single || ''));
  const missing = [
    ...new Set(
      template.sources.filter((s) => sources.has(s.id)).flatMap((s) => sourceLevelLabels(template, s.id)),
    ),
  ].filter((l) => idx[l] === undefined);
  if (missing.length > 0)
    throw new InputError(
      `${fileName}: the header needs a column for every level (${missing.join(', ')} missing; found: ${header.join(', ')})`,
    );
  return { tallies, problems };
}
