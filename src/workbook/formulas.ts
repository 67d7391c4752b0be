/**
 * The live formulas: ../shared/spec/scoring.md steps 1–7 written as spreadsheet formulas, the
 * second implementation of src/core/scoring.ts. Each function returns the formula of one cell
 * in plain Excel syntax (see plan.ts); the workbook plan fills them down.
 *
 * Only functions that Excel 2010+, WPS and LibreOffice all evaluate without array entry are used:
 * SUMPRODUCT, AGGREGATE (array form, functions 14/15/17 with option 6 = ignore errors),
 * COUNTIFS/SUMIFS, EXACT, RANK.EQ, ROUND, INT, LOG10. Rows left out of the aggregates carry a
 * status code other than 0 in a hidden column (`STATUS` below), mirroring the engine's checks
 * in the same order.
 *
 * Where the two implementations may differ (documented in docs/workbook.md): COUNTIFS matches
 * the duplicate key (source, rater, ratee) without regard to letter case, where the engine is
 * case-sensitive; all other identity checks use EXACT.
 */
import { ADJUSTMENT_KIND_ALIASES } from '../core/adjustments';
import { DECISION_WORDS } from '../core/review/decisions';
import { sourceCodes, type Indicator, type Source, type Template } from '../core/template';
import type { AdjustmentKind } from '../core/types';
import { arrayConst, num, quoteSheet, str } from './formula';
import type { WorkbookLayout } from './plan';
import { entrySourceCol, summaryRawCol } from './layout';

/** Workbook-scoped names the formulas refer to (besides the public DP_* of formats.md). */
export const NAMES = {
  rateeIds: 'DP_RateeIds',
  final: 'DP_Final',
  rank: 'DP_Rank',
  tier: 'DP_Tier',
  entries: 'DP_Entries',
  veto: 'DP_Veto',
  entrySource: 'DP_EntrySource',
  entryRater: 'DP_EntryRater',
  entryRatee: 'DP_EntryRatee',
  entryTotal: 'DP_EntryTotal',
  entryStatus: 'DP_EntryStatus',
  adjRatee: 'DP_AdjRatee',
  adjKind: 'DP_AdjKind',
  adjPoints: 'DP_AdjPoints',
  listRatees: 'DP_ListRatees',
  listRaters: 'DP_ListRaters',
  /** The rater list's hidden pair column: rater id, tab, the source id its source cell stands for. */
  listRaterKeys: 'DP_ListRaterKeys',
  entryKey: 'DP_EntryKey',
  entryMaxKey: 'DP_EntryMaxKey',
  entryMisplaced: 'DP_EntryMisplaced',
} as const;

export { STATUS } from './cached';
import { STATUS } from './cached';

/**
 * `IF(c,a,b)` for a condition that is TRUE, FALSE or an error, written `CHOOSE(2-(c),a,b)`:
 * evaluated as lazily (only the chosen argument), but LibreOffice's xlsx export copies every
 * token of a formula holding an IF, INDEX or ROUND before writing it (FormulaTokenArray::
 * RewriteMissing, a third of the save of a large book) and leaves CHOOSE alone. Used in the
 * per-row formulas of the entry sheet only; the summary's few hundred rows keep IF.
 */
export function iff(c: string, a: string, b: string): string {
  return `CHOOSE(2-(${c}),${a},${b})`;
}

/** `SUMPRODUCT(--EXACT(x,{"a","b"}))>0`: x is exactly one of the texts. */
function isOneOf(x: string, texts: string[]): string {
  return `SUMPRODUCT(--EXACT(${x},${arrayConst(texts)}))>0`;
}

/** 1-based position of x among the source ids (0 when absent), by EXACT. */
function sourceIndex(x: string, template: Template): string {
  return `SUMPRODUCT(EXACT(${x},${arrayConst(template.sources.map((s) => s.id))})*${arrayConst(template.sources.map((_, i) => i + 1))})`;
}

/**
 * Effective source of an entry row: the only source when left blank, else the source whose id
 * or name (`领导`) is typed, matched exactly as the engine does (sourceCodes in
 * src/core/template.ts); an unknown code as typed. Every other formula reads this column.
 */
export function effectiveSourceFormula(template: Template, row: number): string {
  return `=${effectiveSourceOf(template, `A${row}`)}`;
}

/**
 * The source id a typed source cell stands for: its id or name mapped to the id (sourceCodes),
 * anything else as typed; blank is the only source of a one-source template. Used by the entry
 * sheet and the 计票 sheet (./tally.ts) alike.
 */
