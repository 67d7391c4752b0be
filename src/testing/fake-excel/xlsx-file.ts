/**
 * The fake workbook saved as an .xlsx file, as Excel's `getFileAsync(Office.FileType.Compressed)`
 * would give it: every sheet with its visibility, cells (constants; formulas with the value last
 * computed, `_xlfn.` prefixes added as in a real file), number formats, bold and fills, column
 * widths and hidden columns, merges, defined names, and sheet protection (without the password, which Excel
 * stores only as a salted hash). Tables, validations and conditional formats are left out:
 * nothing that reads the copy needs them.
 *
 * exceljs is passed in, so the fake itself stays free of it and the preview loads it only on export.
 */
import type ExcelJSModule from 'exceljs';
import { MAX_COLUMNS, formatAddress } from '../../workbook/a1';
import { addXlfnPrefixes } from '../../workbook/formula';
import type { FakeBook } from './model';
import { ERROR_VALUES } from './model';
import { resolveStructured } from './tables';

type ExcelJS = typeof ExcelJSModule;

const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

/** Excel column width in characters for a width in points (inverse of writes.ts charsToPoints). */
function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export async function fakeBookToXlsx(book: FakeBook, exceljs: ExcelJS): Promise<Uint8Array> {
  const wb = new exceljs.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { state: STATE[s.visibility] });
    for (const [col, points] of s.columnWidths) ws.getColumn(col + 1).width = pointsToChars(points);
    for (const col of s.hiddenColumns) ws.getColumn(col + 1).hidden = true;
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k % MAX_COLUMNS;
      const cell = ws.getCell(row + 1, col + 1);
      if (c.formula !== undefined) {
        const v = c.value;
        // Never computed, or computed "": a real file holds no cached value either.
        const result =
          v === undefined || v === null || v === ''
            ? undefined
            : typeof v === 'string' && ERROR_VALUES.has(v)
              ? { error: v }
              : v;
        cell.value = {
          formula: addXlfnPrefixes(c.formula.replace(/^=/, '')),
          result,
        } as ExcelJSModule.CellFormulaValue;
      } else if (c.error && typeof c.value === 'string') {
        cell.value = { error: c.value } as ExcelJSModule.CellErrorValue;
      } else if (c.value !== undefined && c.value !== '' && c.value !== null) {
        cell.value = c.value;
      }
      if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
      if (c.style?.bold) cell.font = { bold: true };
      if (c.style?.fill)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.style.fill) } };
      if (c.style?.locked === false) cell.protection = { locked: false };
    }
    for (const m of s.merges) ws.mergeCells(formatAddress(m));
    if (s.protected) await ws.protect('', { formatCells: true, formatColumns: true, formatRows: true });
  }
  // Workbook-scoped names (DP_Final, …): the formulas depend on them. A name over a table column
  // (`=DP_EntryTable[_key]`) is written as the cells it covers now: the file has no tables.
  for (const n of book.names.values()) {
    const cells = resolveStructured(book, n.formula);
    if (cells !== '=#REF!') wb.definedNames.add(cells.replace(/^=/, ''), n.name);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
