/**
 * Applies a workbook plan (src/workbook/plan.ts) to an exceljs workbook and writes .xlsx files.
 * Formulas get their `_xlfn.` prefixes here, because the file format needs them and the plan
 * keeps Office.js syntax.
 */
import ExcelJS from 'exceljs';
import { columnIndex, columnLetter } from '../../core/address';
import { addXlfnPrefixes } from '../../workbook/formula';
import {
  applyDirectRows,
  directRowsOf,
  setDirectRows,
  type DirectRows,
  type PlacedBlock,
} from './direct-rows';
import { applyNativeZip } from './native-zip';
import { applyRangeNames } from './range-names';
import { applySchemaFixes } from './schema-fixes';
import { isMovedBy, movedBy, rowPattern, type RowPattern } from './shared-formulas';
import { applyTableParts, calculatedColumn } from './table-parts';
import {
  blockSize,
  type Block,
  type CellStyle,
  type ConditionalFormatPlan,
  type PrintPlan,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from '../../workbook/plan';

applySchemaFixes();
applyNativeZip();
applyRangeNames();
/** False where exceljs's Node sources are out of reach (the add-in): every cell is then an object. */
const directRowsAvailable = applyDirectRows();
applyTableParts();

const argb = (hex: string) => 'FF' + hex.replace('#', '').toUpperCase();

/** Splits `B3` into 1-based row and column. */
export function cellPosition(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) + 1 };
}

