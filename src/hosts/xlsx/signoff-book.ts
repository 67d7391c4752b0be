/**
 * Reads what a sign-off covers from a prepared workbook (exceljs): the template, entry rows and
 * adjustments through the shared reader (./read.ts), and the summary's results as the values it
 * shows (cached formula results, never recomputed here) — what reviewers sign.
 */
import type ExcelJS from 'exceljs';
import type { RawCell } from '../../core/types';
import { inputRangesOf, locateSummaryColumns, readResults } from '../../workbook/signoff';
import { readWorkbookContent, sheetGrid } from './read';
import type { BookContent } from './signoff';

function isFormulaWithoutValue(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  if (v === null || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return false;
  const r = cell.result as unknown;
  return r === undefined || r === null;
}

const blank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Reads the sign-off content of a workbook prepared by `duanping init/build` or the add-in. */
export function readSignoffBook(wb: ExcelJS.Workbook): BookContent {
  const { content, stored, sheetIssues } = readWorkbookContent(wb);
  const { template, layout, lang } = stored;
  const sumWs = wb.getWorksheet(layout.summary.sheet);
  const grid = sumWs ? sheetGrid(sumWs) : undefined;
  const s = locateSummaryColumns(layout.summary, grid);
  const results = readResults(s, grid);
  const noValue: string[] = [];
  for (let r = s.firstRow; sumWs && r <= s.lastRow; r++)
    for (const col of [s.rateeCol, s.finalCol, s.rankCol, s.tierCol])
      if (isFormulaWithoutValue(sumWs.getCell(`${col}${r}`))) noValue.push(`${s.sheet}!${col}${r}`);
  // A formula that computed "" has no cached value either (rows beyond the ratee list, ratees
  // without a final score), so only a summary where no final score has a value was never calculated.
  const uncomputed = results.every((r) => blank(r.final)) ? noValue : [];
  return {
    content: {
      template,
      entries: content.entries,
      adjustments: content.adjustments,
      results,
      ratees: content.ratees,
      ...(content.tallies && content.tallies.length > 0 ? { tallies: content.tallies } : {}),
      storedTemplate: stored.templateJson,
    },
    sheets: {
      entry: layout.entry.sheet,
      adjustments: layout.adjustments.sheet,
      summary: s.sheet,
      signoff: layout.sheetNames.signoff,
    },
    title: template.name,
    lang,
    summaryHeaderRow: s.headerRow,
    uncomputed,
    inputRanges: inputRangesOf(layout),
    lists: { ratees: content.ratees, raters: content.raters },
    sheetIssues,
  };
}
