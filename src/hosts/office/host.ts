/**
 * The Office adapter: the task pane's `WorkbookHost` over the Excel JavaScript API. Every
 * workbook operation — install and upgrade, reading content, the analysis sheet, the sign-off
 * store, the print and report sheets, fixes, the ratee list, selecting and highlighting — is
 * the host-neutral one of src/workbook/, run over the Office grid port (./port.ts, which says
 * how many syncs each call costs); what is left here is Office's own: feature detection, the
 * file API (getFileAsync) and handing files to the user.
 */
import { InputError } from '../../core/errors';
import type { Lang, RateeInfo, Results, RowResult } from '../../core/types';
import { installBook, readBookContent, writeAnalysisSheet } from '../../workbook/operations';
import { signoffStore } from '../../workbook/signoff-store';
import type { SignoffStore } from '../../workbook/signoff';
import { writePrintSheet, writeReviewReport } from '../../workbook/output-sheets';
import * as edits from '../../workbook/edits';
import type {
  CellWrite,
  ExportFile,
  InstallOptions,
  InstallReport,
  Installation,
  Progress,
  SaveOutcome,
  WorkbookContent,
  WorkbookHost,
} from '../types';
import { readDocumentFile } from './file';
import { OfficePort } from './port';
import type { Features } from './writes';
import type { XlDocument, XlIsSetSupported, XlRun } from './xl';

export interface OfficeHostOptions {
  /** `Excel.run` (./excel-run.ts) or the fake's `run`. */
  run: XlRun;
  isSetSupported: XlIsSetSupported;
  /** `Office.context.document` (file API) and which file types this host gives; none: no exports. */
  document?: XlDocument;
  fileTypes?: { compressed: boolean };
  /** Hands an exported file to the user (Excel: a new workbook window or a download). */
  saveFile?: (file: ExportFile) => Promise<SaveOutcome>;
  kind?: 'excel' | 'preview';
  /** Language of a new installation's sheets (an upgrade keeps the installed language). */
  lang?: Lang;
  /** Request budget of one write sync in bytes (default 4 MB, below Excel on the web's 5 MB). */
  batchBytes?: number;
  /** Response budget of one read sync in bytes (default 2 MB). */
  readBytes?: number;
}

export class OfficeHost implements WorkbookHost {
  readonly kind: 'excel' | 'preview';
  /** What the last install left out because this Excel lacks the API (e.g. print settings). */
  degraded: string[] = [];
  private readonly batchBytes: number;

  /** The grid port the workbook operations run on. */
  readonly port: OfficePort;

  constructor(private readonly o: OfficeHostOptions) {
    this.kind = o.kind ?? 'excel';
    this.batchBytes = o.batchBytes ?? 4 * 1024 * 1024;
    this.port = new OfficePort({
      run: o.run,
      features: () => this.features(),
      batchBytes: this.batchBytes,
      readBytes: o.readBytes ?? 2 * 1024 * 1024,
    });
  }

  /** APIs beyond the manifest's ExcelApi 1.7, detected at run time. */
  features(): Features {
    return {
      dataValidation: this.o.isSetSupported('ExcelApi', '1.8'),
      pageLayout: this.o.isSetSupported('ExcelApi', '1.9'),
    };
  }

  async findInstallation(): Promise<Installation | null> {
    const info = await this.port.info();
    if (!info.stored) return null;
    const present = new Set(info.sheets.map((s) => s.name));
    return {
      templateId: info.stored.template.id,
      sheets: Object.values(info.stored.layout.sheetNames).filter((n) => present.has(n)),
    };
  }

  async sheetNames(): Promise<string[]> {
    return (await this.port.info()).sheets.map((s) => s.name);
  }

  async install(options: InstallOptions, progress?: Progress): Promise<InstallReport> {
    this.degraded = [];
    const features = this.features();
    if (!features.dataValidation) this.degraded.push('data validation (needs ExcelApi 1.8)');
    if (!features.pageLayout) this.degraded.push('print settings (needs ExcelApi 1.9)');
    const { report } = await installBook(this.port, { ...options, lang: this.o.lang }, progress);
    return report;
  }

  async readContent(): Promise<WorkbookContent> {
    const read = await readBookContent(this.port);
    return { ...read.content, outsideFormulas: read.outsideFormulas };
  }

  async writeAnalysis(results: Results): Promise<void> {
    await writeAnalysisSheet(this.port, results);
  }

  writeCells(cells: CellWrite[]): Promise<CellWrite[]> {
    return edits.writeCells(this.port, cells);
  }

  fillRateeList(ratees: RateeInfo[]): Promise<void> {
    return edits.fillRateeList(this.port, ratees);
  }

  selectCell(where: string): Promise<void> {
    return edits.selectCell(this.port, where);
  }

  selectRows(sheet: string, rows: number[]): Promise<void> {
    return edits.selectRows(this.port, sheet, rows);
  }

  highlightRows(sheet: string, rows: number[], color: string | null): Promise<void> {
    return edits.highlightRows(this.port, sheet, rows, color);
  }

  // ----- Sign-off and export (spec: ../shared/spec/signoff.md) -----

  /** The sign-off storage of the open workbook, for signBook / verifyBook / withdrawBook. */
  signoffStore(): SignoffStore {
    return signoffStore(this.port);
  }

  /** Writes the print layout sheet (打印版 / Print) from the summary and the sign-offs and shows it. */
  writePrintLayout(): Promise<string> {
    return writePrintSheet(this.port);
  }

  /** Writes the printable 评委分析 report (src/workbook/report.ts) and shows it. */
  writeReviewReport(results: Results, rows: RowResult[]): Promise<string> {
    return writeReviewReport(this.port, results, rows);
  }

  /** The file exports this Excel offers (`CompressedFile` requirement set). */
  fileExports(): { copy: boolean } {
    const t = this.o.document ? this.o.fileTypes : undefined;
    return { copy: !!t?.compressed && !!this.o.saveFile };
  }

  /** The open workbook as an .xlsx file, as Excel would save it now. */
  async getFile(): Promise<Uint8Array> {
    if (!this.o.document || !this.fileExports().copy)
      throw new InputError('this Excel cannot give the workbook file to add-ins (CompressedFile)');
    return readDocumentFile(this.o.document);
  }

  async saveFile(file: ExportFile): Promise<SaveOutcome> {
    if (!this.o.saveFile) throw new InputError('this host cannot save files');
    return this.o.saveFile(file);
  }
}