export function effectiveSourceOf(template: Template, cell: string): string {
  const only = template.sources.length === 1 ? str(template.sources[0].id) : '""';
  const pick = sourceCodeOf(template, cell);
  return template.sources.length === 1 ? iff(`${cell}=""`, only, pick) : pick;
}

/**
 * The source id a source code stands for (resolveSource in src/core/template.ts): an id or a
 * name mapped to its id, anything else, blank included, as typed.
 */
export function sourceCodeOf(template: Template, cell: string): string {
  const codes = [...sourceCodes(template)];
  const ids = template.sources.map((s) => s.id);
  const at = codes.map(([, id]) => ids.indexOf(id) + 1);
  const x = `${cell}&""`;
  // A blank cell matches no code (codes are never empty) and gives "" as typed.
  return `CHOOSE(SUMPRODUCT(EXACT(${x},${arrayConst(codes.map(([c]) => c))})*${arrayConst(at)})+1,${x},${ids.map(str).join(',')})`;
}

/**
 * A rater-list row's pair (hidden column, DP_ListRaterKeys): the rater id, a tab, and the id its
 * source cell stands for, "" on a row without a rater. One exact lookup of `rater⇥source` per
 * entry row then tells whether the rater is listed under the row's source (the tab separates:
 * no source id or name holds one).
 */
export function raterKeyFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const l = layout.lists;
  return `=IF(${l.raterIdCol}${row}="","",${l.raterIdCol}${row}&CHAR(9)&${sourceCodeOf(template, `${l.raterSourceCol}${row}`)})`;
}

/**
 * Points of one typed cell (scoring.md, "Invalid input", workbook mode): a number within
 * 0..max, or for level-coded indicators a level's points or its exact label; else #N/A.
 * "" when the row's source does not score the indicator.
 */
export function pointsFormula(template: Template, ind: Indicator, cell: string, srcCell: string): string {
  let parse: string;
  if (ind.levels) {
    const labels = arrayConst(ind.levels.map((l) => l.label));
    const points = arrayConst(ind.levels.map((l) => l.points));
    parse = iff(
      `ISNUMBER(${cell})`,
      iff(`SUMPRODUCT(--(${cell}=${points}))>0`, cell, 'NA()'),
      iff(
        `SUMPRODUCT(--EXACT(${cell},${labels}))>0`,
        `SUMPRODUCT(EXACT(${cell},${labels})*${points})`,
        'NA()',
      ),
    );
    // LibreOffice counts TRUE/FALSE as numbers; Excel and the engine do not.
    parse = iff(`ISLOGICAL(${cell})`, 'NA()', parse);
  } else {
    // One test, few tokens (every entry row has one per indicator; LibreOffice's load and save
    // cost grows with the tokens): a number within 0..max that is not TRUE/FALSE (LibreOffice
    // counts those as numbers; Excel and the engine do not). A text compares greater than any
    // number without an error, so the product is 0 for it.
    parse = iff(plainPointsTest(cell, num(ind.max)), cell, 'NA()');
  }
  const scoredBy = template.sources.filter((s) => s.indicators.includes(ind.id)).map((s) => s.id);
  if (scoredBy.length === template.sources.length) return `=${parse}`;
  // An indicator no source scores (`{}` is no valid array constant).
  if (scoredBy.length === 0) return '=""';
  // A score in the column of another (known) source is an error, never silently ignored.
  return `=${iff(isOneOf(srcCell, scoredBy), parse, iff(`OR(${cell}="",${sourceIndex(srcCell, template)}=0)`, '""', 'NA()'))}`;
}

/** The cell holding an indicator's points in `row`: its points column, or the typed cell itself. */
export function pointsRef(layout: WorkbookLayout, indicatorId: string, row: number): string {
  const e = layout.entry;
  return `${e.pointCols[indicatorId] ?? e.indicatorCols[indicatorId]}${row}`;
}

/**
 * `cell` is valid points of a plain number indicator (pointsFormula's test): a number within
 * 0..max that is not TRUE/FALSE. An error in the cell makes it an error.
 */
export function plainPointsTest(cell: string, max: string): string {
  return `ISNUMBER(${cell})*(${cell}>=0)*(${cell}<=${max})-ISLOGICAL(${cell})>0`;
}

/**
 * The items in runs of neighbours with the same key (in order); an item whose key is null
 * belongs to no run and ends the one before it. The status's valid-cell count and the entry
 * sheet's red-cell rules group the indicators so.
 */
