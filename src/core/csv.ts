/**
 * Reading the CSV formats of ../shared/spec/formats.md (UTF-8, BOM allowed, quotes, CRLF) through
 * papaparse. Rows become engine input with their location (`ratings.csv!F12`), so problems point
 * at the cell; a ragged row is a problem, a file without a needed column is an InputError.
 */
import Papa from 'papaparse';
import { columnLetter } from './address';
import { InputError } from './errors';
import { engineT } from './i18n';
import type { Template } from './template';
import type { AdjustmentRow, EntryRow, Lang, Problem, RateeInfo, RaterInfo } from './types';

export interface CsvTable {
  header: string[];
  /** Data records with their 1-based row number in the file (header = row 1). */
  records: { row: number; fields: string[] }[];
}

/** Parses CSV text: strips a BOM, handles quotes and CRLF, drops blank lines. */
export function parseCsv(text: string, fileName: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new InputError(`${fileName}: row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const all = parsed.data;
  const first = all.findIndex((r) => r.some((f) => f.trim() !== ''));
  if (first === -1) throw new InputError(`${fileName} is empty: expected a header row`);
  const header = all[first].map((h) => h.trim());
  const firstAt = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') return;
    const j = firstAt.get(h);
    if (j === undefined) return void firstAt.set(h, i);
    throw new InputError(
      `${fileName}: the header has "${h}" twice (columns ${columnLetter(j)} and ${columnLetter(i)}); each column name may appear once — delete or rename one`,
    );
  });
  const records = all
    .map((fields, i) => ({ row: i + 1, fields }))
    .slice(first + 1)
    .filter((r) => r.fields.some((f) => f.trim() !== ''));
  return { header, records };
}

export function columnsOf(header: string[]): Record<string, string> {
  return Object.fromEntries(header.map((h, i) => [h, columnLetter(i)]));
}

export function raggedProblems(
  table: CsvTable,
  fileName: string,
  lang: Lang,
): { ok: CsvTable['records']; problems: Problem[] } {
  const t = engineT(lang);
  const problems: Problem[] = [];
  const ok = table.records.filter((r) => {
    if (r.fields.length === table.header.length) return true;
    const where = `${fileName}!${r.row}:${r.row}`;
    problems.push({
      code: 'ragged-row',
      where,
      found: String(r.fields.length),
      allowed: String(table.header.length),
      message: t('problem.ragged-row', {
        at: t('where', { where }),
        found: r.fields.length,
        allowed: table.header.length,
      }),
    });
    return false;
  });
  return { ok, problems };
}

export function requireColumns(header: string[], needed: string[], fileName: string): void {
  const missing = needed.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new InputError(
      `${fileName}: the header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`,
    );
}

/** Columns of ratings.csv besides the indicators: `review`/`reviewNote` carry a reviewer's decision. */
const FIXED_RATING_COLUMNS = ['source', 'rater', 'ratee', 'review', 'reviewNote'];

/** `source,rater,ratee,<indicator id>,…[,review,reviewNote]` → entry rows, plus header and ragged-row problems. */
export function readRatingsCsv(
  text: string,
  template: Template,
  fileName = 'ratings.csv',
  lang: Lang = 'zh',
): { entries: EntryRow[]; problems: Problem[] } {
  const t = engineT(lang);
  const table = parseCsv(text, fileName);
  const { header } = table;
  requireColumns(
    header,
    template.sources.length === 1 ? ['rater', 'ratee'] : ['source', 'rater', 'ratee'],
    fileName,
  );
  const ids = new Set(template.indicators.map((i) => i.id));
  const sep = lang === 'zh' ? '、' : ', ';
  const { ok, problems } = raggedProblems(table, fileName, lang);
  header.forEach((h, i) => {
    if (FIXED_RATING_COLUMNS.includes(h) || ids.has(h)) return;
    const where = `${fileName}!${columnLetter(i)}1`;
    const allowed = [...FIXED_RATING_COLUMNS, ...ids].join(sep);
    problems.push({
      code: 'unknown-column',
      where,
      found: h,
      allowed,
      message: t('problem.unknown-column', { at: t('where', { where }), found: h, allowed }),
    });
  });
  const scored = new Set(template.sources.flatMap((s) => s.indicators));
  for (const id of scored) {
    if (header.includes(id)) continue;
    const where = `${fileName}!1:1`;
    problems.push({
      code: 'missing-column',
      where,
      found: id,
      indicator: id,
      message: t('problem.missing-column', { at: t('where', { where }), found: id }),
    });
  }
  const columns = columnsOf(header);
  const idx = Object.fromEntries(header.map((h, i) => [h, i]));
  const entries = ok.map(({ row, fields }): EntryRow => {
    const cells: EntryRow['cells'] = {};
    for (const id of ids) cells[id] = idx[id] === undefined ? null : fields[idx[id]];
    return {
      source: idx.source === undefined ? '' : fields[idx.source],
      rater: fields[idx.rater],
      ratee: fields[idx.ratee],
      cells,
      ...(idx.review === undefined ? {} : { review: fields[idx.review] }),
      ...(idx.reviewNote === undefined ? {} : { reviewNote: fields[idx.reviewNote] }),
      loc: { sheet: fileName, row, columns },
    };
  });
  return { entries, problems };
}

/** `ratee,kind,points,reason[,approvedBy]` → adjustment rows. */
export function readAdjustmentsCsv(
  text: string,
  fileName = 'adjustments.csv',
  lang: Lang = 'zh',
): { adjustments: AdjustmentRow[]; problems: Problem[] } {
  const table = parseCsv(text, fileName);
  requireColumns(table.header, ['ratee', 'kind', 'points'], fileName);
  const { ok, problems } = raggedProblems(table, fileName, lang);
  const columns = columnsOf(table.header);
  const idx = Object.fromEntries(table.header.map((h, i) => [h, i]));
  const adjustments = ok.map(({ row, fields }) => ({
    ratee: fields[idx.ratee],
    kind: fields[idx.kind],
    points: fields[idx.points],
    reason: idx.reason === undefined ? undefined : fields[idx.reason],
    approvedBy: idx.approvedBy === undefined ? undefined : fields[idx.approvedBy],
    loc: { sheet: fileName, row, columns },
  }));
  return { adjustments, problems };
}

function readList(text: string, fileName: string, needed: string[]): Record<string, string>[] {
  const table = parseCsv(text, fileName);
  requireColumns(table.header, needed, fileName);
  const seen = new Map<string, number>();
  return table.records.map(({ row, fields }) => {
    if (fields.length !== table.header.length)
      throw new InputError(
        `${fileName}: row ${row} has ${fields.length} columns, the header has ${table.header.length}`,
      );
    const rec = Object.fromEntries(table.header.map((h, i) => [h, fields[i].trim()]));
    if (rec.id === '') throw new InputError(`${fileName}: row ${row} has no id; every row needs one`);
    const before = seen.get(rec.id);
    if (before !== undefined)
      throw new InputError(
        `${fileName}: id "${rec.id}" is listed twice (rows ${before} and ${row}); each id may appear once`,
      );
    seen.set(rec.id, row);
    return rec;
  });
}

/** `id,name[,group]`. */
export function readRateesCsv(text: string, fileName = 'ratees.csv'): RateeInfo[] {
  return readList(text, fileName, ['id']).map((r) => ({
    id: r.id,
    ...(r.name ? { name: r.name } : {}),
    ...(r.group ? { group: r.group } : {}),
  }));
}

/** `id,source[,name]`. */
export function readRatersCsv(text: string, fileName = 'raters.csv'): RaterInfo[] {
  return readList(text, fileName, ['id', 'source']).map((r) => ({
    id: r.id,
    source: r.source,
    ...(r.name ? { name: r.name } : {}),
  }));
}
