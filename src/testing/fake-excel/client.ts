/**
 * The proxy objects of the fake Excel API (see ./index.ts for the entry point).
 *
 * As in Office.js: every property read throws PropertyNotLoaded until the property was `load`ed
 * and a `context.sync()` completed (or the script set it itself); every write and method call is
 * queued and applied, in order, by the next `sync()`; a failing statement rejects the sync and
 * the statements after it are not applied; `…OrNullObject` getters give an object whose
 * `isNullObject` is readable after the next sync. Each sync is one round trip; its request and
 * response are measured as UTF-8 JSON bytes and refused above the configured limits.
 */
import type { Rect } from '../../workbook/a1';
import { MAX_COLUMNS, MAX_ROWS, formatAddress, parseAddress, rectSize } from '../../workbook/a1';
import type { XlValue } from '../../hosts/office/xl';
import { addTableRows, calculatedColumnsAfterWrite } from './tables';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type {
  FakeBook,
  FakeCellStyle,
  FakeConditionalFormat as CfModel,
  FakeSheet,
  FakeTable,
} from './model';
import { ERROR_VALUES, UNCALCULATED } from './model';
import { coerceLikeExcel } from './coerce';

/** What a sync records about itself. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Queued statements (property sets, method calls, loads). */
  statements: number;
  /** Cells whose value, formula or number format was written. */
  cellsWritten: number;
  /** Whether the batch asked Excel to suspend calculation until this sync. */
  calculationSuspended: boolean;
}

/** The settings and counters a context needs from its fake Excel. */
export interface FakeHost {
  readonly book: FakeBook;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  supports(version: string): boolean;
  recordSync(record: SyncRecord): void;
  /** Runs the calculate hook, if any. */
  calculate(): void;
}

interface SyncState {
  cellsWritten: number;
  suspended: boolean;
  /** Cells changed since the last calculation. */
  dirty: boolean;
  response: unknown[];
  commits: (() => void)[];
}

interface Statement {
  desc: Record<string, unknown>;
  location: string;
  apply(st: SyncState): void;
}

const encoder = new TextEncoder();
const byteLength = (v: unknown) => encoder.encode(JSON.stringify(v) ?? '').length;

/** Excel refuses to return more cells than this in one load. */
const MAX_CELLS_READ = 5_000_000;

/** A request context: the statement queue and `sync`. */
export class FakeContext {
  /** Manual calculation mode: nothing recalculates until `application.calculate`. */
  get manual(): boolean {
    return this.host.book.calculationMode === 'Manual';
  }

  readonly workbook: FakeWorkbook;
  private queue: Statement[] = [];
  private nullables: FakeObject<unknown>[] = [];
  closed = false;

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(desc: Record<string, unknown>, location: string, apply: (st: SyncState) => void): void {
    if (this.closed)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The request context is no longer valid: Excel.run has finished.',
        location,
      );
    this.queue.push({ desc, location, apply });
  }

  trackNullable(o: FakeObject<unknown>): void {
    this.nullables.push(o);
  }

  /** Sends the queued statements, applies them in order, and delivers loaded values. */
  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The request context is no longer valid: Excel.run has finished.',
      );
    const statements = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    await Promise.resolve(); // a round trip is always asynchronous
    const requestBytes = byteLength(statements.map((s) => s.desc));
    const st: SyncState = { cellsWritten: 0, suspended: false, dirty: false, response: [], commits: [] };
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      statements: statements.length,
      cellsWritten: 0,
      calculationSuspended: false,
    };
    this.host.recordSync(record);
    if (requestBytes > this.host.maxRequestBytes)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit (${this.host.maxRequestBytes} bytes).`,
      );
    try {
      for (const s of statements) {
        try {
          s.apply(st);
        } catch (e) {
          if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = s.location;
          throw e;
        }
        if (st.dirty && !st.suspended && !this.manual && statementReadsValues(s)) {
          this.host.calculate();
          st.dirty = false;
        }
      }
      for (const n of nullables) n.bindForNullCheck();
    } finally {
      record.cellsWritten = st.cellsWritten;
      record.calculationSuspended = st.suspended;
      if (st.dirty && !this.manual) this.host.calculate(); // suspension ends with this sync
    }
    record.responseBytes = byteLength(st.response);
    if (record.responseBytes > this.host.maxResponseBytes)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit (${this.host.maxResponseBytes} bytes).`,
      );
    for (const c of st.commits) c();
  }
}

function statementReadsValues(s: Statement): boolean {
  const load = s.desc.load;
  return typeof load === 'string' && /values|text|formulas/.test(load);
}

/** Parses the argument of `load`: a comma-separated string, an array, or `{select}`. */
function loadList(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(loadList);
  if (typeof props === 'object' && props !== null && 'select' in props)
    return loadList((props as { select: unknown }).select);
  throw new FakeOfficeError('InvalidArgument', `load() takes property names, found ${JSON.stringify(props)}`);
}

function requireApi(host: FakeHost, version: string, what: string): void {
  if (!host.supports(version))
    throw new FakeOfficeError(
      'ApiNotFound',
      `${what} needs ExcelApi ${version}, which this Excel does not support.`,
      what,
    );
}

/**
 * Base of every proxy: a path (for error messages and payload size), a binder that finds the
 * model object when a statement first needs it, and the locally known property values.
 */
