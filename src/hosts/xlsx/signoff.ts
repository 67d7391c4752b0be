/**
 * Sign-off in an .xlsx file (exceljs): the store of src/workbook/signoff-store.ts (the one the
 * add-in runs) over the exceljs grid port, and the helpers the command line needs around it.
 * This file only opens the way in; the sheets, digests and protection are written there.
 */
import type ExcelJS from 'exceljs';
import type { Digester, ParsedSignoffs, WithdrawInput } from '../../core/signoff';
import { DIGESTS_SHEET } from '../../core/signoff';
import {
  readSignoffRecords as readRecordGrids,
  signBook,
  verifyBook,
  withdrawBook,
  type BookSignResult,
  type BookVerification,
  type BookWithdrawResult,
  type SignedSheets,
  type SignOptions,
  type SignoffStore,
} from '../../workbook/signoff';
import { signoffStore, type BookContent } from '../../workbook/signoff-store';
import { xlsxPort } from './port';
import { sheetGrid } from './read';

export type { BookSignResult, BookVerification, SignOptions, SignedSheets };

/**
 * Reads a book laid out otherwise than an installation (the sign-off tests' fixtures); without
 * one, the installation is read.
 */
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

function gridOf(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name);
  return ws ? sheetGrid(ws) : undefined;
}

/** The sign-off records stored in the workbook ([] when it was never signed). */
export function readSignoffRecords(wb: ExcelJS.Workbook, signoffSheet: string): ParsedSignoffs {
  return readRecordGrids(gridOf(wb, signoffSheet), gridOf(wb, DIGESTS_SHEET)).records;
}

/** The sign-off store of an exceljs workbook (in memory; the caller saves the file). */
export function xlsxSignoffStore(wb: ExcelJS.Workbook, read?: BookReader): SignoffStore {
  return signoffStore(xlsxPort(wb), read ? async () => read(wb) : undefined);
}

/** Signs the workbook in memory: a new record, the sheets rewritten, the signed sheets protected. */
export function signWorkbook(
  wb: ExcelJS.Workbook,
  options: SignOptions,
  digester: Digester,
  read?: BookReader,
): Promise<BookSignResult> {
  return signBook(xlsxSignoffStore(wb, read), options, digester);
}

/** Verifies the sign-offs stored in the workbook against its current content. */
export function verifyWorkbook(
  wb: ExcelJS.Workbook,
  digester: Digester,
  read?: BookReader,
): Promise<BookVerification> {
  return verifyBook(xlsxSignoffStore(wb, read), digester);
}

/** Withdraws the top active level in the workbook; the record stays, marked withdrawn. */
export function withdrawInWorkbook(
  wb: ExcelJS.Workbook,
  level: number,
  input: WithdrawInput,
  digester: Digester,
  read?: BookReader,
): Promise<BookWithdrawResult> {
  return withdrawBook(xlsxSignoffStore(wb, read), level, input, digester);
}
