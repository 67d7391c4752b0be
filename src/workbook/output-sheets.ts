/**
 * Sheets made from an installation for people to read — the print sheet (打印版, ./print.ts)
 * and the 评委分析 report (./report.ts) — written once over the grid port (./port.ts): an
 * older one of the same name is replaced, and the new one is shown.
 */
import { InputError } from '../core/errors';
import { DIGESTS_SHEET, type SignoffRecord } from '../core/signoff';
import type { Lang, Results, RowResult } from '../core/types';
import { summarySheetPlan } from './build';
import { requireStored } from './operations';
import type { SheetPlan } from './plan';
import type { BookInfo, GridPort, SheetOp } from './port';
import { printSheetPlan, summaryPrintColumns } from './print';
import { reviewReportPlan } from './report';
import { readResults, readSignoffRecords, sheetValue } from './signoff';

/** Writes `plan` as a new sheet in place of an older one of its name, and shows it. */
async function replaceSheet(port: GridPort, info: BookInfo, plan: SheetPlan): Promise<string> {
  const old = info.sheets.find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
  await port.writePlan({ sheets: [plan], names: [] }, undefined, {
    before: old ? [{ op: 'delete', sheet: old.name } satisfies SheetOp] : [],
    after: [{ op: 'select', sheet: plan.name, cell: 'A1' }],
  });
  return plan.name;
}

export interface PrintSheetOptions {
  /** The print sheet's language; default: the installation's. */
  lang?: Lang;
  /** The sign-offs for the signature lines (already verified); default: read from the workbook. */
  records?: readonly SignoffRecord[];
}

/**
 * Writes the print sheet from the summary as it shows now (values made current first) and the
 * sign-offs: the summary's printed columns as installed (headers as the sheet shows them),
 * one row per ratee. Returns the sheet's name.
 */
export async function writePrintSheet(port: GridPort, o: PrintSheetOptions = {}): Promise<string> {
  const info = await port.info();
  const stored = requireStored(info);
  const l = stored.layout;
  const signoff = l.sheetNames.signoff;
  const grids = await port.readGrids([l.summary.sheet, signoff, DIGESTS_SHEET], { current: true });
  let records = o.records;
  if (!records) {
    const read = readSignoffRecords(grids[signoff], grids[DIGESTS_SHEET]).records;
    if (!read.ok) throw new InputError(read.message);
    records = read.records;
  }
  const grid = grids[l.summary.sheet] ?? [];
  const header = (grid[l.summary.headerRow - 1] ?? []).map(sheetValue);
  const { columns, indexes } = summaryPrintColumns(
    summarySheetPlan(stored.template, stored.lang, l),
    header,
    l.summary.firstRow,
  );
  const rows = readResults(l.summary, grid).map((r) =>
    indexes.map((c) => sheetValue(grid[r.loc!.row - 1]?.[c] ?? null)),
  );
  const plan = printSheetPlan({
    title: stored.template.name,
    lang: o.lang ?? stored.lang,
    columns,
    rows,
    records,
  });
  return replaceSheet(port, info, plan);
}

/** Writes the printable 评委分析 report from computed results; nothing a clerk typed is touched. */
export async function writeReviewReport(
  port: GridPort,
  results: Results,
  rows: RowResult[],
): Promise<string> {
  const info = await port.info();
  const stored = requireStored(info);
  const plan = reviewReportPlan({ template: stored.template, results, rows, lang: stored.lang });
  return replaceSheet(port, info, plan);
}