export function neighbourRuns<T>(items: readonly T[], key: (x: T, i: number) => string | null): T[][] {
  const runs: T[][] = [];
  let last: string | null = null;
  items.forEach((x, i) => {
    const k = key(x, i);
    if (k !== null && k === last) runs[runs.length - 1].push(x);
    else if (k !== null) runs.push([x]);
    last = k;
  });
  return runs;
}

/** Runs of neighbouring plain indicators with the same max, more than this: one SUMPRODUCT instead of a COUNTIFS each. */
const COUNTIFS_RUNS = 3;

/**
 * How many typed cells of the row's plain indicators (no points column) hold valid points, less
 * the TRUE/FALSE among them (a number short, or -1 for an error, is invalid all the same).
 * - Neighbouring plain indicators with the same max form a run; up to COUNTIFS_RUNS runs are
 *   counted by `COUNTIFS(run,">=0",run,"<="&max)` each, which counts numbers only (not text,
 *   errors or blanks) and builds no array (LibreOffice's recalculation of 12,000 rows: about a
 *   third less calculateAll than the SUMPRODUCT below, bench A/B in docs/workbook.md). `"<="&max`
 *   writes the max in the spreadsheet's own number format, as its criteria parser reads it.
 * - More runs: one SUMPRODUCT of pointsFormula's test without its ISLOGICAL over the span, a 1/0
 *   mask for level columns inside it, in IFERROR(…,-1) (an error cell makes the array an error).
 * ISLOGICAL is asked cell by cell: LibreOffice stores TRUE/FALSE as 1/0 with a boolean format
 * and loses that format in criteria and arrays (there TRUE counts as 1 and is taken off again; in
 * Excel it does not count and is taken off too, so the count falls short either way).
 * null when every indicator has a points column.
 */
function plainValidCount(template: Template, layout: WorkbookLayout, row: number): string | null {
  const e = layout.entry;
  const inds = template.indicators;
  const plain = inds.map((ind) => !(ind.id in e.pointCols));
  const first = plain.indexOf(true);
  if (first < 0) return null;
  const last = plain.lastIndexOf(true);
  const cols = (a: Indicator, b: Indicator) =>
    `${e.indicatorCols[a.id]}${row}:${e.indicatorCols[b.id]}${row}`;
  const logical = inds
    .filter((_, i) => plain[i])
    .map((ind) => `ISLOGICAL(${e.indicatorCols[ind.id]}${row})`)
    .join('+');
  const runs = neighbourRuns(inds, (ind, i) => (plain[i] ? String(ind.max) : null));
  if (runs.length <= COUNTIFS_RUNS) {
    const counts = runs.map((run) => {
      const r = cols(run[0], run[run.length - 1]);
      return `COUNTIFS(${r},">=0",${r},"<="&${num(run[0].max)})`;
    });
    return `${counts.join('+')}-(${logical})`;
  }
  const span = inds.slice(first, last + 1);
  const r = cols(span[0], span[span.length - 1]);
  const maxes = span.map((ind) => ind.max);
  const max = new Set(maxes).size === 1 ? num(maxes[0]) : arrayConst(maxes);
  const mask = plain.slice(first, last + 1);
  const test = `(ISNUMBER(${r})*(${r}>=0)*(${r}<=${max})>0)`;
  const sum = mask.every(Boolean)
    ? `SUMPRODUCT(--${test})`
    : `SUMPRODUCT(${test}*${arrayConst(mask.map(Number))})`;
  return `IFERROR(${sum}-(${logical}),-1)`;
}

/** Step 1's expression for one source: `(100*(((w*P)/max)+…))/Σw`, in the engine's order. */
function rowTotalExpr(template: Template, source: Source, layout: WorkbookLayout, row: number): string {
  const byId = new Map(template.indicators.map((x) => [x.id, x]));
  const terms = source.indicators.map((id) => {
    const ind = byId.get(id)!;
    return `((${num(ind.weight)}*${pointsRef(layout, id, row)})/${num(ind.max)})`;
  });
  const den = source.indicators.reduce((a, id) => a + byId.get(id)!.weight, 0);
  return `(100*(${terms.join('+')}))/${num(den)}`;
}

/**
 * `'评分录入'!$X$1`: row 1 of the entry sheet's helper columns: the counts of listed ratees and
 * raters, and the largest and smallest misplaced key (0 when no row is misplaced).
 */
