/**
 * A strict fake of the Excel JavaScript API subset the Office adapter uses (../office/xl.ts), in
 * pure TypeScript with no Node imports, for unit tests, the benchmark and the browser preview.
 *
 *   const excel = createFakeExcel({ sheets: ['Sheet1'] });
 *   const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
 *   excel.stats.roundTrips; excel.book.sheetOrThrow('汇总').value('H5');
 *
 * Strict as Excel is: properties are unusable before `load` + `sync` (PropertyNotLoaded), writes
 * are queued and applied by `sync`, shapes and names are checked, protect/unprotect throw when
 * the sheet is already in that state, edits to protected sheets are refused, requests above
 * 5 MB (Excel on the web) are refused, APIs above `apiVersion` fail with ApiNotFound.
 *
 * It does NOT evaluate formulas: a formula cell reads as `#CALC!` until the optional
 * `calculate(book)` hook gives it a value (`book.sheetOrThrow(name).setComputed('H5', 91.5)`).
 * The hook runs after every sync that changed cells (and before a load of values in a batch
 * that did not suspend calculation). The preview uses it to show engine results.
 */
import type { XlContext, XlIsSetSupported, XlRun } from '../../hosts/office/xl';
import type { FakeHost, SyncRecord } from './client';
import { FakeContext } from './client';
import { FakeBook } from './model';

export { FakeBook, FakeSheet, UNCALCULATED, listItems } from './model';
export type { FakeCell, FakeCellStyle } from './model';
export { FakeOfficeError } from './errors';
export type { SyncRecord } from './client';

export interface FakeExcelOptions {
  /** Sheets of the new workbook (default `['Sheet1']`). */
  sheets?: string[];
  /** Highest ExcelApi 1.x supported (default '1.9'); newer APIs fail with ApiNotFound. */
  apiVersion?: string;
  /** Request limit in bytes (default 5 MB, as Excel on the web). */
  maxRequestBytes?: number;
  /** Response limit in bytes (default 5 MB). */
  maxResponseBytes?: number;
  /** Fills formula cells with values; the fake never evaluates formulas itself. */
  calculate?: (book: FakeBook) => void;
}

/** Round trips and payload, overall and per sync. */
export class FakeStats {
  readonly syncs: SyncRecord[] = [];
  /** Batches whose statements were still queued when the batch returned (Excel.run flushed them). */
  autoFlushes = 0;
  calculations = 0;

  get roundTrips(): number {
    return this.syncs.length;
  }
  get requestBytes(): number {
    return this.syncs.reduce((a, s) => a + s.requestBytes, 0);
  }
  get responseBytes(): number {
    return this.syncs.reduce((a, s) => a + s.responseBytes, 0);
  }
  get maxRequestBytes(): number {
    return this.syncs.reduce((a, s) => Math.max(a, s.requestBytes), 0);
  }

  reset(): void {
    this.syncs.length = 0;
    this.autoFlushes = 0;
    this.calculations = 0;
  }
}

export interface FakeExcel {
  readonly book: FakeBook;
  readonly stats: FakeStats;
  /** `Excel.run` against this workbook. */
  readonly run: XlRun;
  /** `Office.context.requirements.isSetSupported` for this fake's `apiVersion`. */
  readonly isSetSupported: XlIsSetSupported;
  /** Replaces the calculate hook (the preview installs it once the engine is loaded). */
  setCalculate(fn: ((book: FakeBook) => void) | undefined): void;
}

/** Compares `1.10` > `1.9` numerically. */
function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const apiVersion = options.apiVersion ?? '1.9';
  if (!/^1\.\d+$/.test(apiVersion)) throw new Error(`apiVersion must look like 1.9 (found "${apiVersion}")`);
  const book = new FakeBook(options.sheets);
  const stats = new FakeStats();
  let calculate = options.calculate;
  const host: FakeHost = {
    book,
    maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
    maxResponseBytes: options.maxResponseBytes ?? 5 * 1024 * 1024,
    supports: (v) => versionAtLeast(apiVersion, v),
    recordSync: (r) => stats.syncs.push(r),
    calculate: () => {
      if (!calculate) return;
      stats.calculations++;
      calculate(book);
    },
  };
  const run: XlRun = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(host);
    try {
      const result = await batch(ctx as unknown as XlContext);
      if (ctx.pending > 0) {
        stats.autoFlushes++;
        await ctx.sync();
      }
      return result;
    } finally {
      ctx.closed = true;
    }
  };
  return {
    book,
    stats,
    run,
    isSetSupported: (name, version) => name === 'ExcelApi' && versionAtLeast(apiVersion, version),
    setCalculate: (fn) => {
      calculate = fn;
    },
  };
}
