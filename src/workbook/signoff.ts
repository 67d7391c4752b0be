/**
 * Sign-off in a workbook, whatever hosts it (spec: ../shared/spec/signoff.md).
 *
 * Both hosts — the xlsx files of the command line (src/hosts/xlsx/) and the Office adapter of
 * the task pane (src/hosts/office/) — read the same grids and write the same blocks through
 * this module, and sign, withdraw and verify through the same three functions over a small
 * `SignoffStore` each host implements. So a book signed in the add-in verifies with
 * `duanping verify` (tested: test/office/signoff.test.ts).
 *
 * What the store reads: the template and layout (DP_Template), the entry and adjustment rows,
 * the summary's results as the values it shows (never recomputed: reviewers sign what they
 * see), the sign-off table (签核) and the very hidden DP_Digests sheet.
 */
import { columnIndex, columnLetter } from '../core/address';
import { cellText, isBlank } from '../core/cells';
import {
  DIGESTS_SHEET,
  SIGNOFF_HEADERS,
  SIGNOFF_WIDTHS,
  activeRecords,
  buildSignoffRecord,
  digestsSheetRows,
  parseSignoffs,
  signoffTableRows,
  verifyChain,
  withdrawSignoff,
  type Digester,
  type ParsedSignoffs,
  type ResultRow,
  type SheetValue,
  type SignInput,
  type SignoffContent,
  type SignoffRecord,
  type Verification,
  type WithdrawInput,
} from '../core/signoff';
import { decideGate, signoffGate, type GateIssue, type GateReport } from '../core/signoff/gate';
import { InputError } from '../core/errors';
import type { Lang, RateeInfo, RaterInfo, RawCell, SheetIssue } from '../core/types';
import { FIELD_HEADERS } from './names';
import { WORDS } from './words';
import type { Block, ColumnPlan, SummaryLayout, WorkbookLayout } from './plan';
import { readContentFromGrids, type Grids, type ReadExtras } from './read';
import type { Stored } from './store';

/** Names of the sheets a sign-off touches. */
export interface SignedSheets {
  entry: string;
  adjustments: string;
  summary: string;
  signoff: string;
}

/** What a host reads for a sign-off. */
export interface SignoffBook {
  content: SignoffContent;
  sheets: SignedSheets;
  /** The assessment name for titles and the print header. */
  title: string;
  lang: Lang;
  /** The summary's header row (1-based). */
  summaryHeaderRow: number;
  /** The sign-off table's header row (1-based); undefined when the sheet has none (yet). */
  signoffHeaderRow?: number;
  /** Data rows below the sign-off header as they stand (to clear rows no longer used). */
  signoffRowCount: number;
  /** The records stored in the workbook, or why they cannot be read. */
  records: ParsedSignoffs;
  /** `Sheet!A1` of result formulas never calculated; signing refuses while there are any. */
  uncomputed: string[];
  /** The cells clerks type into (`A3:K402` on the entry and adjustment sheets): locked while signed. */
  inputRanges: SheetRange[];
  /** 名单 and the rater list, for the sign-off gate (an unknown ratee or rater is a problem). */
  lists?: { ratees: RateeInfo[]; raters: RaterInfo[] };
  /** Merged ranges, a changed indicator sheet (./read.ts): input problems to the gate. */
  sheetIssues?: SheetIssue[];
}

export interface SheetRange {
  sheet: string;
  /** A1 range without the sheet name. */
  range: string;
}

/** The typed-input cells of an installation: the entry table and the adjustment rows. */
export function inputRangesOf(layout: WorkbookLayout): SheetRange[] {
  const e = layout.entry;
  const a = layout.adjustments;
  const lastOf = (cols: string[]) => cols.reduce((m, c) => (columnIndex(c) > columnIndex(m) ? c : m));
  const entryCols = [e.sourceCol, e.raterCol, e.rateeCol, ...Object.values(e.indicatorCols)];
  const adjCols = [a.rateeCol, a.kindCol, a.pointsCol, a.reasonCol, a.approvedCol];
  return [
    { sheet: e.sheet, range: `A${e.firstRow}:${lastOf(entryCols)}${e.lastRow}` },
    { sheet: a.sheet, range: `A${a.firstRow}:${lastOf(adjCols)}${a.lastRow}` },
  ];
}

