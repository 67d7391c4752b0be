/**
 * Exports of a signed workbook (spec: ../shared/spec/signoff.md, "Export"):
 * - a values-only copy: every formula replaced by its computed value, the sign-offs kept;
 * - a print layout: a sheet with the summary on A4, fitted to the page width, the assessment
 *   name in the header, page numbers and the short digest of the latest sign-off in the
 *   footer, and signature lines under the table.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../core/address';
import { activeRecords, shortDigest, type SignoffRecord } from '../../core/signoff';
import type { Lang } from '../../core/types';
import { plainValue } from './signoff';

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

export const PRINT_SHEET: Record<Lang, string> = { zh: '打印版', en: 'Print' };

const WORDS = {
  zh: {
    signature: (r: SignoffRecord) => `第${r.level}级  ${r.role || '审核人'}：${r.reviewer}`,
    sign: '签字：',
    date: '日期：',
    page: '第 &P 页，共 &N 页',
    digest: '签核摘要',
    unsigned: '未签核',
    blank: '审核人',
  },
  en: {
    signature: (r: SignoffRecord) => `Level ${r.level}  ${r.role || 'Reviewer'}: ${r.reviewer}`,
    sign: 'Signature:',
    date: 'Date:',
    page: 'Page &P of &N',
    digest: 'Sign-off digest',
    unsigned: 'not signed',
    blank: 'Reviewer',
  },
};

/** Excel header/footer text: `&` must be doubled so it is not read as a code. */
function hfText(s: string): string {
  return s.replace(/&/g, '&&');
}

/**
 * Adds the print sheet (values of the summary's visible columns, header through last ratee),
 * with A4 page setup, header, footer and signature lines — one per active sign-off, or three
 * blank ones before any sign-off. Returns the sheet.
 */
export function addPrintLayout(
  wb: ExcelJS.Workbook,
  src: PrintSource,
  records: readonly SignoffRecord[],
): ExcelJS.Worksheet {
  const w = WORDS[src.lang];
  const summary = wb.getWorksheet(src.summarySheet);
  if (!summary) throw new Error(`the workbook has no sheet "${src.summarySheet}"`);
  const old = wb.getWorksheet(PRINT_SHEET[src.lang]);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(PRINT_SHEET[src.lang]);

  const header = summary.getRow(src.headerRow);
  // The summary table: visible columns from A up to the first column without a header (side
  // tables to the right, such as tier counts, are not part of the printed result).
  const cols: number[] = [];
  for (let c = 1; c <= summary.columnCount && plainValue(header.getCell(c)) !== null; c++)
    if (!summary.getColumn(c).hidden) cols.push(c);
  const widths = cols.map((c) => Math.max(6, Math.min(24, summary.getColumn(c).width ?? 10)));

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const titleRow = ws.addRow([src.title]);
  titleRow.font = { bold: true, size: 16 };
  titleRow.height = 26;
  ws.mergeCells(1, 1, 1, Math.max(1, cols.length));
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.addRow([]);
  const copyRow = (from: ExcelJS.Row, bold: boolean) => {
    const row = ws.addRow(cols.map((c) => plainValue(from.getCell(c))));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const fmt = from.getCell(c).numFmt;
      // Unformatted fractions (a raw composite) print with two decimals, as the summary shows scores.
      const v = cell.value;
      cell.numFmt = fmt || (typeof v === 'number' && !Number.isInteger(v) ? '0.00' : 'General');
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: i === 0 ? 'left' : 'center', wrapText: bold };
      if (bold) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      }
    });
    return row;
  };
  const headRow = copyRow(header, true);
  headRow.height = 30;
  for (let r = src.firstRow; r <= src.lastRow; r++) copyRow(summary.getRow(r), false);
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));

  // Signature lines under the table.
  ws.addRow([]);
  ws.addRow([]);
  const active = activeRecords(records);
  const lines = active.length > 0 ? active.map(w.signature) : [1, 2, 3].map((n) => `${w.blank} ${n}`);
  const half = Math.max(1, Math.floor(cols.length / 2));
  for (const text of lines) {
    const row = ws.addRow([]);
    row.height = 30;
    row.getCell(1).value = text;
    row.getCell(half + 1).value = `${w.sign}__________________   ${w.date}____________`;
    row.eachCell((cell) => (cell.alignment = { vertical: 'bottom' }));
  }

  const latest = active[active.length - 1];
  const digestText = latest ? `${w.digest} ${shortDigest(latest.digest)}` : w.unsigned;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: cols.length > 9 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headRow.number}:${headRow.number}`,
    printArea: `A1:${columnLetter(Math.max(1, cols.length) - 1)}${ws.rowCount}`,
  };
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"&12${hfText(src.title)}`,
    oddFooter: `&L${hfText(digestText)}&C${w.page}`,
  };
  return ws;
}