export function entryCounts(layout: WorkbookLayout): {
  ratees: string;
  raters: string;
  misplaced: string;
  misplacedMin: string;
} {
  const e = layout.entry;
  const at = (col: string) => `${quoteSheet(e.sheet)}!$${col}$1`;
  return {
    ratees: at(e.rateeIndexCol),
    raters: at(e.keyCol),
    misplaced: at(e.misplacedCol),
    misplacedMin: at(e.maxKeyCol),
  };
}

/** Row-1 formulas over the helper columns (listed ratees, listed raters, misplaced keys' range). */
export function entryCountFormulas(): {
  ratees: string;
  raters: string;
  misplaced: string;
  misplacedMin: string;
} {
  return {
    ratees: `=COUNTA(${NAMES.listRatees})`,
    raters: `=COUNTA(${NAMES.listRaters})`,
    misplaced: `=MAX(${NAMES.entryMisplaced})`,
    misplacedMin: `=MIN(${NAMES.entryMisplaced})`,
  };
}

/**
 * The ratee's position on the list (0 when not there), matched exactly. A row with the same
 * code as the row above takes its position (rows come in ratee blocks, so only the first row of
 * a block searches the list). Else MATCH finds a candidate (it ignores case and knows
 * wildcards), EXACT confirms it; only when it does not is the list scanned with EXACT (a code not
 * on the list, or listed in two spellings).
 */
export function rateeIndexFormula(layout: WorkbookLayout, row: number): string {
  const e = layout.entry;
  const x = `${e.rateeCol}${row}&""`;
  const list = NAMES.listRatees;
  const m = `MATCH(${x},${list},0)`;
  const offset = layout.lists.firstRow - 1;
  const above = `${e.rateeIndexCol}${row - 1}`;
  // VLOOKUP(x,list,1,FALSE) is the list's cell MATCH finds (INDEX would make the export rewrite it).
  const scan = `SUMPRODUCT(MAX(EXACT(${list},${x})*(ROW(${list})-${offset})))`;
  const found = iff(`IFERROR(EXACT(VLOOKUP(${x},${list},1,FALSE),${x}),FALSE)`, m, scan);
  const same = iff(`ISNUMBER(${above})`, `EXACT(${x},${e.rateeCol}${row - 1}&"")`, 'FALSE');
  return `=${iff(`${e.rateeCol}${row}=""`, '0', iff(same, above, found))}`;
}

/**
 * The block key of an entry row: (ratee position − 1) × sources + source position, 0 when the
 * row has no listed ratee or no known source. The builder writes rows in key order.
 */
export function keyFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const e = layout.entry;
  const ri = `${e.rateeIndexCol}${row}`;
  const ids = arrayConst(template.sources.map((s) => s.id));
  const at = arrayConst(template.sources.map((_, i) => i + 1));
  const S = template.sources.length;
  // One SUMPRODUCT, no IF: the matching source's position plus the ratee's offset, or 0.
  return `=(${ri}>0)*SUMPRODUCT(EXACT(${entrySourceCol(layout)}${row},${ids})*(${at}+(${ri}-1)*${S}))`;
}

/** Running maximum of the keys (MAX ignores the header text above the first row). */
export function maxKeyFormula(layout: WorkbookLayout, row: number): string {
  const e = layout.entry;
  return `=MAX(${e.maxKeyCol}${row - 1},${e.keyCol}${row})`;
}

/** The key of a row that lies below a larger key (outside its block), else "". */
export function misplacedFormula(layout: WorkbookLayout, row: number): string {
  const e = layout.entry;
  const k = `${e.keyCol}${row}`;
  return `=${iff(`AND(${k}>0,${k}<${e.maxKeyCol}${row})`, k, '""')}`;
}

/** `INDEX(name,first):INDEX(name,last)`: a block of an entry column. */
function blockRange(name: string, first: string, last: string): string {
  return `INDEX(${name},${first}):INDEX(${name},${last})`;
}

/**
 * How many rows of the row's key lie outside its block: the summary's hidden count of the row's
 * ratee and source, read only when some row is misplaced (row 1's count), else 0. The summary's
 * block columns are (first, last, misplaced) per source side by side, so one INDEX finds it.
 */
