/**
 * The print layout of a signed result (spec: ../shared/spec/signoff.md, "Export") as a
 * host-neutral sheet plan, so the command line (exceljs) and the add-in (Office.js) write the
 * same sheet: the assessment name as title, the summary table (values, visible columns only),
 * signature lines under it — one per active sign-off, or three blank ones before any — and A4
 * page setup fitted to the page width, the name in the page header, the page numbers and the
 * short digest of the latest sign-off in the footer.
 */
import { activeRecords, shortDigest, type SignoffRecord } from '../core/signoff';
import type { Lang } from '../core/types';
import { columnIndex, columnLetter } from '../core/address';
import { isShareHeader } from './share-header';
import { blockSize, type Block, type CellStyle, type PlanValue, type SheetPlan } from './plan';

export const PRINT_SHEET: Record<Lang, string> = { zh: '打印版', en: 'Print' };

const WORDS = {
  zh: {
    signature: (r: SignoffRecord) => `第${r.level}级  ${r.role || '审核人'}：${r.reviewer}`,
    sign: '签字：',
    date: '日期：',
    page: '第 &P 页，共 &N 页',
    digest: '签核摘要',
    unsigned: '未签核',
    blank: '审核人',
  },
  en: {
    signature: (r: SignoffRecord) => `Level ${r.level}  ${r.role || 'Reviewer'}: ${r.reviewer}`,
    sign: 'Signature:',
    date: 'Date:',
    page: 'Page &P of &N',
    digest: 'Sign-off digest',
    unsigned: 'not signed',
    blank: 'Reviewer',
  },
};

/** One printed column of the summary. */
export interface PrintColumn {
  header: PlanValue;
  /** Width in characters as the summary shows it (clamped to 6–24 on paper). */
  width?: number;
  /** The summary's number format; unset: two decimals for fractions, General otherwise. */
  numFmt?: string;
}

export interface PrintInput {
  title: string;
  lang: Lang;
  columns: PrintColumn[];
  /** One row per ratee, as many values as columns. */
  rows: PlanValue[][];
  records: readonly SignoffRecord[];
}

const TITLE_ROW = 1;
const HEADER_ROW = 3;
const HEADER_FILL = '#E8EEF7';

/**
 * Which summary columns to print: from A up to the first column without a header (side tables
 * to the right, such as the tier counts, are not part of the printed result), hidden ones left out.
 */
export function printedColumns(header: readonly PlanValue[], hidden: (col: number) => boolean): number[] {
  const cols: number[] = [];
  let c = 0;
  for (; c < header.length; c++) {
    const h = header[c];
    if (h === null || h === undefined || (typeof h === 'string' && h.trim() === '')) break;
    if (!hidden(c)) cols.push(c);
  }
  // Ballot level shares (./ballots.ts) sit right of the side tables; they are part of the result.
  for (; c < header.length; c++) if (isShareHeader(header[c]) && !hidden(c)) cols.push(c);
  return cols;
}

/** The print sheet as a plan (see the file comment). */
export function printSheetPlan(p: PrintInput): SheetPlan {
  const w = WORDS[p.lang];
  const n = Math.max(1, p.columns.length);
  const last = columnLetter(n - 1);
  const blocks: Block[] = [];
  blocks.push({
    at: `A${TITLE_ROW}`,
    values: [[p.title, ...Array(n - 1).fill(null)]],
    style: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' },
  });
  blocks.push({
    at: `A${HEADER_ROW}`,
    values: [p.columns.map((c) => c.header)],
    style: { bold: true, fill: HEADER_FILL, border: true, wrap: true, hAlign: 'center', vAlign: 'middle' },
  });
  const first = HEADER_ROW + 1;
  if (p.rows.length > 0)
    p.columns.forEach((c, i) => {
      const values = p.rows.map((r) => [r[i] ?? null]);
      const fraction = values.some(([v]) => typeof v === 'number' && !Number.isInteger(v));
      blocks.push({
        at: `${columnLetter(i)}${first}`,
        values,
        style: {
          numFmt: c.numFmt ?? (fraction ? '0.00' : 'General'),
          border: true,
          vAlign: 'middle',
          // The id and name columns read left to right; figures and tiers are centred.
          hAlign: i < 2 && !fraction ? 'left' : 'center',
        },
      });
    });
  const lastTableRow = first + p.rows.length - 1;

  // Signature lines, two rows below the table.
  const active = activeRecords(p.records);
  const lines = active.length > 0 ? active.map(w.signature) : [1, 2, 3].map((k) => `${w.blank} ${k}`);
  const signCol = Math.max(1, Math.floor(n / 2));
  const firstSign = lastTableRow + 3;
  const rowHeights: Record<number, number> = { [TITLE_ROW]: 26, [HEADER_ROW]: 30 };
  lines.forEach((text, k) => {
    const row = firstSign + k;
    rowHeights[row] = 30;
    const values: PlanValue[] = Array(Math.max(n, signCol + 1)).fill(null);
    values[0] = text;
    values[signCol] = `${w.sign}__________________   ${w.date}____________`;
    blocks.push({ at: `A${row}`, values: [values], style: { vAlign: 'bottom' } });
  });
  const lastRow = firstSign + lines.length - 1;

  const latest = active[active.length - 1];
  return {
    key: 'print',
    name: PRINT_SHEET[p.lang],
    visibility: 'visible',
    columns: p.columns.map((c, i) => ({
      col: columnLetter(i),
      width: Math.max(6, Math.min(24, c.width ?? 10)),
    })),
    rowHeights,
    blocks,
    merges: n > 1 ? [`A${TITLE_ROW}:${last}${TITLE_ROW}`] : [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    print: {
      orientation: n > 9 ? 'landscape' : 'portrait',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      area: `A1:${columnLetter(Math.max(n, signCol + 1) - 1)}${lastRow}`,
      header: p.title,
      footer: w.page,
      footerLeft: latest ? `${w.digest} ${shortDigest(latest.digest)}` : w.unsigned,
      centered: true,
    },
  };
}

/** The style a plan gives one cell (0-based), later blocks over earlier ones. */
function planStyle(sheet: SheetPlan, row: number, col: number): CellStyle {
  let style: CellStyle = {};
  for (const b of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.at);
    if (!m || !b.style) continue;
    const r0 = Number(m[2]) - 1;
    const c0 = columnIndex(m[1]);
    const { rows, cols } = blockSize(b);
    if (row >= r0 && row < r0 + rows && col >= c0 && col < c0 + cols) style = { ...style, ...b.style };
  }
  return style;
}

/**
 * The printed columns of a summary as installed, for hosts that read only values (Office.js):
 * the header as the sheet shows it, hidden columns, widths and number formats from the summary's
 * plan. `indexes` are the 0-based summary columns, in order.
 */
export function summaryPrintColumns(
  summary: SheetPlan,
  header: readonly PlanValue[],
  firstRow: number,
): { columns: PrintColumn[]; indexes: number[] } {
  const hidden = new Set(summary.columns.filter((c) => c.hidden).map((c) => columnIndex(c.col)));
  const widths = new Map(summary.columns.map((c) => [columnIndex(c.col), c.width]));
  const indexes = printedColumns(header, (c) => hidden.has(c));
  return {
    indexes,
    columns: indexes.map((c) => ({
      header: header[c],
      width: widths.get(c),
      numFmt: planStyle(summary, firstRow - 1, c).numFmt,
    })),
  };
}
