/**
 * The real Excel, as the adapter sees it: `Excel.run` and the requirement-set check, narrowed to
 * ./xl.ts. Assigning the real types to the narrow ones here makes the compiler check that the
 * adapter only uses APIs Office.js has with the shapes the fake models.
 */
import type { XlContext, XlDocument, XlFile, XlIsCommonSetSupported, XlIsSetSupported, XlRun } from './xl';

/** Runs a batch through `Excel.run` (Office.js must be loaded and ready). */
export const excelRun: XlRun = <T>(batch: (context: XlContext) => Promise<T>) =>
  Excel.run((context: Excel.RequestContext) => {
    const narrow: XlContext = context;
    return batch(narrow);
  });

/** Whether the running Excel supports an ExcelApi requirement set (false outside Office). */
export const excelIsSetSupported: XlIsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true;

/** Whether the running Office supports a common API set such as `CompressedFile` (false outside Office). */
export const commonSetSupported: XlIsCommonSetSupported = (name) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name) === true;

/** An Office.AsyncResult in the narrow shape: status as its string value. */
function narrow<T, U>(r: Office.AsyncResult<T>, value: (v: T) => U) {
  return {
    status: r.status === Office.AsyncResultStatus.Succeeded ? 'succeeded' : 'failed',
    value: r.status === Office.AsyncResultStatus.Succeeded ? value(r.value) : (undefined as U),
    error: r.error,
  };
}

function narrowFile(file: Office.File): XlFile {
  return {
    size: file.size,
    sliceCount: file.sliceCount,
    getSliceAsync: (i, callback) =>
      file.getSliceAsync(i, (r) =>
        callback(narrow(r, (s) => ({ data: s.data as ArrayLike<number>, index: s.index, size: s.size }))),
      ),
    closeAsync: (callback) => file.closeAsync((r) => callback?.(narrow(r, () => undefined))),
  };
}

/** `Office.context.document`, narrowed to its file API (undefined outside Office). */
export function excelDocument(): XlDocument | undefined {
  if (typeof Office === 'undefined' || !Office.context?.document) return undefined;
  const doc = Office.context.document;
  return {
    getFileAsync: (_fileType, options, callback) =>
      doc.getFileAsync(Office.FileType.Compressed, options, (r) => callback(narrow(r, narrowFile))),
  };
}
