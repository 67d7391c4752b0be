/**
 * The subset of the Excel JavaScript API that the Office adapter uses, as narrow interfaces.
 *
 * Both the real `Excel.RequestContext` (see ./excel-run.ts, where the compiler checks that it
 * satisfies `XlContext`) and the strict fake (src/testing/fake-excel/) implement these, so the adapter
 * cannot reach for an API the fake does not model. Names and semantics are Office.js's own:
 * properties must be `load`ed and `sync`ed before they are read; writes are queued and applied
 * on `sync`. Requirement sets are noted where they exceed the manifest's ExcelApi 1.7.
 */

/** A cell value as Office.js reads and writes it. */
export type XlValue = string | number | boolean | null;

export interface XlLoadable {
  /** Queues a load of the named properties (comma separated, `items/name` for collections). */
  load(properties: string): unknown;
}

export interface XlFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XlFill {
  color: string;
  clear(): void;
}

export type XlBorderIndex =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XlBorder {
  style: string;
  color: string;
}

export interface XlRangeFormat {
  font: XlFont;
  fill: XlFill;
  borders: { getItem(index: XlBorderIndex): XlBorder };
  protection: { locked: boolean };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** Points. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
}

/** ExcelApi 1.8. */
export interface XlDataValidation {
  rule: unknown;
  prompt: unknown;
  errorAlert: unknown;
  ignoreBlanks: boolean;
  clear(): void;
}

export interface XlConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
}

export interface XlRange extends XlLoadable {
  values: XlValue[][];
  formulas: XlValue[][];
  numberFormat: XlValue[][];
  /** `Empty`, `String`, `Double`, `Boolean`, `Error`, … per cell (read only). */
  readonly valueTypes: string[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  columnHidden: boolean;
  format: XlRangeFormat;
  dataValidation: XlDataValidation;
  conditionalFormats: { add(type: 'Custom'): XlConditionalFormat };
  merge(across?: boolean): void;
  select(): void;
}

export interface XlProtection extends XlLoadable {
  readonly protected: boolean;
  /** What the protection allows (ExcelApi 1.2): `allowFormatCells`, … */
  readonly options: { allowFormatCells?: boolean; allowFormatColumns?: boolean; allowFormatRows?: boolean };
  protect(options?: Record<string, boolean>, password?: string): void;
  unprotect(password?: string): void;
}

/** ExcelApi 1.9. */
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  headersFooters: { defaultForAllPages: { centerHeader: string; centerFooter: string; leftFooter: string } };
  setPrintTitleRows(rows: string): void;
  setPrintArea(area: string): void;
}

export interface XlWorksheet extends XlLoadable {
  name: string;
  visibility: string;
  tabColor: string;
  readonly isNullObject: boolean;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(frozen: XlRange | string): void;
    unfreeze(): void;
  };
  protection: XlProtection;
  tables: {
    add(address: string, hasHeaders: boolean): { name: string; style: string };
    getItemOrNullObject(name: string): XlLoadable & { name: string; readonly isNullObject: boolean };
  };
  pageLayout: XlPageLayout;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(name: string): XlWorksheet;
  getItemOrNullObject(name: string): XlWorksheet;
}

export interface XlNamedItem extends XlLoadable {
  readonly name: string;
  readonly formula: string;
  readonly isNullObject: boolean;
  getRange(): XlRange;
  delete(): void;
}

export interface XlNamedItemCollection extends XlLoadable {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlWorkbook {
  worksheets: XlWorksheetCollection;
  names: XlNamedItemCollection;
  application: XlLoadable & {
    /** `Automatic`, `AutomaticExceptTables` or `Manual` (ExcelApi 1.1 to read). */
    readonly calculationMode: string;
    calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void;
    suspendApiCalculationUntilNextSync(): void;
  };
}

export interface XlContext {
  workbook: XlWorkbook;
  sync(): Promise<void>;
}

/** `Excel.run`, narrowed: runs a batch against a fresh request context. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, narrowed to Excel's API sets. */
export type XlIsSetSupported = (name: 'ExcelApi', version: string) => boolean;

/** `Office.AsyncResult`, narrowed: `status` is `Office.AsyncResultStatus` ("succeeded" / "failed"). */
export interface XlAsyncResult<T> {
  status: string;
  value: T;
  error: { code: number; name: string; message: string };
}

/** One slice of a document file: `data` is a byte array (number[] in Office.js). */
export interface XlSlice {
  data: ArrayLike<number>;
  index: number;
  size: number;
}

/** `Office.File`, narrowed: read slice by slice, then close (only one file may be open at a time). */
export interface XlFile {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(sliceIndex: number, callback: (result: XlAsyncResult<XlSlice>) => void): void;
  closeAsync(callback?: (result: XlAsyncResult<void>) => void): void;
}

/**
 * `Office.context.document`, narrowed to the file API (Office's common API, not `Excel.run`):
 * `fileType` is `Office.FileType.Compressed` ("compressed", the .xlsx), the only one the pane reads.
 */
export interface XlDocument {
  getFileAsync(
    fileType: 'compressed',
    options: { sliceSize: number },
    callback: (result: XlAsyncResult<XlFile>) => void,
  ): void;
}

/** `Office.context.requirements.isSetSupported` for the common API set `CompressedFile`. */
export type XlIsCommonSetSupported = (name: 'CompressedFile') => boolean;
