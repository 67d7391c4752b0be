/**
 * The 计票 sheet (ballot tallies, scoring.md "Ballots: … Tallies"): for templates with a source
 * that can be tallied (every indicator level-coded, `mean`), one row per ratee and indicator
 * with one count per level label. The engine reads it through ./read.ts as tally rows and scores
 * them with the same core function as the tally CSV (src/core/ballots/tally.ts); the formulas
 * here are the second implementation, held equal to it by the LibreOffice tests:
 *
 * - hidden helpers per row: the effective source, the indicator's position in the template
 *   (0 when the source does not score it), the ratee's position on the list, a status code in
 *   the engine's order (TALLY_STATUS), the block key (as the entry rows'), Σ counts and
 *   Σ counts × points;
 * - row 1 above the helpers: per template source, 1 when the source has any tally row — its
 *   score-sheet rows then get status 8 and its score comes from the counts;
 * - in the summary: a tallied source's score is step 1's formula over each indicator's mean
 *   points `Σ count·points / Σ count` (SUMIFS on the key), and the shares add the counts.
 */
import { columnIndex, columnLetter } from '../core/address';
import { isBlank } from '../core/cells';
import { InputError } from '../core/errors';
import { sourceLevelLabels } from '../core/ballots/shares';
import { canTally, type TallyRowStatus } from '../core/ballots/tally';
import { resolveSource, sourceCodes, type Source, type Template } from '../core/template';
import type { Lang, RawCell, TallyRow } from '../core/types';
import { rateeIndex } from './cached';
import { arrayConst, num, quoteSheet, sheetColumn, str } from './formula';
import { effectiveSourceOf, entryCounts, NAMES, summaryKey } from './formulas';
import { FIELD_HEADERS, isHeaderOf } from './names';
import type {
  Block,
  CachedValue,
  CellStyle,
  DefinedName,
  PlanValue,
  SheetPlan,
  TallyLayout,
  WorkbookLayout,
} from './plan';

/** Workbook-scoped names of the 计票 sheet's helper columns. */
export const TALLY_NAMES = {
  source: 'DP_TallySource',
  ratee: 'DP_TallyRatee',
  indicator: 'DP_TallyIndicator',
  ind: 'DP_TallyInd',
  code: 'DP_TallyCode',
  key: 'DP_TallyKey',
  n: 'DP_TallyN',
  sum: 'DP_TallySum',
  /** The row of per-source flags (1 = the source is entered as a tally). */
  tallied: 'DP_TalliedSources',
} as const;

/** Status codes of a tally row (the engine's checks in its order; "" for an empty row). */
export const TALLY_STATUS: Record<TallyRowStatus, number> = {
  counted: 0,
  'missing-field': 1,
  'unknown-source': 2,
  'unknown-ratee': 3,
  'source-not-tallied': 4,
  duplicate: 5,
  'bad-count': 6,
  'not-an-indicator': 7,
};

const WORDS = {
  zh: {
    hint: '计票：每个对象、每个测评项目一行，填写各档次的票数（整数，空白为 0）。某评价主体一旦在此计票，评分录入中该主体的逐张评分表不再计入。',
    status: '状态',
    reasons: [
      '✓',
      '缺少对象',
      '评价主体不在模板中',
      '对象不在名单中',
      '该评价主体不能按计票录入',
      '重复的计票行（均不计入）',
      '票数须为不小于 0 的整数',
      '该评价主体没有这个测评项目',
    ],
    countError: '票数须为不小于 0 的整数',
    listError: (what: string) => `请从列表中选择：${what}`,
  },
  en: {
    hint: 'Tally: one row per ratee and item, the number of ballots for each level (whole numbers, blank = 0). Once a source is tallied here, its score sheets on the entry sheet are not counted.',
    status: 'status',
    reasons: [
      '✓',
      'ratee missing',
      'source not in the template',
      'ratee not on the list',
      'this source cannot be tallied',
      'duplicate tally row (all copies left out)',
      'counts must be whole numbers ≥ 0',
      'the source has no such item',
    ],
    countError: 'counts must be whole numbers ≥ 0',
    listError: (what: string) => `choose from the list: ${what}`,
  },
};

