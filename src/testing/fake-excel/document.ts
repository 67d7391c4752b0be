/**
 * A strict fake of `Office.context.document.getFileAsync` (../office/xl.ts, `XlDocument`), for
 * the adapter's tests and the preview. Strict as Office is:
 *  - callbacks come later, never during the call;
 *  - `sliceSize` must be a whole number from 1 to 4 MB;
 *  - only one file may be open at a time: a second `getFileAsync` before `closeAsync` fails;
 *  - slices of a closed file, or past the last one, fail;
 *  - without a provider the file fails like a host without the `CompressedFile` requirement set.
 * Slices come as plain number arrays, as Office.js gives them. Error codes and names follow the
 * shape of Office's `Office.Error`; the wording is the fake's own.
 */
import type { XlAsyncResult, XlDocument, XlFile, XlSlice } from '../../hosts/office/xl';

export type FileProvider = () => Uint8Array | Promise<Uint8Array>;

export interface FakeDocumentOptions {
  /** The .xlsx bytes of the workbook as it stands (e.g. `fakeBookToXlsx`); leave out to fake a
   *  host without `CompressedFile`. */
  compressed?: FileProvider;
}

export interface FakeDocumentStats {
  filesOpened: number;
  slicesRead: number;
  filesClosed: number;
}

const MAX_SLICE = 4 * 1024 * 1024;
const later = (fn: () => void) => void setTimeout(fn, 0);

function fail<T>(code: number, name: string, message: string): XlAsyncResult<T> {
  return { status: 'failed', value: undefined as T, error: { code, name, message } };
}
function ok<T>(value: T): XlAsyncResult<T> {
  return { status: 'succeeded', value, error: undefined as unknown as XlAsyncResult<T>['error'] };
}

export class FakeDocument implements XlDocument {
  readonly stats: FakeDocumentStats = { filesOpened: 0, slicesRead: 0, filesClosed: 0 };
  private openFile: object | null = null;

  constructor(private readonly o: FakeDocumentOptions) {}

  /** Whether a file is still open (a test checks every export closes its file). */
  get fileOpen(): boolean {
    return this.openFile !== null;
  }

  getFileAsync(
    fileType: 'compressed',
    options: { sliceSize: number },
    callback: (result: XlAsyncResult<XlFile>) => void,
  ): void {
    const provider = this.o[fileType];
    const size = options?.sliceSize;
    later(() => {
      if (!provider)
        return callback(
          fail(5009, 'Permission Denied', `this host cannot give the document as "${fileType}"`),
        );
      if (!Number.isInteger(size) || size < 1 || size > MAX_SLICE)
        return callback(
          fail(5007, 'Invalid Argument', `sliceSize must be a whole number from 1 to ${MAX_SLICE}`),
        );
      if (this.openFile)
        return callback(
          fail(
            5001,
            'Internal Error',
            'another file of this document is still open: close it first (closeAsync)',
          ),
        );
      const token = {};
      this.openFile = token;
      Promise.resolve()
        .then(provider)
        .then(
          (bytes) => {
            this.stats.filesOpened++;
            callback(ok(this.file(token, bytes, size)));
          },
          (e: unknown) => {
            this.openFile = null;
            callback(fail(5001, 'Internal Error', e instanceof Error ? e.message : String(e)));
          },
        );
    });
  }

  private file(token: object, bytes: Uint8Array, sliceSize: number): XlFile {
    let closed = false;
    const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
    return {
      size: bytes.length,
      sliceCount,
      getSliceAsync: (index, cb) =>
        later(() => {
          if (closed) return cb(fail(5001, 'Internal Error', 'the file is closed'));
          if (!Number.isInteger(index) || index < 0 || index >= sliceCount)
            return cb(
              fail(5007, 'Invalid Argument', `slice ${index} does not exist (0 to ${sliceCount - 1})`),
            );
          this.stats.slicesRead++;
          const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
          cb(ok<XlSlice>({ data, index, size: data.length }));
        }),
      closeAsync: (cb) =>
        later(() => {
          if (closed) return cb?.(fail(5001, 'Internal Error', 'the file is already closed'));
          closed = true;
          if (this.openFile === token) this.openFile = null;
          this.stats.filesClosed++;
          cb?.(ok(undefined));
        }),
    };
  }
}
