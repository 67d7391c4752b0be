/**
 * Reading the document file slice by slice (getFileAsync) against the strict fake: the bytes
 * come back whole across slice boundaries, the file is always closed, and Office's failures
 * reach the caller with their message.
 */
import { FakeDocument } from '../../src/testing/fake-excel/document';
import { readDocumentFile } from '../../src/hosts/office/file';
import { toBase64 } from '../../src/hosts/office/save';
import type { XlDocument } from '../../src/hosts/office/xl';

const bytes = Uint8Array.from({ length: 10_007 }, (_, i) => (i * 31) % 256);

describe('toBase64 (the copy handed to Excel.createWorkbook)', () => {
  it('encodes bytes as Node does, across its 32 KB chunks', () => {
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('readDocumentFile', () => {
  it.each([1_000, 4_096, 10_007, 4 * 1024 * 1024])(
    'reassembles the file from slices of %i bytes and closes it',
    async (size) => {
      const doc = new FakeDocument({ compressed: () => bytes });
      const got = await readDocumentFile(doc, size);
      expect(got).toEqual(bytes);
      expect(doc.stats.slicesRead).toBe(Math.ceil(bytes.length / size));
      expect(doc.fileOpen).toBe(false);
    },
  );

  it('fails like Office, with Office’s message, where the host cannot give the file', async () => {
    const doc = new FakeDocument({});
    await expect(readDocumentFile(doc)).rejects.toThrow(
      /Excel could not give the workbook file: .*"compressed"/,
    );
    expect(doc.fileOpen).toBe(false);
  });

  it('refuses a slice size Office refuses', async () => {
    const doc = new FakeDocument({ compressed: () => bytes });
    await expect(readDocumentFile(doc, 5 * 1024 * 1024)).rejects.toThrow(/sliceSize/);
  });

  it('the strict fake refuses a second open file, as Office does', async () => {
    const doc = new FakeDocument({ compressed: () => bytes });
    const first = await new Promise<string>((resolve) =>
      doc.getFileAsync('compressed', { sliceSize: 1000 }, (r) => resolve(r.status)),
    );
    expect(first).toBe('succeeded');
    await expect(readDocumentFile(doc)).rejects.toThrow(/still open/);
  });

  it('closes the file when a slice fails, and reports the slice', async () => {
    const doc = new FakeDocument({ compressed: () => bytes });
    let closed = 0;
    const failing: XlDocument = {
      getFileAsync: (type, options, cb) =>
        doc.getFileAsync(type, options, (r) => {
          const file = r.value;
          cb({
            ...r,
            value: {
              size: file.size,
              sliceCount: file.sliceCount,
              getSliceAsync: (i, done) =>
                i === 1
                  ? done({
                      status: 'failed',
                      value: undefined as never,
                      error: { code: 5001, name: 'Internal Error', message: 'connection lost' },
                    })
                  : file.getSliceAsync(i, done),
              closeAsync: (done) => {
                closed++;
                file.closeAsync(done);
              },
            },
          });
        }),
    };
    await expect(readDocumentFile(failing, 1000)).rejects.toThrow(
      'Excel could not give slice 2 of the workbook file: connection lost (5001)',
    );
    expect(closed).toBe(1);
    expect(doc.fileOpen).toBe(false);
  });
});
