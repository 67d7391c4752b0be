/**
 * The real Excel, as the adapter sees it: `Excel.run` and the requirement-set check, narrowed to
 * ./xl.ts. Assigning the real types to the narrow ones here makes the compiler check that the
 * adapter only uses APIs Office.js has with the shapes the fake models.
 */
import type { XlContext, XlIsSetSupported, XlRun } from './xl';

/** Runs a batch through `Excel.run` (Office.js must be loaded and ready). */
export const excelRun: XlRun = <T>(batch: (context: XlContext) => Promise<T>) =>
  Excel.run((context: Excel.RequestContext) => {
    const narrow: XlContext = context;
    return batch(narrow);
  });

/** Whether the running Excel supports an ExcelApi requirement set (false outside Office). */
export const excelIsSetSupported: XlIsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true;