/**
 * The summary's ratee, final, rank and tier columns found by their headers (either language),
 * not by position: a column a clerk inserted or moved would otherwise have the rank signed as
 * the final score. A header that is not there is a one-line InputError — nothing is signed.
 */
export function locateSummaryColumns(
  s: SummaryLayout,
  grid: readonly RawCell[][] | undefined,
): SummaryLayout {
  if (grid === undefined)
    throw new InputError(
      `the workbook has no sheet "${s.sheet}": the results to sign are on it — restore the summary (e.g. duanping init --on-clash upgrade) before signing or checking`,
    );
  const header = (grid[s.headerRow - 1] ?? []).map((v) => (isBlank(v) ? '' : cellText(v).trim()));
  const find = (field: 'ratee' | 'final' | 'rank' | 'tier', laid: string): string => {
    const names =
      field === 'ratee' ? [FIELD_HEADERS.zh.id, FIELD_HEADERS.en.id] : [WORDS.zh[field], WORDS.en[field]];
    if (names.includes(header[columnIndex(laid)] ?? '')) return laid;
    const at = header.findIndex((h) => names.includes(h));
    if (at === -1)
      throw new InputError(
        `${s.sheet}!${s.headerRow}:${s.headerRow} has no column "${names.join('" or "')}" (found: ${header.filter(Boolean).join(', ') || 'nothing'}): the summary was changed; restore it (e.g. duanping init --on-clash upgrade) before signing or checking`,
      );
    return columnLetter(at);
  };
  return {
    ...s,
    rateeCol: find('ratee', s.rateeCol),
    finalCol: find('final', s.finalCol),
    rankCol: find('rank', s.rankCol),
    tierCol: find('tier', s.tierCol),
  };
}

/**
 * The summary's results as the cells show them: one row per ratee id, in sheet order, with the
 * final score, rank and tier as values (a formula that computed "" reads as blank). Columns are
 * found by their headers (locateSummaryColumns).
 */
export function readResults(laid: SummaryLayout, grid: readonly RawCell[][] | undefined): ResultRow[] {
  const s = locateSummaryColumns(laid, grid);
  const [ratee, final, rank, tier] = [s.rateeCol, s.finalCol, s.rankCol, s.tierCol].map(columnIndex);
  const out: ResultRow[] = [];
  for (let r = s.firstRow; r <= s.lastRow; r++) {
    const line = grid![r - 1] ?? [];
    const id = line[ratee] ?? null;
    if (isBlank(id)) continue;
    out.push({
      ratee: cellText(id).trim(),
      final: line[final] ?? null,
      rank: line[rank] ?? null,
      tier: line[tier] ?? null,
      loc: {
        sheet: s.sheet,
        row: r,
        columns: { ratee: s.rateeCol, final: s.finalCol, rank: s.rankCol, tier: s.tierCol },
      },
    });
  }
  return out;
}

/** A grid cell as a plain value (an error value becomes its text, a missing cell null). */
export function sheetValue(v: RawCell): SheetValue {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return v.error;
  return v;
}

const HEADER_FIRST = new Set([SIGNOFF_HEADERS.zh[0], SIGNOFF_HEADERS.en[0]]);

/** The sign-off table's header row (1-based) within the first 30 rows, or undefined. */
function findSignoffHeader(grid: readonly RawCell[][]): number | undefined {
  for (let r = 0; r < Math.min(grid.length, 30); r++) {
    const v = grid[r]?.[0];
    if (typeof v === 'string' && HEADER_FIRST.has(v.trim())) return r + 1;
  }
  return undefined;
}

