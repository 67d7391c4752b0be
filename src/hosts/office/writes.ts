/**
 * A workbook plan as a sequence of Office.js writes, each with an estimate of its request bytes,
 * packed into batches that stay below the request limit of Excel on the web (5 MB).
 *
 * Every write names its sheet and is applied to a worksheet proxy of the batch's own request
 * context, so a batch can be replayed in any `Excel.run`. Big blocks are cut into row pieces.
 */
import { columnIndex } from '../../core/address';
import {
  blockSize,
  type Block,
  type CellStyle,
  type PrintPlan,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from '../../workbook/plan';
import { formatAddress, parseAddress, type Rect } from '../../workbook/a1';
import { literalForExcel } from './values';
import type { XlContext, XlRange, XlValue, XlWorksheet } from './xl';

/** One queued change: what it touches and roughly how many request bytes it costs. */
export interface Write {
  /** Sheet name, or null for a workbook-level change (names). */
  sheet: string | null;
  bytes: number;
  /** Deletes a sheet: later writes must look their sheet up afresh (a new sheet may take the name). */
  deletesSheet?: boolean;
  apply(ws: XlWorksheet | null, ctx: XlContext): void;
}

/** What the running Excel offers beyond the manifest's ExcelApi 1.7. */
export interface Features {
  /** ExcelApi 1.8: data validation. */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print settings). */
  pageLayout: boolean;
}

/** Per-statement overhead of the request JSON (path, property, brackets). */
const OVERHEAD = 160;
const encoder = new TextEncoder();
const jsonBytes = (v: unknown) => encoder.encode(JSON.stringify(v)).length;

/** Excel column width in points for a width in characters (as exceljs and the xlsx file use). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;
const BORDER_COLOR = '#BFBFBF';

/** The rectangle a block covers; throws naming the block when its address or shape is bad. */
export function blockRect(sheet: string, block: Block): Rect {
  const at = parseAddress(block.at);
  if (!at || at.row !== at.lastRow || at.col !== at.lastCol)
    throw new Error(`plan: ${sheet}!${block.at} is not a cell address`);
  const grid = block.formulas ?? block.values;
  const { rows, cols } = blockSize(block);
  if (grid && grid.some((r) => r.length !== cols))
    throw new Error(`plan: the block at ${sheet}!${block.at} has rows of different lengths`);
  return { row: at.row, col: at.col, lastRow: at.row + rows - 1, lastCol: at.col + cols - 1 };
}

/** Scalar style settings of a plan style, applied to one range. */
function applyStyle(range: XlRange, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill === null) f.fill.clear();
  else if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.locked !== undefined) f.protection.locked = style.locked;
  if (style.border)
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = BORDER_COLOR;
    }
}

/** The writes of one block, cut into row pieces of at most `pieceBytes` each. */
export function blockWrites(sheet: string, block: Block, pieceBytes: number): Write[] {
  const rect = blockRect(sheet, block);
  // A text-formatted block (`@`, set before the values) keeps what is written as text, so its
  // values go as they are: an apostrophe marker would become part of the text.
  const asText = block.style?.numFmt === '@';
  const grid: XlValue[][] | undefined = block.formulas
    ? block.formulas.map((r) => r.map((f) => f))
    : block.values?.map((r) => r.map((v) => (asText ? (v ?? '') : literalForExcel(v))));
  const rows = rect.lastRow - rect.row + 1;
  const cols = rect.lastCol - rect.col + 1;
  if (rows <= 0 || cols <= 0) return [];
  const rowBytes = grid ? Math.max(1, jsonBytes(grid) / rows) : 1;
  const fmtBytes = block.style?.numFmt ? (JSON.stringify(block.style.numFmt).length + 1) * cols : 0;
  const perPiece = Math.max(1, Math.floor(pieceBytes / (rowBytes + fmtBytes + 1)));
  const out: Write[] = [];
  for (let start = 0; start < rows; start += perPiece) {
    const n = Math.min(perPiece, rows - start);
    const piece: Rect = {
      row: rect.row + start,
      col: rect.col,
      lastRow: rect.row + start + n - 1,
      lastCol: rect.lastCol,
    };
    const address = formatAddress(piece);
    const part = grid?.slice(start, start + n);
    const numFmt = block.style?.numFmt;
    out.push({
      sheet,
      bytes: OVERHEAD * 4 + (part ? jsonBytes(part) : 0) + fmtBytes * n,
      apply: (ws) => {
        const range = ws!.getRange(address);
        // The number format first, so that a text format (`@`) keeps what follows as text.
        if (numFmt) range.numberFormat = Array.from({ length: n }, () => Array<XlValue>(cols).fill(numFmt));
        if (part && block.formulas) range.formulas = part;
        else if (part) range.values = part;
        if (block.style) applyStyle(range, block.style);
      },
    });
  }
  return out;
}

