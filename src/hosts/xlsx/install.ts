/**
 * Installing into an .xlsx workbook that may already hold sheets: the workbook operation of
 * src/workbook/operations.ts (the same the add-in runs) over the exceljs port, plus file I/O.
 */
import { existsSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import { installBook, type InstallBookOptions, type InstallBookResult } from '../../workbook/operations';
import { openXlsx } from './read';
import { xlsxPort } from './port';
import { newWorkbook, type WriteOptions } from './write';

export type XlsxInstallOptions = InstallBookOptions;

/** Installs the template into `wb` (which may hold other sheets); returns what was done. */
export async function installIntoWorkbook(
  wb: ExcelJS.Workbook,
  o: XlsxInstallOptions,
  write: WriteOptions = {},
): Promise<InstallBookResult> {
  const result = await installBook(xlsxPort(wb, write), o);
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return result;
}

/**
 * Installs into the workbook at `path`: a new file when there is none, else into the existing
 * workbook (its other sheets untouched), written back to `outPath` (default: the same file).
 */
export async function installXlsxFile(
  path: string,
  o: XlsxInstallOptions,
  outPath = path,
): Promise<InstallBookResult> {
  const wb = existsSync(path) ? await openXlsx(path) : newWorkbook();
  // Written to the file straight after: the big blocks go to XML rows directly.
  const result = await installIntoWorkbook(wb, o, { direct: true });
  try {
    await wb.xlsx.writeFile(outPath);
  } catch (e) {
    throw new InputError(`cannot write ${outPath}: ${(e as Error).message}`);
  }
  return result;
}