/** The records stored in the sign-off table and DP_Digests grids (both from A1). */
export function readSignoffRecords(
  signoffGrid: readonly RawCell[][] | undefined,
  digestsGrid: readonly RawCell[][] | undefined,
): { records: ParsedSignoffs; headerRow?: number; rowCount: number } {
  const headerRow = signoffGrid ? findSignoffHeader(signoffGrid) : undefined;
  const below = signoffGrid && headerRow ? signoffGrid.slice(headerRow) : [];
  const table = below.map((r) => r.map(sheetValue)).filter((r) => r.some((c) => c !== null && c !== ''));
  const digests = (digestsGrid ?? []).map((r) => r.map(sheetValue));
  return { records: parseSignoffs(table, digests), headerRow, rowCount: below.length };
}

/**
 * Everything a sign-off needs from the grids of an installation (entry, adjustments, lists,
 * summary, sign-off and DP_Digests sheets). `uncomputed` is left to the host, which alone
 * knows whether a blank result cell holds a formula that was never calculated.
 */
export function readSignoffBook(
  stored: Stored,
  grids: Grids,
  extras: Pick<ReadExtras, 'merges' | 'dates'> = {},
): SignoffBook {
  const { template, layout, lang } = stored;
  const { content, sheetIssues } = readContentFromGrids(template, layout, grids, { ...extras, lang });
  const results = readResults(layout.summary, grids[layout.summary.sheet]);
  const signoffSheet = layout.sheetNames.signoff;
  const { records, headerRow, rowCount } = readSignoffRecords(grids[signoffSheet], grids[DIGESTS_SHEET]);
  return {
    content: {
      template,
      entries: content.entries,
      adjustments: content.adjustments,
      results,
      ratees: content.ratees,
      ...(content.tallies && content.tallies.length > 0 ? { tallies: content.tallies } : {}),
      storedTemplate: stored.templateJson,
    },
    sheets: {
      entry: layout.entry.sheet,
      adjustments: layout.adjustments.sheet,
      summary: layout.summary.sheet,
      signoff: signoffSheet,
    },
    title: template.name,
    lang,
    summaryHeaderRow: layout.summary.headerRow,
    signoffHeaderRow: headerRow,
    signoffRowCount: rowCount,
    records,
    uncomputed: [],
    inputRanges: inputRangesOf(layout),
    lists: { ratees: content.ratees, raters: content.raters },
    sheetIssues,
  };
}

const SIGNOFF_TITLE: Record<Lang, string> = { zh: '签核记录', en: 'Sign-off record' };
const TITLE_NOTE: Record<Lang, string> = {
  zh: '每级签核覆盖评分、加减分、结果和模板的 SHA-256 摘要及上一级签核；用 duanping verify 或任务窗格的“签核导出”检查。',
  en: 'Each sign-off covers a SHA-256 digest of scores, adjustments, results, template and the level below; check with duanping verify or the task pane.',
};
const HEADER_FILL = '#E8EEF7';

/** What to write into the sign-off sheet: cell blocks, and column widths for a new header. */
export interface SignoffSheetWrite {
  blocks: Block[];
  columns: ColumnPlan[];
}

/**
 * The sign-off table as blocks: the records from the row below the header on, and empty rows
 * over rows no longer used. Without a header yet, a title, a note and the header are written
 * from A1. Text columns are formatted as text first, so a short digest of digits stays text.
 */
