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
import type { Lang, RateeInfo, Results, RowResult } from '../../core/types';
import { summarySheetPlan } from '../../workbook/build';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import { installBook, readBookContent, writeAnalysisSheet } from '../../workbook/operations';
import { readStore, type Stored } from '../../workbook/store';
import { DIGESTS_SHEET, type SignoffRecord } from '../../core/signoff';
import { PRINT_SHEET, printSheetPlan, summaryPrintColumns } from '../../workbook/print';
import { REPORT_SHEET, reviewReportPlan } from '../../workbook/report';
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
import { formatAddress, parseAddress } from './a1';
import { OfficePort } from './port';
import { blockWrites, charsToPoints, sheetsWrites, type Features, type Write } from './writes';
import type { XlContext, XlDocument, XlIsSetSupported, XlRun } from './xl';

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

/** Sheet protection while signed: contents locked; formatting, column widths and filters allowed. */
const SIGNED_PROTECTION = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
};

export class OfficeHost implements WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** What the last install left out because this Excel lacks the API (e.g. print settings). */
  degraded: string[] = [];
  private readonly batchBytes: number;

  /** The grid port the workbook operations run on. */
  readonly port: OfficePort;

  constructor(private readonly o: OfficeHostOptions) {
    this.kind = o.kind ?? 'excel';
    this.batchBytes = o.batchBytes ?? 4 * 1024 * 1024;
    this.port = new OfficePort({
      run: o.run,
      features: () => this.features(),
      batchBytes: this.batchBytes,
      readBytes: o.readBytes ?? 2 * 1024 * 1024,
    });
  }

  /** APIs beyond the manifest's ExcelApi 1.7, detected at run time. */
  features(): Features {
    return {
      dataValidation: this.o.isSetSupported('ExcelApi', '1.8'),
      pageLayout: this.o.isSetSupported('ExcelApi', '1.9'),
    };
  }

  /** One sync: the stored template and layout; a one-line error when there is none. */
  private async stored(ctx: XlContext, fresh = false): Promise<Stored> {
    const store = ctx.workbook.worksheets.getItemOrNullObject(TEMPLATE_SHEET).getUsedRangeOrNullObject(true);
    store.load('values');
    const app = ctx.workbook.application;
    if (fresh) app.load('calculationMode');
    await ctx.sync();
    // Values about to be read and signed must be current: in Manual mode nothing is recalculated
    // until asked (and our writes suspend calculation), so a recalculation goes with the next sync.
    if (fresh && app.calculationMode === 'Manual') app.calculate('Full');
    if (store.isNullObject)
      throw new NotInstalledError(
        `this workbook has no Duanping installation (no ${TEMPLATE_SHEET} sheet): install a template first`,
      );
    return readStore(store.values);
  }

  async findInstallation(): Promise<Installation | null> {
    const info = await this.port.info();
    if (!info.stored) return null;
    const present = new Set(info.sheets.map((s) => s.name));
    return {
      templateId: info.stored.template.id,
      sheets: Object.values(info.stored.layout.sheetNames).filter((n) => present.has(n)),
    };
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
    this.degraded = [];
    const features = this.features();
    if (!features.dataValidation) this.degraded.push('data validation (needs ExcelApi 1.8)');
    if (!features.pageLayout) this.degraded.push('print settings (needs ExcelApi 1.9)');
    const { report } = await installBook(this.port, { ...options, lang: this.o.lang }, progress);
    return report;
  }

  async readContent(): Promise<WorkbookContent> {
    const read = await readBookContent(this.port);
    return { ...read.content, outsideFormulas: read.outsideFormulas };
  }

  async writeAnalysis(results: Results): Promise<void> {
    await writeAnalysisSheet(this.port, results);
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
    ws.protection.load('protected,options');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount,columnIndex,columnCount');
    await ctx.sync();
    return {
      protected: ws.protection.protected,
      /** The protection lets cell formats change (a signed sheet does): no unprotect needed, nor its password. */
      formatsAllowed: ws.protection.protected && !!ws.protection.options?.allowFormatCells,
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
      await this.port.applyWrites(ctx, this.guarded(l.sheet, ws.protection.protected, writes));
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

  async selectRows(sheet: string, rows: number[]): Promise<void> {
    const bad = rows.find((r) => !Number.isInteger(r) || r < 1);
    if (bad !== undefined) throw new InputError(`row numbers start at 1 (found ${bad})`);
    if (rows.length === 0) return;
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let last = sorted[0];
    while (sorted.includes(last + 1)) last++;
    return this.o.run(async (ctx) => {
      // Range.select shows the range's sheet (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member(1)).
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${sorted[0]}:${last}`).select();
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
      await this.port.applyWrites(ctx, this.guarded(sheet, state.protected && !state.formatsAllowed, writes));
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
      const stored = await this.stored(ctx, true);
      const l = stored.layout;
      const grids = await this.port.readGridsIn(ctx, [
        l.entry.sheet,
        l.adjustments.sheet,
        l.lists.sheet,
        ...(l.tally ? [l.tally.sheet] : []),
        l.sheetNames.indicators,
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
      await this.port.applyWrites(ctx, writes);
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
      const stored = await this.stored(ctx, true);
      const l = stored.layout;
      const signoff = l.sheetNames.signoff;
      const grids = await this.port.readGridsIn(ctx, [l.summary.sheet, signoff, DIGESTS_SHEET]);
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
      await this.port.applyWrites(ctx, writes);
      return plan.name;
    });
  }

  /**
   * Writes the printable 评委分析 report (src/workbook/report.ts) from computed results, replacing
   * an older one, and shows it; returns its name. Nothing a clerk typed is touched.
   */
  async writeReviewReport(results: Results, rows: RowResult[]): Promise<string> {
    return this.o.run(async (ctx) => {
      const probe = (name: string) => ctx.workbook.worksheets.getItemOrNullObject(name);
      const olds = { zh: probe(REPORT_SHEET.zh), en: probe(REPORT_SHEET.en) };
      const stored = await this.stored(ctx);
      const plan = reviewReportPlan({ template: stored.template, results, rows, lang: stored.lang });
      const writes: Write[] = [];
      if (!olds[stored.lang].isNullObject)
        writes.push({ sheet: plan.name, bytes: 200, deletesSheet: true, apply: (ws) => ws!.delete() });
      writes.push(...sheetsWrites([plan], { features: this.features(), pieceBytes: this.batchBytes / 2 }));
      writes.push({ sheet: plan.name, bytes: 200, apply: (ws) => ws!.activate() });
      await this.port.applyWrites(ctx, writes);
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
