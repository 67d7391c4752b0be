/**
 * The open document as a file, through `Office.context.document.getFileAsync`: the whole .xlsx
 * (`compressed`) for the values-only copy.
 *
 * The file comes in slices of at most 4 MB, read one after another, and the file is always
 * closed afterwards — Office allows only one open file per document, so a file left open makes
 * every later export fail. A failure keeps Office's own message.
 */
import type { XlAsyncResult, XlDocument, XlFile } from './xl';

/** Office's largest slice (4 MB). */
export const MAX_SLICE = 4 * 1024 * 1024;

const WHAT = 'the workbook file';

function failed<T>(r: XlAsyncResult<T>): boolean {
  return r.status !== 'succeeded';
}

function officeError(what: string, r: XlAsyncResult<unknown>): Error {
  return new Error(
    `Excel could not give ${what}: ${r.error?.message ?? 'unknown error'} (${r.error?.code ?? '?'})`,
  );
}

function open(doc: XlDocument, sliceSize: number): Promise<XlFile> {
  return new Promise((resolve, reject) =>
    doc.getFileAsync('compressed', { sliceSize }, (r) =>
      failed(r) ? reject(officeError(WHAT, r)) : resolve(r.value),
    ),
  );
}

function close(file: XlFile): Promise<void> {
  return new Promise((resolve, reject) =>
    file.closeAsync((r) => (r && failed(r) ? reject(officeError('the file back (close)', r)) : resolve())),
  );
}

/** Reads the document as bytes: one request per slice, the file closed whatever happens. */
export async function readDocumentFile(doc: XlDocument, sliceSize = MAX_SLICE): Promise<Uint8Array> {
  const file = await open(doc, sliceSize);
  let bytes: Uint8Array;
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await new Promise<ArrayLike<number>>((resolve, reject) =>
        file.getSliceAsync(i, (r) =>
          failed(r) ? reject(officeError(`slice ${i + 1} of ${WHAT}`, r)) : resolve(r.value.data),
        ),
      );
      if (at + slice.length > out.length)
        throw new Error(`Excel gave more bytes than the ${file.size} it announced for ${WHAT}`);
      out.set(slice, at);
      at += slice.length;
    }
    if (at !== file.size)
      throw new Error(`Excel gave ${at} of the ${file.size} bytes it announced for ${WHAT}`);
    bytes = out;
  } catch (e) {
    // The read failed: still close the file (a close failure here would hide the first error).
    await close(file).catch(() => undefined);
    throw e;
  }
  await close(file);
  return bytes;
}
