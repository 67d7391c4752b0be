/**
 * A small prepared workbook for the sign-off tests, until the shared xlsx writer/reader is
 * wired in: entry, adjustment and summary sheets (summary as live formulas with cached values)
 * and the template as JSON in a very hidden sheet, plus the reader for exactly this layout.
 */
import ExcelJS from 'exceljs';
import { validateTemplate } from '../../src/core/template';
import type { EntryRow, RawCell } from '../../src/core/types';
import type { ResultRow, SignoffContent } from '../../src/core/signoff';
import { cellRaw } from '../../src/hosts/xlsx/read';
import type { BookContent } from '../../src/workbook/signoff-store';
import { ADJ_SHEET, ENTRY_SHEET, SUMMARY_SHEET } from './fixtures';

export const SHEETS = { entry: ENTRY_SHEET, adjustments: ADJ_SHEET, summary: SUMMARY_SHEET, signoff: '签核' };

const col = (i: number) => String.fromCharCode(65 + i);

/** Writes the content as a workbook; summary cells are formulas whose cached values are the content's results. */
export function fixtureWorkbook(content: SignoffContent): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ids = content.template.indicators.map((i) => i.id);
  const entry = wb.addWorksheet(ENTRY_SHEET);
  entry.addRow(['source', 'rater', 'ratee', ...ids]);
  for (const e of content.entries)
    entry.addRow([e.source, e.rater, e.ratee, ...ids.map((id) => e.cells[id] ?? null)]);
  entry.getColumn(2).width = 14;
  const adj = wb.addWorksheet(ADJ_SHEET);
  adj.addRow(['ratee', 'kind', 'points', 'reason']);
  for (const a of content.adjustments)
    adj.addRow([a.ratee, a.kind as string, a.points as number, a.reason ?? null]);
  const sum = wb.addWorksheet(SUMMARY_SHEET);
  sum.addRow(['ratee', 'final', 'rank', 'tier']);
  const n = content.results.length;
  const last = content.entries.length + 1;
  const rowSum = ids.map((_, i) => `${ENTRY_SHEET}!$${col(3 + i)}$2:$${col(3 + i)}$${last}`).join('+');
  content.results.forEach((r, i) => {
    const row = i + 2;
    sum.addRow([
      r.ratee,
      {
        formula: `ROUND(SUMPRODUCT((${ENTRY_SHEET}!$C$2:$C$${last}=A${row})*(${rowSum}))/MAX(1,COUNTIF(${ENTRY_SHEET}!$C$2:$C$${last},A${row})),2)`,
        result: r.final as number,
      },
      { formula: `RANK(B${row},$B$2:$B$${n + 1})`, result: r.rank as number },
      { formula: `IF(B${row}>=90,"优秀",IF(B${row}>=80,"良好","一般"))`, result: r.tier as string },
    ]);
  });
  const t = wb.addWorksheet('DP_Template', { state: 'veryHidden' });
  t.getCell('A1').value = JSON.stringify(content.template);
  return wb;
}

/** The results the fixture's formulas compute (mean of row sums per ratee, rounded; rank; tier). */
export function fixtureResults(content: SignoffContent): Omit<ResultRow, 'loc'>[] {
  const ids = content.template.indicators.map((i) => i.id);
  const ratees = [...new Set(content.entries.map((e) => e.ratee))];
  const finals = ratees.map((r) => {
    const rows = content.entries.filter((e) => e.ratee === r);
    const total = rows.reduce((s, e) => s + ids.reduce((a, id) => a + Number(e.cells[id] ?? 0), 0), 0);
    return Math.round((total / Math.max(1, rows.length)) * 100) / 100;
  });
  return ratees.map((ratee, i) => ({
    ratee,
    final: finals[i],
    rank: 1 + finals.filter((f) => f > finals[i]).length,
    tier: finals[i] >= 90 ? '优秀' : finals[i] >= 80 ? '良好' : '一般',
  }));
}

function cell(ws: ExcelJS.Worksheet, r: number, c: number): RawCell {
  return cellRaw(ws.getCell(r, c));
}

/** Reads the fixture layout back. */
export function fixtureReader(wb: ExcelJS.Workbook): BookContent {
  const v = validateTemplate(JSON.parse(String(cellRaw(wb.getWorksheet('DP_Template')!.getCell('A1')))));
  if (!v.ok) throw new Error(v.errors.join('; '));
  const template = v.template;
  const ids = template.indicators.map((i) => i.id);
  const entry = wb.getWorksheet(ENTRY_SHEET)!;
  const entries: EntryRow[] = [];
  for (let r = 2; r <= entry.rowCount; r++) {
    if (cell(entry, r, 3) === null) continue;
    const cells: EntryRow['cells'] = {};
    ids.forEach((id, i) => (cells[id] = cell(entry, r, 4 + i)));
    entries.push({
      source: String(cell(entry, r, 1)),
      rater: String(cell(entry, r, 2)),
      ratee: String(cell(entry, r, 3)),
      cells,
      loc: { sheet: ENTRY_SHEET, row: r, columns: {} },
    });
  }
  const adj = wb.getWorksheet(ADJ_SHEET)!;
  const adjustments = [];
  for (let r = 2; r <= adj.rowCount; r++) {
    if (cell(adj, r, 1) === null) continue;
    adjustments.push({
      ratee: String(cell(adj, r, 1)),
      kind: cell(adj, r, 2),
      points: cell(adj, r, 3),
      reason: String(cell(adj, r, 4) ?? ''),
      loc: { sheet: ADJ_SHEET, row: r, columns: {} },
    });
  }
  const sum = wb.getWorksheet(SUMMARY_SHEET)!;
  const results: ResultRow[] = [];
  for (let r = 2; r <= sum.rowCount; r++) {
    if (cell(sum, r, 1) === null) continue;
    results.push({
      ratee: String(cell(sum, r, 1)),
      final: cell(sum, r, 2),
      rank: cell(sum, r, 3),
      tier: cell(sum, r, 4),
      loc: { sheet: SUMMARY_SHEET, row: r, columns: {} },
    });
  }
  const content: SignoffContent = { template, entries, adjustments, results };
  // The typed cells, locked while signed (as an installation's entry table).
  const inputRanges = [{ sheet: ENTRY_SHEET, range: `A2:${col(2 + ids.length)}${entry.rowCount}` }];
  return { content, sheets: SHEETS, title: template.name, lang: 'zh', inputRanges };
}
