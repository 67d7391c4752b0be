/**
 * Calculated columns and growing tables in the fake, as Microsoft documents Excel's tables:
 *
 * - A formula entered in one cell of a table column "will automatically expand to the rest of
 *   the column by itself" (https://support.microsoft.com/en-us/office/use-calculated-columns-in-an-excel-table-873fbac6-7110-4300-8f6f-aafa2ea11ce8);
 *   the Excel help adds that this holds for an *empty* table column, that "calculated columns
 *   continue to adjust as you add or delete rows in the table", and that "If you type or move a
 *   formula in a table column that already contains data, a calculated column is not
 *   automatically created" (http://mac2.microsoft.com/help/office/14/en-us/excel/item/c0920a56-5d55-42f2-9a4a-9fb0eecfc317).
 *   So: formulas written (range.formulas or range.values) into a data column of a table make it a
 *   calculated column when they are one formula filled down (the same formula, its relative rows
 *   moved) and every other data cell of the column is empty or already holds that formula; the
 *   fake then fills the formula into every data row, as Excel does. A write into a column that is
 *   already calculated leaves it calculated (the Excel help: additional formulas in a calculated
 *   column are exceptions; exceptions are not modelled further).
 * - `table.rows.add(null, values)` appends rows at the end of the table —
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-tables ("Add rows to
 *   a table") — and a calculated column's formula fills them (the Excel help above). The fake
 *   refuses to add rows when the cells below the table are not empty (Excel would shift them; not
 *   modelled). Typing below a table (AutoExpansion, a user action, not an API call) is not modelled.
 * - Structured references (`Table[column]`): their cell references "adjust automatically" as rows
 *   are added to and deleted from a table — https://support.office.com/en-gb/article/Using-structured-references-with-Excel-tables-a547e45e-3589-4417-b611-abb7e5d3f912
 *   `resolveStructured` gives a name's current cells, for tests.
 * The fake never evaluates formulas (./model.ts); row moves use the xlsx writer's shared-formula
 * patterns (src/hosts/xlsx/shared-formulas.ts), which follow relative rows only.
 */
import { isMovedBy, movedBy, rowPattern } from '../../hosts/xlsx/shared-formulas';
import { columnLetter } from '../../core/address';
import type { Rect } from '../../workbook/a1';
import { parseStructured, quoteSheet } from '../../workbook/formula';
import type { XlValue } from '../../hosts/office/xl';
import { FakeOfficeError } from './errors';
import type { FakeBook, FakeSheet, FakeTable } from './model';

/** The data rows of a table (below its header row). */
function body(t: FakeTable): Rect {
  return { ...t.rect, row: t.rect.row + (t.hasHeaders ? 1 : 0) };
}

const formulaAt = (sheet: FakeSheet, row: number, col: number) => sheet.cellAt(row, col)?.formula;

function isEmpty(sheet: FakeSheet, row: number, col: number): boolean {
  const c = sheet.cellAt(row, col);
  return !c || (c.formula === undefined && (c.value === undefined || c.value === null || c.value === ''));
}

/** After cells of `rect` were written: the table columns that became calculated columns fill down. */
export function calculatedColumnsAfterWrite(sheet: FakeSheet, rect: Rect): void {
  for (const t of sheet.tables) {
    const b = body(t);
    const top = Math.max(rect.row, b.row);
    const bottom = Math.min(rect.lastRow, b.lastRow);
    if (top > bottom) continue;
    for (let col = Math.max(rect.col, b.col); col <= Math.min(rect.lastCol, b.lastCol); col++) {
      if (t.calculated.has(col)) continue;
      const first = formulaAt(sheet, top, col);
      const p = first === undefined ? null : rowPattern(first.slice(1));
      if (!p) continue;
      let same = true;
      for (let r = top + 1; r <= bottom && same; r++) {
        const f = formulaAt(sheet, r, col);
        same = f !== undefined && isMovedBy(p, f.slice(1), r - top);
      }
      for (let r = b.row; r <= b.lastRow && same; r++) {
        if (r >= top && r <= bottom) continue;
        const f = formulaAt(sheet, r, col);
        same = f === undefined ? isEmpty(sheet, r, col) : isMovedBy(p, f.slice(1), r - top);
      }
      if (!same) continue;
      for (let r = b.row; r <= b.lastRow; r++) {
        const cell = sheet.ensureCell(r, col);
        const f = `=${movedBy(p, r - top)}`;
        if (cell.formula === f) continue;
        delete cell.value;
        delete cell.error;
        cell.formula = f;
      }
      t.calculated.set(col, `=${movedBy(p, b.row - top)}`);
    }
  }
}

/**
 * `rows.add(null, values)`: the table takes `count` rows below it; `values` (one row of the
 * table's width each, or none) are written, and calculated columns get their formula where the
 * value given is null or "". `write` writes one value as `range.values` does.
 */
export function addTableRows(
  sheet: FakeSheet,
  t: FakeTable,
  values: XlValue[][] | undefined,
  write: (row: number, col: number, v: XlValue) => void,
): void {
  const width = t.rect.lastCol - t.rect.col + 1;
  const rows = values ?? [Array<XlValue>(width).fill(null)];
  if (rows.some((line) => line.length !== width))
    throw new FakeOfficeError(
      'InvalidArgument',
      `Each row added to the table must have ${width} values.`,
      'TableRowCollection.add',
    );
  const start = t.rect.lastRow + 1;
  for (let r = start; r < start + rows.length; r++)
    for (let c = t.rect.col; c <= t.rect.lastCol; c++)
      if (!isEmpty(sheet, r, c))
        throw new FakeOfficeError(
          'InvalidOperation',
          `The fake does not shift cells below a table (${columnLetter(c)}${r + 1} is not empty).`,
          'TableRowCollection.add',
        );
  t.rect = { ...t.rect, lastRow: start + rows.length - 1 };
  rows.forEach((line, i) =>
    line.forEach((v, j) => {
      const col = t.rect.col + j;
      const calc = t.calculated.get(col);
      if (calc && (v === null || v === '')) {
        const p = rowPattern(calc.slice(1))!;
        write(start + i, col, `=${movedBy(p, start + i - body(t).row)}`);
      } else if (v !== null) write(start + i, col, v);
    }),
  );
}

/**
 * A defined name's cells now: a structured reference (`=T[col]`, `=T[[#All],[a]:[b]]`) as an
 * absolute address with its sheet; `=#REF!` when its table or column is gone; any other formula
 * as it is.
 */
export function resolveStructured(book: FakeBook, formula: string): string {
  const ref = parseStructured(formula);
  if (!ref) return formula;
  for (const sheet of book.sheets)
    for (const t of sheet.tables) {
      if (t.name.toLowerCase() !== ref.table.toLowerCase()) continue;
      const find = (h: string) => {
        for (let col = t.rect.col; col <= t.rect.lastCol; col++)
          if (String(sheet.valueAt(t.rect.row, col)).toLowerCase() === h.toLowerCase()) return col;
        return -1;
      };
      const [a, b] = [find(ref.from), find(ref.to)];
      if (a < 0 || b < 0) return '=#REF!';
      const top = (ref.all ? t.rect.row : body(t).row) + 1;
      return `=${quoteSheet(sheet.name)}!$${columnLetter(a)}$${top}:$${columnLetter(b)}$${t.rect.lastRow + 1}`;
    }
  return '=#REF!';
}