function misplacedOfKey(template: Template, layout: WorkbookLayout, row: number): string {
  const s = layout.summary;
  const e = layout.entry;
  const ids = template.sources.map((x) => x.id);
  const from = s.blockCols[ids[0]].first;
  const to = s.blockCols[ids[ids.length - 1]].misplaced;
  const area = `${quoteSheet(s.sheet)}!$${from}$${s.firstRow}:$${to}$${s.lastRow}`;
  const S = ids.length;
  const col = S === 1 ? '3' : `3*MOD(${e.keyCol}${row}-1,${S})+3`;
  return `IF($${e.misplacedCol}$1=0,0,INDEX(${area},${e.rateeIndexCol}${row},${col}))`;
}

/**
 * The duplicate check (source, rater, ratee more than once: every copy) of a row that passed
 * the earlier checks, compared exactly as the engine does:
 * - keyed rows whose key has no misplaced row: within the row's block, found by two binary
 *   searches on the running maximum (the row lies in it: its key is the running maximum);
 * - keyed rows with a misplaced sibling: over the key column of the whole table;
 * - rows without a key (only when the ratee list is empty): over the whole table, COUNTIFS
 *   first and EXACT only where it finds a copy.
 */
function duplicateExpr(layout: WorkbookLayout, template: Template, row: number): string {
  const e = layout.entry;
  const src = `${entrySourceCol(layout)}${row}`;
  const rater = `${e.raterCol}${row}`;
  const ratee = `${e.rateeCol}${row}`;
  const key = `${e.keyCol}${row}`;
  const first = `IFERROR(MATCH(${key}-0.5,${NAMES.entryMaxKey},1),0)+1`;
  const last = `MATCH(${key},${NAMES.entryMaxKey},1)`;
  const inBlock =
    `SUMPRODUCT(EXACT(${blockRange(NAMES.entryRater, first, last)},${rater}&"")*` +
    `(${blockRange(NAMES.entryKey, first, last)}=${key}))>1`;
  const whole = `SUMPRODUCT((${NAMES.entryKey}=${key})*EXACT(${NAMES.entryRater},${rater}&""))>1`;
  const unkeyed =
    `IF(COUNTIFS(${NAMES.entrySource},${src},${NAMES.entryRater},${rater},${NAMES.entryRatee},${ratee})>1,` +
    `SUMPRODUCT(EXACT(${NAMES.entrySource},${src})*EXACT(${NAMES.entryRater},${rater}&"")*EXACT(${NAMES.entryRatee},${ratee}&""))>1,FALSE)`;
  return `IF(${key}=0,${unkeyed},IF(${misplacedOfKey(template, layout, row)}=0,${inBlock},${whole}))`;
}

/**
 * The status code of an entry row (see STATUS), checked in the engine's order. `tallied` gives
 * the check that the row's source is entered as a tally (计票, ./tally.ts), when the workbook has one.
 */
export function statusFormula(
  template: Template,
  layout: WorkbookLayout,
  row: number,
  tallied?: (src: string) => string,
): string {
  const e = layout.entry;
  const src = `${entrySourceCol(layout)}${row}`;
  const rater = `${e.raterCol}${row}`;
  const ratee = `${e.rateeCol}${row}`;
  // Row 1's counts, on this sheet (no sheet name to parse in every row).
  const counts = { ratees: `$${e.rateeIndexCol}$1`, raters: `$${e.keyCol}$1` };
  const ids = template.sources.map((s) => s.id);
  const sizes = template.sources.map((s) => s.indicators.length);
  const needed =
    new Set(sizes).size === 1
      ? num(sizes[0])
      : `SUMPRODUCT(EXACT(${src},${arrayConst(ids)})*${arrayConst(sizes)})`;
  // Valid points: the plain indicators' typed cells counted at once (plainValidCount), the
  // others' points columns counted; a cell of another source's column shows #N/A in its points column.
  const pts = Object.values(e.pointCols);
  const pRange = pts.length > 0 ? `${pts[0]}${row}:${pts[pts.length - 1]}${row}` : null;
  const plainCount = plainValidCount(template, layout, row);
  const count = [plainCount, pRange && `COUNT(${pRange})`].filter(Boolean).join('+');
  const invalid = template.sources.every((s) => s.indicators.length === template.indicators.length)
    ? `${count}<>${needed}`
    : `OR(${count}<>${needed},ISERROR(SUM(${pRange})))`;
  // As parseDecision (src/core/review/decisions.ts): `=` ignores letter case, TRIM the ends' spaces.
  const review = `${e.reviewCol}${row}`;
  const aside = DECISION_WORDS.setAside;
  // Listed under the row's source: the pair rater⇥source among the list's pairs, found by
  // VLOOKUP (ignores case, knows wildcards) and confirmed by EXACT; else scanned with EXACT.
  const x = `${rater}&CHAR(9)&${src}`;
  const keys = NAMES.listRaterKeys;
  const listed = `IF(IFERROR(EXACT(VLOOKUP(${x},${keys},1,FALSE),${x}),FALSE),TRUE,SUMPRODUCT(--EXACT(${keys},${x}))>0)`;
  return (
    `=IF(IFERROR(OR(TRIM(${review})=${str(aside.zh)},TRIM(${review})=${str(aside.en)}),FALSE),${STATUS.setAside},` +
    `IF(OR(${rater}="",${ratee}="",${src}=""),${STATUS.missingField},` +
    `IF(NOT(${isOneOf(src, ids)}),${STATUS.unknownSource},` +
    (tallied ? `IF(${tallied(src)},${STATUS.talliedSource},` : '') +
    `IF(AND(${counts.ratees}>0,${e.rateeIndexCol}${row}=0),${STATUS.unknownRatee},` +
    // IF, not AND: AND evaluates both sides, and the list scan must not run without a rater list.
    `IF(IF(${counts.raters}>0,NOT(${listed}),FALSE),${STATUS.raterNotListed},` +
    `IF(${duplicateExpr(layout, template, row)},${STATUS.duplicate},` +
    `IF(${invalid},${STATUS.invalidCell},${STATUS.ok})))))))` +
    (tallied ? ')' : '')
  );
}