export abstract class FakeObject<M> {
  private bound: { model: M | null } | undefined;
  protected readonly local: Record<string, unknown> = {};

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    private readonly binder: () => M | null,
    protected readonly typeName: string,
    nullable = false,
  ) {
    if (nullable) ctx.trackNullable(this as FakeObject<unknown>);
  }

  /** The model object, or null for a null object; found once, on first use during a sync. */
  protected modelOrNull(): M | null {
    if (!this.bound) this.bound = { model: this.binder() };
    return this.bound.model;
  }

  protected model(): M {
    const m = this.modelOrNull();
    if (m === null)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `${this.path} is a null object; check isNullObject before using it.`,
      );
    return m;
  }

  /** Called by sync for `…OrNullObject` proxies, so that `isNullObject` becomes readable. */
  bindForNullCheck(): void {
    this.modelOrNull();
  }

  get isNullObject(): boolean {
    if (!this.bound) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.bound.model === null;
  }

  /** Reads a property known locally (loaded and synced, or set by this script). */
  protected get<T>(prop: string): T {
    if (!(prop in this.local)) throw propertyNotLoaded(this.typeName, prop);
    return this.local[prop] as T;
  }

  /** Sets a property locally and queues the write. */
  protected set(prop: string, value: unknown, apply: (m: M, st: SyncState) => void): void {
    this.local[prop] = value;
    this.ctx.enqueue({ p: this.path, set: prop, v: value }, `${this.typeName}.${prop}`, (st) =>
      apply(this.model(), st),
    );
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown[], apply: (m: M, st: SyncState) => void): void {
    this.ctx.enqueue({ p: this.path, call: method, a: args }, `${this.typeName}.${method}`, (st) =>
      apply(this.model(), st),
    );
  }

  /** Reads one property from the model for a load; throws for properties the type lacks. */
  protected abstract read(model: M, prop: string): unknown;

  /** Queues a load of the named properties (all scalar properties when none are named). */
  load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    this.ctx.enqueue({ p: this.path, load: list.join(',') }, `${this.typeName}.load`, (st) => {
      const m = this.modelOrNull();
      if (m === null) return;
      const names = list.length > 0 ? list : this.scalarProps();
      const values: Record<string, unknown> = {};
      for (const name of names) values[name] = this.read(m, name);
      st.response.push(values);
      st.commits.push(() => Object.assign(this.local, values));
    });
    return this;
  }

  /** The properties a bare `load()` fetches. */
  protected scalarProps(): string[] {
    return [];
  }

  protected unknownProperty(prop: string): never {
    throw new FakeOfficeError(
      'InvalidArgument',
      `${this.typeName} has no property "${prop}" that can be loaded.`,
      `${this.typeName}.load`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets, names.

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
}

/**
 * The application's calculation (https://learn.microsoft.com/en-us/javascript/api/excel/excel.application):
 * `calculationMode` (read 1.1, set 1.8) — in `Manual` nothing is recalculated until
 * `calculate()`; `suspendApiCalculationUntilNextSync()` (1.6) holds calculation for the batch,
 * "after which it is the developer's responsibility to re-calc": the fake recalculates at the end
 * of that sync in Automatic mode, and never on its own in Manual mode.
 */
export class FakeApplication extends FakeObject<FakeBook> {
  constructor(ctx: FakeContext) {
    super(ctx, 'application', () => ctx.host.book, 'Application');
  }

  protected read(book: FakeBook, prop: string): unknown {
    return prop === 'calculationMode' ? book.calculationMode : this.unknownProperty(prop);
  }

  protected override scalarProps(): string[] {
    return ['calculationMode'];
  }

  get calculationMode(): string {
    return this.get('calculationMode');
  }
  set calculationMode(v: string) {
    this.set('calculationMode', v, (book) => {
      requireApi(this.ctx.host, '1.8', 'Application.calculationMode');
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `calculationMode must be Automatic, AutomaticExceptTables or Manual (found "${v}").`,
        );
      book.calculationMode = v as FakeBook['calculationMode'];
    });
  }

  /** Recalculates (every type: the hook computes the whole book). */
  calculate(calculationType: string): void {
    this.call('calculate', [calculationType], (_book, st) => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType))
        throw new FakeOfficeError(
          'InvalidArgument',
          `calculationType must be Recalculate, Full or FullRebuild (found "${calculationType}").`,
        );
      this.ctx.host.calculate();
      st.dirty = false;
    });
  }

  /** ExcelApi 1.6: no recalculation until the next sync completes. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(
      { p: 'application', call: 'suspendApiCalculationUntilNextSync' },
      'Application.suspendApiCalculationUntilNextSync',
      (st) => {
        requireApi(this.ctx.host, '1.6', 'Application.suspendApiCalculationUntilNextSync');
        st.suspended = true;
      },
    );
  }
}

const SHEET_PROPS = ['name', 'visibility', 'tabColor', 'position', 'id'];

export class FakeWorksheetCollection extends FakeObject<FakeBook> {
  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets', () => ctx.host.book, 'WorksheetCollection');
  }

  get items(): FakeWorksheet[] {
    return this.get('items');
  }

  protected read(): unknown {
    return this.unknownProperty('?');
  }

  /** `load('items/name,items/visibility')`, `load('items')` or `load()`. */
  override load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    const itemProps = list.length === 0 || list.includes('items') ? SHEET_PROPS : [];
    for (const p of list) {
      if (p.startsWith('items/')) itemProps.push(p.slice(6));
      else if (p !== 'items') this.unknownProperty(p);
    }
    this.ctx.enqueue({ p: this.path, load: list.join(',') }, 'WorksheetCollection.load', (st) => {
      const sheets = this.model().sheets;
      const items = sheets.map((s) => {
        const proxy = new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(s.name)})`, () => s);
        proxy.bindForNullCheck();
        return proxy;
      });
      const values = sheets.map((s, i) =>
        Object.fromEntries(itemProps.map((p) => [p, items[i].readProp(s, p)])),
      );
      st.response.push(values);
      st.commits.push(() => {
        this.local.items = items;
        items.forEach((item, i) => item.accept(values[i]));
      });
    });
    return this;
  }

  /** Adds a sheet at the end (Excel's default name when none is given). */
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue({ p: this.path, call: 'add', a: [name] }, 'WorksheetCollection.add', () => {
      const book = this.model();
      created = book.addSheet(name ?? book.nextSheetName());
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${JSON.stringify(name)})`, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The worksheet was not added.');
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(name)})`, () => {
      const s = this.model().sheet(name);
      if (!s)
        throw new FakeOfficeError(
          'ItemNotFound',
          `The requested resource doesn't exist: no worksheet "${name}".`,
          'WorksheetCollection.getItem',
        );
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        requireApi(this.ctx.host, '1.4', 'WorksheetCollection.getItemOrNullObject');
        return this.model().sheet(name) ?? null;
      },
      true,
    );
  }
}

type RangeModel = { sheet: FakeSheet; rect: Rect };

export class FakeWorksheet extends FakeObject<FakeSheet> {
  readonly freezePanes: FakeFreezePanes;
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly pageLayout: FakePageLayout;

  constructor(ctx: FakeContext, path: string, binder: () => FakeSheet | null, nullable = false) {
    super(ctx, path, binder, 'Worksheet', nullable);
    this.freezePanes = new FakeFreezePanes(ctx, `${path}.freezePanes`, () => this.live());
    this.protection = new FakeWorksheetProtection(ctx, `${path}.protection`, () => this.live());
    this.tables = new FakeTableCollection(ctx, `${path}.tables`, () => this.live());
    this.pageLayout = new FakePageLayout(ctx, `${path}.pageLayout`, () => {
      requireApi(ctx.host, '1.9', 'Worksheet.pageLayout');
      return this.live();
    });
  }

  /** The sheet, refusing one deleted since it was found. */
  live(): FakeSheet {
    const s = this.model();
    if (s.deleted)
      throw new FakeOfficeError('InvalidObjectPath', `The worksheet "${s.name}" has been deleted.`);
    return s;
  }

