/**
 * Reads what a clerk typed back from plain 2-D grids of cell values (one grid per sheet, from
 * A1), so the xlsx reader and the Office adapter parse the input sheets with one piece of code.
 *
 * Columns are found by their header text (either language), so a column moved by hand is still
 * read; a missing column is a one-line InputError naming the sheet and header row.
 */
import { columnIndex, columnLetter } from '../core/address';
import { isBlank } from '../core/cells';
import { InputError } from '../core/errors';
import type { Template } from '../core/template';
import type {
  AdjustmentRow,
  EntryRow,
  Lang,
  RateeInfo,
  RaterInfo,
  RawCell,
  RowLocation,
  SheetIssue,
} from '../core/types';
import type { WorkbookContent } from './types';
import { indicatorSheetIssues } from './indicator-sheet';
import { FIELD_HEADERS, isHeaderOf } from './names';
import type { WorkbookLayout } from './plan';
import { STATUS_HEADER } from './layout';
import { readTallies } from './tally';

/** Cell grids by sheet name, each from A1 (row 0 = sheet row 1). */
export type Grids = Record<string, RawCell[][]>;

/** Merged ranges by sheet name (`C5:C7`), as far as a host can tell them. */
export type Merges = Record<string, string[]>;

/** What a reader may know beside the grids. */
export interface ReadExtras {
  /**
   * The installation's language: with it, the visible indicator sheet (指标), when it is among the
   * grids, is compared with the stored template (./indicator-sheet.ts).
   */
  lang?: Lang;
  /**
   * Merged ranges of the sheets read. A host gives merged-away cells as blank, as the formulas
   * read them; each range over the rows read is reported (SheetIssue `merged-cell`).
   */
  merges?: Merges;
  /**
   * Cells that hold a date, by sheet: address (`F12`) → the date as the cell shows it
   * (`3月4日`). A date in a score cell is reported as that text, not as a serial number.
   */
  dates?: Record<string, Record<string, string>>;
}

export interface ReadResult {
  content: WorkbookContent;
  /**
   * Rows typed below the range that carries formulas, which the formulas do not reach: the engine
   * reads them, the workbook's formulas do not count them. Each as `评分录入!412`. An entry row
   * below that range whose status helper holds a computed code is inside: Excel grew the entry
   * table over it and filled its calculated columns (LibreOffice and WPS do not grow tables).
   */
  outsideFormulas: string[];
  /** Merged ranges over the rows read, cells of the indicator sheet that differ from the template. */
  sheetIssues: SheetIssue[];
}

function grid(grids: Grids, sheet: string): RawCell[][] {
  const g = grids[sheet];
  if (!g) throw new InputError(`the workbook has no sheet "${sheet}" (it was renamed or deleted)`);
  return g;
}

/** Text of an id-like cell: numbers as digits, text as typed (not trimmed: the formulas do not trim). */
function idText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

/** Finds each wanted header in the header row; returns field → 0-based column. */
function findColumns(
  sheet: string,
  header: RawCell[],
  headerRow: number,
  wanted: { field: string; match: (cell: RawCell) => boolean; required: boolean; label: string }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of wanted) {
    const i = header.findIndex((c) => w.match(c));
    if (i === -1) {
      if (w.required)
        throw new InputError(
          `${sheet}!${headerRow}:${headerRow} has no column "${w.label}" (the header row was changed)`,
        );
      continue;
    }
    out[w.field] = i;
  }
  return out;
}

const byField = (field: string, lang: 'zh' | 'en' = 'zh') => ({
  field,
  match: (c: RawCell) => isHeaderOf(c, field),
  required: true,
  label: FIELD_HEADERS[lang][field],
});

/** Last row index (0-based) of a grid with anything non-blank in the given columns. */
function lastUsed(rows: RawCell[][], cols: number[], from: number): number {
  for (let r = rows.length - 1; r >= from; r--) if (cols.some((c) => !isBlank(rows[r]?.[c]))) return r;
  return from - 1;
}

function locOf(sheet: string, row: number, cols: Record<string, number>): RowLocation {
  return {
    sheet,
    row,
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, columnLetter(v)])),
  };
}