/** Defined names of the 計票 helpers. */
export function tallyNames(t: TallyLayout): DefinedName[] {
  const col = (c: string) => sheetColumn(t.sheet, c, t.firstRow, t.lastRow);
  const flags = t.flagCols;
  return [
    { name: TALLY_NAMES.source, refersTo: col(t.srcCol) },
    { name: TALLY_NAMES.ratee, refersTo: col(t.rateeCol) },
    { name: TALLY_NAMES.indicator, refersTo: col(t.indicatorCol) },
    { name: TALLY_NAMES.ind, refersTo: col(t.indCol) },
    { name: TALLY_NAMES.code, refersTo: col(t.codeCol) },
    { name: TALLY_NAMES.key, refersTo: col(t.keyCol) },
    { name: TALLY_NAMES.n, refersTo: col(t.nCol) },
    { name: TALLY_NAMES.sum, refersTo: col(t.sumCol) },
    {
      name: TALLY_NAMES.tallied,
      refersTo: `${quoteSheet(t.sheet)}!$${flags[0]}$1:$${flags[flags.length - 1]}$1`,
    },
  ];
}

const labelsOf = (t: TallyLayout) => Object.keys(t.countCols);

/** 1-based position of the effective source of row r among the template's sources (0: none). */
function sourceIndex(template: Template, t: TallyLayout, r: number): string {
  const ids = template.sources.map((s) => s.id);
  return `SUMPRODUCT(EXACT(${t.srcCol}${r},${arrayConst(ids)})*${arrayConst(ids.map((_, i) => i + 1))})`;
}

/** Position of each indicator in the template (1-based). */
function positions(template: Template): Map<string, number> {
  return new Map(template.indicators.map((ind, i) => [ind.id, i + 1]));
}

/** The row's source id: the typed id or name, as on the entry sheet (effectiveSourceOf). */
export function tallySourceFormula(template: Template, t: TallyLayout, r: number): string {
  return `=${effectiveSourceOf(template, `${t.sourceCol}${r}`)}`;
}

/** The indicator's position in the template when the row's source scores it, else 0. */
export function tallyIndFormula(template: Template, t: TallyLayout, r: number): string {
  const pos = positions(template);
  const per = template.sources.map(
    (s) =>
      `SUMPRODUCT(EXACT(${t.indicatorCol}${r}&"",${arrayConst(s.indicators)})*${arrayConst(s.indicators.map((id) => pos.get(id)!))})`,
  );
  const si = sourceIndex(template, t, r);
  return `=IF(${si}=0,0,${per.length === 1 ? per[0] : `CHOOSE(${si},${per.join(',')})`})`;
}

/** The ratee's position on the list (0 when blank or not listed), exact as the entry rows'. */
export function tallyRateeIndexFormula(layout: WorkbookLayout, t: TallyLayout, r: number): string {
  const x = `${t.rateeCol}${r}&""`;
  const list = NAMES.listRatees;
  const m = `MATCH(${x},${list},0)`;
  const offset = layout.lists.firstRow - 1;
  return (
    `=IF(${t.rateeCol}${r}="",0,IF(IFERROR(EXACT(INDEX(${list},${m}),${x}),FALSE),${m},` +
    `SUMPRODUCT(MAX(EXACT(${list},${x})*(ROW(${list})-${offset})))))`
  );
}

/** Per label: 1 where the label is a level of the indicator at that template position. */
function levelMask(template: Template, label: string): string {
  return arrayConst(template.indicators.map((i) => (i.levels?.some((l) => l.label === label) ? 1 : 0)));
}

/** Per label: the label's points for the indicator at that template position (0 when not a level). */
function levelPoints(template: Template, label: string): string {
  return arrayConst(template.indicators.map((i) => i.levels?.find((l) => l.label === label)?.points ?? 0));
}

/** A count cell as parseCount (src/core/ballots/tally.ts) takes it in workbook mode, for the row's indicator. */
function countValid(template: Template, t: TallyLayout, label: string, r: number): string {
  const c = `${t.countCols[label]}${r}`;
  const ind = `${t.indCol}${r}`;
  return (
    `IFERROR(IF(ISNUMBER(${c}),IF(ISLOGICAL(${c}),FALSE,` +
    `AND(${c}>=0,${c}=INT(${c}),OR(INDEX(${levelMask(template, label)},${ind})=1,${c}=0))),TRIM(${c})=""),FALSE)`
  );
}

