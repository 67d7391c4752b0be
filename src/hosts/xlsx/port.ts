/**
 * The grid port (src/workbook/port.ts) over an exceljs workbook in memory: the workbook
 * operations of src/workbook/operations.ts run on .xlsx files through it.
 */
import type ExcelJS from 'exceljs';
import {
  TEMPLATE_SHEET,
  type Block,
  type DefinedName,
  type SheetPlan,
  type WorkbookPlan,
} from '../../workbook/plan';
import type {
  BlockWrite,
  BookInfo,
  GridPort,
  ProtectionOptions,
  SheetOp,
  SheetState,
  Visibility,
} from '../../workbook/port';
import { readStore } from '../../workbook/store';
import { cellRaw, sheetGrid, workbookDates, workbookGrids, workbookMerges } from './read';
import { addSheet, applyPlan, settleWorkbook, writeBlock, type WriteOptions } from './write';

type NameModel = { name: string; ranges: string[] }[];

function nameModel(wb: ExcelJS.Workbook): { model: NameModel } {
  return wb.definedNames as unknown as { model: NameModel };
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new Error(`the workbook has no sheet "${name}"`);
  return ws;
}

/** Clears every cell from `fromRow` (1-based) down. */
function clearRows(ws: ExcelJS.Worksheet, fromRow: number): void {
  for (let r = ws.rowCount; r >= fromRow; r--)
    ws.getRow(r).eachCell({ includeEmpty: false }, (c) => (c.value = null));
}

type Protection = { sheet?: boolean; formatCells?: boolean } | null | undefined;
const protectionOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { sheetProtection: Protection }).sheetProtection;

/**
 * Protects a sheet the way Excel's protection options say. The password, if any, only goes into
 * Excel's salted hash; it is never stored.
 */
async function protect(ws: ExcelJS.Worksheet, o: ProtectionOptions, password?: string): Promise<void> {
  await ws.protect(password ?? '', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: !!o.allowFormatCells,
    formatColumns: !!o.allowFormatColumns,
    formatRows: !!o.allowFormatRows,
    sort: false,
    autoFilter: !!o.allowAutoFilter,
  });
}

/** A formula cell without a cached result (written by a program, never calculated). */
function isFormulaWithoutValue(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  if (v === null || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return false;
  const r = cell.result as unknown;
  return r === undefined || r === null;
}

/**
 * `direct`: the workbook goes to a file after the operation, so planned sheets may keep their big
 * blocks as XML rows (./direct-rows.ts); anything that reads cells settles them first.
 */
export function xlsxPort(wb: ExcelJS.Workbook, o: WriteOptions = {}): GridPort {
  const port: GridPort = {
    async info(): Promise<BookInfo> {
      settleWorkbook(wb);
      const store = wb.getWorksheet(TEMPLATE_SHEET);
      return {
        sheets: wb.worksheets.map((ws) => ({
          name: ws.name,
          visibility: (ws.state ?? 'visible') as Visibility,
        })),
        names: nameModel(wb).model.map((d) => ({ name: d.name, refersTo: d.ranges[0] ?? '' })),
        stored: store ? readStore(sheetGrid(store)) : null,
      };
    },
    async readGrids(names) {
      settleWorkbook(wb);
      return workbookGrids(wb, names);
    },
    async readCells(cells) {
      settleWorkbook(wb);
      return cells.map((c) => {
        const ws = wb.getWorksheet(c.sheet);
        return ws ? cellRaw(ws.getCell(c.cell)) : null;
      });
    },
    async sheetStates(names): Promise<SheetState[]> {
      settleWorkbook(wb);
      return names.flatMap((name) => {
        const ws = wb.getWorksheet(name);
        if (!ws) return [];
        const p = protectionOf(ws);
        const isProtected = !!p?.sheet;
        return [
          {
            name,
            protected: isProtected,
            formatsAllowed: isProtected && !!p?.formatCells,
            lastRow: ws.rowCount,
            lastCol: ws.columnCount,
          },
        ];
      });
    },
    async readExtras(names, dateSheet) {
      settleWorkbook(wb);
      return { merges: workbookMerges(wb, names), dates: workbookDates(wb, [dateSheet]) };
    },
    async uncalculated(sheet, cells) {
      settleWorkbook(wb);
      const ws = wb.getWorksheet(sheet);
      if (!ws) return [];
      return cells.filter((c) => isFormulaWithoutValue(ws.getCell(c))).map((c) => `${sheet}!${c}`);
    },
    async writePlan(plan: WorkbookPlan, _progress, ops) {
      await port.sheetOps(ops?.before ?? []);
      await applyPlan(wb, plan, o);
      await port.sheetOps(ops?.after ?? []);
    },
    async rewriteSheet(sheet: SheetPlan) {
      // A file may drop any sheet: the old one goes and the plan's takes its place.
      wb.removeWorksheet(sheetOf(wb, sheet.name).id);
      const ws = addSheet(wb, sheet);
      if (sheet.protect) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
    },
    async writeBlocks(writes: BlockWrite[]) {
      for (const w of writes) {
        const ws =
          w.create !== undefined && !wb.getWorksheet(w.sheet)
            ? wb.addWorksheet(w.sheet, { state: w.create })
            : sheetOf(wb, w.sheet);
        if (w.clearAll) clearRows(ws, 1);
        if (w.clearFromRow !== undefined) clearRows(ws, w.clearFromRow);
        for (const c of w.columns ?? []) if (c.width !== undefined) ws.getColumn(c.col).width = c.width;
        for (const b of w.blocks as Block[]) writeBlock(ws, b);
        // A file keeps no protection state while it is written: only the state after counts.
        if (w.protect === false) ws.unprotect();
        else if (w.protect) await protect(ws, w.protect, w.password || undefined);
      }
    },
    async sheetOps(ops: SheetOp[]) {
      for (const o of ops) {
        if (o.op === 'rename') sheetOf(wb, o.from).name = o.to;
        else if (o.op === 'delete') wb.removeWorksheet(sheetOf(wb, o.sheet).id);
        else if (o.op === 'deleteName') {
          const m = nameModel(wb);
          m.model = m.model.filter((d) => d.name.toLowerCase() !== o.name.toLowerCase());
        } else if (o.op === 'addName') addName(wb, o.name);
        // 'renameTable': exceljs keeps table names per sheet, and the staged sheets are dropped.
        // 'select': a file has no selection worth setting; the clerk opens it at its first sheet.
      }
    },
  };
  return port;
}

function addName(wb: ExcelJS.Workbook, n: DefinedName): void {
  wb.definedNames.add(n.refersTo.replace(/^=/, ''), n.name);
}