/** The score sheets of the entry sheet. */
export function readEntries(
  template: Template,
  layout: WorkbookLayout,
  grids: Grids,
  dates: Record<string, string> = {},
): { entries: EntryRow[]; outside: string[] } {
  const e = layout.entry;
  const rows = grid(grids, e.sheet);
  const header = rows[e.headerRow - 1] ?? [];
  const cols = findColumns(e.sheet, header, e.headerRow, [
    byField('source'),
    byField('rater'),
    byField('ratee'),
    { ...byField('review'), required: false },
    { ...byField('reviewNote'), required: false },
    ...template.indicators.map((ind) => ({
      field: ind.id,
      match: (c: RawCell) => typeof c === 'string' && c.trim() === ind.id,
      required: true,
      label: ind.id,
    })),
  ]);
  // A 复核 mark alone does not make a score sheet.
  const inputCols = Object.entries(cols)
    .filter(([f]) => f !== 'review' && f !== 'reviewNote')
    .map(([, c]) => c);
  const first = e.firstRow - 1;
  const last = lastUsed(rows, inputCols, first);
  // Below the rows written with formulas, a row is inside the formulas' reach when its status
  // helper computes (Excel grew the table and filled its calculated columns); else it is outside.
  const found = header.findIndex((c) => typeof c === 'string' && c.trim() === STATUS_HEADER);
  const statusAt = found === -1 ? columnIndex(e.validCol) : found;
  const entries: EntryRow[] = [];
  const outside: string[] = [];
  for (let r = first; r <= last; r++) {
    const row = rows[r] ?? [];
    if (inputCols.every((c) => isBlank(row[c]))) continue;
    const cells: Record<string, RawCell> = {};
    const shown: Record<string, string> = {};
    for (const ind of template.indicators) {
      cells[ind.id] = row[cols[ind.id]] ?? null;
      const date = dates[`${columnLetter(cols[ind.id])}${r + 1}`];
      if (date !== undefined) shown[ind.id] = date;
    }
    entries.push({
      source: idText(row[cols.source]),
      rater: idText(row[cols.rater]),
      ratee: idText(row[cols.ratee]),
      cells,
      ...(cols.review === undefined ? {} : { review: row[cols.review] ?? null }),
      ...(cols.reviewNote === undefined ? {} : { reviewNote: row[cols.reviewNote] ?? null }),
      ...(Object.keys(shown).length > 0 ? { dates: shown } : {}),
      loc: locOf(e.sheet, r + 1, cols),
    });
    const code = row[statusAt];
    const reached = typeof code === 'number' || (code !== null && typeof code === 'object');
    if (r + 1 > e.lastRow && !reached) outside.push(`${e.sheet}!${r + 1}`);
  }
  return { entries, outside };
}

/** The adjustment rows. */
export function readAdjustments(
  layout: WorkbookLayout,
  grids: Grids,
): { adjustments: AdjustmentRow[]; outside: string[] } {
  const a = layout.adjustments;
  const rows = grid(grids, a.sheet);
  const header = rows[a.headerRow - 1] ?? [];
  const cols = findColumns(a.sheet, header, a.headerRow, [
    byField('ratee'),
    byField('kind'),
    byField('points'),
    { ...byField('reason'), required: false },
    { ...byField('approvedBy'), required: false },
  ]);
  const inputCols = [cols.ratee, cols.kind, cols.points];
  const first = a.firstRow - 1;
  const last = lastUsed(rows, inputCols, first);
  const adjustments: AdjustmentRow[] = [];
  const outside: string[] = [];
  for (let r = first; r <= last; r++) {
    const row = rows[r] ?? [];
    if (inputCols.every((c) => isBlank(row[c]))) continue;
    const text = (c: number | undefined) => (c === undefined || isBlank(row[c]) ? undefined : idText(row[c]));
    adjustments.push({
      ratee: idText(row[cols.ratee]),
      kind: row[cols.kind] ?? null,
      points: row[cols.points] ?? null,
      reason: text(cols.reason),
      approvedBy: text(cols.approvedBy),
      loc: locOf(a.sheet, r + 1, cols),
    });
    if (r + 1 > a.lastRow) outside.push(`${a.sheet}!${r + 1}`);
  }
  return { adjustments, outside };
}

