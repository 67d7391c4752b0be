/**
 * Makes exceljs zip the files it writes with Node's own zlib instead of JavaScript: exceljs's
 * `wb.xlsx.write` packs the parts with JSZip, whose deflate (pako) and CRC run in JavaScript on
 * the main thread — a third of a large build's time. The parts go instead through `archiver`
 * (the zip library exceljs's own streaming writer uses; zlib in native code, off the main
 * thread). Same parts, same order, same deflate format; nothing else of the file changes.
 *
 * The patch replaces `ZipWriter` of exceljs/lib/utils/zip-stream, which `wb.xlsx.write` looks
 * up each time it writes. Node only: the browser uses exceljs's own bundle, which this module
 * cannot reach (webpack leaves exceljs/lib and archiver out of the pane's bundles).
 */
import type { Readable } from 'node:stream';

/** Deflate level: 6 (zlib's default) — native zlib at 6 is faster than pako at 1. */
const LEVEL = 6;

interface Archive extends Readable {
  append(data: Buffer | string, options: { name: string }): void;
  finalize(): Promise<void>;
}

let applied = false;

/** Patches exceljs once (idempotent); returns false where its sources are not reachable. */
export function applyNativeZip(): boolean {
  if (applied) return true;
  let zipStream: { ZipWriter: unknown };
  let archiver: (format: string, options: object) => Archive;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    zipStream = require('exceljs/lib/utils/zip-stream');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    archiver = require('archiver');
  } catch {
    return false;
  }

  /** exceljs's ZipWriter interface (append, finalize, 'finish', pipe) over an archiver zip. */
  class NativeZipWriter {
    private readonly archive: Archive = archiver('zip', { zlib: { level: LEVEL } });

    /** 'finish': every byte has gone to the destination (the archive's readable side ended). */
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.archive.on(event === 'finish' ? 'end' : event, listener);
      return this;
    }

    append(data: Buffer | string, options: { name: string; base64?: boolean }): void {
      const body = options.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data;
      this.archive.append(body, { name: options.name });
    }

    finalize(): Promise<void> {
      return this.archive.finalize();
    }

    /** exceljs ends the destination itself once 'finish' has been emitted. */
    pipe<T extends NodeJS.WritableStream>(destination: T): T {
      return this.archive.pipe(destination, { end: false });
    }
  }

  zipStream.ZipWriter = NativeZipWriter;
  applied = true;
  return true;
}
