/**
 * PDF of the print layout through headless LibreOffice (the command line's counterpart of the
 * add-in's `getFileAsync(Office.FileType.Pdf)`): a temporary copy with only the print sheet
 * visible is converted, so the PDF holds exactly the print layout.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';

/** Writes `pdfPath` from the print sheet of the workbook saved at `xlsxPath`. */
export async function printSheetToPdf(xlsxPath: string, printSheet: string, pdfPath: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dp-print-'));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const print = wb.getWorksheet(printSheet);
    if (!print) throw new InputError(`${xlsxPath} has no sheet "${printSheet}" to print`);
    wb.eachSheet((ws) => (ws.state = ws === print ? 'visible' : 'hidden'));
    wb.views = [
      {
        activeTab: wb.worksheets.indexOf(print),
        x: 0,
        y: 0,
        width: 10000,
        height: 20000,
        firstSheet: 0,
        visibility: 'visible',
      },
    ];
    const tmp = join(dir, 'print.xlsx');
    await wb.xlsx.writeFile(tmp);
    await new Promise<void>((resolve, reject) =>
      execFile(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          tmp,
        ],
        { timeout: 180_000 },
        (err) =>
          err
            ? reject(
                new InputError(
                  `cannot make a PDF: LibreOffice (soffice) failed or is not installed (${err.message.split('\n')[0]})`,
                ),
              )
            : resolve(),
      ),
    );
    copyFileSync(join(dir, 'print.pdf'), pdfPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
