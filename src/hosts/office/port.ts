/**
 * The grid port (src/workbook/port.ts) over the Excel JavaScript API. Each call is one
 * `Excel.run` with a bounded number of syncs:
 *   info, readCells: 1 · sheetStates: 2 · readGrids: 1 (used ranges) + 1 per read chunk ·
 *   writePlan: 1 per write batch · rewriteSheet: 1 + 1 per write batch ·
 *   writeBlocks: 1 (protection and used ranges) + 1 per write batch · sheetOps: 1
 * Write batches stay below the 5 MB request limit of Excel on the web and suspend calculation
 * until their sync; reads are cut to stay below the response limit. Protection is read before
 * protect/unprotect (both throw when the sheet is already in that state). Errors from Excel are
 * never caught here: they reach the caller with Excel's own code and message.
 */
import type { RawCell } from '../../core/types';
import type { Block, SheetPlan, WorkbookPlan } from '../../workbook/plan';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import type {
  BlockWrite,
  BookInfo,
  CellRef,
  GridPort,
  ProtectionOptions,
  SheetOp,
  SheetState,
  Visibility,
} from '../../workbook/port';
import type { Grids } from '../../workbook/read';
import { readStore } from '../../workbook/store';
import type { Progress } from '../../workbook/types';
import { formatAddress, type Rect } from '../../workbook/a1';
import {
  applyBatch,
  blockWrites,
  charsToPoints,
  packBatches,
  planWrites,
  type Features,
  type Write,
} from './writes';
import { rawGrid, type XlValueType } from './values';
import type { XlContext, XlRun, XlWorksheet } from './xl';

/** Estimated response bytes per cell read (value + value type). */
const READ_BYTES_PER_CELL = 48;
const VISIBILITY: Record<string, Visibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export interface OfficePortOptions {
  run: XlRun;
  features: () => Features;
  /** Request budget of one write sync in bytes. */
  batchBytes: number;
  /** Response budget of one read sync in bytes. */
  readBytes: number;
}

export class OfficePort implements GridPort {
  constructor(private readonly o: OfficePortOptions) {}

  /** One sync: sheet names and visibility, defined names, and the stored installation if any. */
  info(): Promise<BookInfo> {
    return this.o.run((ctx) => this.infoIn(ctx));
  }

