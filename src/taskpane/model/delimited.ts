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
