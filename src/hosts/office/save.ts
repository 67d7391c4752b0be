/**
 * Exported files in Excel: an .xlsx copy opens as a new workbook window (`Excel.createWorkbook`,
 * ExcelApi 1.8), where the user saves it under a name of their choosing; anything else, or an
 * older Excel, is offered as a download, which the pane cannot confirm (WebView2 blocks blob
 * downloads).
 */
import { downloadFile } from '../browser/download';
import type { ExportFile, SaveOutcome } from '../types';
import { excelIsSetSupported } from './excel-run';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bytes as base64, in chunks (String.fromCharCode on megabytes at once overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function saveInExcel(file: ExportFile): Promise<SaveOutcome> {
  if (file.type === XLSX && excelIsSetSupported('ExcelApi', '1.8')) {
    await Excel.createWorkbook(toBase64(file.bytes));
    return 'opened';
  }
  // Inside Excel the download may never arrive (WebView2 blocks blob downloads): only offered.
  await downloadFile(file);
  return 'offered';
}
