/**
 * Sign-off in an .xlsx file (exceljs): the sign-off sheet and the very hidden DP_Digests sheet,
 * signing, withdrawing and verifying, and protection of the signed sheets.
 * The layout of both sheets and the sign/verify/withdraw steps are shared with the add-in
 * (src/workbook/signoff.ts); this file only moves values in and out of exceljs.
 */
import type ExcelJS from 'exceljs';
import {
  DIGESTS_SHEET,
  type Digester,
  type ParsedSignoffs,
  type SheetValue,
  type WithdrawInput,
} from '../../core/signoff';
import {
  digestsBlock,
  readSignoffRecords as readRecordGrids,
  signBook,
  signoffSheetWrite,
  verifyBook,
  withdrawBook,
  type BookSignResult,
  type BookVerification,
  type BookWithdrawResult,
  type SignedSheets,
  type SignOptions,
  type SignoffBook,
  type SignoffStore,
} from '../../workbook/signoff';
import { sheetGrid } from './read';
import { cellPosition, writeBlock } from './write';

export type { BookSignResult, BookVerification, SignOptions, SignedSheets };

/**
 * What a workbook reader gives the sign-off: the book without its records (the store reads
 * those from the sign-off sheets itself); the layout-dependent parts may be left out.
 */
export type BookContent = Pick<SignoffBook, 'content' | 'sheets' | 'title' | 'lang'> &
  Partial<Pick<SignoffBook, 'summaryHeaderRow' | 'uncomputed' | 'inputRanges' | 'lists' | 'sheetIssues'>>;

/** Reads a prepared workbook; throws an InputError (one line) when it is not one. */
export type BookReader = (wb: ExcelJS.Workbook) => BookContent;

/**
 * Makes a workbook read back from LibreOffice writable again: LibreOffice saves tables without
 * `tableStyleInfo`, which exceljs reads as a null style and then fails to write
 * ("Cannot read properties of null (reading 'theme')"). Such tables get the plain default style.
 */
export function repairForWrite(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table?: { style?: unknown } }[]) {
      const model = t.table;
      if (model && !model.style)
        model.style = {
          theme: undefined,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: true,
          showColumnStripes: false,
        };
    }
  });
}

/** A cell's value as a plain value (rich text joined, formula results taken, dates as ISO text). */
export function plainValue(cell: ExcelJS.Cell): SheetValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? r : null;
    }
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return null;
}

function gridOf(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name);
  return ws ? sheetGrid(ws) : undefined;
}

/** The sign-off records stored in the workbook ([] when it was never signed). */
export function readSignoffRecords(wb: ExcelJS.Workbook, signoffSheet: string): ParsedSignoffs {
  return readRecordGrids(gridOf(wb, signoffSheet), gridOf(wb, DIGESTS_SHEET)).records;
}

/**
 * The sign-off store of an exceljs workbook (in memory; the caller saves the file): the
 * content through `read`, the records from the sign-off sheet and DP_Digests.
 */
export function xlsxSignoffStore(wb: ExcelJS.Workbook, read: BookReader): SignoffStore {
  return {
    async read(): Promise<SignoffBook> {
      const b = read(wb);
      const r = readRecordGrids(gridOf(wb, b.sheets.signoff), gridOf(wb, DIGESTS_SHEET));
      return {
        ...b,
        summaryHeaderRow: b.summaryHeaderRow ?? 1,
        uncomputed: b.uncomputed ?? [],
        inputRanges: b.inputRanges ?? [],
        records: r.records,
        signoffHeaderRow: r.headerRow,
        signoffRowCount: r.rowCount,
      };
    },
    async write(book, records, options) {
      const ws = wb.getWorksheet(book.sheets.signoff) ?? wb.addWorksheet(book.sheets.signoff);
      const plan = signoffSheetWrite(records, book);
      for (const c of plan.columns) ws.getColumn(c.col).width = c.width;
      for (const block of plan.blocks) writeBlock(ws, block);
      const old = wb.getWorksheet(DIGESTS_SHEET);
      if (old) wb.removeWorksheet(old.id);
      writeBlock(wb.addWorksheet(DIGESTS_SHEET, { state: 'veryHidden' }), digestsBlock(records));
      const { entry, adjustments, summary, signoff } = book.sheets;
      if (options.protect) await protectSheets(wb, [entry, adjustments, summary, signoff], options.password);
      if (options.unlock) {
        for (const name of [entry, adjustments, summary, signoff]) wb.getWorksheet(name)?.unprotect();
        for (const r of book.inputRanges) {
          const ws = wb.getWorksheet(r.sheet);
          if (!ws) continue;
          const [from, to] = r.range.split(':').map(cellPosition);
          for (let row = from.row; row <= to.row; row++)
            for (let col = from.col; col <= to.col; col++) {
              const cell = ws.getCell(row, col);
              cell.style = restyle(cell.style, { locked: false });
            }
        }
      }
    },
  };
}

/**
 * A cell's style with another protection, as a new object: cells share style objects (exceljs
 * does for the cells it reads, writeBlock in ./write.ts for the cells it writes), so one is never
 * changed in place. Equal results are one object again, which exceljs registers once.
 */
const restyled = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();
function restyle(
  style: Partial<ExcelJS.Style>,
  protection: Partial<ExcelJS.Protection>,
): Partial<ExcelJS.Style> {
  let byKey = restyled.get(style);
  if (!byKey) restyled.set(style, (byKey = new Map()));
  const key = JSON.stringify(protection);
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = { ...style, protection }));
  return out;
}

/**
 * Protects the named sheets so cells cannot be edited (formatting rows and columns stays
 * allowed). Unlocked entry cells are locked first, or Excel would still let people type in
 * them. The password, if any, only goes into Excel's salted hash; it is never stored.
 */
export async function protectSheets(wb: ExcelJS.Workbook, names: string[], password?: string): Promise<void> {
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false)
          cell.style = restyle(cell.style, { ...cell.protection, locked: true });
      }),
    );
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.protection?.locked === false) col.protection = { ...col.protection, locked: true };
    }
    await ws.protect(password ?? '', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      sort: false,
      autoFilter: true,
    });
  }
}

/** Signs the workbook in memory: a new record, the sheets rewritten, the signed sheets protected. */
export function signWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  options: SignOptions,
  digester: Digester,
): Promise<BookSignResult> {
  return signBook(xlsxSignoffStore(wb, read), options, digester);
}

/** Verifies the sign-offs stored in the workbook against its current content. */
export function verifyWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  digester: Digester,
): Promise<BookVerification> {
  return verifyBook(xlsxSignoffStore(wb, read), digester);
}

/** Withdraws the top active level in the workbook; the record stays, marked withdrawn. */
export function withdrawInWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  level: number,
  input: WithdrawInput,
  digester: Digester,
): Promise<BookWithdrawResult> {
  return withdrawBook(xlsxSignoffStore(wb, read), level, input, digester);
}
