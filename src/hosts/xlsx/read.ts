/**
 * Reads .xlsx workbooks with exceljs: cell values as the engine takes them (RawCell), whole
 * sheets as grids, the stored template and layout, and the values behind defined names.
 */
import ExcelJS from 'exceljs';
import { format as formatNumber } from 'numfmt';
import { columnIndex, columnLetter } from '../../core/address';
import { InputError, NotInstalledError } from '../../core/errors';
import type { RawCell } from '../../core/types';
import { parseStructured, type StructuredRef } from '../../workbook/formula';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import { readContentFromGrids, type Grids, type Merges, type ReadResult } from '../../workbook/read';
import { readStore, type Stored } from '../../workbook/store';
import { applyTableParts } from './table-parts';

// Names that are structured references and calculated columns survive a read (./table-parts.ts).
applyTableParts();

/** Opens an xlsx file; an unreadable or non-xlsx file is a one-line InputError. */
export async function openXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : 'it is not an .xlsx workbook';
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  return wb;
}

/**
 * A cell as the engine sees it: numbers, text, booleans, errors as `{error}`; a formula gives
 * its last computed result (exceljs's `cell.value` drops results of 0, `cell.result` does not);
 * rich text is joined; a date becomes its ISO date text.
 */
export function cellRaw(cell: ExcelJS.Cell): RawCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = cell.result as unknown;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && r !== null && 'error' in r)
        return { error: String((r as { error: unknown }).error) };
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return r as string | number | boolean;
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/**
 * A worksheet as a grid of raw cells from A1 to its last used cell. A merged range's value is
 * in its top-left cell only: the other cells are blank, as the workbook's formulas read them
 * (exceljs reports the top-left value in every cell of the range).
 */
export function sheetGrid(ws: ExcelJS.Worksheet): RawCell[][] {
  const rows: RawCell[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: RawCell[] = Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cell.type === ExcelJS.ValueType.Merge ? null : cellRaw(cell);
    });
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

/** The merged ranges of a worksheet (`C5:C7`). */
export function sheetMerges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges ?? {};
  return Object.values(merges)
    .filter((m): m is { range: string } => m !== undefined)
    .map((m) => m.range);
}

/** Merged ranges of the named sheets (or every sheet). */
export function workbookMerges(wb: ExcelJS.Workbook, names?: string[]): Merges {
  const out: Merges = {};
  wb.eachSheet((ws) => {
    if (!names || names.includes(ws.name)) out[ws.name] = sheetMerges(ws);
  });
  return out;
}

/** Excel's serial number of a date exceljs read (exceljs makes dates of the 1900 date system in UTC). */
function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/**
 * The date as the cell shows it: its number format applied to its serial number (numfmt,
 * Excel's formatting rules), so a clerk reads `3月4日` where they typed 3/4, not 45355.
 */
export function shownDate(cell: ExcelJS.Cell, d: Date): string {
  const serial = serialOf(d);
  const fmt = cell.numFmt || 'yyyy/m/d';
  try {
    return formatNumber(fmt, serial, { locale: 'zh-CN' });
  } catch {
    return formatNumber('yyyy/m/d', serial);
  }
}

/** Cells that hold a date, by sheet: address → the date as the cell shows it. */
export function workbookDates(
  wb: ExcelJS.Workbook,
  names?: string[],
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  wb.eachSheet((ws) => {
    if (names && !names.includes(ws.name)) return;
    const dates: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Merge && cell.value instanceof Date)
          dates[cell.address] = shownDate(cell, cell.value);
      }),
    );
    out[ws.name] = dates;
  });
  return out;
}

/** Grids of the named sheets (or every sheet). */
export function workbookGrids(wb: ExcelJS.Workbook, names?: string[]): Grids {
  const out: Grids = {};
  wb.eachSheet((ws) => {
    if (!names || names.includes(ws.name)) out[ws.name] = sheetGrid(ws);
  });
  return out;
}

/** The template, layout and language stored in an installation. */
export function readStored(wb: ExcelJS.Workbook, fileName = 'the workbook'): Stored {
  const ws = wb.getWorksheet(TEMPLATE_SHEET);
  if (!ws)
    throw new NotInstalledError(
      `${fileName} has no ${TEMPLATE_SHEET} sheet: prepare it with \`duanping init\` or the add-in first`,
    );
  return readStore(sheetGrid(ws));
}

/** Everything a computation needs, read from an installed workbook. */
export function readWorkbookContent(
  wb: ExcelJS.Workbook,
  fileName?: string,
): ReadResult & { stored: Stored } {
  const stored = readStored(wb, fileName);
  const names = Object.values(stored.layout.sheetNames);
  const read = readContentFromGrids(stored.template, stored.layout, workbookGrids(wb, names), {
    lang: stored.lang,
    merges: workbookMerges(wb, names),
    dates: workbookDates(wb, [stored.layout.entry.sheet]),
  });
  return { ...read, stored };
}

/** Parses `'Sheet'!$A$3:$A$52` into the sheet name and range. */
export function splitRef(ref: string): { sheet: string; range: string } {
  const bang = ref.lastIndexOf('!');
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: ref.slice(bang + 1).replace(/\$/g, '') };
}

type TableModel = { name?: string; tableRef?: string; ref?: string; columns: { name: string }[] };

/** The cells a structured reference (`DP_EntryTable[_key]`) covers in the file's tables now. */
function tableCells(
  wb: ExcelJS.Workbook,
  name: string,
  ref: StructuredRef,
): { sheet: string; range: string } {
  for (const ws of wb.worksheets)
    for (const t of ws.getTables() as unknown as { table: TableModel }[]) {
      if (t.table.name?.toLowerCase() !== ref.table.toLowerCase()) continue;
      const area = (t.table.tableRef ?? t.table.ref ?? '').replace(/\$/g, '');
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(area);
      const find = (h: string) => t.table.columns.findIndex((c) => c.name.toLowerCase() === h.toLowerCase());
      const [a, b] = [find(ref.from), find(ref.to)];
      if (!m || a < 0 || b < 0) break;
      const left = columnIndex(m[1]);
      // Our tables have a header row (exceljs reads a missing headerRowCount, Excel's default 1, as none).
      const top = Number(m[2]) + (ref.all ? 0 : 1);
      return {
        sheet: ws.name,
        range: `${columnLetter(left + a)}${top}:${columnLetter(left + b)}${m[4]}`,
      };
    }
  throw new InputError(`${name} refers to a table column that is not in the workbook (${ref.table})`);
}

/** The values of a one-column defined name, top to bottom (a table column's data rows too). */
export function namedColumn(wb: ExcelJS.Workbook, name: string): RawCell[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const def = model.find((d) => d.name === name);
  if (!def || def.ranges.length === 0) throw new InputError(`the workbook has no defined name ${name}`);
  const structured = parseStructured(def.ranges[0]);
  const { sheet, range } = structured ? tableCells(wb, name, structured) : splitRef(def.ranges[0]);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new InputError(`${name} refers to a missing sheet "${sheet}"`);
  const [a, b] = range.split(':');
  const m1 = /^([A-Z]+)(\d+)$/.exec(a)!;
  const m2 = /^([A-Z]+)(\d+)$/.exec(b ?? a)!;
  const out: RawCell[] = [];
  for (let r = Number(m1[2]); r <= Number(m2[2]); r++) out.push(cellRaw(ws.getCell(`${m1[1]}${r}`)));
  return out;
}