export function signoffSheetWrite(
  records: readonly SignoffRecord[],
  book: Pick<SignoffBook, 'lang' | 'title' | 'signoffHeaderRow' | 'signoffRowCount'>,
): SignoffSheetWrite {
  const { lang } = book;
  const blocks: Block[] = [];
  const columns: ColumnPlan[] = [];
  let headerRow = book.signoffHeaderRow;
  if (headerRow === undefined) {
    headerRow = 3;
    blocks.push({
      at: 'A1',
      values: [[`${book.title} ${SIGNOFF_TITLE[lang]}`]],
      style: { bold: true, fontSize: 14 },
    });
    blocks.push({
      at: 'A2',
      values: [[TITLE_NOTE[lang]]],
      style: { italic: true, fontSize: 9, fontColor: '#666666' },
    });
    blocks.push({
      at: `A${headerRow}`,
      values: [SIGNOFF_HEADERS[lang]],
      style: { bold: true, fill: HEADER_FILL, border: true },
    });
    SIGNOFF_WIDTHS.forEach((width, i) => columns.push({ col: columnLetter(i), width }));
  } else
    // The header again (an older book's header lacks the override columns added since).
    blocks.push({
      at: `A${headerRow}`,
      values: [SIGNOFF_HEADERS[lang]],
      style: { bold: true, fill: HEADER_FILL, border: true },
    });
  const rows = signoffTableRows(records, lang);
  const width = SIGNOFF_HEADERS[lang].length;
  const first = headerRow + 1;
  if (rows.length > 0) {
    blocks.push({ at: `A${first}`, values: rows.map((r) => [r[0]]), style: { border: true, vAlign: 'top' } });
    blocks.push({
      at: `B${first}`,
      values: rows.map((r) => r.slice(1).map((v) => (v === '' ? null : v))),
      style: { numFmt: '@', border: true, vAlign: 'top' },
    });
    for (const col of ['E', 'J'])
      blocks.push({ at: `${col}${first}`, rows: rows.length, cols: 1, style: { wrap: true } });
  }
  const stale = book.signoffRowCount - rows.length;
  if (stale > 0)
    blocks.push({
      at: `A${first + rows.length}`,
      values: Array.from({ length: stale }, () => Array(width).fill(null)),
    });
  return { blocks, columns };
}

/**
 * The whole DP_Digests sheet as one rectangular text block from A1 (core's layout, padded),
 * and how many rows it has; a host clears what an older, longer version left below.
 */
export function digestsBlock(records: readonly SignoffRecord[]): Block {
  const rows = digestsSheetRows(records);
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [
    ...r.map((v) => (v === '' ? null : v)),
    ...Array(width - r.length).fill(null),
  ]);
  return { at: 'A1', values, style: { numFmt: '@' } };
}

/** Protection to set when signing, and the optional password (never stored anywhere). */
export interface SignoffWriteOptions {
  /** Lock the input cells and protect the entry, adjustment, summary and sign-off sheets. */
  protect: boolean;
  /**
   * No active sign-off is left (the last one was withdrawn): lift the protection and unlock
   * the input cells again, so the clerk can correct the scores.
   */
  unlock?: boolean;
  password?: string;
}

/** A workbook's sign-off storage, implemented by each host over its own workbook. */
export interface SignoffStore {
  read(): Promise<SignoffBook>;
  /** Writes the records (sign-off sheet and DP_Digests) and, when asked, protects the sheets. */
  write(book: SignoffBook, records: readonly SignoffRecord[], options: SignoffWriteOptions): Promise<void>;
}

export type BookSignResult =
  | {
      ok: true;
      record: SignoffRecord;
      records: SignoffRecord[];
      book: SignoffBook;
      /** The chain as it stands after signing (checked on the content just read, no second read). */
      verification: ChainStatus;
    }
  | {
      ok: false;
      message: string;
      verification?: Verification;
      /** Open problems that refuse the sign-off (without an override reason). */
      gate?: GateIssue[];
    };

export interface SignOptions extends Omit<SignInput, 'override'> {
  /** Optional sheet-protection password; used for Excel's hash only, never stored. */
  password?: string;
  /** Sign despite open problems: the reviewer's reason, which the record keeps. */
  override?: string;
  /** Language of the gate's refusal and of the record's note of what was open. */
  lang?: Lang;
}