/** The exceljs style pieces of a plan style (only the parts that are set). */
function styleParts(style: CellStyle): Partial<ExcelJS.Style> & { locked?: boolean } {
  const out: Partial<ExcelJS.Style> & { locked?: boolean } = {};
  if (style.numFmt) out.numFmt = style.numFmt;
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    out.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  else if (style.fill === null) out.fill = { type: 'pattern', pattern: 'none' };
  if (style.hAlign || style.vAlign || style.wrap) {
    out.alignment = {
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.locked !== undefined) out.protection = { locked: style.locked };
  return out;
}

/**
 * exceljs styles are objects that exceljs registers in styles.xml cell by cell, cheaply only for
 * an object it has seen before. So every cell that gets the same plan style (on the same
 * earlier style) gets the same object, as exceljs itself does for cells it reads from a file.
 * Such an object is never changed in place: code that restyles a cell assigns a new one
 * (`cell.style = { ...cell.style, protection }`, see ./signoff.ts).
 */
const planStyles = new WeakMap<CellStyle, Partial<ExcelJS.Style>>();
const restyled = new WeakMap<Partial<ExcelJS.Style>, Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>>();

function sharedStyle(style: CellStyle): Partial<ExcelJS.Style> {
  let s = planStyles.get(style);
  if (!s) planStyles.set(style, (s = styleParts(style)));
  return s;
}

function isEmptyStyle(s: object): boolean {
  for (const _ in s) return false;
  return true;
}

/** `parts` laid over a cell's present style (fonts and alignments merge, the rest replaces). */
function styleOver(present: Partial<ExcelJS.Style>, parts: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  if (isEmptyStyle(present)) return parts;
  let byParts = restyled.get(present);
  if (!byParts) restyled.set(present, (byParts = new Map()));
  let out = byParts.get(parts);
  if (!out) {
    out = { ...present };
    if (parts.numFmt) out.numFmt = parts.numFmt;
    if (parts.font) out.font = { ...present.font, ...parts.font };
    if (parts.fill) out.fill = parts.fill;
    if (parts.alignment) out.alignment = { ...present.alignment, ...parts.alignment };
    if (parts.border) out.border = parts.border;
    if (parts.protection) out.protection = parts.protection;
    byParts.set(parts, out);
  }
  return out;
}

/** A column of cells written as one shared formula: the top cell and the rows it covers. */
interface SharedRun {
  col: number;
  first: number;
  last: number;
  master: string;
  pattern: RowPattern;
  /** The top cell's formula and cached value, as written. */
  value: ExcelJS.CellFormulaValue;
}
const sharedRuns = new WeakMap<ExcelJS.Worksheet, SharedRun[]>();

/**
 * Before cells in rows `top`…`bottom`, columns `left`…`right` are overwritten: a shared formula
 * that the rectangle cuts (its top cell or some of the cells below) has its remaining cells
 * written as plain formulas, so no cell ever refers to a top cell that holds something else.
 */
function releaseSharedRuns(ws: ExcelJS.Worksheet, top: number, bottom: number, left: number, right: number) {
  settleDirectRows(ws, top, bottom);
  const runs = sharedRuns.get(ws);
  if (!runs) return;
  const kept: SharedRun[] = [];
  for (const run of runs) {
    if (run.col < left || run.col > right || run.last < top || run.first > bottom) {
      kept.push(run);
      continue;
    }
    if (run.first < top || run.first > bottom) ws.getCell(run.first, run.col).value = run.value;
    for (let r = run.first + 1; r <= run.last; r++) {
      if (r >= top && r <= bottom) continue;
      const cell = ws.getCell(r, run.col);
      // The cell's model, not its value: exceljs's value drops a result of false, 0 or "".
      const v =
        cell.type === ExcelJS.ValueType.Formula
          ? (cell.model as { sharedFormula?: string; result?: ExcelJS.CellFormulaValue['result'] })
          : null;
      if (v && v.sharedFormula === run.master)
        cell.value = {
          formula: addXlfnPrefixes(movedBy(run.pattern, r - run.first)),
          ...(v.result === undefined ? {} : { result: v.result }),
        } as ExcelJS.CellFormulaValue;
    }
  }
  sharedRuns.set(ws, kept);
}

/**
 * Writes one block's values or formulas and style. A column of formulas that is one formula
 * filled down (checked cell by cell, see ./shared-formulas.ts) is written as a shared formula.
 */
export function writeBlock(ws: ExcelJS.Worksheet, block: Block): void {
  const { row, col } = cellPosition(block.at);
  const { rows, cols } = blockSize(block);
  settleDirectRows(ws, row, row + rows - 1);
  const parts = block.style ? sharedStyle(block.style) : null;
  if (block.formulas || block.values) releaseSharedRuns(ws, row, row + rows - 1, col, col + cols - 1);
  const runs: (SharedRun | null)[] = Array(cols).fill(null);
  const made: SharedRun[] = [];
  for (let r = 0; r < rows; r++) {
    const wsRow = ws.getRow(row + r);
    for (let c = 0; c < cols; c++) {
      const cell = wsRow.getCell(col + c);
      if (block.formulas) {
        const f = block.formulas[r][c];
        if (f === null) runs[c] = null;
        else {
          const text = f.startsWith('=') ? f.slice(1) : f;
          const result = block.results?.[r]?.[c];
          const run = runs[c];
          if (run && isMovedBy(run.pattern, text, row + r - run.first)) {
            cell.value = {
              sharedFormula: run.master,
              ...(result === undefined ? {} : { result }),
            } as unknown as ExcelJS.CellSharedFormulaValue;
            if (run.last === run.first) made.push(run);
            run.last = row + r;
          } else {
            const value = {
              formula: addXlfnPrefixes(text),
              ...(result === undefined ? {} : { result }),
            } as ExcelJS.CellFormulaValue;
            cell.value = value;
            const pattern = rowPattern(text);
            runs[c] = pattern
              ? { col: col + c, first: row + r, last: row + r, master: cell.address, pattern, value }
              : null;
          }
        }
      } else if (block.values) {
        const v = block.values[r][c];
        cell.value = v === null ? null : v;
      }
      if (parts) cell.style = styleOver(cell.style, parts);
    }
  }
  // The top cells say which rows share them (exceljs would otherwise widen the range cell by cell).
  for (const run of made)
    ws.getCell(run.first, run.col).value = {
      ...run.value,
      shareType: 'shared',
      ref: `${run.master}:${columnLetter(run.col - 1)}${run.last}`,
    } as ExcelJS.CellFormulaValue;
  if (made.length > 0) sharedRuns.set(ws, [...(sharedRuns.get(ws) ?? []), ...made]);
}

/**
 * Blocks of at least this many rows are written as rows of XML (./direct-rows.ts) when a sheet
 * is added for a file about to be written: the big tables of a build.
 */
const DIRECT_MIN_ROWS = 100;

/**
 * The rows of the sheet that its big blocks cover, with every block over them, when nothing
 * else of exceljs writes into those rows (a merge, a row height, a table's header row) and no
 * block reaches in from outside; else null (every cell an exceljs object, as always).
 */
function directPart(sheet: SheetPlan): DirectRows | null {
  const placed: PlacedBlock[] = sheet.blocks.map((block) => ({
    block,
    ...cellPosition(block.at),
    ...blockSize(block),
    parts: block.style ? sharedStyle(block.style) : null,
  }));
  const big = placed.filter((p) => p.rows >= DIRECT_MIN_ROWS && (p.block.values || p.block.formulas));
  if (big.length === 0) return null;
  const top = Math.min(...big.map((p) => p.row));
  const bottom = Math.max(...big.map((p) => p.row + p.rows - 1));
  const within = (first: number, last: number) => first >= top && last <= bottom;
  const meets = (first: number, last: number) => first <= bottom && last >= top;
  const blocks = placed.filter((p) => meets(p.row, p.row + p.rows - 1));
  if (!blocks.every((p) => within(p.row, p.row + p.rows - 1))) return null;
  for (const m of sheet.merges) {
    const [a, b] = m.split(':').map(cellPosition);
    if (meets(a.row, (b ?? a).row)) return null;
  }
  if (Object.keys(sheet.rowHeights ?? {}).some((r) => meets(Number(r), Number(r)))) return null;
  if (
    sheet.tables.some((t) =>
      meets(cellPosition(t.range.split(':')[0]).row, cellPosition(t.range.split(':')[0]).row),
    )
  )
    return null;
  return {
    top,
    bottom,
    left: Math.min(...blocks.map((p) => p.col)),
    right: Math.max(...blocks.map((p) => p.col + p.cols - 1)),
    blocks,
    styleOver,
  };
}

/**
 * Turns a sheet's direct rows into ordinary exceljs cells (before anything reads or writes its
 * cells; with `top`/`bottom`, only when those rows meet them).
 */
export function settleDirectRows(ws: ExcelJS.Worksheet, top = 1, bottom = Infinity): void {
  const d = directRowsOf(ws);
  if (!d || d.top > bottom || d.bottom < top) return;
  setDirectRows(ws, undefined);
  for (const p of d.blocks) writeBlock(ws, p.block);
}

/** `settleDirectRows` on every sheet of the workbook. */
export function settleWorkbook(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) settleDirectRows(ws);
}