  private async infoIn(ctx: XlContext): Promise<BookInfo> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const names = ctx.workbook.names;
    names.load('items/name,items/formula');
    const store = ctx.workbook.worksheets.getItemOrNullObject(TEMPLATE_SHEET).getUsedRangeOrNullObject(true);
    store.load('values');
    await ctx.sync();
    return {
      sheets: sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? 'visible' })),
      names: names.items.map((n) => ({ name: n.name, refersTo: String(n.formula).replace(/^=/, '') })),
      stored: store.isNullObject ? null : readStore(store.values),
    };
  }

  readGrids(names: string[], o?: { current?: boolean }): Promise<Grids> {
    return this.o.run((ctx) => this.readGridsIn(ctx, names, o?.current));
  }

  /**
   * Grids (from A1) of the named sheets: one sync for their used ranges, then one per read chunk.
   * Missing sheets are left out (the reader then names them). `current`: in Manual calculation
   * mode nothing is recalculated until asked (and our writes suspend calculation), so values
   * about to be signed or printed get a full recalculation, which runs with the reads' sync.
   */
  private async readGridsIn(ctx: XlContext, sheetNames: string[], current = false): Promise<Grids> {
    const probes = sheetNames.map((name) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { name, ws, used };
    });
    const app = ctx.workbook.application;
    if (current) app.load('calculationMode');
    await ctx.sync();
    if (current && app.calculationMode === 'Manual') app.calculate('Full');
    const grids: Grids = {};
    const pieces: { name: string; ws: XlWorksheet; rect: Rect }[] = [];
    for (const p of probes) {
      if (p.ws.isNullObject) continue;
      grids[p.name] = [];
      if (p.used.isNullObject) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = p.used;
      const step = Math.max(1, Math.floor(this.o.readBytes / (columnCount * READ_BYTES_PER_CELL)));
      for (let r = 0; r < rowCount; r += step)
        pieces.push({
          name: p.name,
          ws: p.ws,
          rect: {
            row: rowIndex + r,
            col: columnIndex,
            lastRow: rowIndex + Math.min(rowCount, r + step) - 1,
            lastCol: columnIndex + columnCount - 1,
          },
        });
    }
    // Pack pieces into syncs below the response budget.
    let pending: { piece: (typeof pieces)[number]; range: ReturnType<XlWorksheet['getRange']> }[] = [];
    let bytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await ctx.sync();
      for (const { piece, range } of pending) {
        const rows = rawGrid(range.values, range.valueTypes as XlValueType[][]);
        const grid = grids[piece.name];
        rows.forEach((line, i) => {
          const out = (grid[piece.rect.row + i] ??= []);
          line.forEach((v, j) => (out[piece.rect.col + j] = v));
        });
      }
      pending = [];
      bytes = 0;
    };
    for (const piece of pieces) {
      const cells = (piece.rect.lastRow - piece.rect.row + 1) * (piece.rect.lastCol - piece.rect.col + 1);
      if (bytes > 0 && bytes + cells * READ_BYTES_PER_CELL > this.o.readBytes) await flush();
      const range = piece.ws.getRange(formatAddress(piece.rect));
      range.load('values,valueTypes');
      pending.push({ piece, range });
      bytes += cells * READ_BYTES_PER_CELL;
    }
    await flush();
    for (const g of Object.values(grids)) for (let i = 0; i < g.length; i++) g[i] ??= [];
    return grids;
  }

  /** One sync: each cell's value and type (the sheets must exist). */
  readCells(cells: CellRef[]): Promise<RawCell[]> {
    if (cells.length === 0) return Promise.resolve([]);
    return this.o.run(async (ctx) => {
      const ranges = cells.map((c) => {
        const r = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
        r.load('values,valueTypes');
        return r;
      });
      await ctx.sync();
      return ranges.map((r) => rawGrid(r.values, r.valueTypes as XlValueType[][])[0]?.[0] ?? null);
    });
  }

  sheetStates(names: string[]): Promise<SheetState[]> {
    return this.o.run(async (ctx) => {
      const states = await this.statesIn(ctx, names, true);
      return names.flatMap((n) => {
        const s = states.get(n);
        return s ? [s] : [];
      });
    });
  }

  /** Applies writes in batches below the request budget: one sync each. */
  private async applyWrites(
    ctx: XlContext,
    writes: Write[],
    progress?: Progress,
    step = 'write',
  ): Promise<void> {
    const batches = packBatches(writes, this.o.batchBytes);
    for (let i = 0; i < batches.length; i++) {
      applyBatch(ctx, batches[i]);
      await ctx.sync();
      progress?.(step, i + 1, batches.length);
    }
  }

  private get pieceBytes(): number {
    return this.o.batchBytes / 2;
  }

  writePlan(
    plan: WorkbookPlan,
    progress?: Progress,
    ops?: { before?: SheetOp[]; after?: SheetOp[] },
  ): Promise<void> {
    const writes = [
      ...opWrites(ops?.before ?? []),
      ...planWrites(plan, { features: this.o.features(), pieceBytes: this.pieceBytes }),
      ...opWrites(ops?.after ?? []),
    ];
    return this.o.run((ctx) => this.applyWrites(ctx, writes, progress));
  }

  /**
   * Protection (with its options) and used size of sheets: one sync; with `onlyPresent`, one more
   * before it for the sheet names, and sheets that do not exist are left out (a worksheet's
   * protection cannot be loaded through a null object).
   */
  private async statesIn(
    ctx: XlContext,
    names: string[],
    onlyPresent: boolean,
  ): Promise<Map<string, SheetState & { options: ProtectionOptions }>> {
    let wanted = [...new Set(names)];
    if (onlyPresent) {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const present = new Set(sheets.items.map((s) => s.name));
      wanted = wanted.filter((n) => present.has(n));
    }
    const probes = wanted.map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.protection.load('protected,options');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount,columnIndex,columnCount');
      return { name, ws, used };
    });
    if (probes.length > 0) await ctx.sync();
    return new Map(
      probes.map((p) => {
        const isProtected = p.ws.protection.protected;
        const options = (isProtected ? p.ws.protection.options : undefined) ?? {};
        return [
          p.name,
          {
            name: p.name,
            protected: isProtected,
            formatsAllowed: isProtected && !!options.allowFormatCells,
            options,
            lastRow: p.used.isNullObject ? 0 : p.used.rowIndex + p.used.rowCount,
            lastCol: p.used.isNullObject ? 0 : p.used.columnIndex + p.used.columnCount,
          },
        ];
      }),
    );
  }

  /** Blanks of a rectangle (from 0-based `row`), as a block. */
  private static blank(row: number, rows: number, cols: number): Block {
    return {
      at: formatAddress({ row, col: 0, lastRow: row, lastCol: 0 }),
      values: Array.from({ length: rows }, () => Array(cols).fill(null)),
    };
  }

  rewriteSheet(sheet: SheetPlan): Promise<void> {
    return this.writeBlocks([
      { sheet: sheet.name, blocks: sheet.blocks, clearAll: true, protect: sheet.protect ? {} : false },
    ]);
  }

  writeBlocks(list: BlockWrite[]): Promise<void> {
    return this.o.run(async (ctx) => {
      // Sheets to create are new (the caller has looked): only the others are probed.
      const states = await this.statesIn(
        ctx,
        list.filter((w) => w.create === undefined).map((w) => w.sheet),
        false,
      );
      const writes: Write[] = [];
      const created = new Set<string>();
      for (const w of list) {
        let state = states.get(w.sheet);
        if (w.create !== undefined && !created.has(w.sheet)) {
          writes.push({
            sheet: null,
            bytes: 200,
            apply: (_ws, c) => void c.workbook.worksheets.add(w.sheet),
          });
          created.add(w.sheet);
        }
        state ??= {
          name: w.sheet,
          protected: false,
          formatsAllowed: false,
          options: {},
          lastRow: 0,
          lastCol: 0,
        };
        const blocks: Block[] = [];
        if (w.clearAll && state.lastRow > 0 && state.lastCol > 0)
          blocks.push(OfficePort.blank(0, state.lastRow, state.lastCol));
        blocks.push(...w.blocks);
        if (w.clearFromRow !== undefined && state.lastRow >= w.clearFromRow)
          blocks.push(
            OfficePort.blank(
              w.clearFromRow - 1,
              state.lastRow - w.clearFromRow + 1,
              Math.max(1, state.lastCol),
            ),
          );
        const own = blocks.flatMap((b) => blockWrites(w.sheet, b, this.pieceBytes));
        for (const c of w.columns ?? [])
          if (c.width !== undefined)
            own.push({
              sheet: w.sheet,
              bytes: 200,
              apply: (ws) =>
                void (ws!.getRange(`${c.col}:${c.col}`).format.columnWidth = charsToPoints(c.width!)),
            });
        // Fills alone need no unprotect where the protection allows formatting cells (a signed sheet does).
        const formatsOnly =
          (w.columns ?? []).length === 0 && blocks.every((b) => !b.values && !b.formulas && isFormat(b));
        const needsUnprotect = own.length > 0 && !(state.formatsAllowed && formatsOnly);
        const unprotect = state.protected && (needsUnprotect || w.protect !== undefined);
        const password = w.password || undefined;
        if (unprotect)
          writes.push({ sheet: w.sheet, bytes: 200, apply: (ws) => ws!.protection.unprotect(password) });
        writes.push(...own);
        const options = w.protect === undefined ? (unprotect ? state.options : null) : w.protect || null;
        if (options && (unprotect || !state.protected))
          writes.push({
            sheet: w.sheet,
            bytes: 300,
            apply: (ws) =>
              ws!.protection.protect(
                Object.keys(options).length > 0 ? (options as Record<string, boolean>) : undefined,
                password,
              ),
          });
        if (created.has(w.sheet) && w.create && w.create !== 'visible') {
          const v = w.create === 'hidden' ? 'Hidden' : 'VeryHidden';
          writes.push({ sheet: w.sheet, bytes: 200, apply: (ws) => void (ws!.visibility = v) });
        }
      }
      await this.applyWrites(ctx, writes);
    });
  }

  sheetOps(ops: SheetOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    return this.o.run(async (ctx) => {
      // Tables to rename are looked up first (one sync), so that absent ones are skipped.
      const tables = new Map<SheetOp, { isNullObject: boolean }>();
      for (const o of ops)
        if (o.op === 'renameTable') {
          const t = ctx.workbook.worksheets.getItem(o.sheet).tables.getItemOrNullObject(o.from);
          t.load('name');
          tables.set(o, t);
        }
      if (tables.size > 0) await ctx.sync();
      const live = ops.filter((o) => !tables.get(o)?.isNullObject);
      await this.applyWrites(ctx, opWrites(live));
    });
  }
}