/** The sign-off gate on a book already read (core's rule: ../core/signoff/gate.ts). */
export function gateOfBook(book: SignoffBook, lang: Lang = book.lang): GateReport {
  return signoffGate(
    {
      template: book.content.template,
      entries: book.content.entries,
      adjustments: book.content.adjustments,
      ratees: book.lists?.ratees,
      raters: book.lists?.raters,
      tallies: book.content.tallies,
      results: book.content.results,
      sheetIssues: book.sheetIssues,
    },
    lang,
  );
}

function uncomputedMessage(uncomputed: string[]): string {
  const more = uncomputed.length > 1 ? ` and ${uncomputed.length - 1} more result cell(s)` : '';
  return `${uncomputed[0]}${more} hold formulas that were never calculated: open and save the workbook in Excel, WPS or LibreOffice, then sign`;
}

/**
 * Signs at the next level: refuses uncalculated results, unreadable records, an empty reviewer
 * or a chain that no longer verifies; otherwise writes the new record and protects the sheets.
 */
export async function signBook(
  store: SignoffStore,
  options: SignOptions,
  digester: Digester,
): Promise<BookSignResult> {
  const book = await store.read();
  if (book.uncomputed.length > 0) return { ok: false, message: uncomputedMessage(book.uncomputed) };
  if (!book.records.ok) return book.records;
  const { password, override, lang, ...input } = options;
  const gate = decideGate(gateOfBook(book, lang ?? book.lang), override, lang ?? book.lang);
  const signed = await buildSignoffRecord(
    book.content,
    book.records.records,
    { ...input, override: gate.ok ? gate.override : undefined },
    digester,
  );
  // A broken chain is said first: it must be withdrawn or restored whatever the gate says.
  if (!signed.ok) return signed;
  if (!gate.ok) return { ok: false, message: gate.message, gate: gate.issues };
  await store.write(book, signed.records, { protect: true, password });
  return {
    ok: true,
    record: signed.record,
    records: signed.records,
    book,
    verification: await verifyRecords(book, signed.records, digester),
  };
}

/**
 * The chain checked against a book's content, with the records and the assessment name, and the
 * cells of the visible indicator sheet that differ from the stored template the digests cover
 * (signoff.md, Additions: the check says they differ).
 */
export type ChainStatus = Verification & {
  unreadable?: undefined;
  records: SignoffRecord[];
  title: string;
  indicatorSheet: SheetIssue[];
};

export type BookVerification = { ok: false; unreadable: string } | ChainStatus;

/** Verifies records against the content of a book already read. */
export async function verifyRecords(
  book: SignoffBook,
  records: SignoffRecord[],
  digester: Digester,
): Promise<ChainStatus> {
  const v = await verifyChain(book.content, records, digester);
  const indicatorSheet = (book.sheetIssues ?? []).filter((i) => i.code === 'indicator-sheet-differs');
  return { ...v, records, title: book.title, indicatorSheet };
}

/** Verifies the stored sign-offs against the workbook's current content. */
export async function verifyBook(store: SignoffStore, digester: Digester): Promise<BookVerification> {
  const book = await store.read();
  if (!book.records.ok) return { ok: false, unreadable: book.records.message };
  return verifyRecords(book, book.records.records, digester);
}

export type BookWithdrawResult =
  | { ok: true; records: SignoffRecord[]; active: number; verification: ChainStatus }
  | { ok: false; message: string };

/** Withdraws the top active level; the record stays, marked withdrawn (who, when, why). */
export async function withdrawBook(
  store: SignoffStore,
  level: number,
  input: WithdrawInput,
  digester: Digester,
  password?: string,
): Promise<BookWithdrawResult> {
  const book = await store.read();
  if (!book.records.ok) return book.records;
  const w = await withdrawSignoff(book.records.records, level, input, digester);
  if (!w.ok) return w;
  const active = activeRecords(w.records).length;
  await store.write(book, w.records, { protect: false, unlock: active === 0, password });
  return {
    ok: true,
    records: w.records,
    active,
    verification: await verifyRecords(book, w.records, digester),
  };
}