/** exceljs keeps range validations here (untyped in its .d.ts); ranges stay ranges in the file. */
type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

function writeValidation(sheet: ExcelJS.Worksheet, v: ValidationPlan): void {
  const ws = sheet as unknown as WithValidations;
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    error: v.error,
    errorTitle: 'Duanping',
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.type === 'list') {
    const formula = v.listRange ?? `"${(v.list ?? []).join(',').replace(/"/g, '""')}"`;
    ws.dataValidations.add(v.range, {
      type: 'list',
      formulae: [formula],
      ...common,
      errorStyle: v.allowNumbers || v.allowOther ? 'warning' : 'stop',
    });
  } else {
    ws.dataValidations.add(v.range, {
      type: v.type,
      operator: 'between',
      formulae: [v.min, v.max],
      ...common,
      errorStyle: 'stop',
    });
  }
}

/**
 * Excel refuses a header or footer longer than 255 characters (codes included): a longer text
 * is cut to `max` characters with an ellipsis, never in the middle of an `&&` escape.
 */
export function fitHeaderText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/&$/.test(cut) && cut.match(/&+$/)![0].length % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function writePrint(ws: ExcelJS.Worksheet, p: PrintPlan): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    ...(p.area ? { printArea: p.area } : {}),
    ...(p.centered ? { horizontalCentered: true } : {}),
  };
  const left = p.footerLeft ? `&L${fitHeaderText(p.footerLeft.replace(/&/g, '&&'), 120)}` : '';
  ws.headerFooter = {
    ...(p.header ? { oddHeader: `&C${fitHeaderText(p.header.replace(/&/g, '&&'), 253)}` } : {}),
    ...(p.footer || left ? { oddFooter: `${left}${p.footer ? `&C${p.footer}` : ''}`.slice(0, 255) } : {}),
  };
}