  /** Accepts values loaded by the collection's `items` load. */
  accept(values: Record<string, unknown>): void {
    Object.assign(this.local, values);
  }

  readProp(s: FakeSheet, prop: string): unknown {
    return this.read(s, prop);
  }

  protected override scalarProps(): string[] {
    return SHEET_PROPS;
  }

  protected read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      case 'id':
        return s.id;
      case 'position':
        return this.ctx.host.book.sheets.indexOf(s);
      default:
        return this.unknownProperty(prop);
    }
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.set('name', v, (s) => this.ctx.host.book.renameSheet(s, v));
  }

  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.set('visibility', v, (s) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `visibility must be Visible, Hidden or VeryHidden (found "${v}")`,
        );
      const visible = this.ctx.host.book.sheets.filter((x) => x.visibility === 'Visible' && x !== s);
      if (v !== 'Visible' && visible.length === 0)
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      s.visibility = v as FakeSheet['visibility'];
    });
  }

  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: string) {
    this.set('tabColor', v, (s) => {
      requireApi(this.ctx.host, '1.7', 'Worksheet.tabColor');
      if (v !== '' && !/^#[0-9A-Fa-f]{6}$/.test(v))
        throw new FakeOfficeError('InvalidArgument', `tabColor must be #RRGGBB or "" (found "${v}")`);
      s.tabColor = v;
    });
  }

  /** A range by A1 address (the whole sheet when omitted). */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, () => {
      const sheet = this.live();
      if (address === undefined)
        return { sheet, rect: { row: 0, col: 0, lastRow: MAX_ROWS - 1, lastCol: MAX_COLUMNS - 1 } };
      const rect = parseAddress(address);
      if (!rect)
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${address}" is not a valid range address.`,
          'Worksheet.getRange',
        );
      if (rect.sheet !== undefined && rect.sheet.toLowerCase() !== sheet.name.toLowerCase())
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${address}" names another sheet than "${sheet.name}".`,
          'Worksheet.getRange',
        );
      return { sheet, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        requireApi(this.ctx.host, '1.4', 'Worksheet.getUsedRangeOrNullObject');
        if (this.modelOrNull() === null) return null; // a null sheet's range is a null object too
        const sheet = this.live();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.call('activate', [], (s) => {
      if (s.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', `The hidden sheet "${s.name}" cannot be activated.`);
      this.ctx.host.book.activeSheet = s.name;
    });
  }

  delete(): void {
    this.call('delete', [], (s) => this.ctx.host.book.removeSheet(s));
  }
}

export class FakeNamedItemCollection extends FakeObject<FakeBook> {
  constructor(ctx: FakeContext) {
    super(ctx, 'names', () => ctx.host.book, 'NamedItemCollection');
  }

  get items(): FakeNamedItem[] {
    return this.get('items');
  }

  protected read(): unknown {
    return this.unknownProperty('?');
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    const itemProps = list.length === 0 || list.includes('items') ? ['name', 'formula'] : [];
    for (const p of list) {
      if (p.startsWith('items/')) itemProps.push(p.slice(6));
      else if (p !== 'items') this.unknownProperty(p);
    }
    this.ctx.enqueue({ p: this.path, load: list.join(',') }, 'NamedItemCollection.load', (st) => {
      const names = [...this.model().names.values()];
      const items = names.map(
        (n) => new FakeNamedItem(this.ctx, `names.getItem(${JSON.stringify(n.name)})`, () => n),
      );
      const values = names.map((n, i) =>
        Object.fromEntries(itemProps.map((p) => [p, items[i].readProp(n, p)])),
      );
      st.response.push(values);
      st.commits.push(() => {
        this.local.items = items;
        items.forEach((item, i) => item.accept(values[i]));
      });
    });
    return this;
  }

  /** ExcelApi 1.4: a workbook-scoped name for a range or a formula (`=Sheet!$A$1:$A$9`). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: { name: string; formula: string } | undefined;
    const refDesc = typeof reference === 'string' ? reference : reference.path;
    this.ctx.enqueue(
      { p: this.path, call: 'add', a: [name, refDesc, comment] },
      'NamedItemCollection.add',
      () => {
        requireApi(this.ctx.host, '1.4', 'NamedItemCollection.add');
        const book = this.model();
        if (
          !/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ||
          parseAddress(name) ||
          /^[rRcC]$/.test(name)
        )
          throw new FakeOfficeError(
            'InvalidArgument',
            `"${name}" is not a valid name.`,
            'NamedItemCollection.add',
          );
        if ([...book.names.keys()].some((k) => k.toLowerCase() === name.toLowerCase()))
          throw new FakeOfficeError(
            'ItemAlreadyExists',
            `The name "${name}" already exists.`,
            'NamedItemCollection.add',
          );
        const formula =
          typeof reference === 'string'
            ? reference.startsWith('=')
              ? reference
              : `=${reference}`
            : `=${reference.absoluteAddress()}`;
        created = { name, formula, ...(comment ? { comment } : {}) };
        book.names.set(name, created);
      },
    );
    return new FakeNamedItem(this.ctx, `names.add(${JSON.stringify(name)})`, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The name was not added.');
      return created;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      `names.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        requireApi(this.ctx.host, '1.4', 'NamedItemCollection.getItemOrNullObject');
        const found = [...this.model().names.values()].find(
          (n) => n.name.toLowerCase() === name.toLowerCase(),
        );
        return found ?? null;
      },
      true,
    );
  }
}

type NameModel = { name: string; formula: string };

export class FakeNamedItem extends FakeObject<NameModel> {
  constructor(ctx: FakeContext, path: string, binder: () => NameModel | null, nullable = false) {
    super(ctx, path, binder, 'NamedItem', nullable);
  }

  get name(): string {
    return this.get('name');
  }

  get formula(): string {
    return this.get('formula');
  }

  accept(values: Record<string, unknown>): void {
    Object.assign(this.local, values);
  }

  readProp(n: NameModel, prop: string): unknown {
    return this.read(n, prop);
  }

  protected override scalarProps(): string[] {
    return ['name', 'formula'];
  }

  protected read(n: NameModel, prop: string): unknown {
    if (prop === 'name') return n.name;
    if (prop === 'formula') return n.formula;
    return this.unknownProperty(prop);
  }

  /** The range the name refers to; InvalidArgument when it is not a plain range. */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange()`, () => {
      const n = this.model();
      const rect = parseAddress(n.formula.replace(/^=/, ''));
      const sheet = rect?.sheet !== undefined ? this.ctx.host.book.sheet(rect.sheet) : undefined;
      if (!rect || !sheet)
        throw new FakeOfficeError(
          'InvalidArgument',
          `The name "${n.name}" (${n.formula}) does not refer to a range.`,
          'NamedItem.getRange',
        );
      return { sheet, rect };
    });
  }

  delete(): void {
    this.call('delete', [], (n) => this.ctx.host.book.names.delete(n.name));
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and their formats.

/**
 * What a change to a protected sheet needs: values go into unlocked cells only; formats pass when
 * the protection allows them (`allowFormatCells`, `allowFormatColumns`, `allowFormatRows`);
 * anything else (merges, validation, tables, conditional formats) is refused.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotectionoptions
 */
type ProtectedChange = 'values' | 'formatCells' | 'formatColumns' | 'formatRows' | 'format';
const ALLOWED_BY: Partial<Record<ProtectedChange, string>> = {
  formatCells: 'allowFormatCells',
  formatColumns: 'allowFormatColumns',
  formatRows: 'allowFormatRows',
};

/** Refuses changes to a protected sheet that its protection options do not allow. */
function guardProtected(sheet: FakeSheet, rect: Rect, kind: ProtectedChange, what: string): void {
  if (!sheet.protected) return;
  if (kind === 'values') {
    for (let r = rect.row; r <= rect.lastRow; r++)
      for (let c = rect.col; c <= rect.lastCol; c++)
        if (sheet.lockedAt(r, c))
          throw new FakeOfficeError(
            'AccessDenied',
            `The cell you're trying to change is on a protected sheet ("${sheet.name}").`,
            what,
          );
    return;
  }
  const allowance = ALLOWED_BY[kind];
  if (allowance && sheet.protectionOptions[allowance]) return;
  throw new FakeOfficeError('AccessDenied', `"${sheet.name}" is protected: ${what} is not allowed.`, what);
}

