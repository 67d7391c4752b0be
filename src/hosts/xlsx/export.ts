/**
 * Exports of a signed workbook (spec: ../shared/spec/signoff.md, "Export"):
 * - a values-only copy: every formula replaced by its computed value, the sign-offs kept;
 * - a print layout: a sheet with the summary on A4, fitted to the page width, the assessment
 *   name in the header, page numbers and the short digest of the latest sign-off in the
 *   footer, and signature lines under the table.
 */
import type ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import type { SignoffRecord } from '../../core/signoff';
import type { Lang } from '../../core/types';
import { PRINT_SHEET, printSheetPlan, printedColumns } from '../../workbook/print';
import { plainValue } from './signoff';
import { addSheet } from './write';

export interface ValuesOnlyReport {
  /** Formulas replaced by their values. */
  replaced: number;
  /**
   * `Sheet!A1` of formulas without a cached value, left empty: a formula that computed "" has
   * none, so this alone does not mean the book was never calculated.
   */
  uncomputed: string[];
}

/** Replaces every formula in the workbook by its cached value, in place (none: empty cell). */
export function replaceFormulasByValues(wb: ExcelJS.Workbook): ValuesOnlyReport {
  const report: ValuesOnlyReport = { replaced: 0, uncomputed: [] };
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v === null || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return;
        const result = (v as { result?: unknown }).result;
        if (result === undefined || result === null) report.uncomputed.push(`${ws.name}!${cell.address}`);
        cell.value = toCellValue(result);
        report.replaced++;
      }),
    );
  });
  return report;
}

function toCellValue(result: unknown): ExcelJS.CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') return result;
  if (result instanceof Date) return result;
  if (typeof result === 'object' && 'error' in result) return result as ExcelJS.CellErrorValue;
  return null;
}

/** Where the summary table is, for the print layout. */
export interface PrintSource {
  summarySheet: string;
  headerRow: number;
  firstRow: number;
  /** The last row with a ratee. */
  lastRow: number;
  /** The assessment name for the page header. */
  title: string;
  lang: Lang;
}

export { PRINT_SHEET };

/**
 * Adds the print sheet (src/workbook/print.ts): the summary's visible columns from the header
 * through the last ratee, as values with their number formats, then the signature lines.
 * An older print sheet of the same name is replaced. Returns the sheet.
 */
export function addPrintLayout(
  wb: ExcelJS.Workbook,
  src: PrintSource,
  records: readonly SignoffRecord[],
): ExcelJS.Worksheet {
  const summary = wb.getWorksheet(src.summarySheet);
  if (!summary) throw new InputError(`the workbook has no sheet "${src.summarySheet}"`);
  const header = summary.getRow(src.headerRow);
  const headerValues = Array.from({ length: summary.columnCount }, (_, c) =>
    plainValue(header.getCell(c + 1)),
  );
  const cols = printedColumns(headerValues, (c) => summary.getColumn(c + 1).hidden === true);
  const firstData = summary.getRow(src.firstRow);
  const plan = printSheetPlan({
    title: src.title,
    lang: src.lang,
    records,
    columns: cols.map((c) => ({
      header: headerValues[c],
      width: summary.getColumn(c + 1).width,
      numFmt: firstData.getCell(c + 1).numFmt || undefined,
    })),
    rows: Array.from({ length: Math.max(0, src.lastRow - src.firstRow + 1) }, (_, i) => {
      const row = summary.getRow(src.firstRow + i);
      return cols.map((c) => plainValue(row.getCell(c + 1)));
    }),
  });
  const old = wb.getWorksheet(plan.name);
  if (old) wb.removeWorksheet(old.id);
  return addSheet(wb, plan);
}