/** A data validation as Office.js takes it (ExcelApi 1.8). */
function validationWrite(sheet: string, v: ValidationPlan): Write {
  let rule: unknown;
  let style = 'Stop';
  if (v.type === 'list') {
    const source = v.listRange ? `=${v.listRange}` : (v.list ?? []).join(',');
    rule = { list: { inCellDropDown: true, source } };
    if (v.allowNumbers || v.allowOther) style = 'Warning';
  } else {
    const kind = v.type === 'whole' ? 'wholeNumber' : 'decimal';
    rule = { [kind]: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  }
  const errorAlert = { showAlert: true, style, title: 'Duanping', message: v.error };
  const prompt = v.prompt ? { showPrompt: true, title: '', message: v.prompt } : undefined;
  return {
    sheet,
    bytes: OVERHEAD * 4 + jsonBytes([rule, errorAlert, prompt ?? null]),
    apply: (ws) => {
      const dv = ws!.getRange(v.range).dataValidation;
      dv.ignoreBlanks = v.allowBlank;
      dv.rule = rule;
      dv.errorAlert = errorAlert;
      if (prompt) dv.prompt = prompt;
    },
  };
}

/** Print settings (ExcelApi 1.9). Header/footer text escapes `&`, Excel's code marker. */
function printWrite(sheet: string, p: PrintPlan): Write {
  return {
    sheet,
    bytes: OVERHEAD * 8 + jsonBytes(p),
    apply: (ws) => {
      const layout = ws!.pageLayout;
      layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
      if (p.titleRows) layout.setPrintTitleRows(p.titleRows.replace(/(\d+)/g, '$$$1'));
      if (p.area) layout.setPrintArea(p.area);
      if (p.header) layout.headersFooters.defaultForAllPages.centerHeader = p.header.replace(/&/g, '&&');
      if (p.footer) layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
      if (p.footerLeft)
        layout.headersFooters.defaultForAllPages.leftFooter = p.footerLeft.replace(/&/g, '&&');
      if (p.centered) layout.centerHorizontally = true;
    },
  };
}

/**
 * A sheet's tables, added before its cells: formulas then written into a table's empty column
 * make it a calculated column, which Excel fills into every row the table gains (a row typed
 * below it, rows.add) — docs/workbook.md "Capacity", src/testing/fake-excel/tables.ts.
 */
function tableWrites(s: SheetPlan): Write[] {
  return s.tables.map((t) => ({
    sheet: s.name,
    bytes: OVERHEAD * 3 + jsonBytes(t),
    apply: (ws) => {
      const table = ws!.tables.add(t.range, true);
      table.name = t.name;
      table.style = t.style;
    },
  }));
}

/** Sheet-level settings that follow the cells: merges, validation, formats, panes, print. */
function sheetFinishWrites(s: SheetPlan, features: Features): Write[] {
  const out: Write[] = [];
  const name = s.name;
  for (const m of s.merges)
    out.push({ sheet: name, bytes: OVERHEAD, apply: (ws) => ws!.getRange(m).merge(false) });
  if (features.dataValidation) for (const v of s.validations) out.push(validationWrite(name, v));
  for (const cf of s.conditionalFormats)
    out.push({
      sheet: name,
      bytes: OVERHEAD * 4 + jsonBytes(cf),
      apply: (ws) => {
        const c = ws!.getRange(cf.range).conditionalFormats.add('Custom');
        c.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
        if (cf.style.fill) c.custom.format.fill.color = cf.style.fill;
        if (cf.style.fontColor) c.custom.format.font.color = cf.style.fontColor;
        if (cf.style.bold) c.custom.format.font.bold = true;
      },
    });
  if (s.freeze && (s.freeze.rows > 0 || s.freeze.columns > 0)) {
    const { rows, columns } = s.freeze;
    out.push({
      sheet: name,
      bytes: OVERHEAD,
      apply: (ws) => {
        if (columns === 0) ws!.freezePanes.freezeRows(rows);
        else if (rows === 0) ws!.freezePanes.freezeColumns(columns);
        else
          ws!.freezePanes.freezeAt(
            ws!.getRange(formatAddress({ row: 0, col: 0, lastRow: rows - 1, lastCol: columns - 1 })),
          );
      },
    });
  }
  for (const [row, height] of Object.entries(s.rowHeights ?? {}))
    out.push({
      sheet: name,
      bytes: OVERHEAD,
      apply: (ws) => void (ws!.getRange(`${row}:${row}`).format.rowHeight = height),
    });
  if (s.print && features.pageLayout) out.push(printWrite(name, s.print));
  return out;
}

/** Adding a sheet with its tab colour and column widths. */
function sheetCreateWrite(s: SheetPlan): Write {
  return {
    sheet: null,
    bytes: OVERHEAD * (3 + s.columns.length * 2),
    apply: (_ws, ctx) => {
      const ws = ctx.workbook.worksheets.add(s.name);
      if (s.tabColor) ws.tabColor = s.tabColor;
      for (const c of s.columns) {
        columnIndex(c.col); // letters only; a bad letter fails in getRange with Excel's message
        const range = ws.getRange(`${c.col}:${c.col}`);
        if (c.width !== undefined) range.format.columnWidth = charsToPoints(c.width);
        if (c.hidden) range.columnHidden = true;
      }
    },
  };
}

export interface PlanWriteOptions {
  features: Features;
  /** Largest piece of one block, in request bytes. */
  pieceBytes: number;
  /** Sheets of the plan not to create (kept from an earlier installation). */
  skipSheets?: Set<string>;
}

/**
 * Every write of a plan, in order: sheets and columns, cells, sheet settings, defined names,
 * then visibility and protection last (a protected sheet refuses the writes before).
 */
export function planWrites(plan: WorkbookPlan, o: PlanWriteOptions): Write[] {
  const sheets = plan.sheets.filter((s) => !o.skipSheets?.has(s.name));
  const out = sheetsWrites(sheets, o);
  for (const n of plan.names)
    out.push({
      sheet: null,
      bytes: OVERHEAD + jsonBytes(n),
      apply: (_ws, ctx) => {
        ctx.workbook.names.add(n.name, n.refersTo.startsWith('=') ? n.refersTo : `=${n.refersTo}`);
      },
    });
  for (const s of sheets) {
    if (s.visibility !== 'visible')
      out.push({
        sheet: s.name,
        bytes: OVERHEAD,
        apply: (ws) => void (ws!.visibility = VISIBILITY[s.visibility]),
      });
    // A sheet just created is never protected, so protect() cannot meet a protected sheet.
    if (s.protect) out.push({ sheet: s.name, bytes: OVERHEAD, apply: (ws) => ws!.protection.protect() });
  }
  return out;
}

/** Creating sheets of a plan with their cells and settings (not visibility, protection or names). */
export function sheetsWrites(sheets: SheetPlan[], o: Omit<PlanWriteOptions, 'skipSheets'>): Write[] {
  const out: Write[] = sheets.map(sheetCreateWrite);
  for (const s of sheets) out.push(...tableWrites(s));
  for (const s of sheets) for (const b of s.blocks) out.push(...blockWrites(s.name, b, o.pieceBytes));
  for (const s of sheets) out.push(...sheetFinishWrites(s, o.features));
  return out;
}

/** Packs writes, in order, into batches of at most `budget` estimated bytes (one sync each). */
export function packBatches(writes: Write[], budget: number): Write[][] {
  const batches: Write[][] = [];
  let current: Write[] = [];
  let size = 0;
  for (const w of writes) {
    if (current.length > 0 && size + w.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += w.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Applies one batch of writes in a request context, with calculation suspended. */
export function applyBatch(ctx: XlContext, batch: Write[]): void {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const sheets = new Map<string, XlWorksheet>();
  for (const w of batch) {
    let ws: XlWorksheet | null = null;
    if (w.sheet !== null) {
      ws = sheets.get(w.sheet) ?? ctx.workbook.worksheets.getItem(w.sheet);
      sheets.set(w.sheet, ws);
    }
    w.apply(ws, ctx);
    if (w.deletesSheet) sheets.clear();
  }
}
