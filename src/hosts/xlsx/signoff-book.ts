/**
 * Reads what a sign-off covers from a prepared workbook (exceljs), using the layout stored in
 * DP_Template (src/workbook/store.ts): the template, the entry rows, the adjustments and the
 * summary's results as values (cached formula results, never recomputed here).
 *
 * TODO(lead): when the shared xlsx reader of entries/adjustments lands in src/hosts/xlsx/,
 * replace `readTable` calls for entries and adjustments with it (the results part stays here:
 * it reads what the summary shows, which is what reviewers sign).
 */
import type ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import type { ResultRow } from '../../core/signoff';
import type { AdjustmentRow, EntryRow, RawCell } from '../../core/types';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import { readStore } from '../../workbook/store';
import type { BookContent } from './signoff';
import { plainValue } from './signoff';

/** A cell as the engine sees it: plain values, errors as `{error}`. */
function rawCell(ws: ExcelJS.Worksheet, address: string): RawCell {
  const v = ws.getCell(address).value;
  if (v !== null && typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  if (v !== null && typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result;
    if (r !== null && typeof r === 'object' && 'error' in r)
      return { error: String((r as { error: unknown }).error) };
  }
  return plainValue(ws.getCell(address));
}

function isFormulaWithoutValue(ws: ExcelJS.Worksheet, address: string): boolean {
  const v = ws.getCell(address).value;
  if (v === null || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return false;
  const r = (v as { result?: unknown }).result;
  return r === undefined || r === null;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new InputError(`the workbook has no sheet "${name}" although ${TEMPLATE_SHEET} lists it`);
  return ws;
}

const blank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const text = (v: RawCell) => (blank(v) ? '' : typeof v === 'object' && v ? v.error : String(v).trim());

/** Reads the sign-off content of a workbook prepared by `duanping init/build` or the add-in. */
export function readSignoffBook(wb: ExcelJS.Workbook): BookContent {
  const store = wb.getWorksheet(TEMPLATE_SHEET);
  if (!store)
    throw new InputError(
      `this is not a Duanping workbook: it has no ${TEMPLATE_SHEET} sheet (prepare it with duanping init or build)`,
    );
  const rows: unknown[][] = [];
  for (let r = 1; r <= Math.min(store.rowCount, 10); r++) {
    const row = store.getRow(r);
    rows.push(Array.from({ length: row.cellCount }, (_, c) => plainValue(row.getCell(c + 1))));
  }
  const { template, layout, lang } = readStore(rows);

  const e = layout.entry;
  const entryWs = sheet(wb, e.sheet);
  const ids = Object.keys(e.indicatorCols);
  const entries: EntryRow[] = [];
  for (let r = e.firstRow; r <= Math.max(e.lastRow, entryWs.rowCount); r++) {
    const source = rawCell(entryWs, `${e.sourceCol}${r}`);
    const rater = rawCell(entryWs, `${e.raterCol}${r}`);
    const ratee = rawCell(entryWs, `${e.rateeCol}${r}`);
    const cells: EntryRow['cells'] = {};
    for (const id of ids) cells[id] = rawCell(entryWs, `${e.indicatorCols[id]}${r}`);
    if ([source, rater, ratee, ...Object.values(cells)].every(blank)) continue;
    const columns = { source: e.sourceCol, rater: e.raterCol, ratee: e.rateeCol, ...e.indicatorCols };
    entries.push({
      source: text(source),
      rater: text(rater),
      ratee: text(ratee),
      cells,
      loc: { sheet: e.sheet, row: r, columns },
    });
  }

  const a = layout.adjustments;
  const adjWs = sheet(wb, a.sheet);
  const adjustments: AdjustmentRow[] = [];
  for (let r = a.firstRow; r <= Math.max(a.lastRow, adjWs.rowCount); r++) {
    const f = (col: string) => rawCell(adjWs, `${col}${r}`);
    const row = {
      ratee: f(a.rateeCol),
      kind: f(a.kindCol),
      points: f(a.pointsCol),
      reason: f(a.reasonCol),
      approvedBy: f(a.approvedCol),
    };
    if (Object.values(row).every(blank)) continue;
    const columns = {
      ratee: a.rateeCol,
      kind: a.kindCol,
      points: a.pointsCol,
      reason: a.reasonCol,
      approvedBy: a.approvedCol,
    };
    adjustments.push({
      ratee: text(row.ratee),
      kind: row.kind,
      points: row.points,
      reason: text(row.reason) || undefined,
      approvedBy: text(row.approvedBy) || undefined,
      loc: { sheet: a.sheet, row: r, columns },
    });
  }

  const s = layout.summary;
  const sumWs = sheet(wb, s.sheet);
  const results: ResultRow[] = [];
  const uncomputed: string[] = [];
  for (let r = s.firstRow; r <= s.lastRow; r++) {
    const ratee = rawCell(sumWs, `${s.rateeCol}${r}`);
    for (const col of [s.rateeCol, s.finalCol, s.rankCol, s.tierCol])
      if (isFormulaWithoutValue(sumWs, `${col}${r}`)) uncomputed.push(`${s.sheet}!${col}${r}`);
    if (blank(ratee)) continue;
    results.push({
      ratee: text(ratee),
      final: rawCell(sumWs, `${s.finalCol}${r}`),
      rank: rawCell(sumWs, `${s.rankCol}${r}`),
      tier: rawCell(sumWs, `${s.tierCol}${r}`),
      loc: {
        sheet: s.sheet,
        row: r,
        columns: { ratee: s.rateeCol, final: s.finalCol, rank: s.rankCol, tier: s.tierCol },
      },
    });
  }

  return {
    content: { template, entries, adjustments, results },
    sheets: { entry: e.sheet, adjustments: a.sheet, summary: s.sheet, signoff: layout.sheetNames.signoff },
    title: template.name,
    lang,
    summaryHeaderRow: s.headerRow,
    uncomputed,
  };
}
