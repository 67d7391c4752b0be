/**
 * The ratee list (`id,name[,group]`) and the rater list (`id,source[,name]`) as a clerk pastes
 * them into the task pane (formats.md): from Excel (tab separated) or CSV. A header line is
 * recognised and skipped; every line that cannot be used is reported with its number.
 */
import { sourceCodes } from '../../core/template';
import type { RateeInfo, RaterInfo } from '../../core/types';
import { parseDelimited } from './delimited';

/** One line that could not be used; `line` is 1-based as the clerk counts lines. */
export interface ListProblem {
  line: number;
  /** i18n key under `lists.problem` */
  key: 'empty-id' | 'duplicate-id' | 'unknown-source' | 'bad-id';
  found: string;
  /** For unknown-source: the source ids allowed. */
  allowed?: string[];
}

export interface ParsedList<T> {
  items: T[];
  problems: ListProblem[];
}

const HEADER_IDS = new Set(['id', 'code', '编码', '编号', '代码', '序号']);
/** Codes become column values and sheet keys; keep them to what the workbook can match. */
const CODE_PATTERN = /^[^\s,;'"=]{1,40}$/;

function isHeader(row: string[]): boolean {
  return HEADER_IDS.has((row[0] ?? '').toLowerCase());
}

/** Shared line walk: skips a header, checks the id, rejects duplicates, then builds an item. */
function walk<T>(
  text: string,
  build: (row: string[], line: number, problems: ListProblem[]) => T | null,
): ParsedList<T> {
  const rows = parseDelimited(text);
  const items: T[] = [];
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 1;
    if (i === 0 && isHeader(row)) return;
    const id = row[0] ?? '';
    if (id === '') return void problems.push({ line, key: 'empty-id', found: row.join(' ') });
    if (!CODE_PATTERN.test(id)) return void problems.push({ line, key: 'bad-id', found: id });
    if (seen.has(id)) return void problems.push({ line, key: 'duplicate-id', found: id });
    const item = build(row, line, problems);
    if (item === null) return;
    seen.add(id);
    items.push(item);
  });
  return { items, problems };
}

/** `id, name, group` per line (name and group optional). */
export function parseRateeList(text: string): ParsedList<RateeInfo> {
  return walk(text, (row) => {
    const [id, name, group] = row;
    return { id, ...(name ? { name } : {}), ...(group ? { group } : {}) };
  });
}

/**
 * `id, source, name` per line; `source` may be a source id or its name as shown in the template
 * (`民主测评`), and may be left out when the template has a single source.
 */
export function parseRaterList(text: string, sources: { id: string; name: string }[]): ParsedList<RaterInfo> {
  return walk(text, (row, line, problems) => {
    const [id, sourceText = '', name] = row;
    const source =
      sourceCodes({ sources }).get(sourceText) ??
      (sourceText === '' && sources.length === 1 ? sources[0].id : undefined);
    if (source === undefined) {
      problems.push({
        line,
        key: 'unknown-source',
        found: sourceText,
        // What a clerk may type: each source's name (as in the template) and its id.
        allowed: sources.flatMap((s) =>
          s.name.trim() && s.name.trim() !== s.id ? [s.name.trim(), s.id] : [s.id],
        ),
      });
      return null;
    }
    return { id, source, ...(name ? { name } : {}) };
  });
}