/** Refuses a 2-D array whose shape is not the range's. */
function checkShape(value: unknown, rect: Rect, what: string): XlValue[][] {
  const { rows, cols } = rectSize(rect);
  if (
    !Array.isArray(value) ||
    value.length !== rows ||
    value.some((row) => !Array.isArray(row) || row.length !== cols)
  ) {
    const found = Array.isArray(value)
      ? `${value.length}×${Array.isArray(value[0]) ? value[0].length : '?'}`
      : typeof value;
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}, found ${found}).`,
      what,
    );
  }
  for (const row of value as unknown[][])
    for (const v of row)
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `${what} takes strings, numbers, booleans or null (found ${JSON.stringify(v)}).`,
          what,
        );
  return value as XlValue[][];
}

/**
 * Stores what a script writes to a cell, interpreted as Excel does: `=…` is a formula, a leading
 * apostrophe keeps text as typed, number-, date-, time-, fraction- and currency-like text becomes
 * a number (./coerce.ts) and TRUE/FALSE a boolean — unless the cell's number format is text (`@`),
 * which keeps everything as text.
 */
function writeCell(sheet: FakeSheet, row: number, col: number, v: XlValue): void {
  const cell = sheet.ensureCell(row, col);
  delete cell.formula;
  delete cell.error;
  if (typeof v !== 'string') {
    cell.value = v;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = v;
  } else if (v.startsWith("'")) {
    cell.value = v.slice(1);
  } else if (v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    delete cell.value;
  } else if (ERROR_VALUES.has(v)) {
    cell.value = v;
    cell.error = true;
  } else if (coerceLikeExcel(v) !== null) {
    cell.value = coerceLikeExcel(v);
  } else if (/^(true|false)$/i.test(v)) {
    cell.value = v.toLowerCase() === 'true';
  } else {
    cell.value = v;
  }
}

function forEachCell(rect: Rect, limit: number, what: string, fn: (row: number, col: number) => void): void {
  const { rows, cols } = rectSize(rect);
  if (rows * cols > limit)
    throw new FakeOfficeError(
      'InvalidOperation',
      `${what} on ${rows}×${cols} cells: the fake refuses more than ${limit} cells at once.`,
      what,
    );
  for (let r = rect.row; r <= rect.lastRow; r++) for (let c = rect.col; c <= rect.lastCol; c++) fn(r, c);
}

const MAX_STYLED_CELLS = 2_000_000;

export class FakeRange extends FakeObject<RangeModel> {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, path: string, binder: () => RangeModel | null, nullable = false) {
    super(ctx, path, binder, 'Range', nullable);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => this.live());
    this.dataValidation = new FakeDataValidation(ctx, `${path}.dataValidation`, () => {
      requireApi(ctx.host, '1.8', 'Range.dataValidation');
      return this.live();
    });
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, `${path}.conditionalFormats`, () => {
      requireApi(ctx.host, '1.6', 'Range.conditionalFormats');
      return this.live();
    });
  }

  /** The range, refusing one on a deleted sheet. */
  live(): RangeModel {
    const m = this.model();
    if (m.sheet.deleted)
      throw new FakeOfficeError('InvalidObjectPath', `The worksheet "${m.sheet.name}" has been deleted.`);
    return m;
  }

  /** `'Sheet'!$A$1:$B$2`, for names added with a range. */
  absoluteAddress(): string {
    const m = this.live();
    return formatAddress(m.rect, m.sheet.name).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  }

  protected override scalarProps(): string[] {
    return [
      'address',
      'rowIndex',
      'columnIndex',
      'rowCount',
      'columnCount',
      'values',
      'formulas',
      'numberFormat',
    ];
  }

  protected read(m: RangeModel, prop: string): unknown {
    const { sheet, rect } = m;
    const grid = (fn: (r: number, c: number) => XlValue) => {
      const { rows, cols } = rectSize(rect);
      if (rows * cols > MAX_CELLS_READ)
        throw new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `Reading ${prop} of ${rows}×${cols} cells exceeds the response limit.`,
          `Range.${prop}`,
        );
      const out: XlValue[][] = [];
      for (let r = rect.row; r <= rect.lastRow; r++) {
        const line: XlValue[] = [];
        for (let c = rect.col; c <= rect.lastCol; c++) line.push(fn(r, c));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case 'values':
        return grid((r, c) => sheet.valueAt(r, c));
      case 'formulas':
        return grid((r, c) => sheet.formulaAt(r, c));
      case 'valueTypes':
        return grid((r, c) => sheet.valueTypeAt(r, c));
      case 'numberFormat':
        return grid((r, c) => sheet.cellAt(r, c)?.numberFormat ?? 'General');
      case 'address':
        return formatAddress(rect, sheet.name);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.col;
      case 'rowCount':
        return rectSize(rect).rows;
      case 'columnCount':
        return rectSize(rect).cols;
      case 'columnHidden': {
        let all = true;
        for (let c = rect.col; c <= rect.lastCol; c++) all &&= sheet.hiddenColumns.has(c);
        return all;
      }
      default:
        return this.unknownProperty(prop);
    }
  }

  get values(): XlValue[][] {
    return this.get('values');
  }
  set values(v: XlValue[][]) {
    this.set('values', v, ({ sheet, rect }, st) =>
      this.writeGrid(sheet, rect, checkShape(v, rect, 'Range.values'), st, 'Range.values'),
    );
  }

  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get formulas(): XlValue[][] {
    return this.get('formulas');
  }
  set formulas(v: XlValue[][]) {
    this.set('formulas', v, ({ sheet, rect }, st) =>
      this.writeGrid(sheet, rect, checkShape(v, rect, 'Range.formulas'), st, 'Range.formulas'),
    );
  }

  get numberFormat(): XlValue[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: XlValue[][]) {
    this.set('numberFormat', v, ({ sheet, rect }, st) => {
      const grid = checkShape(v, rect, 'Range.numberFormat');
      guardProtected(sheet, rect, 'formatCells', 'Range.numberFormat');
      grid.forEach((line, i) =>
        line.forEach((f, j) => {
          if (f === null) return;
          if (typeof f !== 'string')
            throw new FakeOfficeError(
              'InvalidArgument',
              `A number format is a string (found ${JSON.stringify(f)}).`,
            );
          sheet.ensureCell(rect.row + i, rect.col + j).numberFormat = f;
          st.cellsWritten++;
        }),
      );
    });
  }

  /** Null leaves a cell unchanged, as in Office.js. */
  private writeGrid(sheet: FakeSheet, rect: Rect, grid: XlValue[][], st: SyncState, what: string): void {
    guardProtected(sheet, rect, 'values', what);
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        writeCell(sheet, rect.row + i, rect.col + j, v);
        st.cellsWritten++;
        st.dirty = true;
      }),
    );
    calculatedColumnsAfterWrite(sheet, rect);
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.set('columnHidden', v, ({ sheet, rect }) => {
      guardProtected(sheet, rect, 'formatColumns', 'Range.columnHidden');
      for (let c = rect.col; c <= rect.lastCol; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  merge(across = false): void {
    this.call('merge', [across], ({ sheet, rect }) => {
      guardProtected(sheet, rect, 'format', 'Range.merge');
      if (sheet.merges.some((m) => overlaps(m, rect)))
        throw new FakeOfficeError(
          'InvalidOperation',
          `${formatAddress(rect)} overlaps a merged area.`,
          'Range.merge',
        );
      if (across)
        for (let r = rect.row; r <= rect.lastRow; r++) sheet.merges.push({ ...rect, row: r, lastRow: r });
      else sheet.merges.push({ ...rect });
    });
  }

  select(): void {
    this.call('select', [], ({ sheet, rect }) => {
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError(
          'InvalidOperation',
          `Cells of the hidden sheet "${sheet.name}" cannot be selected.`,
          'Range.select',
        );
      const book = this.ctx.host.book;
      book.activeSheet = sheet.name;
      book.selection = { sheet: sheet.name, address: formatAddress(rect) };
    });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.col <= b.lastCol && b.col <= a.lastCol;
}

/** Applies one style field to every cell of a range. */
function styleCells(m: RangeModel, what: string, patch: Partial<FakeCellStyle>): void {
  guardProtected(
    m.sheet,
    m.rect,
    what.includes('protection') || what.includes('locked') ? 'format' : 'formatCells',
    what,
  );
  forEachCell(m.rect, MAX_STYLED_CELLS, what, (r, c) => {
    const cell = m.sheet.ensureCell(r, c);
    cell.style = { ...cell.style, ...patch };
  });
}

/** A proxy that only forwards to a range (format, font, fill, …). */
abstract class RangePart extends FakeObject<RangeModel> {
  protected read(_m: RangeModel, prop: string): unknown {
    return this.unknownProperty(prop);
  }

  protected styleProp<K extends keyof FakeCellStyle>(
    prop: string,
    field: K,
    v: FakeCellStyle[K],
    check?: (v: unknown) => boolean,
  ): void {
    this.set(prop, v, (m) => {
      if (check && !check(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `${this.typeName}.${prop} cannot be ${JSON.stringify(v)}.`,
        );
      styleCells(m, `${this.typeName}.${prop}`, { [field]: v } as Partial<FakeCellStyle>);
    });
  }
}

const isColor = (v: unknown): v is string => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);

export class FakeRangeFormat extends RangePart {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly protection: FakeFormatProtection;
  readonly borders: { getItem(index: string): FakeBorder };

  constructor(ctx: FakeContext, path: string, binder: () => RangeModel) {
    super(ctx, path, binder, 'RangeFormat');
    this.font = new FakeFont(ctx, `${path}.font`, binder, 'RangeFont');
    this.fill = new FakeFill(ctx, `${path}.fill`, binder, 'RangeFill');
    this.protection = new FakeFormatProtection(ctx, `${path}.protection`, binder, 'FormatProtection');
    this.borders = {
      getItem: (index: string) =>
        new FakeBorder(ctx, `${path}.borders.getItem(${JSON.stringify(index)})`, binder, index),
    };
  }

  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.styleProp('horizontalAlignment', 'horizontalAlignment', v, (x) =>
      ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify'].includes(x as string),
    );
  }

  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.styleProp('verticalAlignment', 'verticalAlignment', v, (x) =>
      ['Top', 'Center', 'Bottom', 'Justify'].includes(x as string),
    );
  }

  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.styleProp('wrapText', 'wrapText', v, (x) => typeof x === 'boolean');
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.set('columnWidth', v, ({ sheet, rect }) => {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1800))
        throw new FakeOfficeError('InvalidArgument', `columnWidth must be 0–1800 points (found ${v}).`);
      guardProtected(sheet, rect, 'formatColumns', 'RangeFormat.columnWidth');
      for (let c = rect.col; c <= rect.lastCol; c++) sheet.columnWidths.set(c, v);
    });
  }

  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(v: number) {
    this.set('rowHeight', v, ({ sheet, rect }) => {
      if (typeof v !== 'number' || !(v >= 0 && v <= 409))
        throw new FakeOfficeError('InvalidArgument', `rowHeight must be 0–409 points (found ${v}).`);
      guardProtected(sheet, rect, 'formatRows', 'RangeFormat.rowHeight');
      for (let r = rect.row; r <= rect.lastRow; r++) sheet.rowHeights.set(r, v);
    });
  }
}

export class FakeFont extends RangePart {
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.styleProp('bold', 'bold', v, (x) => typeof x === 'boolean');
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.styleProp('italic', 'italic', v, (x) => typeof x === 'boolean');
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.styleProp('size', 'fontSize', v, (x) => typeof x === 'number' && x >= 1 && x <= 409);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.styleProp('color', 'fontColor', v, isColor);
  }
}

export class FakeFill extends RangePart {
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.styleProp('color', 'fill', v, isColor);
  }
  clear(): void {
    this.call('clear', [], (m) => {
      guardProtected(m.sheet, m.rect, 'formatCells', 'RangeFill.clear');
      forEachCell(m.rect, MAX_STYLED_CELLS, 'RangeFill.clear', (r, c) => {
        const cell = m.sheet.cellAt(r, c);
        if (cell?.style) delete cell.style.fill;
      });
    });
  }
}

export class FakeFormatProtection extends RangePart {
  get locked(): boolean {
    return this.get('locked');
  }
  set locked(v: boolean) {
    this.styleProp('locked', 'locked', v, (x) => typeof x === 'boolean');
  }
}

const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

export class FakeBorder extends RangePart {
  constructor(
    ctx: FakeContext,
    path: string,
    binder: () => RangeModel,
    private readonly edge: string,
  ) {
    super(ctx, path, binder, 'RangeBorder');
  }

  private record(prop: 'style' | 'color', v: string): void {
    this.set(prop, v, ({ sheet, rect }) => {
      if (!BORDER_EDGES.includes(this.edge))
        throw new FakeOfficeError('InvalidArgument', `"${this.edge}" is not a border index.`);
      guardProtected(sheet, rect, 'formatCells', 'RangeBorder');
      const found = sheet.borders.find(
        (b) => b.edge === this.edge && formatAddress(b.rect) === formatAddress(rect),
      );
      if (found) found[prop] = v;
      else
        sheet.borders.push({
          rect,
          edge: this.edge,
          style: prop === 'style' ? v : 'Continuous',
          ...(prop === 'color' ? { color: v } : {}),
        });
    });
  }

  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.record('style', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.record('color', v);
  }
}

const RULE_KINDS = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];

export class FakeDataValidation extends RangePart {
  constructor(ctx: FakeContext, path: string, binder: () => RangeModel) {
    super(ctx, path, binder, 'DataValidation');
  }

  /** The validation entry of exactly this range, created on first use. */
  private entry(m: RangeModel) {
    guardProtected(m.sheet, m.rect, 'format', 'DataValidation');
    let v = m.sheet.validations.find((x) => formatAddress(x.rect) === formatAddress(m.rect));
    if (!v) {
      if (m.sheet.validations.some((x) => overlaps(x.rect, m.rect)))
        throw new FakeOfficeError(
          'InvalidOperation',
          `${formatAddress(m.rect)} overlaps another data validation; clear it first.`,
          'DataValidation',
        );
      v = { rect: m.rect, rule: {}, ignoreBlanks: true };
      m.sheet.validations.push(v);
    }
    return v;
  }

  get rule(): unknown {
    return this.get('rule');
  }
  set rule(v: unknown) {
    this.set('rule', v, (m) => {
      const keys = typeof v === 'object' && v !== null ? Object.keys(v) : [];
      if (keys.length !== 1 || !RULE_KINDS.includes(keys[0]))
        throw new FakeOfficeError(
          'InvalidArgument',
          `A data validation rule has exactly one of ${RULE_KINDS.join(', ')} (found ${JSON.stringify(v)}).`,
          'DataValidation.rule',
        );
      const body = (v as Record<string, Record<string, unknown>>)[keys[0]];
      if (keys[0] === 'list' && typeof body.source !== 'string')
        throw new FakeOfficeError('InvalidArgument', 'A list rule needs a source.', 'DataValidation.rule');
      // A list given as text is split on commas, whatever the locale's list separator, and
      // Excel keeps at most 255 characters of it.
      // https://learn.microsoft.com/en-us/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
      // https://github.com/OfficeDev/office-js/issues/2128
      // https://support.microsoft.com/en-us/office/apply-data-validation-to-cells-29fecbcc-d1b9-42c1-9d76-eff3ce5f7249
      if (keys[0] === 'list' && !String(body.source).startsWith('=') && String(body.source).length > 255)
        throw new FakeOfficeError(
          'InvalidArgument',
          `A validation list holds at most 255 characters (found ${String(body.source).length}).`,
          'DataValidation.rule',
        );
      if (
        ['wholeNumber', 'decimal'].includes(keys[0]) &&
        (body.formula1 === undefined || typeof body.operator !== 'string')
      )
        throw new FakeOfficeError(
          'InvalidArgument',
          'A number rule needs formula1 and an operator.',
          'DataValidation.rule',
        );
      this.entry(m).rule = v as Record<string, unknown>;
    });
  }

  get prompt(): unknown {
    return this.get('prompt');
  }
  set prompt(v: unknown) {
    this.set('prompt', v, (m) => {
      this.entry(m).prompt = v as Record<string, unknown>;
    });
  }

  get errorAlert(): unknown {
    return this.get('errorAlert');
  }
  set errorAlert(v: unknown) {
    this.set('errorAlert', v, (m) => {
      const style = (v as { style?: string })?.style;
      if (style !== undefined && !['Stop', 'Warning', 'Information'].includes(style))
        throw new FakeOfficeError(
          'InvalidArgument',
          `errorAlert.style must be Stop, Warning or Information (found "${style}").`,
        );
      this.entry(m).errorAlert = v as Record<string, unknown>;
    });
  }

  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.set('ignoreBlanks', v, (m) => {
      this.entry(m).ignoreBlanks = v;
    });
  }

  clear(): void {
    this.call('clear', [], ({ sheet, rect }) => {
      guardProtected(sheet, rect, 'format', 'DataValidation.clear');
      const keep = sheet.validations.filter((x) => !overlaps(x.rect, rect));
      sheet.validations.splice(0, sheet.validations.length, ...keep);
    });
  }
}

export class FakeConditionalFormatCollection extends RangePart {
  constructor(ctx: FakeContext, path: string, binder: () => RangeModel) {
    super(ctx, path, binder, 'ConditionalFormatCollection');
  }

  add(type: 'Custom'): FakeConditionalFormat {
    let created: CfModel | undefined;
    this.call('add', [type], ({ sheet, rect }) => {
      if (type !== 'Custom')
        throw new FakeOfficeError(
          'InvalidArgument',
          `The fake models only Custom conditional formats (found "${type}").`,
        );
      guardProtected(sheet, rect, 'format', 'ConditionalFormatCollection.add');
      created = { rect, formula: '' };
      sheet.conditionalFormats.push(created);
    });
    const target = () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The conditional format was not added.');
      return created;
    };
    const ctx = this.ctx;
    const base = `${this.path}.add("Custom")`;
    const setter = (path: string, apply: (cf: CfModel, v: unknown) => void) => (v: unknown) =>
      ctx.enqueue({ p: path, v }, 'ConditionalFormat', () => apply(target(), v));
    const formula = setter(`${base}.custom.rule.formula`, (cf, v) => {
      if (typeof v !== 'string' || !v.startsWith('='))
        throw new FakeOfficeError(
          'InvalidArgument',
          `A conditional format formula starts with "=" (found ${JSON.stringify(v)}).`,
        );
      cf.formula = v;
    });
    const fill = setter(`${base}.custom.format.fill.color`, (cf, v) => {
      if (!isColor(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `fill.color must be #RRGGBB (found ${JSON.stringify(v)}).`,
        );
      cf.fill = v;
    });
    const fontColor = setter(`${base}.custom.format.font.color`, (cf, v) => {
      if (!isColor(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `font.color must be #RRGGBB (found ${JSON.stringify(v)}).`,
        );
      cf.fontColor = v;
    });
    const bold = setter(`${base}.custom.format.font.bold`, (cf, v) => {
      if (typeof v !== 'boolean')
        throw new FakeOfficeError(
          'InvalidArgument',
          `font.bold must be true or false (found ${JSON.stringify(v)}).`,
        );
      cf.bold = v;
    });
    const writeOnly = (set: (v: unknown) => void, name: string) => ({
      get() {
        throw propertyNotLoaded('ConditionalFormat', name);
      },
      set,
      enumerable: true,
    });
    const rule = Object.defineProperty({}, 'formula', writeOnly(formula, 'formula')) as { formula: string };
    const fillObj = Object.defineProperty({}, 'color', writeOnly(fill, 'color')) as { color: string };
    const fontObj = Object.defineProperties(
      {},
      { color: writeOnly(fontColor, 'color'), bold: writeOnly(bold, 'bold') },
    ) as { color: string; bold: boolean };
    return { custom: { rule, format: { fill: fillObj, font: fontObj } } };
  }
}

