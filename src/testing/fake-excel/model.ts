/**
 * The workbook behind the fake Excel API: plain data that the proxies of ./client.ts read and
 * change when a request is synced, and that tests inspect directly.
 *
 * The fake does NOT evaluate formulas. A formula cell reads as `#CALC!` (an Excel error value, so
 * nothing mistakes it for a number) until a `calculate` hook (see ./index.ts) gives it a value
 * with `FakeSheet.setComputed`. The preview fills the summary this way from the engine.
 */
import type { Rect } from '../../workbook/a1';
import { MAX_COLUMNS, formatAddress, parseAddress } from '../../workbook/a1';
import type { XlValue } from '../../hosts/office/xl';
import { FakeOfficeError } from './errors';

/** What an uncalculated formula cell reads as. */
export const UNCALCULATED = '#CALC!';

export interface FakeCellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Cells are locked unless set otherwise, as in Excel. */
  locked?: boolean;
}

/** Excel's error values: typed or written as text, Excel stores them as errors. */
import { ERROR_VALUES } from '../../core/cells';

export { ERROR_VALUES };

export interface FakeCell {
  /** The constant, or the last computed value of a formula (undefined: not computed yet). */
  value?: XlValue;
  formula?: string;
  /** The constant is an error value (`#N/A` typed without an apostrophe). */
  error?: boolean;
  numberFormat?: string;
  style?: FakeCellStyle;
}

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks: boolean;
}

/**
 * The items a text list rule offers in its drop-down: the source split on commas, as Excel does
 * whatever the locale (https://github.com/OfficeDev/office-js/issues/2128); null for a range source.
 */
export function listItems(v: FakeValidation): string[] | null {
  const list = v.rule.list as { source?: unknown } | undefined;
  if (!list || typeof list.source !== 'string' || list.source.startsWith('=')) return null;
  return list.source.split(',').map((x) => x.trim());
}

