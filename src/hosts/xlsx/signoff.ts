/**
 * Sign-off in an .xlsx file (exceljs): the sign-off sheet and the very hidden DP_Digests sheet,
 * signing, withdrawing and verifying, and protection of the signed sheets.
 * The layout of both sheets is core's (src/core/signoff/sheet.ts); this file only moves values.
 */
import type ExcelJS from 'exceljs';
import {
  DIGESTS_SHEET,
  SIGNOFF_HEADERS,
  SIGNOFF_WIDTHS,
  buildSignoffRecord,
  digestsSheetRows,
  parseSignoffs,
  signoffTableRows,
  verifyChain,
  withdrawSignoff,
  type Digester,
  type ParsedSignoffs,
  type SheetValue,
  type SignInput,
  type SignoffContent,
  type SignoffRecord,
  type Verification,
  type WithdrawInput,
} from '../../core/signoff';
import type { Lang } from '../../core/types';

/** Names of the sheets a sign-off touches. */
export interface SignedSheets {
  entry: string;
  adjustments: string;
  summary: string;
  signoff: string;
}

/** What the workbook reader gives the sign-off: the content, the sheet names, the assessment name. */
export interface BookContent {
  content: SignoffContent;
  sheets: SignedSheets;
  /** The assessment name for titles and the print header. */
  title: string;
  lang: Lang;
  /** The summary's header row, for the print layout. */
  summaryHeaderRow?: number;
  /** `Sheet!A1` of result formulas never calculated; signing refuses while there are any. */
  uncomputed?: string[];
}

/** Reads a prepared workbook; throws an InputError (one line) when it is not one. */
export type BookReader = (wb: ExcelJS.Workbook) => BookContent;

const HEADER_FIRST = new Set([SIGNOFF_HEADERS.zh[0], SIGNOFF_HEADERS.en[0]]);
const SIGNOFF_TITLE: Record<Lang, string> = { zh: '签核记录', en: 'Sign-off record' };
const TITLE_NOTE: Record<Lang, string> = {
  zh: '每级签核覆盖评分、加减分、结果和模板的 SHA-256 摘要及上一级签核；用 duanping verify 检查。',
  en: 'Each sign-off covers a SHA-256 digest of scores, adjustments, results, template and the level below; check with duanping verify.',
};

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

function sheetValues(ws: ExcelJS.Worksheet, fromRow: number): SheetValue[][] {
  const out: SheetValue[][] = [];
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: SheetValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(plainValue(row.getCell(c)));
    out.push(values);
  }
  return out;
}

/** The row of the sign-off table header (1-based), or undefined when the sheet has none yet. */
function findHeaderRow(ws: ExcelJS.Worksheet): number | undefined {
  const last = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const v = plainValue(ws.getCell(r, 1));
    if (typeof v === 'string' && HEADER_FIRST.has(v.trim())) return r;
  }
  return undefined;
}

/** The sign-off records stored in the workbook ([] when it was never signed). */
export function readSignoffRecords(wb: ExcelJS.Workbook, signoffSheet: string): ParsedSignoffs {
  const ws = wb.getWorksheet(signoffSheet);
  const header = ws ? findHeaderRow(ws) : undefined;
  const table =
    ws && header ? sheetValues(ws, header + 1).filter((r) => r.some((c) => c !== null && c !== '')) : [];
  const digests = wb.getWorksheet(DIGESTS_SHEET);
  return parseSignoffs(table, digests ? sheetValues(digests, 1) : []);
}

/**
 * Writes the records into the sign-off sheet (creating it, with a title and header, when
 * missing) and rewrites DP_Digests (very hidden). Earlier record rows are overwritten in place.
 */