/** Step 1: the row total, or "" when the row is not counted. */
export function rowTotalFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const status = `${layout.entry.validCol}${row}`;
  const exprs = template.sources.map((s) => rowTotalExpr(template, s, layout, row));
  const expr =
    new Set(exprs).size === 1
      ? exprs[0]
      : `CHOOSE(${sourceIndex(`${entrySourceCol(layout)}${row}`, template)},${exprs.join(',')})`;
  return `=${iff(`${status}=${STATUS.ok}`, expr, '""')}`;
}

/** Visible status text of an entry row: blank for an empty row, ✓ when counted, else the reason. */
export function statusTextFormula(layout: WorkbookLayout, row: number, reasons: string[]): string {
  const e = layout.entry;
  const cols = Object.values(e.indicatorCols);
  const last = cols[cols.length - 1];
  return `=${iff(`COUNTA(A${row}:${last}${row})=0`, '""', `CHOOSE(${e.validCol}${row}+1,${reasons.map(str).join(',')})`)}`;
}

/** Adjustment kind key: `bonus` / `deduction` / `veto`, or "" when the row cannot be used. */
export function adjustmentKindFormula(layout: WorkbookLayout, row: number): string {
  const a = layout.adjustments;
  const kinds = Object.keys(ADJUSTMENT_KIND_ALIASES) as AdjustmentKind[];
  const aliases = kinds.flatMap((k) => ADJUSTMENT_KIND_ALIASES[k].map((x) => x.toLowerCase()));
  const codes = kinds.flatMap((k, i) => ADJUSTMENT_KIND_ALIASES[k].map(() => i + 1));
  const kindCell = `${a.kindCol}${row}`;
  const ratee = `${a.rateeCol}${row}`;
  const pts = `${a.pointsCol}${row}`;
  const idx = `SUMPRODUCT(EXACT(LOWER(TRIM(${kindCell})),${arrayConst(aliases)})*${arrayConst(codes)})`;
  const key = `CHOOSE(${idx}+1,"",${kinds.map(str).join(',')})`;
  const vetoIndex = kinds.indexOf('veto') + 1;
  return (
    `=IF(OR(${ratee}="",NOT(ISTEXT(${kindCell}))),"",` +
    `IF(SUMPRODUCT(--EXACT(${NAMES.listRatees},${ratee}&""))=0,"",` +
    `IF(${idx}=0,"",IF(${idx}=${vetoIndex},"veto",IF(AND(ISNUMBER(${pts}),NOT(ISLOGICAL(${pts})),${pts}>=0),${key},"")))))`
  );
}

/** Usable points of an adjustment row (a number), or "" for vetoes and unusable rows. */
export function adjustmentPointsFormula(layout: WorkbookLayout, row: number): string {
  const a = layout.adjustments;
  return `=IF(OR(${a.kindKeyCol}${row}="bonus",${a.kindKeyCol}${row}="deduction"),${a.pointsCol}${row},"")`;
}