/** The row's status code (TALLY_STATUS), checked in the engine's order; "" on an empty row. */
export function tallyCodeFormula(
  template: Template,
  layout: WorkbookLayout,
  t: TallyLayout,
  r: number,
): string {
  const labels = labelsOf(t);
  const lastCount = t.countCols[labels[labels.length - 1]];
  const si = sourceIndex(template, t, r);
  const can = arrayConst(template.sources.map((s) => (canTally(template, s.id) ? 1 : 0)));
  const src = `${t.srcCol}${r}`;
  const ratee = `${t.rateeCol}${r}`;
  const indicator = `${t.indicatorCol}${r}`;
  const dup =
    `IF(COUNTIFS(${TALLY_NAMES.source},${src},${TALLY_NAMES.ratee},${ratee},${TALLY_NAMES.indicator},${indicator})>1,` +
    `SUMPRODUCT(EXACT(${TALLY_NAMES.source},${src})*EXACT(${TALLY_NAMES.ratee},${ratee}&"")*EXACT(${TALLY_NAMES.indicator},${indicator}&""))>1,FALSE)`;
  const S = TALLY_STATUS;
  return (
    `=IF(COUNTA(${t.sourceCol}${r}:${lastCount}${r})=0,"",` +
    `IF(${si}=0,${S['unknown-source']},` +
    `IF(INDEX(${can},${si})=0,${S['source-not-tallied']},` +
    `IF(${ratee}="",${S['missing-field']},` +
    `IF(AND(${entryCounts(layout).ratees}>0,${t.rateeIndexCol}${r}=0),${S['unknown-ratee']},` +
    `IF(${t.indCol}${r}=0,${S['not-an-indicator']},` +
    `IF(${dup},${S.duplicate},` +
    `IF(AND(${labels.map((l) => countValid(template, t, l, r)).join(',')}),${S.counted},${S['bad-count']}))))))))`
  );
}

const counted = (t: TallyLayout, r: number) => `IF(ISNUMBER(${t.codeCol}${r}),${t.codeCol}${r}=0,FALSE)`;

/** The block key of a counted row with a listed ratee ((ratee − 1) × sources + source), else 0. */
export function tallyKeyFormula(template: Template, t: TallyLayout, r: number): string {
  const ri = `${t.rateeIndexCol}${r}`;
  const S = template.sources.length;
  return `=IF(${counted(t, r)},IF(${ri}=0,0,(${ri}-1)*${S}+${sourceIndex(template, t, r)}),0)`;
}

export function tallyNFormula(t: TallyLayout, r: number): string {
  const terms = labelsOf(t).map((l) => `N(${t.countCols[l]}${r})`);
  return `=IF(${counted(t, r)},${terms.join('+')},"")`;
}

export function tallySumFormula(template: Template, t: TallyLayout, r: number): string {
  const terms = labelsOf(t).map(
    (l) => `N(${t.countCols[l]}${r})*INDEX(${levelPoints(template, l)},${t.indCol}${r})`,
  );
  return `=IF(${counted(t, r)},${terms.join('+')},"")`;
}

export function tallyFlagFormula(source: Source): string {
  return `=IF(SUMPRODUCT(EXACT(${TALLY_NAMES.source},${str(source.id)})*(${TALLY_NAMES.code}<>""))>0,1,0)`;
}

/** The flag cell of a source: 1 when it is entered as a tally. */
export function flagCell(template: Template, t: TallyLayout, source: Source): string {
  return `${quoteSheet(t.sheet)}!$${t.flagCols[template.sources.indexOf(source)]}$1`;
}

/**
 * The summary's source score with tallies: the tally's score when the source has tally rows
 * (scoring.md: step 1 over each indicator's mean points; "" until every indicator has counts),
 * else the score-sheet formula it wraps.
 */