/** The handle `conditionalFormats.add` returns (write-only in the fake). */
export interface FakeConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
}

// ---------------------------------------------------------------------------------------------
// Worksheet parts.

abstract class SheetPart extends FakeObject<FakeSheet> {
  protected read(_s: FakeSheet, prop: string): unknown {
    return this.unknownProperty(prop);
  }
}

export class FakeWorksheetProtection extends SheetPart {
  constructor(ctx: FakeContext, path: string, binder: () => FakeSheet) {
    super(ctx, path, binder, 'WorksheetProtection');
  }

  protected override read(s: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return s.protected;
    if (prop === 'options') return { ...s.protectionOptions };
    return this.unknownProperty(prop);
  }

  protected override scalarProps(): string[] {
    return ['protected', 'options'];
  }

  get protected(): boolean {
    return this.get('protected');
  }

  get options(): Record<string, boolean> {
    return this.get('options');
  }

  /** Throws when the sheet is already protected, as Excel does. */
  protect(options?: Record<string, boolean>, password?: string): void {
    this.call('protect', [options ?? null, password === undefined ? null : '***'], (s) => {
      if (s.protected)
        throw new FakeOfficeError(
          'InvalidOperation',
          `The worksheet "${s.name}" is already protected.`,
          'WorksheetProtection.protect',
        );
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      sheetPasswords.set(s, password);
    });
  }