/** The summary's ratee id: the list's id as text, or "" on an empty list row. */
export function summaryRateeFormula(layout: WorkbookLayout, row: number, sheetRef: string): string {
  const c = `${sheetRef}!${layout.lists.rateeIdCol}${row}`;
  return `=IF(${c}="","",${c}&"")`;
}

export function summaryNameFormula(layout: WorkbookLayout, row: number, sheetRef: string): string {
  const c = `${sheetRef}!${layout.lists.rateeNameCol}${row}`;
  return `=IF($A${row}="","",${c}&"")`;
}

/** The key of the summary's list row `row` for a source: constant per cell. */
export function summaryKey(template: Template, layout: WorkbookLayout, source: Source, row: number): number {
  const S = template.sources.length;
  return (row - layout.summary.firstRow) * S + template.sources.indexOf(source) + 1;
}

/** First position of the block of `key` in the entry columns (binary search on the running maximum). */
export function blockFirstFormula(key: number): string {
  return `=IFERROR(MATCH(${key - 0.5},${NAMES.entryMaxKey},1),0)+1`;
}

/** Last position of the block of `key`. */
export function blockLastFormula(key: number): string {
  return `=IFERROR(MATCH(${key},${NAMES.entryMaxKey},1),0)`;
}

/**
 * How many rows of `key` lie outside its block: counted only for keys between the smallest and
 * the largest misplaced key (row 1), so a table in block order, or with a few rows out of place,
 * does not scan the table once per ratee and source. COUNTIF skips the "" of the other rows.
 */
export function blockMisplacedFormula(layout: WorkbookLayout, key: number): string {
  const c = entryCounts(layout);
  return `=IF(OR(${c.misplaced}<${key},${c.misplacedMin}>${key}),0,COUNTIF(${NAMES.entryMisplaced},${key}))`;
}

/** Step 2's aggregate over the rows picked by `filter` (an array of 1/0) of `total`, given n and sum. */
function aggregateExpr(source: Source, total: string, filter: string, n: string, sum: string): string {
  if (source.aggregate === 'median') return `AGGREGATE(17,6,${total}/${filter},2)`;
  if (source.aggregate === 'trimmed') {
    const cut: string[] = [];
    for (let k = 1; k <= source.trim; k++) {
      cut.push(`AGGREGATE(14,6,${total}/${filter},${k})`);
      cut.push(`AGGREGATE(15,6,${total}/${filter},${k})`);
    }
    return `IF(${n}>=${source.trimMinRaters},(${sum}-${cut.join('-')})/(${n}-${2 * source.trim}),${sum}/${n})`;
  }
  return `${sum}/${n}`;
}

/** n, sum and the aggregate of the counted rows of `key` among the given ranges. */
function scoreOver(source: Source, key: number, keys: string, status: string, total: string): string {
  const filter = `((${keys}=${key})*(${status}=0))`;
  const n = `SUMPRODUCT(${filter})`;
  const sum = `SUMPRODUCT(${filter},${total})`;
  return `IF(${n}=0,"",${aggregateExpr(source, total, filter, n, sum)})`;
}

/**
 * Step 2: the source score of the ratee in $A{row}, or "" without counted rows. The rows of one
 * ratee and source are one block of the key-ordered table (docs/workbook.md): the score looks
 * inside the block only. When rows of the key lie outside the block (typed out of order), it
 * looks at the whole table for that key instead. An error in a status cell of the block is
 * passed on (errors are never gaps).
 */
export function sourceScoreFormula(
  template: Template,
  layout: WorkbookLayout,
  source: Source,
  row: number,
): string {
  const key = summaryKey(template, layout, source, row);
  const b = layout.summary.blockCols[source.id];
  const [f, l, mis] = [`${b.first}${row}`, `${b.last}${row}`, `${b.misplaced}${row}`];
  const st = blockRange(NAMES.entryStatus, f, l);
  const fast =
    `IF(${l}<${f},"",IF(ISERROR(SUM(${st})),SUM(${st}),` +
    `${scoreOver(source, key, blockRange(NAMES.entryKey, f, l), st, blockRange(NAMES.entryTotal, f, l))}))`;
  const slow = scoreOver(source, key, NAMES.entryKey, NAMES.entryStatus, NAMES.entryTotal);
  return `=IF($A${row}="","",IF(${mis}>0,${slow},${fast}))`;
}

/**
 * Step 3: the weighted composite over the sources that have a score. A source score is a number
 * or "" (no counted rows); anything else is an error (e.g. a spreadsheet without AGGREGATE) and
 * the composite shows it instead of leaving the source out: `c=""` passes an error on.
 */
