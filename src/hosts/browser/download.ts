/**
 * Hands a file to the user as a browser download (a Blob link clicked once). Used by the preview
 * and, in Excel, where a file cannot be opened as a new workbook (a PDF, or Excel before
 * ExcelApi 1.8). Some desktop task panes block downloads; the pane then says where the file went.
 */
import type { ExportFile, SaveOutcome } from '../types';

export function downloadFile(file: ExportFile): Promise<SaveOutcome> {
  const blob = new Blob([file.bytes as BlobPart], { type: file.type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve('downloaded');
}