export function withTallyScore(
  template: Template,
  layout: WorkbookLayout,
  source: Source,
  row: number,
  sheetFormula: string,
): string {
  const t = layout.tally;
  if (!t) return sheetFormula;
  const key = summaryKey(template, layout, source, row);
  let score = '""';
  if (canTally(template, source.id)) {
    const byId = new Map(template.indicators.map((i) => [i.id, i]));
    const pos = positions(template);
    const over = (name: string, id: string) =>
      `SUMIFS(${name},${TALLY_NAMES.key},${key},${TALLY_NAMES.ind},${pos.get(id)})`;
    const inds = source.indicators.map((id) => byId.get(id)!);
    const complete = inds.map((i) => `${over(TALLY_NAMES.n, i.id)}>0`);
    const terms = inds.map(
      (i) =>
        `((${num(i.weight)}*(${over(TALLY_NAMES.sum, i.id)}/${over(TALLY_NAMES.n, i.id)}))/${num(i.max)})`,
    );
    const den = inds.reduce((a, i) => a + i.weight, 0);
    score = `IF(AND(${complete.join(',')}),(100*(${terms.join('+')}))/${num(den)},"")`;
  }
  return `=IF(${flagCell(template, t, source)}=1,IF($A${row}="","",${score}),${sheetFormula.slice(1)})`;
}

/** The tally's part of a share count (../workbook/ballots.ts): marks of `label` (or all marks) of a source. */
export function tallyShareCount(
  template: Template,
  layout: WorkbookLayout,
  sourceId: string,
  label: string | null,
  row: number,
): string | null {
  const t = layout.tally;
  if (!t || !canTally(template, sourceId)) return null;
  const source = template.sources.find((s) => s.id === sourceId)!;
  const key = summaryKey(template, layout, source, row);
  if (label === null) return `SUMIFS(${TALLY_NAMES.n},${TALLY_NAMES.key},${key})`;
  if (!sourceLevelLabels(template, sourceId).includes(label)) return null;
  return `SUMIFS(${sheetColumn(t.sheet, t.countCols[label], t.firstRow, t.lastRow)},${TALLY_NAMES.key},${key})`;
}

/** The status check of an entry row: its source is entered as a tally. */
export function entryTalliedCheck(template: Template, srcCell: string): string {
  return `SUMPRODUCT(EXACT(${srcCell},${arrayConst(template.sources.map((s) => s.id))})*${TALLY_NAMES.tallied})>0`;
}

/** A typed count as a plan writes it. */
function planCell(raw: RawCell | undefined): PlanValue {
  if (raw === undefined) return null;
  if (typeof raw === 'object' && raw !== null) return raw.error;
  return raw;
}

export interface TallySheetInput {
  template: Template;
  lang: Lang;
  layout: WorkbookLayout;
  tallies: TallyRow[];
  /** What the engine made of each tally row (ScoreOutput.tallyRows). */
  statuses: TallyRowStatus[];
  rateeIds: string[];
  headerStyle: CellStyle;
  inputStyle: CellStyle;
  formulaStyle: CellStyle;
  hintStyle: CellStyle;
  rateeValidation: (range: string) => SheetPlan['validations'][number];
}