export interface FakeConditionalFormat {
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeTable {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  /** Calculated columns: column index → the formula of the first data row (./tables.ts). */
  calculated: Map<number, string>;
}

export interface FakeBorder {
  rect: Rect;
  edge: string;
  style: string;
  color?: string;
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: Record<string, number>;
  centerHeader?: string;
  centerFooter?: string;
  leftFooter?: string;
  centerHorizontally?: boolean;
  printTitleRows?: string;
  printArea?: string;
}

const key = (row: number, col: number) => row * MAX_COLUMNS + col;

/** One worksheet: its cells and everything set on it. */
export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  deleted = false;
  protected = false;
  /** Options of the current protection (`allowFormatCells`, …). */
  protectionOptions: Record<string, boolean> = {};
  freeze: { rows: number; columns: number } | null = null;
  readonly cells = new Map<number, FakeCell>();
  /** Column index → width in points. */
  readonly columnWidths = new Map<number, number>();
  /** Row index → height in points. */
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly merges: Rect[] = [];
  readonly borders: FakeBorder[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly tables: FakeTable[] = [];
  readonly pageLayout: FakePageLayout = {};

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  /** Every cell holding a formula. */
  cellsWithFormula(): FakeCell[] {
    return [...this.cells.values()].filter((c) => c.formula !== undefined);
  }

  /** The cell at 0-based coordinates, if anything was ever written to it. */
  cellAt(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell at 0-based coordinates, created when absent. */
  ensureCell(row: number, col: number): FakeCell {
    let c = this.cells.get(key(row, col));
    if (!c) {
      c = {};
      this.cells.set(key(row, col), c);
    }
    return c;
  }

  /** What `range.values` reads for a cell: '' when empty, `#CALC!` for an uncomputed formula. */
  valueAt(row: number, col: number): XlValue {
    const c = this.cellAt(row, col);
    if (!c) return '';
    if (c.formula !== undefined) return c.value === undefined ? UNCALCULATED : c.value;
    return c.value ?? '';
  }

  /** What `range.valueTypes` reads for a cell. */
  valueTypeAt(row: number, col: number): string {
    const c = this.cellAt(row, col);
    const v = this.valueAt(row, col);
    if (c?.error || (c?.formula !== undefined && typeof v === 'string' && ERROR_VALUES.has(v)))
      return 'Error';
    if (v === '' || v === null) return 'Empty';
    if (typeof v === 'boolean') return 'Boolean';
    if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
    return 'String';
  }

  /** What `range.formulas` reads for a cell: the formula, else the value. */
  formulaAt(row: number, col: number): XlValue {
    const c = this.cellAt(row, col);
    return c?.formula ?? this.valueAt(row, col);
  }

  /** Is the cell locked against edits when the sheet is protected? */
  lockedAt(row: number, col: number): boolean {
    return this.cellAt(row, col)?.style?.locked !== false;
  }

  /** The bounding box of the cells holding a value or formula (or any format, unless valuesOnly). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of this.cells) {
      const hasValue =
        c.formula !== undefined || (c.value !== undefined && c.value !== '' && c.value !== null);
      if (!hasValue && (valuesOnly || (c.style === undefined && c.numberFormat === undefined))) continue;
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k % MAX_COLUMNS;
      if (!r) r = { row, col, lastRow: row, lastCol: col };
      else {
        r.row = Math.min(r.row, row);
        r.col = Math.min(r.col, col);
        r.lastRow = Math.max(r.lastRow, row);
        r.lastCol = Math.max(r.lastCol, col);
      }
    }
    return r;
  }

  // ----- Conveniences for tests and calculate hooks (A1 addresses without a sheet name). -----

  private at(address: string): { row: number; col: number } {
    const r = parseAddress(address);
    if (!r || r.row !== r.lastRow || r.col !== r.lastCol) throw new Error(`"${address}" is not one cell`);
    return r;
  }

  /** The value a cell reads as (see `valueAt`). */
  value(address: string): XlValue {
    const { row, col } = this.at(address);
    return this.valueAt(row, col);
  }

  /** The formula of a cell, or undefined for a constant or empty cell. */
  formula(address: string): string | undefined {
    const { row, col } = this.at(address);
    return this.cellAt(row, col)?.formula;
  }

  /** The number format of a cell (`General` unless set). */
  numberFormat(address: string): string {
    const { row, col } = this.at(address);
    return this.cellAt(row, col)?.numberFormat ?? 'General';
  }

  /** The style set on a cell. */
  style(address: string): FakeCellStyle {
    const { row, col } = this.at(address);
    return this.cellAt(row, col)?.style ?? {};
  }

  /** Values of a rectangle, as `range.values` reads them. */
  values(address: string): XlValue[][] {
    const r = parseAddress(address);
    if (!r) throw new Error(`"${address}" is not a range address`);
    const out: XlValue[][] = [];
    for (let row = r.row; row <= r.lastRow; row++) {
      const line: XlValue[] = [];
      for (let col = r.col; col <= r.lastCol; col++) line.push(this.valueAt(row, col));
      out.push(line);
    }
    return out;
  }

  /** For calculate hooks: the value a formula cell shows. Refuses cells without a formula. */
  setComputed(address: string, value: XlValue): void {
    const { row, col } = this.at(address);
    const c = this.cellAt(row, col);
    if (c?.formula === undefined)
      throw new Error(`${this.name}!${address} holds no formula; only formula cells are computed`);
    c.value = value;
  }

  /** Every formula cell, as [address, formula] (for calculate hooks). */
  *formulaCells(): Generator<[string, string]> {
    for (const [k, c] of this.cells)
      if (c.formula !== undefined) {
        const row = Math.floor(k / MAX_COLUMNS);
        const col = k % MAX_COLUMNS;
        yield [formatAddress({ row, col, lastRow: row, lastCol: col }), c.formula];
      }
  }
}

export interface FakeName {
  name: string;
  /** `='Sheet'!$A$1:$B$9` */
  formula: string;
  comment?: string;
}

/** The workbook: sheets in tab order, workbook-scoped names, the selection. */
export class FakeBook {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  selection: { sheet: string; address: string } | null = null;
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  activeSheet: string | null = null;
  private nextId = 1;

  constructor(initialSheets: string[] = ['Sheet1']) {
    for (const n of initialSheets) this.addSheet(n);
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** The live sheet of that name (case-insensitive, as in Excel), if any. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet of that name; a test-friendly error when there is none. */
  sheetOrThrow(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet "${name}" (sheets: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** Adds a sheet at the end, checking the name as Excel does. */
  addSheet(name: string): FakeSheet {
    checkSheetName(name);
    if (this.sheet(name))
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const s = new FakeSheet(name, `{${String(this.nextId++).padStart(8, '0')}}`);
    this.sheets.push(s);
    return s;
  }

  /** A new default name (`Sheet2`, …) not yet in use. */
  nextSheetName(): string {
    for (let i = this.sheets.length + 1; ; i++) if (!this.sheet(`Sheet${i}`)) return `Sheet${i}`;
  }

  removeSheet(sheet: FakeSheet): void {
    // Excel refuses to delete a VeryHidden sheet; it must be made visible or hidden first.
    // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-worksheets (Delete a worksheet)
    // https://github.com/OfficeDev/office-js/issues/365
    if (sheet.visibility === 'VeryHidden')
      throw new FakeOfficeError(
        'InvalidOperation',
        `You can't delete the worksheet "${sheet.name}": its visibility is Very Hidden.`,
      );
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (this.sheets.length === 1 || (visible.length === 1 && visible[0] === sheet))
      throw new FakeOfficeError(
        'InvalidOperation',
        'A workbook must contain at least one visible worksheet.',
      );
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const n of this.names.values()) if (referencesSheet(n.formula, sheet.name)) n.formula = '=#REF!';
  }

  /**
   * Renames a sheet as Excel does: defined names and formulas that refer to it follow the new name.
   * https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
   */
  renameSheet(sheet: FakeSheet, name: string): void {
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet)
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const rewrite = (formula: string) => renameReferences(formula, sheet.name, name);
    for (const n of this.names.values()) n.formula = rewrite(n.formula);
    for (const s of this.sheets) for (const c of s.cellsWithFormula()) c.formula = rewrite(c.formula!);
    sheet.name = name;
  }
}

/** `formula` with its references to sheet `from` pointing at `to`. */
function renameReferences(formula: string, from: string, to: string): string {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  const target = `'${to.replace(/'/g, "''")}'!`;
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula
    .replace(new RegExp(escape(quoted), 'gi'), () => target)
    .replace(
      new RegExp(`(^|[^\\w'.\u4e00-\u9fff])${escape(from)}!`, 'gi'),
      (_m, before: string) => before + target,
    );
}

/** Throws Excel's error for a sheet name Excel refuses. */
export function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  )
    throw new FakeOfficeError(
      'InvalidArgument',
      `"${name}" is not a valid sheet name: 1–31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe.`,
    );
}

/** Does a name's formula refer to this sheet? */
function referencesSheet(formula: string, sheet: string): boolean {
  const r = parseAddress(formula.replace(/^=/, ''));
  return r?.sheet?.toLowerCase() === sheet.toLowerCase();
}
