/**
 * Exports of a signed workbook (spec: ../shared/spec/signoff.md, "Export"): the values-only
 * copy, every formula replaced by its computed value, the sign-offs kept. The print sheet is
 * the workbook operation of src/workbook/output-sheets.ts, the same the add-in runs.
 */
import type ExcelJS from 'exceljs';
import { PRINT_SHEET } from '../../workbook/print';

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

export { PRINT_SHEET };