  /** Throws when the sheet is not protected, as Excel does. */
  unprotect(password?: string): void {
    this.call('unprotect', [password === undefined ? null : '***'], (s) => {
      if (password !== undefined) requireApi(this.ctx.host, '1.7', 'WorksheetProtection.unprotect(password)');
      if (!s.protected)
        throw new FakeOfficeError(
          'InvalidOperation',
          `The worksheet "${s.name}" is not protected.`,
          'WorksheetProtection.unprotect',
        );
      if (sheetPasswords.get(s) !== password)
        throw new FakeOfficeError(
          'InvalidArgument',
          `Wrong password for "${s.name}".`,
          'WorksheetProtection.unprotect',
        );
      s.protected = false;
    });
  }
}

const sheetPasswords = new WeakMap<FakeSheet, string | undefined>();

export class FakeFreezePanes extends SheetPart {
  constructor(ctx: FakeContext, path: string, binder: () => FakeSheet) {
    super(ctx, path, binder, 'WorksheetFreezePanes');
  }

  private check(): void {
    requireApi(this.ctx.host, '1.7', 'Worksheet.freezePanes');
  }

  freezeRows(count: number): void {
    this.call('freezeRows', [count], (s) => {
      this.check();
      if (!Number.isInteger(count) || count < 0)
        throw new FakeOfficeError('InvalidArgument', `freezeRows takes a whole number (found ${count}).`);
      s.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count: number): void {
    this.call('freezeColumns', [count], (s) => {
      this.check();
      if (!Number.isInteger(count) || count < 0)
        throw new FakeOfficeError('InvalidArgument', `freezeColumns takes a whole number (found ${count}).`);
      s.freeze = { rows: 0, columns: count };
    });
  }

  freezeAt(frozen: FakeRange | string): void {
    this.call('freezeAt', [typeof frozen === 'string' ? frozen : frozen.path], (s) => {
      this.check();
      const rect =
        typeof frozen === 'string'
          ? parseAddress(frozen)
          : (frozen as unknown as { live(): RangeModel }).live().rect;
      if (!rect)
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${String(frozen)}" is not a valid range address.`,
          'WorksheetFreezePanes.freezeAt',
        );
      s.freeze = { rows: rect.lastRow + 1, columns: rect.lastCol + 1 };
    });
  }

  unfreeze(): void {
    this.call('unfreeze', [], (s) => {
      this.check();
      s.freeze = null;
    });
  }
}

/**
 * What Excel does to a new table's header row: every header becomes text (a number its text,
 * an empty cell `ColumnN`), and headers are made unique WITHOUT regard to case by appending a
 * number — `Q1`, `q1` → `Q1`, `q12`; `total`, `Total` → `total`, `Total2`.
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-tables
 * https://support.microsoft.com/en-us/office/overview-of-excel-tables-7ab0bb7d-3a9e-4b56-a3c9-6c94334e492c
 */
function uniqueHeaders(sheet: FakeSheet, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.col; c <= rect.lastCol; c++) {
    const cell = sheet.ensureCell(rect.row, c);
    const v = cell.formula !== undefined ? sheet.valueAt(rect.row, c) : cell.value;
    let text = v === undefined || v === null || v === '' ? `Column${c - rect.col + 1}` : String(v);
    if (seen.has(text.toLowerCase())) {
      let k = 2;
      while (seen.has(`${text}${k}`.toLowerCase())) k++;
      text = `${text}${k}`;
    }
    seen.add(text.toLowerCase());
    delete cell.formula;
    delete cell.error;
    cell.value = text;
  }
}

