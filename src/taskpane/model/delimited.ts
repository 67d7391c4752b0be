/**
 * Text pasted from Excel, WPS or a CSV file → rows of cells. Excel puts tabs between cells and
 * CRLF between rows, and quotes a cell that holds a tab, a quote or a line break.
 */
import Papa from 'papaparse';

/**
 * Splits pasted text into rows of trimmed cells. The delimiter is a tab when any line holds one,
 * otherwise a comma. Blank lines are dropped; a final line break does not make an empty row.
 */
export function parseDelimited(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return [];
  const delimiter = clean.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((cell) => cell.trim()));
}

/**
 * Splits a block copied from a spreadsheet for pasting into cells: tabs only (a comma is part of
 * a cell's text there), empty cells kept so columns stay aligned, a final line break ignored.
 */
export function parseTsvBlock(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
  if (clean === '') return [];
  const parsed = Papa.parse<string[]>(clean, { delimiter: '\t', skipEmptyLines: false });
  return parsed.data;
}

/** A line of comma-separated text that landed whole in one cell of the entry sheet. */
export interface CsvLine {
  /** 1-based sheet row. */
  row: number;
  text: string;
  /** Column letter of each field of that row (source, rater, ratee, indicator ids). */
  columns: Record<string, string>;
  sheet: string;
}

interface EntryLike {
  source: string;
  rater: string;
  ratee: string;
  cells: Record<string, unknown>;
  loc?: { sheet: string; row: number; columns: Record<string, string> };
}

const blankCell = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Rows of the entry sheet that hold a whole CSV line in the first column and nothing else:
 * CSV text pasted into Excel lands that way. Two or more such rows, or one with at least three
 * commas, are recognised.
 */
export function csvPastedAsText(entries: readonly EntryLike[]): CsvLine[] {
  const lines: CsvLine[] = [];
  for (const e of entries) {
    if (!e.loc || e.rater !== '' || e.ratee !== '' || !Object.values(e.cells).every(blankCell)) continue;
    if (!/[,，]/.test(e.source)) continue;
    lines.push({ row: e.loc.row, text: e.source, columns: e.loc.columns, sheet: e.loc.sheet });
  }
  if (lines.length === 1 && (lines[0].text.match(/[,，]/g) ?? []).length < 3) return [];
  return lines;
}

/** Header words that name a field of the entry sheet, besides the field ids themselves. */
const FIELD_WORDS: Record<string, string[]> = {
  source: ['source', '评价主体', '主体', '类别'],
  rater: ['rater', '评委', '评委编码', '评委编号'],
  ratee: ['ratee', '被考核对象', '对象', '单位', '被考核对象编码'],
};

/**
 * The cells to write for CSV lines pasted as text: each line split (quotes respected) into the
 * row's own columns — source, rater, ratee, then the indicators — or by a header line when the
 * first line is one (naming fields by id, Chinese header word, or indicator name); the header
 * line itself is cleared. Fields beyond the known columns are reported, not written.
 */
export function splitCsvLines(
  lines: readonly CsvLine[],
  indicators: readonly { id: string; name: string }[],
): { writes: { where: string; value: string | number | null }[]; ignored: string[] } {
  const writes: { where: string; value: string | number | null }[] = [];
  const ignored: string[] = [];
  if (lines.length === 0) return { writes, ignored };
  const fieldOf = (h: string): string | undefined => {
    const t = h.trim();
    for (const [f, words] of Object.entries(FIELD_WORDS))
      if (words.includes(t.toLowerCase()) || words.includes(t)) return f;
    return indicators.find((i) => i.id === t || i.name === t)?.id;
  };
  const split = (text: string) =>
    Papa.parse<string[]>(text.replace(/，/g, ','), { delimiter: ',' }).data[0]?.map((c) => c.trim()) ?? [];
  const first = split(lines[0].text);
  const headerFields = first.map(fieldOf);
  const isHeader = headerFields.filter(Boolean).length >= 2 && headerFields.includes('rater');
  const order = isHeader ? headerFields : ['source', 'rater', 'ratee', ...indicators.map((i) => i.id)];
  for (const [k, line] of lines.entries()) {
    const at = (field: string) => line.columns[field];
    if (k === 0 && isHeader) {
      writes.push({ where: `${line.sheet}!${at('source')}${line.row}`, value: null });
      continue;
    }
    const fields = split(line.text);
    fields.forEach((v, i) => {
      const field = order[i];
      const col = field ? at(field) : undefined;
      if (!col) {
        if (v !== '') ignored.push(`${line.sheet}!${line.row}: ${v}`);
        return;
      }
      const n = Number(v);
      const value = v === '' ? null : field && FIELD_WORDS[field] ? v : Number.isFinite(n) ? n : v;
      writes.push({ where: `${line.sheet}!${col}${line.row}`, value });
    });
  }
  return { writes, ignored };
}