/** The 计票 sheet plan: typed rows, helper formulas with the engine's values, validation. */
export function tallySheet(o: TallySheetInput): SheetPlan {
  const { template, layout } = o;
  const t = layout.tally!;
  const w = WORDS[o.lang];
  const h = FIELD_HEADERS[o.lang];
  const labels = labelsOf(t);
  const rows = t.lastRow - t.firstRow + 1;
  const sheet: SheetPlan = {
    key: 'tally',
    name: t.sheet,
    visibility: 'visible',
    columns: [],
    blocks: [],
    merges: ['A1:C1'],
    validations: [],
    conditionalFormats: [],
    tables: [],
    rowHeights: { 1: 48 },
  };
  sheet.blocks.push({
    at: 'A1',
    values: [[w.hint, null, null]],
    style: { ...o.hintStyle, wrap: true, vAlign: 'top' },
  });
  const header = [h.source, h.ratee, h.indicator, ...labels, w.status];
  const helpers = ['_src', '_ind', '_ratee', '_status', '_key', '_n', '_sum'];
  sheet.blocks.push({ at: `A${t.headerRow}`, values: [[...header, ...helpers]], style: o.headerStyle });
  const typed: PlanValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const x = o.tallies[i];
    typed.push(
      x
        ? [
            planCell(x.source),
            planCell(x.ratee),
            planCell(x.indicator),
            ...labels.map((l) => planCell(x.counts[l])),
          ]
        : Array(3 + labels.length).fill(null),
    );
  }
  sheet.blocks.push({ at: `A${t.firstRow}`, values: typed, style: o.inputStyle });

  // The engine's view of each row, for the cached values of the helpers.
  const single = template.sources.length === 1 ? template.sources[0].id : '';
  const pos = positions(template);
  const ids = template.sources.map((s) => s.id);
  const codes = sourceCodes(template);
  const view = (i: number) => {
    const x = o.tallies[i];
    if (!x) return null;
    const src = x.source === '' ? single : resolveSource(codes, String(x.source));
    const si = ids.indexOf(src) + 1;
    const s = template.sources[si - 1];
    const indText = String(x.indicator ?? '');
    const ind = s && s.indicators.includes(indText) ? pos.get(indText)! : 0;
    const ri = rateeIndex(o.rateeIds, planCell(x.ratee));
    const status = o.statuses[i];
    const code: number | '' = status === undefined ? '' : TALLY_STATUS[status];
    const ok = status === 'counted';
    const indicator = ind > 0 ? template.indicators[ind - 1] : undefined;
    const count = (l: string) => (typeof x.counts[l] === 'number' ? (x.counts[l] as number) : 0);
    const n = labels.reduce((a, l) => a + count(l), 0);
    const sum = labels.reduce(
      (a, l) => a + count(l) * (indicator?.levels?.find((v) => v.label === l)?.points ?? 0),
      0,
    );
    return {
      src,
      ind: si === 0 ? 0 : ind,
      ri,
      code,
      key: ok && ri > 0 ? (ri - 1) * ids.length + si : 0,
      n: ok ? n : '',
      sum: ok ? sum : '',
    };
  };
  const cols: { formula: (r: number) => string; value: (i: number) => CachedValue }[] = [
    {
      formula: (r) =>
        `=IF(${t.codeCol}${r}="","",CHOOSE(${t.codeCol}${r}+1,${w.reasons.map(str).join(',')}))`,
      value: (i) => {
        const v = view(i);
        return v && typeof v.code === 'number' ? w.reasons[v.code] : '';
      },
    },
    { formula: (r) => tallySourceFormula(template, t, r), value: (i) => view(i)?.src ?? single },
    { formula: (r) => tallyIndFormula(template, t, r), value: (i) => view(i)?.ind ?? (single ? 0 : 0) },
    { formula: (r) => tallyRateeIndexFormula(layout, t, r), value: (i) => view(i)?.ri ?? 0 },
    { formula: (r) => tallyCodeFormula(template, layout, t, r), value: (i) => view(i)?.code ?? '' },
    { formula: (r) => tallyKeyFormula(template, t, r), value: (i) => view(i)?.key ?? 0 },
    { formula: (r) => tallyNFormula(t, r), value: (i) => view(i)?.n ?? '' },
    { formula: (r) => tallySumFormula(template, t, r), value: (i) => view(i)?.sum ?? '' },
  ];
  const formulas: string[][] = [];
  const results: CachedValue[][] = [];
  for (let i = 0; i < rows; i++) {
    formulas.push(cols.map((c) => c.formula(t.firstRow + i)));
    results.push(cols.map((c) => c.value(i)));
  }
  sheet.blocks.push({ at: `${t.statusCol}${t.firstRow}`, formulas, results, style: o.formulaStyle } as Block);
  const talliedIds = new Set(
    o.tallies.flatMap((x, i) =>
      o.statuses[i] === undefined ? [] : [x.source === '' ? single : String(x.source)],
    ),
  );
  sheet.blocks.push({
    at: `${t.flagCols[0]}1`,
    formulas: [template.sources.map((s) => tallyFlagFormula(s))],
    results: [template.sources.map((s) => (talliedIds.has(s.id) ? 1 : 0))],
  });

  // Columns and validation.
  sheet.columns.push({ col: 'A', width: 12 }, { col: 'B', width: 14 }, { col: 'C', width: 12 });
  for (const l of labels) sheet.columns.push({ col: t.countCols[l], width: 8 });
  sheet.columns.push({ col: t.statusCol, width: 26 });
  const lastHidden = Math.max(columnIndex(t.sumCol), columnIndex(t.flagCols[t.flagCols.length - 1]));
  for (let c = columnIndex(t.srcCol); c <= lastHidden; c++)
    sheet.columns.push({ col: columnLetter(c), hidden: true });
  const range = (col: string) => `${col}${t.firstRow}:${col}${t.lastRow}`;
  const sources = template.sources.filter((s) => canTally(template, s.id));
  const sourceIds = sources.map((s) => s.id);
  sheet.validations.push({
    range: range(t.sourceCol),
    type: 'list',
    list: sourceIds,
    allowBlank: true,
    error: w.listError(sourceIds.join(', ')),
  });
  sheet.validations.push(o.rateeValidation(range(t.rateeCol)));
  const indicatorIds = [...new Set(sources.flatMap((s) => s.indicators))];
  // Excel keeps at most 255 characters of an in-cell list: a longer one is left to the status column.
  if (indicatorIds.join(',').length <= 255)
    sheet.validations.push({
      range: range(t.indicatorCol),
      type: 'list',
      list: indicatorIds,
      allowBlank: true,
      error: w.listError(indicatorIds.join(', ')),
    });
  sheet.validations.push({
    range: `${t.countCols[labels[0]]}${t.firstRow}:${t.countCols[labels[labels.length - 1]]}${t.lastRow}`,
    type: 'whole',
    min: 0,
    max: 1000000,
    allowBlank: true,
    error: w.countError,
  });
  sheet.conditionalFormats.push({
    range: range(t.statusCol),
    formula: `AND(ISNUMBER($${t.codeCol}${t.firstRow}),$${t.codeCol}${t.firstRow}<>0)`,
    style: { fontColor: '#9C0006' },
  });
  sheet.freeze = { rows: t.headerRow, columns: 3 };
  sheet.print = {
    orientation: 'portrait',
    paper: 'A4',
    fitToWidth: true,
    titleRows: `1:${t.headerRow}`,
    area: `A1:${t.statusCol}${t.lastRow}`,
  };
  return sheet;
}