export class FakeTableCollection extends SheetPart {
  constructor(ctx: FakeContext, path: string, binder: () => FakeSheet) {
    super(ctx, path, binder, 'TableCollection');
  }

  /** The sheet's table of that name (case-insensitive), or a null object. */
  getItemOrNullObject(name: string): FakeTableHandle {
    return new FakeTableHandle(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.model().tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
    );
  }

  add(address: string, hasHeaders: boolean): FakeTableHandle {
    let created: FakeTable | undefined;
    this.call('add', [address, hasHeaders], (s) => {
      const rect = parseAddress(address);
      if (!rect)
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${address}" is not a valid range address.`,
          'TableCollection.add',
        );
      guardProtected(s, rect, 'format', 'TableCollection.add');
      const all = this.ctx.host.book.sheets.flatMap((x) => x.tables);
      if (s.tables.some((t) => overlaps(t.rect, rect)))
        throw new FakeOfficeError(
          'InvalidOperation',
          `A table can't overlap another table (${address}).`,
          'TableCollection.add',
        );
      let i = all.length + 1;
      while (all.some((t) => t.name === `Table${i}`)) i++;
      created = { name: `Table${i}`, rect, hasHeaders, style: 'TableStyleMedium2', calculated: new Map() };
      if (hasHeaders) uniqueHeaders(s, rect);
      s.tables.push(created);
    });
    return new FakeTableHandle(this.ctx, `${this.path}.add(${JSON.stringify(address)})`, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The table was not added.');
      return created;
    });
  }
}