/** The ratee and rater lists (rows with a non-blank id, within the rows the summary covers). */
export function readLists(
  layout: WorkbookLayout,
  grids: Grids,
): { ratees: RateeInfo[]; raters: RaterInfo[]; outside: string[] } {
  const l = layout.lists;
  const rows = grid(grids, l.sheet);
  const col = (c: string) => c.charCodeAt(0) - 65;
  const ratees: RateeInfo[] = [];
  const raters: RaterInfo[] = [];
  const outside: string[] = [];
  for (let r = l.firstRow - 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = row[col(l.rateeIdCol)];
    if (!isBlank(id)) {
      if (r + 1 > l.lastRow) outside.push(`${l.sheet}!${l.rateeIdCol}${r + 1}`);
      else {
        const name = row[col(l.rateeNameCol)];
        const group = row[col(l.rateeGroupCol)];
        ratees.push({
          id: idText(id),
          ...(isBlank(name) ? {} : { name: idText(name) }),
          ...(isBlank(group) ? {} : { group: idText(group) }),
        });
      }
    }
    const rid = row[col(l.raterIdCol)];
    if (!isBlank(rid)) {
      const name = row[col(l.raterNameCol)];
      raters.push({
        id: idText(rid),
        source: idText(row[col(l.raterSourceCol)]),
        ...(isBlank(name) ? {} : { name: idText(name) }),
      });
      if (r + 1 > l.lastRow) outside.push(`${l.sheet}!${l.raterIdCol}${r + 1}`);
    }
  }
  return { ratees, raters, outside };
}

/**
 * Merged ranges of `sheet` that reach row `fromRow` (1-based) or below: the rows read. The
 * installation's own merges (titles and hints above the header) are above them.
 */
function mergedIssues(sheet: string, ranges: readonly string[] | undefined, fromRow: number): SheetIssue[] {
  const out: SheetIssue[] = [];
  for (const range of ranges ?? []) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.trim().toUpperCase());
    if (!m) continue;
    const [c1, r1] = [columnIndex(m[1]), Number(m[2])];
    const [c2, r2] = [columnIndex(m[3] ?? m[1]), Number(m[4] ?? m[2])];
    if (Math.max(r1, r2) < fromRow) continue;
    const [top, left, bottom, right] = [
      Math.min(r1, r2),
      Math.min(c1, c2),
      Math.max(r1, r2),
      Math.max(c1, c2),
    ];
    const master = `${columnLetter(left)}${top}`;
    const blanks: string[] = [];
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if (r !== top || c !== left) blanks.push(`${columnLetter(c)}${r}`);
    out.push({
      code: 'merged-cell',
      range: `${sheet}!${master}:${columnLetter(right)}${bottom}`,
      master,
      blanks,
    });
  }
  return out;
}

/** Everything a computation needs, read from the grids of an installation. */
export function readContentFromGrids(
  template: Template,
  layout: WorkbookLayout,
  grids: Grids,
  extras: ReadExtras = {},
): ReadResult {
  const { entries, outside: o1 } = readEntries(template, layout, grids, extras.dates?.[layout.entry.sheet]);
  const { adjustments, outside: o2 } = readAdjustments(layout, grids);
  const { ratees, raters, outside: o3 } = readLists(layout, grids);
  // The 计票 sheet: tally rows for the engine, scored as the tally CSV's (./tally.ts).
  const { tallies, outside: o4 } = layout.tally
    ? readTallies(template, layout.tally, grid(grids, layout.tally.sheet))
    : { tallies: [], outside: [] };
  const m = extras.merges ?? {};
  const sheetIssues: SheetIssue[] = [
    ...mergedIssues(layout.entry.sheet, m[layout.entry.sheet], layout.entry.headerRow),
    ...mergedIssues(layout.adjustments.sheet, m[layout.adjustments.sheet], layout.adjustments.headerRow),
    ...mergedIssues(layout.lists.sheet, m[layout.lists.sheet], layout.lists.headerRow),
  ];
  const indicators = layout.sheetNames.indicators;
  if (extras.lang !== undefined && indicators !== undefined)
    sheetIssues.push(...indicatorSheetIssues(template, extras.lang, indicators, grids[indicators]));
  return {
    content: {
      template,
      entries,
      adjustments,
      ratees,
      raters,
      ...(layout.tally ? { tallies } : {}),
      ...(sheetIssues.length > 0 ? { sheetIssues } : {}),
    },
    outsideFormulas: [...o1, ...o2, ...o3, ...o4],
    sheetIssues,
  };
}
