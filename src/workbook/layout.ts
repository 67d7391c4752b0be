/**
 * Where every column and row of an installation lies, computed from the template, the sheet
 * names and the capacities (how many entry, adjustment and list rows carry formulas).
 * Header rows are row 2 of each input sheet (row 1 is a hint line); data start on row 3.
 */
import type { Indicator, Template } from '../core/template';
import { columnLetter } from '../core/address';
import type { SheetKey, TallyLayout, WorkbookLayout } from './plan';
import { pooledTallyLabels } from './tally-labels';

export const HEADER_ROW = 2;

/** Header of the hidden status-code column of the entry table (a number in every row it reaches). */
export const STATUS_HEADER = '_status';

/** Header of the hidden points column of an indicator in the entry table (`_p_责任落实`). */
export function pointsHeader(indicatorId: string): string {
  return `_p_${indicatorId}`;
}
export const FIRST_ROW = 3;

/**
 * Whether an indicator's points need a hidden formula column: level-coded indicators (a label
 * or a level's points → points) and indicators some source does not score ("" or #N/A by the
 * row's source). A plain number indicator every source scores has the typed cell as its points:
 * its check (a number within 0..max, not TRUE/FALSE) sits once per row in the status formula.
 * Fewer formula cells per row is what LibreOffice's load, recalculation and save cost grows with
 * (docs/workbook.md, "Linear time").
 */
export function needsPointsColumn(template: Template, ind: Indicator): boolean {
  return ind.levels !== undefined || !template.sources.every((s) => s.indicators.includes(ind.id));
}

export interface Capacities {
  /** Entry rows with formulas. */
  entries: number;
  adjustments: number;
  /** Rows of the ratee and rater lists (the summary has one row per ratee row). */
  lists: number;
  /** Rows of the 计票 sheet (templates with a source that can be tallied); default ./tally.ts. */
  tallies?: number;
}

/** The layout of a workbook for `template` with the given sheet names and capacities. */
export function computeLayout(
  template: Template,
  sheetNames: Record<SheetKey, string>,
  cap: Capacities,
): WorkbookLayout {
  const n = template.indicators.length;
  const col = (i: number) => columnLetter(i);
  const indicatorCols: Record<string, string> = {};
  const pointCols: Record<string, string> = {};
  let p = 0;
  template.indicators.forEach((ind, i) => {
    indicatorCols[ind.id] = col(3 + i);
    if (needsPointsColumn(template, ind)) pointCols[ind.id] = col(3 + n + 3 + p++);
  });
  const m = template.sources.length;
  const sourceCols: Record<string, string> = {};
  template.sources.forEach((s, i) => (sourceCols[s.id] = col(2 + i)));
  const after = 2 + m;
  const blockCols: Record<string, { first: string; last: string; misplaced: string }> = {};
  template.sources.forEach((s, i) => {
    const c = after + 9 + 3 * i;
    blockCols[s.id] = { first: col(c), last: col(c + 1), misplaced: col(c + 2) };
  });
  const valid = 3 + n + 3 + p;
  const tally = tallyLayout(template, sheetNames.tally, cap);
  return {
    ...(tally ? { tally } : {}),
    sheetNames,
    entry: {
      sheet: sheetNames.entry,
      headerRow: HEADER_ROW,
      firstRow: FIRST_ROW,
      lastRow: FIRST_ROW + cap.entries - 1,
      sourceCol: 'A',
      raterCol: 'B',
      rateeCol: 'C',
      indicatorCols,
      totalCol: col(3 + n),
      statusCol: col(3 + n + 1),
      // Hidden helpers: effective source, points columns (needsPointsColumn), the status code.
      pointCols,
      validCol: col(valid),
      rateeIndexCol: col(valid + 1),
      keyCol: col(valid + 2),
      maxKeyCol: col(valid + 3),
      misplacedCol: col(valid + 4),
      // The reviewer's columns, visible, right of the hidden helpers (docs/review.md).
      reviewCol: col(valid + 5),
      reviewNoteCol: col(valid + 6),
    },
    adjustments: {
      sheet: sheetNames.adjustments,
      headerRow: HEADER_ROW,
      firstRow: FIRST_ROW,
      lastRow: FIRST_ROW + cap.adjustments - 1,
      rateeCol: 'A',
      kindCol: 'B',
      pointsCol: 'C',
      reasonCol: 'D',
      approvedCol: 'E',
      kindKeyCol: 'F',
      pointsValueCol: 'G',
    },
    lists: {
      sheet: sheetNames.lists,
      headerRow: HEADER_ROW,
      firstRow: FIRST_ROW,
      lastRow: FIRST_ROW + cap.lists - 1,
      rateeIdCol: 'A',
      rateeNameCol: 'B',
      rateeGroupCol: 'C',
      raterIdCol: 'E',
      raterSourceCol: 'F',
      raterNameCol: 'G',
      raterKeyCol: 'H',
    },
    summary: {
      sheet: sheetNames.summary,
      headerRow: HEADER_ROW,
      firstRow: FIRST_ROW,
      lastRow: FIRST_ROW + cap.lists - 1,
      rateeCol: 'A',
      nameCol: 'B',
      sourceCols,
      compositeCol: col(after),
      bonusCol: col(after + 1),
      deductionCol: col(after + 2),
      vetoCol: col(after + 3),
      finalCol: col(after + 4),
      rankCol: col(after + 5),
      tierCol: col(after + 6),
      noteCol: col(after + 7),
      rawCol: col(after + 8),
      blockCols,
      tierCountCol: col(after + 9 + 3 * m + 1),
    },
  };
}

/** The hidden effective-source column of the entry sheet (just left of the points columns). */
export function entrySourceCol(layout: WorkbookLayout): string {
  return columnLetter(3 + Object.keys(layout.entry.indicatorCols).length + 2);
}

/** The hidden raw-final column of the summary (right of the note column). */
export function summaryRawCol(layout: WorkbookLayout): string {
  return layout.summary.rawCol;
}

/** The 计票 sheet's layout, or undefined when no source of the template can be tallied. */
function tallyLayout(template: Template, sheet: string, cap: Capacities): TallyLayout | undefined {
  const labels = pooledTallyLabels(template);
  if (labels.length === 0) return undefined;
  const col = (i: number) => columnLetter(i);
  const countCols = Object.fromEntries(labels.map((l, i) => [l, col(3 + i)]));
  const h = 3 + labels.length + 1; // first hidden helper
  const rows = cap.tallies ?? Math.max(200, cap.lists * 4);
  return {
    sheet,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow: FIRST_ROW + rows - 1,
    sourceCol: 'A',
    rateeCol: 'B',
    indicatorCol: 'C',
    countCols,
    statusCol: col(3 + labels.length),
    srcCol: col(h),
    indCol: col(h + 1),
    rateeIndexCol: col(h + 2),
    codeCol: col(h + 3),
    keyCol: col(h + 4),
    nCol: col(h + 5),
    sumCol: col(h + 6),
    flagCols: template.sources.map((_, i) => col(h + i)),
  };
}