export class FakeTableHandle extends FakeObject<FakeTable> {
  constructor(ctx: FakeContext, path: string, binder: () => FakeTable | null, nullable = false) {
    super(ctx, path, binder, 'Table', nullable);
  }

  protected read(t: FakeTable, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'style') return t.style;
    return this.unknownProperty(prop);
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.set('name', v, (t) => {
      const all = this.ctx.host.book.sheets.flatMap((x) => x.tables);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || parseAddress(v))
        throw new FakeOfficeError('InvalidArgument', `"${v}" is not a valid table name.`);
      if (
        all.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()) ||
        this.ctx.host.book.names.has(v)
      )
        throw new FakeOfficeError('ItemAlreadyExists', `The name "${v}" is already used.`);
      t.name = v;
    });
  }

  /** ExcelApi 1.1: the table's rows (only `add` at the end is modelled, ./tables.ts). */
  get rows(): FakeTableRowCollection {
    return new FakeTableRowCollection(this.ctx, `${this.path}.rows`, () => this.model());
  }

  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.set('style', v, (t) => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        throw new FakeOfficeError('InvalidArgument', `"${v}" is not a built-in table style.`);
      t.style = v;
    });
  }
}

export class FakeTableRowCollection extends FakeObject<FakeTable> {
  constructor(ctx: FakeContext, path: string, binder: () => FakeTable | null) {
    super(ctx, path, binder, 'TableRowCollection');
  }

  protected read(_t: FakeTable, prop: string): unknown {
    return this.unknownProperty(prop);
  }

  /** Appends rows at the end of the table (`index` null or undefined), as ./tables.ts describes. */
  add(index?: number | null, values?: XlValue[][]): void {
    this.call('add', [index ?? null, values ?? null], (t, st) => {
      if (index !== null && index !== undefined)
        throw new FakeOfficeError(
          'InvalidOperation',
          'The fake adds table rows at the end only (index null).',
          'TableRowCollection.add',
        );
      const sheet = this.ctx.host.book.sheets.find((s) => s.tables.includes(t))!;
      const grown = { ...t.rect, row: t.rect.lastRow + 1, lastRow: t.rect.lastRow + (values?.length ?? 1) };
      guardProtected(sheet, grown, 'values', 'TableRowCollection.add');
      addTableRows(sheet, t, values, (row, col, v) => {
        writeCell(sheet, row, col, v);
        st.cellsWritten++;
        st.dirty = true;
      });
    });
  }
}

export class FakePageLayout extends SheetPart {
  readonly headersFooters: {
    defaultForAllPages: { centerHeader: string; centerFooter: string; leftFooter: string };
  };

  constructor(ctx: FakeContext, path: string, binder: () => FakeSheet) {
    super(ctx, path, binder, 'PageLayout');
    const hf = (field: 'centerHeader' | 'centerFooter' | 'leftFooter') => ({
      get: () => {
        throw propertyNotLoaded('HeaderFooter', field);
      },
      set: (v: string) =>
        ctx.enqueue(
          { p: `${path}.headersFooters.defaultForAllPages`, set: field, v },
          `HeaderFooter.${field}`,
          () => {
            this.sheetModel().pageLayout[field] = v;
          },
        ),
      enumerable: true,
    });
    this.headersFooters = {
      defaultForAllPages: Object.defineProperties(
        {},
        {
          centerHeader: hf('centerHeader'),
          centerFooter: hf('centerFooter'),
          leftFooter: hf('leftFooter'),
        },
      ) as {
        centerHeader: string;
        centerFooter: string;
        leftFooter: string;
      },
    };
  }

  private sheetModel(): FakeSheet {
    return this.model();
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    this.set('orientation', v, (s) => {
      if (!['Portrait', 'Landscape'].includes(v))
        throw new FakeOfficeError(
          'InvalidArgument',
          `orientation must be Portrait or Landscape (found "${v}").`,
        );
      s.pageLayout.orientation = v;
    });
  }

  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.set('centerHorizontally', v, (s) => {
      if (typeof v !== 'boolean')
        throw new FakeOfficeError(
          'InvalidArgument',
          `centerHorizontally must be true or false (found ${String(v)}).`,
        );
      s.pageLayout.centerHorizontally = v;
    });
  }

  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v, (s) => {
      s.pageLayout.paperSize = v;
    });
  }

  get zoom(): Record<string, number> {
    return this.get('zoom');
  }
  set zoom(v: Record<string, number>) {
    this.set('zoom', v, (s) => {
      s.pageLayout.zoom = { ...v };
    });
  }

  setPrintTitleRows(rows: string): void {
    this.call('setPrintTitleRows', [rows], (s) => {
      const r = parseAddress(rows);
      if (!r || r.col !== 0 || r.lastCol !== MAX_COLUMNS - 1)
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${rows}" is not a row range like $1:$2.`,
          'PageLayout.setPrintTitleRows',
        );
      s.pageLayout.printTitleRows = rows;
    });
  }

  setPrintArea(area: string): void {
    this.call('setPrintArea', [area], (s) => {
      if (!parseAddress(area))
        throw new FakeOfficeError(
          'InvalidArgument',
          `"${area}" is not a valid range address.`,
          'PageLayout.setPrintArea',
        );
      s.pageLayout.printArea = area;
    });
  }
}

export { UNCALCULATED };
