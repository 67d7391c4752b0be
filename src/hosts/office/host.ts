/**
 * The Office adapter: the task pane's `WorkbookHost` over the Excel JavaScript API.
 *
 * Round trips per operation are bounded and do not grow with the data, apart from one per chunk
 * of a big write or read:
 *   findInstallation, sheetNames, selectCell: 1
 *   install: 1 probe (+ 2 reads of the old entries for an upgrade) + 1 per write batch
 *   readContent: 1 (stored template) + 1 (sheet sizes) + 1 per read chunk
 *   writeAnalysis, highlightRows: 1 or 2 reads + 1 per write batch
 * Write batches stay below the 5 MB request limit of Excel on the web and suspend calculation
 * until their sync; reads are cut to stay below the response limit. Protection is read before
 * protect/unprotect (both throw when the sheet is already in that state). Errors from Excel are
 * never caught here: they reach the caller with Excel's own code and message.
 */
import { InputError, NotInstalledError } from '../../core/errors';
import { columnIndex, columnLetter } from '../../core/address';
import type { Lang, RateeInfo, Results } from '../../core/types';
import { buildPlan, summarySheetPlan } from '../../workbook/build';
import { SHEET_NAMES } from '../../workbook/names';
import type { Block, SheetKey } from '../../workbook/plan';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import { readContentFromGrids, type Grids } from '../../workbook/read';
import { readStore, type Stored } from '../../workbook/store';
import { DIGESTS_SHEET, type SignoffRecord } from '../../core/signoff';
import { PRINT_SHEET, printSheetPlan, summaryPrintColumns } from '../../workbook/print';
import {
  digestsBlock,
  readResults,
  readSignoffBook,
  readSignoffRecords,
  sheetValue,
  signoffSheetWrite,
  type SignoffBook,
  type SignoffStore,
  type SignoffWriteOptions,
} from '../../workbook/signoff';
import type {
  CellWrite,
  ExportFile,
  FileKind,
  InstallOptions,
  InstallReport,
  Installation,
  Progress,
  SaveOutcome,
  WorkbookContent,
  WorkbookHost,
} from '../types';
import { readDocumentFile } from './file';
import { formatAddress, parseAddress, type Rect } from './a1';
import { analysisRows } from './analysis';
import {
  applyBatch,
  blockWrites,
  charsToPoints,
  packBatches,
  planWrites,
  sheetsWrites,
  type Features,
  type Write,
} from './writes';
import { rawGrid, type XlValueType } from './values';
import type { XlContext, XlDocument, XlIsSetSupported, XlRun, XlWorksheet } from './xl';

export interface OfficeHostOptions {
  /** `Excel.run` (./excel-run.ts) or the fake's `run`. */
  run: XlRun;
  isSetSupported: XlIsSetSupported;
  /** `Office.context.document` (file API) and which file types this host gives; none: no exports. */
  document?: XlDocument;
  fileTypes?: { compressed: boolean; pdf: boolean };
  /** Hands an exported file to the user (Excel: a new workbook window or a download). */
  saveFile?: (file: ExportFile) => Promise<SaveOutcome>;
  kind?: 'excel' | 'preview';
  /** Language of a new installation's sheets (an upgrade keeps the installed language). */
  lang?: Lang;
  /** Request budget of one write sync in bytes (default 4 MB, below Excel on the web's 5 MB). */
  batchBytes?: number;
  /** Response budget of one read sync in bytes (default 2 MB). */
  readBytes?: number;
}

/** Estimated response bytes per cell read (value + value type). */
const READ_BYTES_PER_CELL = 48;
/** Rows of the analysis and entry sheets start below the hint row and the header row. */
const FIRST_DATA_ROW = 3;
/** Sheet protection while signed: contents locked; formatting, column widths and filters allowed. */
const SIGNED_PROTECTION = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
};

interface SheetInfo {
  name: string;
  visibility: string;
}

interface Probe {
  sheets: SheetInfo[];
  names: string[];
  stored: Stored | null;
}

