/**
 * The Office adapter's entry points. In the add-in: `createExcelHost()` (Office.js must be
 * ready, i.e. after `Office.onReady`). In the preview and tests: `new OfficeHost({ run, isSetSupported })`
 * with the fake's `run` and `isSetSupported` (src/testing/fake-excel/).
 */
import type { Lang } from '../../core/types';
import { commonSetSupported, excelDocument, excelIsSetSupported, excelRun } from './excel-run';
import { saveInExcel } from './save';
import { OfficeHost } from './host';

export { OfficeHost } from './host';
export type { OfficeHostOptions } from './host';

/** The WorkbookHost for the Excel the add-in runs in. */
export function createExcelHost(lang?: Lang): OfficeHost {
  return new OfficeHost({
    run: excelRun,
    isSetSupported: excelIsSetSupported,
    kind: 'excel',
    lang,
    document: excelDocument(),
    fileTypes: { compressed: commonSetSupported('CompressedFile') },
    saveFile: saveInExcel,
  });
}
