/**
 * The copy to send on (spec: ../shared/spec/signoff.md, "Export"), made from a workbook file by
 * both the command line (`duanping export`) and the add-in (from `getFileAsync`): the
 * sign-offs are checked first — a book whose sign-offs do not verify is not exported — then
 * formulas are replaced by their values and/or the print sheet is added.
 */
import ExcelJS from 'exceljs';
import type { Digester, SignoffRecord, Verification } from '../../core/signoff';
import type { Lang } from '../../core/types';
import { verifyRecords } from '../../workbook/signoff';
import { writePrintSheet } from '../../workbook/output-sheets';
import { replaceFormulasByValues } from './export';
import { xlsxPort } from './port';
import { repairForWrite, xlsxSignoffStore } from './signoff';

export interface CopyOptions {
  valuesOnly: boolean;
  print: boolean;
  /** Language of the print sheet; default: the installation's. */
  lang?: Lang;
}

export type CopyResult =
  | {
      ok: true;
      /** Whether any sign-off is active (a copy of an unsigned book is allowed, and said so). */
      signed: boolean;
      records: SignoffRecord[];
      /** Formulas replaced by values. */
      replaced: number;
      /** The print sheet added, if asked for. */
      printSheet?: string;
      title: string;
    }
  | { ok: false; reason: 'unreadable'; message: string }
  | { ok: false; reason: 'not-verified'; verification: Verification }
  | { ok: false; reason: 'uncomputed'; cells: string[] };

/** Makes the copy in place in `wb` (the caller writes it out). */
export async function makeCopy(
  wb: ExcelJS.Workbook,
  o: CopyOptions,
  digester: Digester,
): Promise<CopyResult> {
  const book = await xlsxSignoffStore(wb).read();
  if (!book.records.ok) return { ok: false, reason: 'unreadable', message: book.records.message };
  const v = await verifyRecords(book, book.records.records, digester);
  if (!v.ok) return { ok: false, reason: 'not-verified', verification: v };
  if (book.uncomputed.length > 0) return { ok: false, reason: 'uncomputed', cells: book.uncomputed };
  repairForWrite(wb);
  // Formulas without a cached value computed "" (spreadsheets store no value for it): left empty.
  const replaced = o.valuesOnly ? replaceFormulasByValues(wb).replaced : 0;
  let printSheet: string | undefined;
  // The print sheet of the add-in (src/workbook/output-sheets.ts), with the records just verified.
  if (o.print) printSheet = await writePrintSheet(xlsxPort(wb), { lang: o.lang, records: v.records });
  return { ok: true, signed: v.signed, records: v.records, replaced, printSheet, title: book.title };
}

/** The add-in's way in: the workbook's bytes in, the copy's bytes out. */
export async function copyFromBytes(
  bytes: Uint8Array,
  o: CopyOptions,
  digester: Digester,
): Promise<CopyResult & { bytes?: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      ok: false,
      reason: 'unreadable',
      message: `the workbook file could not be read as .xlsx (${why})`,
    };
  }
  const r = await makeCopy(wb, o, digester);
  if (!r.ok) return r;
  return { ...r, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}