/** Id-like text of a cell (numbers as digits), as the entry reader takes it. */
function idText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

/**
 * The tally rows of the 计票 sheet (rows with anything typed), located for problems
 * (`计票!E7`); the engine checks and scores them as it does the tally CSV's rows.
 */
export function readTallies(
  template: Template,
  t: TallyLayout,
  grid: RawCell[][],
): { tallies: TallyRow[]; outside: string[] } {
  const header = grid[t.headerRow - 1] ?? [];
  const find = (field: string) => header.findIndex((c) => isHeaderOf(c, field));
  const cols: Record<string, number> = {
    source: find('source'),
    ratee: find('ratee'),
    indicator: find('indicator'),
  };
  for (const [field, c] of Object.entries(cols))
    if (c === -1)
      throw new InputError(
        `${t.sheet}!${t.headerRow}:${t.headerRow} has no column "${FIELD_HEADERS.zh[field]}" (the header row was changed)`,
      );
  const labels = Object.keys(t.countCols);
  for (const l of labels) {
    const c = header.findIndex((x) => typeof x === 'string' && x.trim() === l);
    // A missing level column would silently count as 0 votes.
    if (c === -1)
      throw new InputError(
        `${t.sheet}!${t.headerRow}:${t.headerRow} has no column "${l}" (the header row was changed)`,
      );
    cols[l] = c;
  }
  const inputCols = Object.values(cols);
  const tallies: TallyRow[] = [];
  const outside: string[] = [];
  let last = t.firstRow - 2;
  for (let r = grid.length - 1; r >= t.firstRow - 1; r--)
    if (inputCols.some((c) => !isBlank(grid[r]?.[c]))) {
      last = r;
      break;
    }
  const columns = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, columnLetter(v)]));
  for (let r = t.firstRow - 1; r <= last; r++) {
    const row = grid[r] ?? [];
    if (inputCols.every((c) => isBlank(row[c]))) continue;
    tallies.push({
      source: idText(row[cols.source] ?? null),
      ratee: idText(row[cols.ratee] ?? null),
      indicator: idText(row[cols.indicator] ?? null),
      counts: Object.fromEntries(labels.map((l) => [l, row[cols[l]] ?? null])),
      loc: { sheet: t.sheet, row: r + 1, columns },
    });
    if (r + 1 > t.lastRow) outside.push(`${t.sheet}!${r + 1}`);
  }
  return { tallies, outside };
}
