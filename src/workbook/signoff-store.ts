/**
 * The sign-off store of ./signoff.ts written once over the grid port (./port.ts), for every host:
 * the add-in (Office.js) and the command line (.xlsx files) read the same sheets and write the
 * same blocks with the same protection, so a book signed in one verifies in the other.
 *
 * Reading: the stored installation, then the entry, adjustment, list, summary and sign-off
 * sheets and DP_Digests in one read (values made current first where calculation may be manual).
 * Writing: the sign-off table, DP_Digests (very hidden, rewritten in place), then the
 * protection of the signed sheets, in one unit of work. The password goes to the host's
 * protection only; it is never written anywhere.
 */
import { InputError } from '../core/errors';
import { DIGESTS_SHEET, type SignoffRecord } from '../core/signoff';
import type { RawCell } from '../core/types';
import { parseAddress } from './a1';
import type { Block } from './plan';
import type { BlockWrite, GridPort, ProtectionOptions } from './port';
import {
  digestsBlock,
  locateSummaryColumns,
  readSignoffBook,
  readSignoffRecords,
  signoffSheetWrite,
  type SignoffBook,
  type SignoffStore,
  type SignoffWriteOptions,
} from './signoff';
import { requireStored } from './operations';

/** Sheet protection while signed: contents locked; formatting, column widths and filters allowed. */
export const SIGNED_PROTECTION: ProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
};

/**
 * What a reader of a book laid out otherwise than an installation gives (the sign-off tests'
 * fixture books): the book without its records, which the store reads from the sign-off sheets.
 */
export type BookContent = Pick<SignoffBook, 'content' | 'sheets' | 'title' | 'lang'> &
  Partial<Pick<SignoffBook, 'summaryHeaderRow' | 'uncomputed' | 'inputRanges' | 'lists' | 'sheetIssues'>>;

/**
 * The sign-off store of the workbook behind `port`: an installation's, or with `readContent`
 * a book whose content is read another way (the records still come from the sign-off sheets).
 */
export function signoffStore(port: GridPort, readContent?: () => Promise<BookContent>): SignoffStore {
  return {
    read: () => (readContent ? readOther(port, readContent) : readInstalled(port)),
    write: (book, records, options) => writeSignoff(port, book, records, options),
  };
}

/** Reads (current values) everything a sign-off covers from an installation. */
async function readInstalled(port: GridPort): Promise<SignoffBook> {
  const stored = requireStored(await port.info());
  const l = stored.layout;
  const grids = await port.readGrids(
    [
      l.entry.sheet,
      l.adjustments.sheet,
      l.lists.sheet,
      ...(l.tally ? [l.tally.sheet] : []),
      l.sheetNames.indicators,
      l.summary.sheet,
      l.sheetNames.signoff,
      DIGESTS_SHEET,
    ],
    { current: true },
  );
  const names = Object.keys(grids);
  const extras = port.readExtras ? await port.readExtras(names, l.entry.sheet) : {};
  const book = readSignoffBook(stored, grids, extras);
  // A formula that computed "" has no cached value either (rows beyond the ratee list, ratees
  // without a final score), so only a summary where no final score has a value was never calculated.
  if (port.uncalculated && book.content.results.every((r) => blank(r.final))) {
    const s = locateSummaryColumns(l.summary, grids[l.summary.sheet]);
    const cells: string[] = [];
    for (let r = s.firstRow; r <= s.lastRow; r++)
      for (const col of [s.rateeCol, s.finalCol, s.rankCol, s.tierCol]) cells.push(`${col}${r}`);
    book.uncomputed = await port.uncalculated(s.sheet, cells);
  }
  return book;
}

const blank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

async function readOther(port: GridPort, readContent: () => Promise<BookContent>): Promise<SignoffBook> {
  const b = await readContent();
  const grids = await port.readGrids([b.sheets.signoff, DIGESTS_SHEET]);
  const r = readSignoffRecords(grids[b.sheets.signoff], grids[DIGESTS_SHEET]);
  return {
    ...b,
    summaryHeaderRow: b.summaryHeaderRow ?? 1,
    uncomputed: b.uncomputed ?? [],
    inputRanges: b.inputRanges ?? [],
    records: r.records,
    signoffHeaderRow: r.headerRow,
    signoffRowCount: r.rowCount,
  };
}

/** A style-only block locking or unlocking the cells of `range` (`A3:K402`). */
function lockBlock(range: string, locked: boolean): Block {
  const p = parseAddress(range);
  if (!p) throw new Error(`not a range: ${range}`);
  const at = range.split(':')[0].replace(/\$/g, '');
  return { at, rows: p.lastRow - p.row + 1, cols: p.lastCol - p.col + 1, style: { locked } };
}

/**
 * Writes the sign-off table and DP_Digests, then protects the signed sheets (input cells locked
 * first, or protection would not hold them) or, when no sign-off is left, lifts the protection
 * and unlocks the input cells again.
 */
async function writeSignoff(
  port: GridPort,
  book: SignoffBook,
  records: readonly SignoffRecord[],
  options: SignoffWriteOptions,
): Promise<void> {
  const { entry, adjustments, summary, signoff } = book.sheets;
  const states = new Map(
    (await port.sheetStates([entry, adjustments, summary, signoff, DIGESTS_SHEET])).map((s) => [s.name, s]),
  );
  const missing = [entry, adjustments, summary].filter((n) => !states.has(n));
  if (missing.length > 0)
    throw new InputError(
      `the workbook has no sheet "${missing[0]}" (it was renamed or deleted): nothing was signed`,
    );
  const password = options.password || undefined;
  const table = signoffSheetWrite(records, book);
  const writes: BlockWrite[] = [
    {
      sheet: signoff,
      create: states.has(signoff) ? undefined : 'visible',
      blocks: table.blocks,
      columns: table.columns,
      password,
      protect: options.protect ? SIGNED_PROTECTION : options.unlock ? false : undefined,
    },
    {
      sheet: DIGESTS_SHEET,
      create: states.has(DIGESTS_SHEET) ? undefined : 'veryHidden',
      clearAll: true,
      blocks: [digestsBlock(records)],
    },
  ];
  const locks = (sheet: string, locked: boolean) =>
    book.inputRanges.filter((r) => r.sheet === sheet).map((r) => lockBlock(r.range, locked));
  for (const n of [entry, adjustments, summary]) {
    if (options.protect) {
      // A sheet still protected from an earlier level stays as it is.
      if (!states.get(n)!.protected)
        writes.push({ sheet: n, blocks: locks(n, true), protect: SIGNED_PROTECTION, password });
    } else if (options.unlock) writes.push({ sheet: n, blocks: locks(n, false), protect: false, password });
  }
  await port.writeBlocks(writes);
}
