/**
 * The preview's workbook: the strict fake Excel API with the real Office adapter on top (the same
 * code the add-in runs in Excel), plus what Excel itself would do that the fake does not:
 *  - a calculate hook that fills formula cells from the engine (the fake never evaluates
 *    formulas): the summary and the entry sheet's totals and helper columns;
 *  - the grid the clerk sees and types into (./WorkbookView.tsx), over the fake's cells.
 * Formula cells the hook does not fill keep showing `#CALC!`, as the fake reads them.
 */
import { columnIndex } from '../core/address';
import { cellText } from '../core/cells';
import { scoreAndAnalyze } from '../core/pipeline';
import type { Lang, RawCell } from '../core/types';
import { createFakeExcel, type FakeBook, type FakeExcel, type FakeSheet } from '../testing/fake-excel';
import { downloadFile } from '../hosts/browser/download';
import { FakeDocument } from '../testing/fake-excel/document';
import { fakeBookToXlsx } from '../testing/fake-excel/xlsx-file';
import { OfficeHost } from '../hosts/office';
import { formatAddress, parseAddress } from '../workbook/a1';
import { rawFromExcel, type XlValueType } from '../hosts/office/values';
import type { XlRun } from '../hosts/office/xl';
import { TEMPLATE_SHEET } from '../workbook/plan';
import { STATUS_CODE } from '../workbook/cached';
import { readContentFromGrids } from '../workbook/read';
import { readStore } from '../workbook/store';
import { typedValue, type GridCell, type PreviewBook, type Selection } from './book';

/** A sheet's cells from A1 to the last used cell, as the engine reads them. */
function rawCells(sheet: FakeSheet): RawCell[][] {
  const used = sheet.usedRect(true);
  if (!used) return [];
  const out: RawCell[][] = [];
  for (let r = 0; r <= used.lastRow; r++) {
    const line: RawCell[] = [];
    for (let c = 0; c <= used.lastCol; c++)
      line.push(rawFromExcel(sheet.valueAt(r, c), sheet.valueTypeAt(r, c) as XlValueType));
    out.push(line);
  }
  return out;
}

/** Sets a formula cell's shown value; cells without a formula are left alone. */
function show(sheet: FakeSheet | undefined, address: string, value: string | number | boolean | null): void {
  if (!sheet || sheet.formula(address) === undefined) return;
  sheet.setComputed(address, value ?? '');
}

/**
 * The calculate hook: reads the installation (DP_Template), computes with the engine and shows
 * the results in the formula cells Excel would compute. Does nothing before an installation.
 */
export function calculateFromEngine(book: FakeBook, lang: Lang): void {
  const store = book.sheet(TEMPLATE_SHEET);
  if (!store) return;
  let stored;
  try {
    stored = readStore(rawCells(store) as unknown[][]);
  } catch {
    return; // not (yet) a complete installation
  }
  const { template, layout } = stored;
  const grids: Record<string, RawCell[][]> = {};
  for (const key of ['entry', 'adjustments', 'lists'] as const) {
    const s = book.sheet(layout[key].sheet);
    if (!s) return;
    grids[layout[key].sheet] = rawCells(s);
  }
  // The 计票 sheet of a ballot template (its status column keeps the values it was written with).
  if (layout.tally) {
    const s = book.sheet(layout.tally.sheet);
    if (!s) return;
    grids[layout.tally.sheet] = rawCells(s);
  }
  let content;
  try {
    content = readContentFromGrids(template, layout, grids).content;
  } catch {
    return; // a header was edited away: Excel would show errors too
  }
  const { results, rows } = scoreAndAnalyze(content, {
    lang,
    textNumbers: false,
    review: { impact: false, stability: false },
  });

  const entry = book.sheet(layout.entry.sheet);
  const summary = book.sheet(layout.summary.sheet);
  // Rows without input show nothing, as Excel's IF(…="","",…) formulas would.
  for (const sheet of [entry, summary])
    for (const [address] of sheet?.formulaCells() ?? []) show(sheet, address, '');
  const e = layout.entry;
  rows.forEach((r) => {
    const row = content.entries[r.index]?.loc?.row;
    if (!row) return;
    show(entry, `${e.totalCol}${row}`, r.setAside ? '' : r.total);
    for (const [id, col] of Object.entries(e.pointCols)) show(entry, `${col}${row}`, r.values[id] ?? '#N/A');
    const problem = results.problems.find(
      (p) => p.where?.replace(/^.*!/, '').replace(/^[A-Z]+/, '') === String(row),
    );
    const status = r.setAside
      ? lang === 'zh'
        ? '复核决定不计入'
        : 'set aside by the review'
      : r.total === null
        ? (problem?.message ?? '×')
        : '✓';
    show(entry, `${e.statusCol}${row}`, status);
    // The hidden status code, as the formula computes it (the reader tells rows the formulas
    // reach by it: rows a grown table took are not "outside").
    show(entry, `${e.validCol}${row}`, STATUS_CODE[r.status]);
  });

  // The summary lists the ratees of 名单 row by row, as its formulas do (an empty list, an empty
  // summary), each with the engine's result for that ratee.
  const s = layout.summary;
  const list = grids[layout.lists.sheet];
  const idCol = columnIndex(layout.lists.rateeIdCol);
  const byId = new Map(results.ratees.map((r) => [r.ratee, r]));
  for (let row = s.firstRow, k = 0; row <= s.lastRow; row++, k++) {
    const id = cellText(list[layout.lists.firstRow - 1 + k]?.[idCol] ?? null);
    const r = id === '' ? undefined : byId.get(id);
    const at = (col: string) => `${col}${row}`;
    show(summary, at(s.rateeCol), id);
    show(summary, at(s.nameCol), r?.name ?? '');
    for (const [src, col] of Object.entries(s.sourceCols)) show(summary, at(col), r?.sources[src] ?? '');
    show(summary, at(s.compositeCol), r?.composite ?? '');
    show(summary, at(s.bonusCol), r ? r.bonus : '');
    show(summary, at(s.deductionCol), r ? r.deduction : '');
    show(summary, at(s.vetoCol), r ? (r.veto ? 1 : 0) : '');
    show(summary, at(s.finalCol), r?.final ?? '');
    show(summary, at(s.rankCol), r?.rank ?? '');
    show(summary, at(s.tierCol), r?.tier ?? '');
    show(summary, at(s.noteCol), r ? r.notes.map((n) => n.message).join(' ') : '');
  }
}