/** A free name `Name (2)`, `Name (3)`, … of at most 31 characters. */
function freeName(name: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export class OfficeHost implements WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** What the last install left out because this Excel lacks the API (e.g. print settings). */
  degraded: string[] = [];
  private readonly batchBytes: number;
  private readonly readBytes: number;

  constructor(private readonly o: OfficeHostOptions) {
    this.kind = o.kind ?? 'excel';
    this.batchBytes = o.batchBytes ?? 4 * 1024 * 1024;
    this.readBytes = o.readBytes ?? 2 * 1024 * 1024;
  }

  /** APIs beyond the manifest's ExcelApi 1.7, detected at run time. */
  features(): Features {
    return {
      dataValidation: this.o.isSetSupported('ExcelApi', '1.8'),
      pageLayout: this.o.isSetSupported('ExcelApi', '1.9'),
    };
  }

  /** One sync: sheet names and visibility, defined names, and the stored installation if any. */
  private async probe(ctx: XlContext): Promise<Probe> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const names = ctx.workbook.names;
    names.load('items/name');
    const store = ctx.workbook.worksheets.getItemOrNullObject(TEMPLATE_SHEET).getUsedRangeOrNullObject(true);
    store.load('values');
    await ctx.sync();
    return {
      sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
      names: names.items.map((n) => n.name),
      stored: store.isNullObject ? null : readStore(store.values),
    };
  }

  /** One sync: the stored template and layout; a one-line error when there is none. */
  private async stored(ctx: XlContext): Promise<Stored> {
    const store = ctx.workbook.worksheets.getItemOrNullObject(TEMPLATE_SHEET).getUsedRangeOrNullObject(true);
    store.load('values');
    await ctx.sync();
    if (store.isNullObject)
      throw new NotInstalledError(
        `this workbook has no Duanping installation (no ${TEMPLATE_SHEET} sheet): install a template first`,
      );
    return readStore(store.values);
  }

  /**
   * Grids (from A1) of the named sheets: one sync for their used ranges, then one per read chunk.
   * Missing sheets are left out (the reader then names them).
   */
  private async readGrids(ctx: XlContext, sheetNames: string[]): Promise<Grids> {
    const probes = sheetNames.map((name) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { name, ws, used };
    });
    await ctx.sync();
    const grids: Grids = {};
    const pieces: { name: string; ws: XlWorksheet; rect: Rect }[] = [];
    for (const p of probes) {
      if (p.ws.isNullObject) continue;
      grids[p.name] = [];
      if (p.used.isNullObject) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = p.used;
      const step = Math.max(1, Math.floor(this.readBytes / (columnCount * READ_BYTES_PER_CELL)));
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
      if (bytes > 0 && bytes + cells * READ_BYTES_PER_CELL > this.readBytes) await flush();
      const range = piece.ws.getRange(formatAddress(piece.rect));
      range.load('values,valueTypes');
      pending.push({ piece, range });
      bytes += cells * READ_BYTES_PER_CELL;
    }
    await flush();
    for (const g of Object.values(grids)) for (let i = 0; i < g.length; i++) g[i] ??= [];
    return grids;
  }

  /** Applies writes in batches below the request budget: one sync each. */
  private async applyWrites(
    ctx: XlContext,
    writes: Write[],
    progress?: Progress,
    step = 'write',
  ): Promise<void> {
    const batches = packBatches(writes, this.batchBytes);
    for (let i = 0; i < batches.length; i++) {
      applyBatch(ctx, batches[i]);
      await ctx.sync();
      progress?.(step, i + 1, batches.length);
    }
  }

  async findInstallation(): Promise<Installation | null> {
    return this.o.run(async (ctx) => {
      const p = await this.probe(ctx);
      if (!p.stored) return null;
      const present = new Set(p.sheets.map((s) => s.name));
      return {
        templateId: p.stored.template.id,
        sheets: Object.values(p.stored.layout.sheetNames).filter((n) => present.has(n)),
      };
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.o.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async install(options: InstallOptions, progress?: Progress): Promise<InstallReport> {
    return this.o.run(async (ctx) => {
      progress?.('probe', 0, 1);
      const p = await this.probe(ctx);
      const lang: Lang = p.stored?.lang ?? this.o.lang ?? 'zh';
      const defaults = SHEET_NAMES[lang];
      const taken = new Set(p.sheets.map((s) => s.name.toLowerCase()));
      const clash = Object.values(defaults).filter((n) => taken.has(n.toLowerCase()));
      if (clash.length > 0 && !options.onClash)
        throw new InputError(
          `the workbook already has the sheets ${clash.join(', ')}: choose "upgrade" (keep the entries) or "rename" (install beside them)`,
        );

      const sheetNames: Partial<Record<SheetKey, string>> = {};
      const renamed: Record<string, string> = {};
      const toDelete: string[] = [];
      const keep = new Set<string>();
      let kept: WorkbookContent | null = null;
      if (clash.length > 0 && options.onClash === 'upgrade') {
        if (!p.stored)
          throw new InputError(
            `the sheets ${clash.join(', ')} hold no Duanping installation (no ${TEMPLATE_SHEET} sheet), so there is nothing to upgrade: choose "rename"`,
          );
        const old = p.stored.layout;
        Object.assign(sheetNames, old.sheetNames);
        progress?.('read', 0, 1);
        const grids = await this.readGrids(ctx, [old.entry.sheet, old.adjustments.sheet, old.lists.sheet]);
        kept = readContentFromGrids(p.stored.template, old, grids).content;
        const present = new Set(p.sheets.map((s) => s.name));
        // Sign-offs stay as recorded; every other sheet of the old installation is rebuilt.
        if (present.has(old.sheetNames.signoff)) keep.add(old.sheetNames.signoff);
        for (const n of new Set(Object.values(old.sheetNames)))
          if (present.has(n) && !keep.has(n)) toDelete.push(n);
      } else if (clash.length > 0) {
        if (p.stored)
          throw new InputError(
            `the workbook already holds a Duanping installation (${TEMPLATE_SHEET}): choose "upgrade"`,
          );
        for (const [key, name] of Object.entries(defaults) as [SheetKey, string][]) {
          if (name === TEMPLATE_SHEET || !taken.has(name.toLowerCase())) continue;
          const fresh = freeName(name, taken);
          taken.add(fresh.toLowerCase());
          sheetNames[key] = fresh;
          renamed[name] = fresh;
        }
      }

      const plan = buildPlan({
        template: options.template,
        lang,
        ratees: options.ratees ?? kept?.ratees,
        raters: options.raters ?? kept?.raters,
        entries: kept?.entries,
        adjustments: kept?.adjustments,
        sheetNames,
      });
      this.degraded = [];
      const features = this.features();
      if (!features.dataValidation) this.degraded.push('data validation (needs ExcelApi 1.8)');
      if (!features.pageLayout) this.degraded.push('print settings (needs ExcelApi 1.9)');

      const writes: Write[] = [];
      // Excel keeps at least one visible sheet: hold one while the old ones go.
      const deleting = new Set(toDelete.map((n) => n.toLowerCase()));
      const remainsVisible = p.sheets.some(
        (s) => s.visibility === 'Visible' && !deleting.has(s.name.toLowerCase()),
      );
      const holder = remainsVisible ? null : freeName('Duanping', taken);
      if (holder)
        writes.push({ sheet: null, bytes: 200, apply: (_ws, c) => void c.workbook.worksheets.add(holder) });
      const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
      for (const n of p.names)
        if (planNames.has(n.toLowerCase()))
          writes.push({
            sheet: null,
            bytes: 200,
            apply: (_ws, c) => c.workbook.names.getItemOrNullObject(n).delete(),
          });
      for (const n of toDelete)
        writes.push({ sheet: n, bytes: 200, deletesSheet: true, apply: (ws) => ws!.delete() });
      writes.push(...planWrites(plan, { features, pieceBytes: this.batchBytes / 2, skipSheets: keep }));
      const entry = plan.layout.entry;
      writes.push({
        sheet: entry.sheet,
        bytes: 200,
        apply: (ws) => ws!.getRange(`${entry.sourceCol}${entry.firstRow}`).select(),
      });
      if (holder) writes.push({ sheet: holder, bytes: 200, deletesSheet: true, apply: (ws) => ws!.delete() });
      await this.applyWrites(ctx, writes, progress);
      return {
        sheets: plan.sheets.filter((s) => !keep.has(s.name)).map((s) => s.name),
        renamed,
        keptEntries: kept?.entries.length ?? 0,
      };
    });
  }

  async readContent(): Promise<WorkbookContent> {
    return this.o.run(async (ctx) => {
      const stored = await this.stored(ctx);
      const l = stored.layout;
      const grids = await this.readGrids(ctx, [l.entry.sheet, l.adjustments.sheet, l.lists.sheet]);
      const read = readContentFromGrids(stored.template, l, grids);
      return { ...read.content, outsideFormulas: read.outsideFormulas };
    });
  }

  async writeCells(cells: CellWrite[]): Promise<CellWrite[]> {
    const parsed = cells.map((c) => {
      const p = parseAddress(c.where);
      if (!p || p.sheet === undefined || p.row !== p.lastRow || p.col !== p.lastCol)
        throw new InputError(`"${c.where}" is not one cell like 评分录入!F12`);
      return { sheet: p.sheet, address: formatAddress(p), value: c.value };
    });
    if (parsed.length === 0) return [];
    return this.o.run(async (ctx) => {
      const sheets = [...new Set(parsed.map((c) => c.sheet))];
      const protections = sheets.map((n) => {
        const p = ctx.workbook.worksheets.getItem(n).protection;
        p.load('protected');
        return p;
      });
      const ranges = parsed.map((c) => {
        const r = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address);
        r.load('values');
        return r;
      });
      await ctx.sync();
      const locked = sheets.find((_, i) => protections[i].protected);
      if (locked) throw new InputError(`the sheet ${locked} is protected (signed off): nothing was changed`);
      const previous = cells.map((c, i) => {
        const v = ranges[i].values[0][0] as string | number | boolean;
        return { where: c.where, value: v === '' ? null : v };
      });
      parsed.forEach((c, i) => (ranges[i].values = [[c.value ?? '']]));
      await ctx.sync();
      return previous;
    });
  }

  /** Loads a sheet's protection state and used size (one sync), for rewrites of that sheet. */
  private async sheetState(ctx: XlContext, name: string) {
    const ws = ctx.workbook.worksheets.getItem(name);
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount,columnIndex,columnCount');
    await ctx.sync();
    return {
      protected: ws.protection.protected,
      lastRow: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
      lastCol: used.isNullObject ? 0 : used.columnIndex + used.columnCount,
    };
  }

  /** Wraps writes to a sheet in unprotect/protect when (and only when) it is protected. */
  private guarded(sheet: string, isProtected: boolean, writes: Write[]): Write[] {
    if (!isProtected) return writes;
    return [
      { sheet, bytes: 200, apply: (ws) => ws!.protection.unprotect() },
      ...writes,
      { sheet, bytes: 200, apply: (ws) => ws!.protection.protect() },
    ];
  }

  async writeAnalysis(results: Results): Promise<void> {
    return this.o.run(async (ctx) => {
      const stored = await this.stored(ctx);
      const sheet = stored.layout.sheetNames.analysis;
      const state = await this.sheetState(ctx, sheet);
      const rows = analysisRows(results, stored.lang);
      const blocks: Block[] = [];
      if (rows.length > 0) blocks.push({ at: `A${FIRST_DATA_ROW}`, values: rows });
      const width = Math.max(6, state.lastCol);
      const staleFrom = FIRST_DATA_ROW + rows.length;
      if (state.lastRow >= staleFrom)
        blocks.push({
          at: `A${staleFrom}`,
          values: Array.from({ length: state.lastRow - staleFrom + 1 }, () => Array(width).fill(null)),
        });
      const writes = blocks.flatMap((b) => blockWrites(sheet, b, this.batchBytes / 2));
      if (writes.length === 0) return;
      // A batch that only unprotects or only protects would still work, but the writes between
      // them must not run on a protected sheet: the guard keeps them in order.
      await this.applyWrites(ctx, this.guarded(sheet, state.protected, writes));
    });
  }

  async fillRateeList(ratees: RateeInfo[]): Promise<void> {
    if (ratees.length === 0) return;
    return this.o.run(async (ctx) => {
      const stored = await this.stored(ctx);
      const l = stored.layout.lists;
      if (ratees.length > l.lastRow - l.firstRow + 1)
        throw new InputError(
          `${l.sheet} has room for ${l.lastRow - l.firstRow + 1} ratees below its header, not ${ratees.length}: upgrade the installation with the ratee list instead`,
        );
      const ws = ctx.workbook.worksheets.getItem(l.sheet);
      const cols = [l.rateeIdCol, l.rateeNameCol, l.rateeGroupCol];
      const first = Math.min(...cols.map(columnIndex));
      const last = Math.max(...cols.map(columnIndex));
      const target = ws.getRange(
        formatAddress({ row: l.firstRow - 1, col: first, lastRow: l.lastRow - 1, lastCol: last }),
      );
      target.load('values');
      ws.protection.load('protected');
      await ctx.sync();
      const taken = target.values.findIndex((row) => row.some((v) => v !== '' && v !== null));
      if (taken >= 0)
        throw new InputError(
          `${l.sheet} row ${l.firstRow + taken} already holds a ratee: the list is left as it is`,
        );
      const values = ratees.map((r) => {
        const row: (string | null)[] = Array(last - first + 1).fill(null);
        row[columnIndex(l.rateeIdCol) - first] = r.id;
        row[columnIndex(l.rateeNameCol) - first] = r.name ?? null;
        row[columnIndex(l.rateeGroupCol) - first] = r.group ?? null;
        return row;
      });
      const writes = blockWrites(
        l.sheet,
        { at: `${columnLetter(first)}${l.firstRow}`, values, style: { numFmt: '@' } },
        this.batchBytes / 2,
      );
      await this.applyWrites(ctx, this.guarded(l.sheet, ws.protection.protected, writes));
    });
  }

  async selectCell(where: string): Promise<void> {
    const parsed = parseAddress(where);
    if (!parsed || parsed.sheet === undefined)
      throw new InputError(`"${where}" is not a cell like 评分录入!F12`);
    const sheet = parsed.sheet;
    return this.o.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(formatAddress(parsed)).select();
      await ctx.sync();
    });
  }

  async highlightRows(sheet: string, rows: number[], color: string | null): Promise<void> {
    if (color !== null && !/^#[0-9A-Fa-f]{6}$/.test(color))
      throw new InputError(`highlight colour must be #RRGGBB (found "${color}")`);
    const bad = rows.find((r) => !Number.isInteger(r) || r < 1);
    if (bad !== undefined) throw new InputError(`row numbers start at 1 (found ${bad})`);
    if (rows.length === 0) return;
    return this.o.run(async (ctx) => {
      const state = await this.sheetState(ctx, sheet);
      const lastCol = Math.max(1, state.lastCol) - 1;
      const sorted = [...new Set(rows)].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const r of sorted) {
        const last = runs[runs.length - 1];
        if (last && last[1] === r - 1) last[1] = r;
        else runs.push([r, r]);
      }
      const writes: Write[] = runs.map(([a, b]) => ({
        sheet,
        bytes: 200,
        apply: (ws) => {
          const fill = ws!.getRange(formatAddress({ row: a - 1, col: 0, lastRow: b - 1, lastCol })).format
            .fill;
          if (color === null) fill.clear();
          else fill.color = color;
        },
      }));
      await this.applyWrites(ctx, this.guarded(sheet, state.protected, writes));
    });
  }

  // ----- Sign-off and export (spec: ../shared/spec/signoff.md) -----

  /** The sign-off storage of the open workbook, for signBook / verifyBook / withdrawBook. */
  signoffStore(): SignoffStore {
    return {
      read: () => this.readSignoff(),
      write: (book, records, options) => this.writeSignoff(book, records, options),
    };
  }

  /** One sync for the stored installation, one for sheet sizes, one per read chunk. */
  private async readSignoff(): Promise<SignoffBook> {
    return this.o.run(async (ctx) => {
      const stored = await this.stored(ctx);
      const l = stored.layout;
      const grids = await this.readGrids(ctx, [
        l.entry.sheet,
        l.adjustments.sheet,
        l.lists.sheet,
        l.summary.sheet,
        l.sheetNames.signoff,
        DIGESTS_SHEET,
      ]);
      return readSignoffBook(stored, grids);
    });
  }

  /**
   * Writes the sign-off table and DP_Digests, then protects or unlocks the signed sheets:
   * two syncs to find the sheets and their protection, then one per write batch. The password
   * goes to Excel's protect/unprotect only; it is never written anywhere.
   */
  private async writeSignoff(
    book: SignoffBook,
    records: readonly SignoffRecord[],
    options: SignoffWriteOptions,
  ): Promise<void> {
    return this.o.run(async (ctx) => {
      const { entry, adjustments, summary, signoff } = book.sheets;
      const signed = [entry, adjustments, summary, signoff];
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const oldDigests = ctx.workbook.worksheets
        .getItemOrNullObject(DIGESTS_SHEET)
        .getUsedRangeOrNullObject(true);
      oldDigests.load('rowIndex,rowCount,columnIndex,columnCount');
      await ctx.sync();
      const present = new Set(sheets.items.map((s) => s.name));
      const missing = signed.filter((n) => n !== signoff && !present.has(n));
      if (missing.length > 0)
        throw new InputError(
          `the workbook has no sheet "${missing[0]}" (it was renamed or deleted): nothing was signed`,
        );
      const existing = signed.filter((n) => present.has(n));
      const protections = existing.map((n) => {
        const p = ctx.workbook.worksheets.getItem(n).protection;
        p.load('protected');
        return p;
      });
      await ctx.sync();
      const isProtected = new Map(existing.map((n, i) => [n, protections[i].protected]));
      const password = options.password ? options.password : undefined;
      const writes: Write[] = [];
      const piece = this.batchBytes / 2;

      // The sign-off table.
      if (!present.has(signoff))
        writes.push({ sheet: null, bytes: 200, apply: (_ws, c) => void c.workbook.worksheets.add(signoff) });
      if (isProtected.get(signoff))
        writes.push({ sheet: signoff, bytes: 200, apply: (ws) => ws!.protection.unprotect(password) });
      const table = signoffSheetWrite(records, book);
      for (const col of table.columns)
        writes.push({
          sheet: signoff,
          bytes: 200,
          apply: (ws) =>
            void (ws!.getRange(`${col.col}:${col.col}`).format.columnWidth = charsToPoints(col.width ?? 10)),
        });
      for (const b of table.blocks) writes.push(...blockWrites(signoff, b, piece));

      // DP_Digests, written over in place (very hidden), stale rows and columns cleared.
      const digests = digestsBlock(records);
      const newDigests = !present.has(DIGESTS_SHEET);
      if (newDigests)
        writes.push({
          sheet: null,
          bytes: 200,
          apply: (_ws, c) => void c.workbook.worksheets.add(DIGESTS_SHEET),
        });
      writes.push(...blockWrites(DIGESTS_SHEET, digests, piece));
      if (!oldDigests.isNullObject) {
        const rows = digests.values!.length;
        const cols = digests.values![0].length;
        const lastRow = oldDigests.rowIndex + oldDigests.rowCount;
        const lastCol = oldDigests.columnIndex + oldDigests.columnCount;
        const width = Math.max(cols, lastCol);
        if (lastRow > rows)
          writes.push(
            ...blockWrites(
              DIGESTS_SHEET,
              {
                at: `A${rows + 1}`,
                values: Array.from({ length: lastRow - rows }, () => Array(width).fill(null)),
              },
              piece,
            ),
          );
        if (lastCol > cols)
          writes.push(
            ...blockWrites(
              DIGESTS_SHEET,
              {
                at: formatAddress({ row: 0, col: cols, lastRow: 0, lastCol: cols }),
                values: Array.from({ length: rows }, () => Array(lastCol - cols).fill(null)),
              },
              piece,
            ),
          );
      }
      if (newDigests)
        writes.push({
          sheet: DIGESTS_SHEET,
          bytes: 200,
          apply: (ws) => void (ws!.visibility = 'VeryHidden'),
        });

      // Protection.
      const protect = (n: string): Write => ({
        sheet: n,
        bytes: 300,
        apply: (ws) => ws!.protection.protect(SIGNED_PROTECTION, password),
      });
      const lock = (locked: boolean) =>
        book.inputRanges.map((r): Write => ({
          sheet: r.sheet,
          bytes: 200,
          apply: (ws) => void (ws!.getRange(r.range).format.protection.locked = locked),
        }));
      if (options.protect) {
        // Input cells are unlocked for typing; locked first, or protection would not hold them.
        writes.push(...lock(true).filter((w) => !isProtected.get(w.sheet!)));
        for (const n of [entry, adjustments, summary]) if (!isProtected.get(n)) writes.push(protect(n));
        writes.push(protect(signoff));
      } else if (options.unlock) {
        for (const n of [entry, adjustments, summary])
          if (isProtected.get(n))
            writes.push({ sheet: n, bytes: 200, apply: (ws) => ws!.protection.unprotect(password) });
        writes.push(...lock(false));
      } else if (isProtected.get(signoff)) writes.push(protect(signoff));
      await this.applyWrites(ctx, writes);
    });
  }

  /**
   * Writes the print layout sheet (打印版 / Print) from the summary as it shows now and the
   * sign-offs, replacing an older one, and activates it. Returns the sheet name.
   * Syncs: stored (with the probe for an older print sheet), sizes, read chunks, write batches.
   */
  async writePrintLayout(): Promise<string> {
    return this.o.run(async (ctx) => {
      // An older print sheet (in either language: the installed one is not known yet) is probed
      // in the sync that reads the installation.
      const probe = (name: string) => ctx.workbook.worksheets.getItemOrNullObject(name);
      const olds = { zh: probe(PRINT_SHEET.zh), en: probe(PRINT_SHEET.en) };
      const stored = await this.stored(ctx);
      const l = stored.layout;
      const signoff = l.sheetNames.signoff;
      const grids = await this.readGrids(ctx, [l.summary.sheet, signoff, DIGESTS_SHEET]);
      const { records } = readSignoffRecords(grids[signoff], grids[DIGESTS_SHEET]);
      if (!records.ok) throw new InputError(records.message);
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
        lang: stored.lang,
        columns,
        rows,
        records: records.records,
      });
      const writes: Write[] = [];
      if (!olds[stored.lang].isNullObject)
        writes.push({ sheet: plan.name, bytes: 200, deletesSheet: true, apply: (ws) => ws!.delete() });
      writes.push(...sheetsWrites([plan], { features: this.features(), pieceBytes: this.batchBytes / 2 }));
      writes.push({ sheet: plan.name, bytes: 200, apply: (ws) => ws!.activate() });
      await this.applyWrites(ctx, writes);
      return plan.name;
    });
  }

  /** The file exports this Excel offers (`CompressedFile` / `PdfFile` requirement sets). */
  fileExports(): { copy: boolean; pdf: boolean } {
    const t = this.o.document ? this.o.fileTypes : undefined;
    return { copy: !!t?.compressed && !!this.o.saveFile, pdf: !!t?.pdf && !!this.o.saveFile };
  }

  /** The open workbook as a file: `xlsx` as Excel would save it now, `pdf` as Excel prints it. */
  async getFile(kind: FileKind): Promise<Uint8Array> {
    const can = this.fileExports();
    if (!this.o.document || !(kind === 'xlsx' ? can.copy : can.pdf))
      throw new InputError(
        kind === 'pdf'
          ? 'this Excel cannot make a PDF for add-ins (PdfFile): print the 打印版 sheet with File → Print → PDF instead'
          : 'this Excel cannot give the workbook file to add-ins (CompressedFile)',
      );
    return readDocumentFile(this.o.document, kind === 'xlsx' ? 'compressed' : 'pdf');
  }

  async saveFile(file: ExportFile): Promise<SaveOutcome> {
    if (!this.o.saveFile) throw new InputError('this host cannot save files');
    return this.o.saveFile(file);
  }
}