/** How a plan goes into a workbook. */
export interface WriteOptions {
  /**
   * The workbook is written to a file next, and its new sheets' cells are not read or written
   * before (other than through this module and the xlsx port, which settle them first): the
   * big blocks go straight to XML (./direct-rows.ts).
   */
  direct?: boolean;
}

/** Adds one planned sheet to the workbook. */
export function addSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, o: WriteOptions = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  for (const c of sheet.columns) {
    const col = ws.getColumn(c.col);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  const direct = o.direct && directRowsAvailable ? directPart(sheet) : null;
  for (const b of sheet.blocks) if (!direct?.blocks.some((p) => p.block === b)) writeBlock(ws, b);
  if (direct) setDirectRows(ws, direct);
  for (const m of sheet.merges) {
    const [a, b] = m.split(':').map(cellPosition);
    releaseSharedRuns(ws, a.row, (b ?? a).row, a.col, (b ?? a).col);
    ws.mergeCells(m);
  }
  if (sheet.freeze)
    ws.views = [
      { state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, activeCell: 'A1' },
    ];
  for (const v of sheet.validations) writeValidation(ws, v);
  // One block per range (Gnumeric keeps only one block of a range), priorities distinct per sheet.
  let priority = 1;
  const byRange = new Map<string, ConditionalFormatPlan[]>();
  for (const cf of sheet.conditionalFormats) byRange.set(cf.range, [...(byRange.get(cf.range) ?? []), cf]);
  for (const [ref, cfs] of byRange) {
    ws.addConditionalFormatting({
      ref,
      rules: cfs.map((cf) => ({
        type: 'expression' as const,
        priority: priority++,
        formulae: [addXlfnPrefixes(cf.formula.replace(/^=/, ''))],
        style: {
          ...(cf.style.fill
            ? {
                fill: {
                  type: 'pattern' as const,
                  pattern: 'solid' as const,
                  bgColor: { argb: argb(cf.style.fill) },
                },
              }
            : {}),
          ...(cf.style.fontColor || cf.style.bold
            ? {
                font: {
                  ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
                  ...(cf.style.bold ? { bold: true } : {}),
                },
              }
            : {}),
        },
      })),
    });
  }
  for (const t of sheet.tables) {
    const [tl, br] = t.range.split(':');
    const top = cellPosition(tl);
    const bottom = cellPosition(br);
    // Empty data rows: exceljs then leaves the cells written above untouched.
    ws.addTable({
      name: t.name,
      ref: tl,
      headerRow: true,
      style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      // A column that is one formula filled down becomes a calculated column (./table-parts.ts).
      columns: t.columns.map((name, i) => ({
        name,
        filterButton: true,
        ...calculatedColumn(sheet, top.col + i, top.row + 1, bottom.row),
      })),
      rows: Array.from({ length: bottom.row - top.row }, () => []),
    });
  }
  if (sheet.print) writePrint(ws, sheet.print);
  return ws;
}

/** Adds every sheet and defined name of the plan to `wb` (which may already hold other sheets). */
export async function applyPlan(
  wb: ExcelJS.Workbook,
  plan: WorkbookPlan,
  o: WriteOptions = {},
): Promise<void> {
  for (const sheet of plan.sheets) {
    const ws = addSheet(wb, sheet, o);
    if (sheet.protect) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
  for (const n of plan.names) wb.definedNames.add(n.refersTo, n.name);
}

/** An empty workbook that spreadsheets recalculate fully when they open it. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duanping';
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

/** A new workbook holding exactly the plan. */
export async function planToWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  await applyPlan(wb, plan);
  return wb;
}

/** Writes the plan as a new .xlsx file. */
export async function writePlanXlsx(plan: WorkbookPlan, path: string): Promise<void> {
  const wb = newWorkbook();
  await applyPlan(wb, plan, { direct: true });
  await wb.xlsx.writeFile(path);
}