export function compositeFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const cols = template.sources.map((s) => `${layout.summary.sourceCols[s.id]}${row}`);
  const numer = template.sources.map((s, i) => `IF(${cols[i]}="",0,${num(s.weight)}*${cols[i]})`).join('+');
  const denom = template.sources.map((s, i) => `IF(${cols[i]}="",0,${num(s.weight)})`).join('+');
  const none = cols.length === 1 ? `${cols[0]}=""` : `AND(${cols.map((c) => `${c}=""`).join(',')})`;
  return `=IF(${none},"",(${numer})/(${denom}))`;
}

/** Step 4: capped bonus or deduction of the ratee in $A{row}. */
export function adjustmentSumFormula(kind: 'bonus' | 'deduction', cap: number | null, row: number): string {
  const sum = `SUMPRODUCT(EXACT(${NAMES.adjRatee},$A${row})*(${NAMES.adjKind}=${str(kind)}),${NAMES.adjPoints})`;
  return `=IF($A${row}="","",${cap === null ? sum : `MIN(${num(cap)},${sum})`})`;
}

/** 1 when the ratee in $A{row} has a veto, else 0. */
export function vetoFormula(row: number): string {
  return `=IF($A${row}="","",IF(SUMPRODUCT(EXACT(${NAMES.adjRatee},$A${row})*(${NAMES.adjKind}="veto"))>0,1,0))`;
}

/** Step 4's raw score, floored at 0 (hidden helper). */
export function rawFormula(layout: WorkbookLayout, row: number): string {
  const s = layout.summary;
  const c = `${s.compositeCol}${row}`;
  return `=IF(${c}="","",MAX(0,${c}+${s.bonusCol}${row}-${s.deductionCol}${row}))`;
}

/** Step 5: ROUND after cleaning the raw score to 15 significant digits, as the engine does. */
export function finalFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const raw = `${summaryRawCol(layout)}${row}`;
  return `=IF(${raw}="","",ROUND(IF(${raw}=0,0,ROUND(${raw},14-INT(LOG10(${raw})))),${template.decimals}))`;
}

/** Step 6: RANK.EQ among the ratees with a final score. */
export function rankFormula(layout: WorkbookLayout, row: number): string {
  const f = `${layout.summary.finalCol}${row}`;
  return `=IF(${f}="","",RANK.EQ(${f},${NAMES.final}))`;
}

/** How many not-vetoed ratees have a final at or above the one in `f`. */
function atOrAbove(f: string): string {
  return `COUNTIFS(${NAMES.final},">="&${f},${NAMES.veto},0)`;
}

function quota(share: number): string {
  return `INT(${num(share)}*COUNT(${NAMES.final})+1E-9)`;
}

/** Step 7: the tier, with cumulative quotas (ties straddling a quota fall together) and veto. */
export function tierFormula(template: Template, layout: WorkbookLayout, row: number): string {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  const last = str(template.tiers[template.tiers.length - 1].name);
  let expr = last;
  for (let t = template.tiers.length - 2; t >= 0; t--) {
    const tier = template.tiers[t];
    const conds = [`${f}>=${num(tier.min)}`];
    if (tier.maxShare !== undefined) conds.push(`${atOrAbove(f)}<=${quota(tier.maxShare)}`);
    expr = `IF(AND(${conds.join(',')}),${str(tier.name)},${expr})`;
  }
  return `=IF(${f}="","",IF(${s.vetoCol}${row}=1,${last},${expr}))`;
}

/** Note: the veto, or a quota tie (ties at the final straddle a tier's quota). */
export function noteFormula(
  template: Template,
  layout: WorkbookLayout,
  row: number,
  words: { veto: string; quotaTie: string },
): string {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  const ties = template.tiers
    .slice(0, -1)
    .filter((t) => t.maxShare !== undefined)
    .map(
      (t) =>
        `AND(${f}>=${num(t.min)},${atOrAbove(f)}>${quota(t.maxShare!)},COUNTIFS(${NAMES.final},">"&${f},${NAMES.veto},0)<${quota(t.maxShare!)})`,
    );
  const tie = ties.length > 0 ? `IF(OR(${ties.join(',')}),${str(words.quotaTie)},"")` : '""';
  return `=IF(${f}="","",IF(${s.vetoCol}${row}=1,${str(words.veto)},${tie}))`;
}