/** A style-only block that changes nothing protection keeps (fills, fonts, borders; not locking). */
function isFormat(b: Block): boolean {
  return b.style !== undefined && b.style.locked === undefined;
}

/** The writes of sheet operations (tables to rename must exist). */
function opWrites(ops: SheetOp[]): Write[] {
  return ops.map((o): Write => {
    switch (o.op) {
      case 'renameTable':
        return {
          sheet: o.sheet,
          bytes: 200,
          apply: (ws) => void (ws!.tables.getItemOrNullObject(o.from).name = o.to),
        };
      case 'rename':
        return { sheet: o.from, bytes: 200, deletesSheet: true, apply: (ws) => void (ws!.name = o.to) };
      case 'delete':
        return { sheet: o.sheet, bytes: 200, deletesSheet: true, apply: (ws) => ws!.delete() };
      case 'deleteName':
        return {
          sheet: null,
          bytes: 200,
          apply: (_ws, c) => c.workbook.names.getItemOrNullObject(o.name).delete(),
        };
      case 'addName':
        return {
          sheet: null,
          bytes: 200 + o.name.refersTo.length,
          apply: (_ws, c) => void c.workbook.names.add(o.name.name, `=${o.name.refersTo.replace(/^=/, '')}`),
        };
      case 'select':
        return { sheet: o.sheet, bytes: 200, apply: (ws) => ws!.getRange(o.cell).select() };
    }
  });
}