export interface PreviewWorkbook {
  /** Milliseconds spent inside the simulated Excel's batches (for bench/pane.ts). */
  hostTime: { ms: number };
  excel: FakeExcel;
  host: OfficeHost;
  book: PreviewBook;
}

/** A fresh in-browser workbook with the Office adapter and the grid view's interface. */
export function createPreviewWorkbook(lang: Lang): PreviewWorkbook {
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  const excel = createFakeExcel({
    sheets: ['Sheet1'],
    calculate: (b) => calculateFromEngine(b, lang),
  });
  const hostTime = { ms: 0 };
  const run: XlRun = async (batch) => {
    const t0 = performance.now();
    try {
      return await excel.run(batch);
    } finally {
      hostTime.ms += performance.now() - t0;
      emit();
    }
  };
  const fb = excel.book;
  // getFileAsync: the fake book saved as .xlsx (exceljs loads only when a copy is asked for).
  const document = new FakeDocument({
    compressed: async () => fakeBookToXlsx(fb, (await import('exceljs')).default),
  });
  const host = new OfficeHost({
    run,
    isSetSupported: excel.isSetSupported,
    kind: 'preview',
    lang,
    document,
    fileTypes: { compressed: true },
    saveFile: downloadFile,
  });

  const book: PreviewBook = {
    sheets: () => fb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
    hiddenColumns: (name) => new Set(fb.sheet(name)?.hiddenColumns ?? []),
    grid(name) {
      const sheet = fb.sheet(name);
      const used = sheet?.usedRect(false);
      if (!sheet || !used) return [];
      const out: GridCell[][] = [];
      for (let r = 0; r <= used.lastRow; r++) {
        const line: GridCell[] = [];
        for (let c = 0; c <= used.lastCol; c++) {
          const cell = sheet.cellAt(r, c);
          const v = sheet.valueAt(r, c);
          line.push({
            value: v === '' ? null : v,
            formula: cell?.formula,
            fill: cell?.style?.fill,
            bold: cell?.style?.bold,
          });
        }
        out.push(line);
      }
      return out;
    },
    type(name, row, col, texts) {
      const sheet = fb.sheet(name);
      if (!sheet) return;
      texts.forEach((line, i) =>
        line.forEach((text, j) => {
          if (sheet.protected && sheet.lockedAt(row + i, col + j)) return; // Excel refuses, too
          const cell = sheet.ensureCell(row + i, col + j);
          const v = typedValue(text);
          delete cell.formula;
          cell.value = v ?? '';
          cell.error =
            typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(v.trim());
        }),
      );
      calculateFromEngine(fb, lang);
      emit();
    },
    selection(): Selection | null {
      const sel = fb.selection;
      const rect = sel ? parseAddress(sel.address) : null;
      return sel && rect ? { sheet: sel.sheet, row: rect.row, col: rect.col } : null;
    },
    select({ sheet, row, col }) {
      fb.selection = { sheet, address: formatAddress({ row, col, lastRow: row, lastCol: col }) };
      fb.activeSheet = sheet;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { hostTime, excel, host, book };
}