export function writeSignoffRecords(
  wb: ExcelJS.Workbook,
  sheets: SignedSheets,
  records: readonly SignoffRecord[],
  lang: Lang,
  title: string,
): void {
  const ws = wb.getWorksheet(sheets.signoff) ?? wb.addWorksheet(sheets.signoff);
  let header = findHeaderRow(ws);
  if (header === undefined) {
    header = 3;
    ws.getCell(1, 1).value = `${title} ${SIGNOFF_TITLE[lang]}`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(2, 1).value = TITLE_NOTE[lang];
    ws.getCell(2, 1).font = { italic: true, size: 9, color: { argb: 'FF666666' } };
    SIGNOFF_HEADERS[lang].forEach((h, i) => {
      const c = ws.getCell(header!, i + 1);
      c.value = h;
      c.font = { bold: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = thinBorder;
    });
    SIGNOFF_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  const rows = signoffTableRows(records, lang);
  const oldCount = ws.rowCount - header;
  for (let i = 0; i < Math.max(rows.length, oldCount); i++) {
    const row = ws.getRow(header + 1 + i);
    const values = rows[i] ?? [];
    for (let c = 0; c < SIGNOFF_HEADERS[lang].length; c++) {
      const cell = row.getCell(c + 1);
      const v = values[c];
      cell.value = v === undefined || v === '' ? null : v;
      if (values.length > 0) {
        cell.border = thinBorder;
        cell.alignment = { vertical: 'top', wrapText: c === 4 || c === 9 };
        if (c === 3 || c === 5 || c === 8) cell.numFmt = '@';
      }
    }
  }
  const old = wb.getWorksheet(DIGESTS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const dg = wb.addWorksheet(DIGESTS_SHEET, { state: 'veryHidden' });
  for (const values of digestsSheetRows(records)) dg.addRow(values.map((v) => (v === '' ? null : v)));
}

const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

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
        if (cell.protection?.locked === false) cell.protection = { ...cell.protection, locked: true };
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

export interface SignOptions extends SignInput {
  /** Optional sheet-protection password; used for the hash only, never stored. */
  password?: string;
}

export type BookSignResult =
  | { ok: true; record: SignoffRecord; records: SignoffRecord[]; book: BookContent }
  | { ok: false; message: string; verification?: Verification };

/** Signs the workbook in memory: a new record, the sheets rewritten, the signed sheets protected. */
export async function signWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  options: SignOptions,
  digester: Digester,
): Promise<BookSignResult> {
  const book = read(wb);
  const uncomputed = book.uncomputed ?? [];
  if (uncomputed.length > 0)
    return {
      ok: false,
      message: `${uncomputed[0]}${uncomputed.length > 1 ? ` and ${uncomputed.length - 1} more result cell(s)` : ''} hold formulas that were never calculated: open and save the workbook in Excel, WPS or LibreOffice, then sign`,
    };
  const stored = readSignoffRecords(wb, book.sheets.signoff);
  if (!stored.ok) return stored;
  const { password, ...input } = options;
  const signed = await buildSignoffRecord(book.content, stored.records, input, digester);
  if (!signed.ok) return signed;
  writeSignoffRecords(wb, book.sheets, signed.records, book.lang, book.title);
  const { entry, adjustments, summary, signoff } = book.sheets;
  await protectSheets(wb, [entry, adjustments, summary, signoff], password);
  return { ok: true, record: signed.record, records: signed.records, book };
}

export type BookVerification =
  { ok: false; unreadable: string } | (Verification & { unreadable?: undefined });

/** Verifies the sign-offs stored in the workbook against its current content. */
export async function verifyWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  digester: Digester,
): Promise<BookVerification> {
  const book = read(wb);
  const stored = readSignoffRecords(wb, book.sheets.signoff);
  if (!stored.ok) return { ok: false, unreadable: stored.message };
  return verifyChain(book.content, stored.records, digester);
}

/** Withdraws the top active level in the workbook; the record stays, marked withdrawn. */
export async function withdrawInWorkbook(
  wb: ExcelJS.Workbook,
  read: BookReader,
  level: number,
  input: WithdrawInput,
  digester: Digester,
): Promise<{ ok: true; records: SignoffRecord[] } | { ok: false; message: string }> {
  const book = read(wb);
  const stored = readSignoffRecords(wb, book.sheets.signoff);
  if (!stored.ok) return stored;
  const w = await withdrawSignoff(stored.records, level, input, digester);
  if (!w.ok) return w;
  writeSignoffRecords(wb, book.sheets, w.records, book.lang, book.title);
  return w;
}
