/**
 * Builds the workbook plan of an installation: from a template (and optional ratee/rater lists,
 * entries and adjustments to fill in) to the sheets, formulas, names and layout of plan.ts.
 */
import { DECISION_WORDS } from '../core/review/decisions';
import { SIGNOFF_HEADERS, SIGNOFF_WIDTHS } from '../core/signoff/sheet';
import { VALIDATION_LIST_LIMIT, type Indicator, type Template } from '../core/template';
import type { AdjustmentRow, EntryRow, Lang, RateeInfo, RaterInfo, TallyRow } from '../core/types';
import { tallySources } from '../core/ballots/tally';
import {
  ENTRY_TABLE,
  columnIndex,
  columnLetter,
  num,
  bracketed,
  quoteSheet,
  sheetColumn,
  str,
  tableColumn,
} from './formula';
import * as B from './ballots';
import * as F from './formulas';
import { NAMES } from './formulas';
import {
  computeLayout,
  entrySourceCol,
  FIRST_ROW,
  HEADER_ROW,
  pointsHeader,
  STATUS_HEADER,
  summaryRawCol,
  type Capacities,
} from './layout';
import { FIELD_HEADERS, SHEET_NAMES, SHEET_ORDER } from './names';
import { CachedBook, planValue, raterKey, sortEntries } from './cached';
import {
  WORKBOOK_PLAN_SCHEMA,
  type Block,
  type CachedValue,
  type CellStyle,
  type DefinedName,
  type PlanValue,
  type SheetKey,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookLayout,
  type WorkbookPlan,
} from './plan';
import { indicatorSheetRows } from './indicator-sheet';
import { storeRows } from './store';
import * as T from './tally';
import { WORDS, type Words } from './words';

export interface BuildOptions {
  template: Template;
  lang?: Lang;
  ratees?: RateeInfo[];
  raters?: RaterInfo[];
  /** Score sheets to fill in (cells as typed: numbers as numbers). */
  entries?: EntryRow[];
  adjustments?: AdjustmentRow[];
  /** Ballot tallies (计票) to fill in; the 计票 sheet exists only when a source can be tallied. */
  tallies?: TallyRow[];
  /** Sheet names to use instead of the defaults (after a clash was resolved by renaming). */
  sheetNames?: Partial<Record<SheetKey, string>>;
  /** Rows with formulas; defaults leave room for typing beyond the filled rows. */
  capacity?: Partial<Capacities>;
  /**
   * Write the entries in the order given instead of block order (as a clerk may have typed
   * them; the formulas stay right, only slower for the rows out of place).
   */
  keepOrder?: boolean;
}

const HEADER: CellStyle = {
  bold: true,
  fill: '#1F4E79',
  fontColor: '#FFFFFF',
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: true,
};
const HINT: CellStyle = { italic: true, fontColor: '#595959' };
const INPUT: CellStyle = { locked: false, border: true };
const FORMULA: CellStyle = { fill: '#F2F2F2', border: true };
const TIER_PALETTE = ['#C6EFCE', '#DDEBF7', '#FFF2CC', '#FCE4D6', '#F8CBAD', '#D9D9D9'];

/** Default capacities: room to type beyond what is filled in. */
export function defaultCapacities(o: BuildOptions, prefilledEntries: number): Capacities {
  const lists = Math.max(o.ratees?.length ?? 0, o.raters?.length ?? 0);
  return {
    entries: o.capacity?.entries ?? Math.max(prefilledEntries + 50, 300),
    adjustments: o.capacity?.adjustments ?? Math.max((o.adjustments?.length ?? 0) + 30, 50),
    lists: o.capacity?.lists ?? Math.max(lists + 20, 50),
    tallies: o.capacity?.tallies ?? Math.max((o.tallies?.length ?? 0) + 50, 200, tallyRowsNeeded(o)),
  };
}

/** One tally row per listed ratee and indicator of each source that can be tallied, and some room. */
function tallyRowsNeeded(o: BuildOptions): number {
  const items = tallySources(o.template).reduce(
    (a, id) => a + o.template.sources.find((s) => s.id === id)!.indicators.length,
    0,
  );
  return (o.ratees?.length ?? 0) * items + 20;
}

/**
 * The rows an installation prefills: the given entries, or with both lists one row per rater and
 * ratee (the rater's source, the rater, the ratee, empty scores) ready for typing.
 */
export function prefillEntries(o: BuildOptions): EntryRow[] {
  if (o.entries) return o.entries;
  if (!o.ratees?.length || !o.raters?.length) return [];
  return o.raters.flatMap((r) =>
    o.ratees!.map((j) => ({ source: r.source, rater: r.id, ratee: j.id, cells: {} })),
  );
}

/** A drop-down of the ratee codes on the lists sheet (entry and adjustment sheets use it). */
function rateeListValidation(layout: WorkbookLayout, range: string, error: string): ValidationPlan {
  const { lists } = layout;
  return {
    range,
    type: 'list',
    listRange: sheetColumn(lists.sheet, lists.rateeIdCol, lists.firstRow, lists.lastRow),
    allowBlank: true,
    error,
  };
}

/**
 * The drop-down of a source column: the sources' names (领导, what clerks pick) when they fit
 * Excel's list (no comma, at most 255 characters joined), with ids still accepted after a
 * warning; else the ids, as before. Both are read the same (src/core/template.ts sourceCodes).
 */
export function sourceValidation(template: Template, lang: Lang, range: string): ValidationPlan {
  const ids = template.sources.map((s) => s.id);
  const names = template.sources.map((s) => s.name.trim());
  const usable =
    names.every((n) => n !== '' && !n.includes(',')) &&
    new Set(names).size === names.length &&
    names.join(',').length <= VALIDATION_LIST_LIMIT;
  if (!usable) return { range, type: 'list', list: ids, allowBlank: true, error: ids.join(', ') };
  const both = template.sources.map((s, i) =>
    names[i] === s.id ? s.id : lang === 'en' ? `${names[i]} (${s.id})` : `${names[i]}（${s.id}）`,
  );
  const sep = lang === 'en' ? ', ' : '、';
  const lead = lang === 'en' ? 'Choose a source: ' : '请选择评价主体：';
  const error =
    both.join(sep).length + lead.length <= VALIDATION_LIST_LIMIT
      ? lead + both.join(sep)
      : lead + names.join(sep);
  return { range, type: 'list', list: names, allowOther: true, allowBlank: true, error };
}

/** What an indicator column takes: `0–30`-style max, or its level labels (好/较好/一般/差). */
function allowedText(ind: Indicator): string {
  return ind.levels ? ind.levels.map((l) => l.label).join('/') : String(ind.max);
}

/** The sources that fill an indicator's column, when not all do (five-stage: one sheet, many sources). */
function fillers(template: Template, ind: Indicator, lang: Lang): string | null {
  const by = template.sources.filter((s) => s.indicators.includes(ind.id));
  if (by.length === template.sources.length || by.length === 0) return null;
  return by
    .map((s) => (lang === 'en' ? (s.nameEn ?? s.name) : s.name).trim() || s.id)
    .join(lang === 'en' ? ', ' : '、');
}

/**
 * Row 1 over an indicator column: `责任落实（30）` and, when only some sources fill it, `目标考核填`
 * on a second line; a level-coded indicator shows its labels (`政治表现（好/较好/一般/差）`), never
 * a maximum a voter does not type.
 */
export function indicatorHeading(template: Template, ind: Indicator, lang: Lang, w: Words): string {
  const name = (lang === 'en' ? ind.nameEn : undefined) ?? ind.name;
  const head = w.indicatorLabel(name, allowedText(ind));
  const by = fillers(template, ind, lang);
  return by ? `${head}\n${w.filledBy(by)}` : head;
}

/** The input message of a column only some sources fill (Excel keeps at most 255 characters). */
function fillPrompt(template: Template, ind: Indicator, lang: Lang, w: Words): { prompt?: string } {
  const by = fillers(template, ind, lang);
  if (!by) return {};
  const allowed = ind.levels ? allowedText(ind) : lang === 'en' ? `0–${ind.max}` : `0–${ind.max} 分`;
  const prompt = w.fillPrompt(by, allowed);
  return prompt.length <= VALIDATION_LIST_LIMIT ? { prompt } : {};
}

function sheetBase(key: SheetKey, name: string): SheetPlan {
  return {
    key,
    name,
    visibility: 'visible',
    columns: [],
    blocks: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
  };
}

/**
 * One formula column of a sheet: the formula of sheet row `row`, and the value it computes for
 * data row `i` (0-based) of the content the plan is built with (./cached.ts).
 */
export interface FormulaColumn {
  formula: (row: number) => string;
  value: (i: number) => CachedValue;
}

/**
 * The same text as one flat string. A formula built by joining pieces is a tree of them that
 * lives as long as the plan (every piece an object the garbage collector copies and scans);
 * reading it as a number makes the engine copy it into one string at once and drop the pieces.
 */
function flat(s: string): string {
  Number(s);
  return s;
}

/** A block of `count` rows of formula columns, from sheet row `first`, with their cached values. */
function formulaBlock(
  at: string,
  first: number,
  count: number,
  cols: FormulaColumn[],
  style?: CellStyle,
): Block {
  const formulas: string[][] = [];
  const results: CachedValue[][] = [];
  for (let i = 0; i < count; i++) {
    formulas.push(cols.map((c) => flat(c.formula(first + i))));
    results.push(cols.map((c) => c.value(i)));
  }
  return { at, formulas, results, ...(style ? { style } : {}) };
}

function colsBetween(a: string, b: string): number {
  return columnIndex(b) - columnIndex(a) + 1;
}

/** The whole plan. */
export function buildPlan(o: BuildOptions): WorkbookPlan {
  const lang = o.lang ?? 'zh';
  const template = o.template;
  const w = WORDS[lang];
  const sheetNames = { ...SHEET_NAMES[lang], ...o.sheetNames } as Record<SheetKey, string>;
  // Entries in block order (docs/workbook.md, "Linear time"): the summary finds each ratee's rows as one block.
  const entries = o.keepOrder
    ? prefillEntries(o)
    : sortEntries(
        template,
        (o.ratees ?? []).map((r) => r.id),
        prefillEntries(o),
      );
  const cap = defaultCapacities(o, entries.length);
  const layout = computeLayout(template, sheetNames, cap);
  const book = new CachedBook(
    template,
    entries,
    o.adjustments ?? [],
    o.ratees ?? [],
    o.raters ?? [],
    layout.tally ? (o.tallies ?? []) : [],
  ).withCapacity(layout.entry.lastRow - layout.entry.firstRow + 1);
  const raterCount = (o.raters ?? []).length;
  const sheets: Partial<Record<SheetKey, SheetPlan>> = {
    guide: guideSheet(template, lang, w, sheetNames),
    indicators: indicatorsSheet(template, lang, w, sheetNames.indicators),
    lists: listsSheet(template, lang, w, layout, o),
    entry: entrySheet(template, lang, w, layout, entries, book, raterCount),
    ...(layout.tally
      ? {
          tally: T.tallySheet({
            template,
            lang,
            layout,
            tallies: o.tallies ?? [],
            statuses: book.tallyRows,
            rateeIds: (o.ratees ?? []).map((r) => r.id),
            headerStyle: HEADER,
            inputStyle: INPUT,
            formulaStyle: FORMULA,
            hintStyle: HINT,
            rateeValidation: (range) => rateeListValidation(layout, range, w.reasons[3]),
          }),
        }
      : {}),
    adjustments: adjustmentsSheet(lang, w, layout, o.adjustments ?? [], book),
    summary: summarySheet(template, lang, w, layout, book),
    analysis: analysisSheet(w, sheetNames.analysis),
    signoff: signoffSheet(lang, sheetNames.signoff),
    template: { ...sheetBase('template', sheetNames.template), visibility: 'veryHidden', protect: true },
  };
  sheets.template!.blocks.push({ at: 'A1', values: storeRows(template, layout, lang) });
  return {
    schema: WORKBOOK_PLAN_SCHEMA,
    lang,
    template,
    sheets: SHEET_ORDER.flatMap((k) => sheets[k] ?? []),
    names: definedNames(layout, sheets.entry!.tables[0].columns),
    layout,
  };
}

/**
 * The workbook's names. Those over the entry rows are structured references to the entry
 * table's columns (`DP_EntryTable[_key]`), so they follow the table when Excel grows it
 * (docs/workbook.md "Capacity"); `tableColumns` are the table's headers from column A.
 */
function definedNames(layout: WorkbookLayout, tableColumns: string[]): DefinedName[] {
  const e = layout.entry;
  const a = layout.adjustments;
  const l = layout.lists;
  const s = layout.summary;
  const col = (sheet: string, c: string, first: number, last: number) => sheetColumn(sheet, c, first, last);
  const header = (c: string) => tableColumns[columnIndex(c)];
  const entry = (c: string) => tableColumn(ENTRY_TABLE, header(c));
  return [
    { name: NAMES.rateeIds, refersTo: col(s.sheet, s.rateeCol, s.firstRow, s.lastRow) },
    { name: NAMES.final, refersTo: col(s.sheet, s.finalCol, s.firstRow, s.lastRow) },
    { name: NAMES.rank, refersTo: col(s.sheet, s.rankCol, s.firstRow, s.lastRow) },
    { name: NAMES.tier, refersTo: col(s.sheet, s.tierCol, s.firstRow, s.lastRow) },
    {
      name: NAMES.entries,
      refersTo: `${ENTRY_TABLE}[[#All],${bracketed(header('A'))}:${bracketed(header(e.misplacedCol))}]`,
    },
    { name: NAMES.veto, refersTo: col(s.sheet, s.vetoCol, s.firstRow, s.lastRow) },
    { name: NAMES.entrySource, refersTo: entry(entrySourceCol(layout)) },
    { name: NAMES.entryRater, refersTo: entry(e.raterCol) },
    { name: NAMES.entryRatee, refersTo: entry(e.rateeCol) },
    { name: NAMES.entryTotal, refersTo: entry(e.totalCol) },
    { name: NAMES.entryStatus, refersTo: entry(e.validCol) },
    { name: NAMES.entryKey, refersTo: entry(e.keyCol) },
    { name: NAMES.entryMaxKey, refersTo: entry(e.maxKeyCol) },
    { name: NAMES.entryMisplaced, refersTo: entry(e.misplacedCol) },
    { name: NAMES.adjRatee, refersTo: col(a.sheet, a.rateeCol, a.firstRow, a.lastRow) },
    { name: NAMES.adjKind, refersTo: col(a.sheet, a.kindKeyCol, a.firstRow, a.lastRow) },
    { name: NAMES.adjPoints, refersTo: col(a.sheet, a.pointsValueCol, a.firstRow, a.lastRow) },
    { name: NAMES.listRatees, refersTo: col(l.sheet, l.rateeIdCol, l.firstRow, l.lastRow) },
    { name: NAMES.listRaters, refersTo: col(l.sheet, l.raterIdCol, l.firstRow, l.lastRow) },
    { name: NAMES.listRaterKeys, refersTo: col(l.sheet, l.raterKeyCol, l.firstRow, l.lastRow) },
    ...(layout.tally ? T.tallyNames(layout.tally) : []),
  ];
}

function guideSheet(template: Template, lang: Lang, w: Words, names: Record<SheetKey, string>): SheetPlan {
  const sheet = sheetBase('guide', names.guide);
  const title = lang === 'en' ? (template.nameEn ?? template.name) : template.name;
  const desc = lang === 'en' ? (template.descriptionEn ?? template.description) : template.description;
  const lines = w.guide(title, names);
  if (desc) lines.splice(1, 0, desc);
  sheet.columns.push({ col: 'A', width: 100 });
  sheet.blocks.push({ at: 'A1', values: lines.map((x) => [x]), style: { wrap: true, vAlign: 'top' } });
  sheet.blocks.push({ at: 'A1', rows: 1, cols: 1, style: { bold: true, fontSize: 16 } });
  sheet.tabColor = '#1F4E79';
  return sheet;
}

function indicatorsSheet(template: Template, lang: Lang, w: Words, name: string): SheetPlan {
  const sheet = sheetBase('indicators', name);
  const laid = indicatorSheetRows(template, lang, w);
  const at = (row: number) => `A${row}`;
  sheet.blocks.push({ at: at(laid.indicatorHeaderRow), values: [w.indicatorHeaders], style: HEADER });
  sheet.blocks.push({
    at: at(laid.indicatorHeaderRow + 1),
    values: laid.indicators,
    style: { wrap: true, vAlign: 'top', border: true },
  });
  sheet.blocks.push({ at: at(laid.sourceHeaderRow), values: [w.sourceHeaders], style: HEADER });
  sheet.blocks.push({ at: at(laid.sourceHeaderRow + 1), values: laid.sources, style: { border: true } });
  sheet.blocks.push({ at: at(laid.tierHeaderRow), values: [w.tierHeaders], style: HEADER });
  sheet.blocks.push({ at: at(laid.tierHeaderRow + 1), values: laid.tiers, style: { border: true } });
  [14, 8, 18, 7, 7, 50, 26, 16].forEach((width, i) => sheet.columns.push({ col: columnLetter(i), width }));
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '1:1', footer: w.page };
  sheet.protect = false;
  return sheet;
}

function listsSheet(
  template: Template,
  lang: Lang,
  w: Words,
  layout: WorkbookLayout,
  o: BuildOptions,
): SheetPlan {
  const l = layout.lists;
  const sheet = sheetBase('lists', l.sheet);
  const h = FIELD_HEADERS[lang];
  const n = l.lastRow - l.firstRow + 1;
  sheet.blocks.push({ at: 'A1', values: [[w.listsHint]], style: HINT });
  sheet.blocks.push({ at: `A${HEADER_ROW}`, values: [[h.id, h.name, h.group]], style: HEADER });
  sheet.blocks.push({
    at: `E${HEADER_ROW}`,
    values: [[h.raterId, h.raterSource, h.raterName]],
    style: HEADER,
  });
  const ratees: PlanValue[][] = Array.from({ length: n }, (_, i) => {
    const r = o.ratees?.[i];
    return r ? [r.id, r.name ?? null, r.group ?? null] : [null, null, null];
  });
  const raters: PlanValue[][] = Array.from({ length: n }, (_, i) => {
    const r = o.raters?.[i];
    return r ? [r.id, r.source, r.name ?? null] : [null, null, null];
  });
  sheet.blocks.push({ at: `A${l.firstRow}`, values: ratees, style: { ...INPUT, numFmt: '@' } });
  sheet.blocks.push({ at: `E${l.firstRow}`, values: raters, style: { ...INPUT, numFmt: '@' } });
  if (template.sources.length > 1)
    sheet.validations.push(
      sourceValidation(template, lang, `${l.raterSourceCol}${l.firstRow}:${l.raterSourceCol}${l.lastRow}`),
    );
  // Hidden: each rater row's pair rater⇥source, which the entry sheet's status looks up.
  sheet.blocks.push({ at: `${l.raterKeyCol}${HEADER_ROW}`, values: [['_rater_source']], style: HEADER });
  sheet.blocks.push(
    formulaBlock(
      `${l.raterKeyCol}${l.firstRow}`,
      l.firstRow,
      n,
      [
        {
          formula: (r) => F.raterKeyFormula(template, layout, r),
          value: (i) => (o.raters?.[i] ? raterKey(template, o.raters[i]) : ''),
        },
      ],
      FORMULA,
    ),
  );
  [14, 24, 14, 3, 14, 14, 16].forEach((width, i) => sheet.columns.push({ col: columnLetter(i), width }));
  sheet.columns.push({ col: l.raterKeyCol, hidden: true });
  sheet.freeze = { rows: HEADER_ROW, columns: 0 };
  return sheet;
}

function entrySheet(
  template: Template,
  lang: Lang,
  w: Words,
  layout: WorkbookLayout,
  entries: EntryRow[],
  book: CachedBook,
  raterCount: number,
): SheetPlan {
  const e = layout.entry;
  const sheet = sheetBase('entry', e.sheet);
  const h = FIELD_HEADERS[lang];
  const inds = template.indicators;
  const lastInd = e.indicatorCols[inds[inds.length - 1].id];
  const rows = e.lastRow - e.firstRow + 1;
  const srcCol = entrySourceCol(layout);

  // Row 1: hint over the key columns, indicator names over their columns.
  sheet.blocks.push({
    at: 'A1',
    values: [[w.entryHint, null, null]],
    style: { ...HINT, wrap: true, vAlign: 'top' },
  });
  sheet.merges.push('A1:C1');
  // Two lines (a source hint) or level labels need a taller row 1.
  const twoLines = inds.some((i) => i.levels || fillers(template, i, lang));
  sheet.rowHeights = { 1: twoLines ? 60 : 36 };
  sheet.blocks.push({
    at: 'D1',
    values: [inds.map((i) => indicatorHeading(template, i, lang, w))],
    style: { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', fill: '#DDEBF7', border: true },
  });
  const header = [
    h.source,
    h.rater,
    h.ratee,
    ...inds.map((i) => i.id),
    h.total,
    h.status,
    '_src',
    ...inds.filter((i) => i.id in e.pointCols).map((i) => pointsHeader(i.id)),
    STATUS_HEADER,
    '_ratee',
    '_key',
    '_max',
    '_misplaced',
  ];
  sheet.blocks.push({ at: `A${HEADER_ROW}`, values: [header], style: HEADER });

  // Typed cells.
  const values: PlanValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const en = entries[i];
    values.push(
      en
        ? [
            planValue(en.source),
            planValue(en.rater),
            planValue(en.ratee),
            ...inds.map((x) => planValue(en.cells[x.id])),
          ]
        : Array(3 + inds.length).fill(null),
    );
  }
  sheet.blocks.push({ at: `A${e.firstRow}`, values, style: INPUT });
  // The reviewer's columns: a decision per row and its reason (docs/review.md).
  sheet.blocks.push({ at: `${e.reviewCol}${HEADER_ROW}`, values: [[h.review, h.reviewNote]], style: HEADER });
  sheet.blocks.push({
    at: `${e.reviewCol}${e.firstRow}`,
    values: Array.from({ length: rows }, (_, i) => [
      planValue(entries[i]?.review ?? null),
      planValue(entries[i]?.reviewNote ?? null),
    ]),
    style: INPUT,
  });

  // Formulas: total, status text, effective source, points per indicator, status code.
  const cols: FormulaColumn[] = [
    { formula: (r) => F.rowTotalFormula(template, layout, r), value: (i) => book.total(i) },
    {
      formula: (r) => F.statusTextFormula(layout, r, w.reasons),
      value: (i) => (book.typed(i) ? w.reasons[book.status(i)] : ''),
    },
    { formula: (r) => F.effectiveSourceFormula(template, r), value: (i) => book.source(i) },
    ...inds
      .filter((ind) => ind.id in e.pointCols)
      .map((ind): FormulaColumn => ({
        formula: (r) => F.pointsFormula(template, ind, `${e.indicatorCols[ind.id]}${r}`, `${srcCol}${r}`),
        value: (i) => book.points(i, ind.id),
      })),
    {
      formula: (r) =>
        F.statusFormula(
          template,
          layout,
          r,
          layout.tally ? (src) => T.entryTalliedCheck(template, src) : undefined,
        ),
      value: (i) => book.status(i),
    },
    { formula: (r) => F.rateeIndexFormula(layout, r), value: (i) => book.rateeIndex(i) },
    { formula: (r) => F.keyFormula(template, layout, r), value: (i) => book.key(i) },
    { formula: (r) => F.maxKeyFormula(layout, r), value: (i) => book.maxKey(i) },
    { formula: (r) => F.misplacedFormula(layout, r), value: (i) => book.misplaced(i) },
  ];
  // Row 1 above the hidden helpers: counts every row would otherwise recount.
  const countF = F.entryCountFormulas();
  const countV = book.counts(raterCount);
  for (const [col, f, v] of [
    [e.rateeIndexCol, countF.ratees, countV.ratees],
    [e.keyCol, countF.raters, countV.raters],
    [e.misplacedCol, countF.misplaced, countV.misplaced],
    [e.maxKeyCol, countF.misplacedMin, countV.misplacedMin],
  ] as const)
    sheet.blocks.push({ at: `${col}1`, formulas: [[f]], results: [[v]] });
  sheet.blocks.push(formulaBlock(`${e.totalCol}${e.firstRow}`, e.firstRow, rows, cols, FORMULA));
  sheet.blocks.push({ at: `${e.totalCol}${e.firstRow}`, rows, cols: 1, style: { numFmt: '0.00' } });

  // Columns.
  sheet.columns.push({ col: 'A', width: 12 }, { col: 'B', width: 10 }, { col: 'C', width: 14 });
  for (const ind of inds)
    sheet.columns.push({ col: e.indicatorCols[ind.id], width: Math.max(8, ind.id.length + 2) });
  sheet.columns.push({ col: e.totalCol, width: 9 }, { col: e.statusCol, width: 22 });
  for (let c = columnIndex(srcCol); c <= columnIndex(e.misplacedCol); c++)
    sheet.columns.push({ col: columnLetter(c), hidden: true });
  sheet.columns.push({ col: e.reviewCol, width: 9 }, { col: e.reviewNoteCol, width: 24 });

  // Validation and highlighting of the typed cells.
  const range = (col: string) => `${col}${e.firstRow}:${col}${e.lastRow}`;
  for (const ind of inds) {
    if (ind.levels) {
      const labels = ind.levels.map((l) => l.label);
      sheet.validations.push({
        range: range(e.indicatorCols[ind.id]),
        type: 'list',
        list: labels,
        allowNumbers: true,
        allowBlank: true,
        error: w.levelError(ind.levels.map((l) => `${l.label}=${l.points}`).join(', ')),
        ...fillPrompt(template, ind, lang, w),
      });
    } else {
      sheet.validations.push({
        range: range(e.indicatorCols[ind.id]),
        type: 'decimal',
        min: 0,
        max: ind.max,
        allowBlank: true,
        error: w.cellError(ind.max),
        ...fillPrompt(template, ind, lang, w),
      });
    }
  }
  if (template.sources.length > 1)
    sheet.validations.push(sourceValidation(template, lang, range(e.sourceCol)));
  sheet.validations.push(rateeListValidation(layout, range(e.rateeCol), w.reasons[3]));
  const decisions = Object.values(DECISION_WORDS).map((d) => d[lang]);
  sheet.validations.push({
    range: range(e.reviewCol),
    type: 'list',
    list: decisions,
    allowBlank: true,
    error: decisions.join(', '),
  });
  // Invalid score cells in red, one rule per run of neighbouring indicators checked alike: a
  // run with points columns (#N/A there), or a run of plain indicators with the same max (the
  // points test on the typed cell). IF, not AND: the row count runs only for the few invalid
  // cells (conditional formats are evaluated per cell on saving).
  const rowTyped = `COUNTA($A${e.firstRow}:$${lastInd}${e.firstRow})>0`;
  const runKey = (ind: Indicator) => (ind.id in e.pointCols ? 'points' : `max ${ind.max}`);
  for (const run of F.neighbourRuns(inds, runKey)) {
    const [a, b] = [run[0], run[run.length - 1]];
    const top = `${e.indicatorCols[a.id]}${e.firstRow}`;
    sheet.conditionalFormats.push({
      range: `${top}:${e.indicatorCols[b.id]}${e.lastRow}`,
      formula:
        a.id in e.pointCols
          ? `IF(ISERROR(${e.pointCols[a.id]}${e.firstRow}),${rowTyped},FALSE)`
          : `IF(IFERROR(${F.plainPointsTest(top, num(a.max))},FALSE),FALSE,${rowTyped})`,
      style: { fill: '#FFC7CE', fontColor: '#9C0006' },
    });
  }
  sheet.conditionalFormats.push({
    range: range(e.statusCol),
    formula: `AND($${e.validCol}${e.firstRow}<>0,COUNTA($A${e.firstRow}:$${lastInd}${e.firstRow})>0)`,
    style: { fontColor: '#9C0006' },
  });

  sheet.tables.push({
    name: ENTRY_TABLE,
    range: `A${HEADER_ROW}:${e.reviewNoteCol}${e.lastRow}`,
    columns: [...header, h.review, h.reviewNote],
    style: 'TableStyleLight9',
  });
  sheet.freeze = { rows: HEADER_ROW, columns: 3 };
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows: `1:${HEADER_ROW}`,
    area: `A1:${e.statusCol}${e.lastRow}`,
    header: template.name,
    footer: w.page,
  };
  return sheet;
}

function adjustmentsSheet(
  lang: Lang,
  w: Words,
  layout: WorkbookLayout,
  adjustments: AdjustmentRow[],
  book: CachedBook,
): SheetPlan {
  const a = layout.adjustments;
  const sheet = sheetBase('adjustments', a.sheet);
  const h = FIELD_HEADERS[lang];
  const rows = a.lastRow - a.firstRow + 1;
  sheet.blocks.push({ at: 'A1', values: [[w.adjustmentsHint]], style: HINT });
  sheet.blocks.push({
    at: `A${HEADER_ROW}`,
    values: [[h.ratee, h.kind, h.points, h.reason, h.approvedBy, '_kind', '_points']],
    style: HEADER,
  });
  const values: PlanValue[][] = Array.from({ length: rows }, (_, i) => {
    const x = adjustments[i];
    return x
      ? [planValue(x.ratee), planValue(x.kind), planValue(x.points), x.reason ?? null, x.approvedBy ?? null]
      : [null, null, null, null, null];
  });
  sheet.blocks.push({ at: `A${a.firstRow}`, values, style: INPUT });
  sheet.blocks.push(
    formulaBlock(
      `${a.kindKeyCol}${a.firstRow}`,
      a.firstRow,
      rows,
      [
        { formula: (r) => F.adjustmentKindFormula(layout, r), value: (i) => book.adjustmentKind(i) },
        { formula: (r) => F.adjustmentPointsFormula(layout, r), value: (i) => book.adjustmentPoints(i) },
      ],
      FORMULA,
    ),
  );
  const range = (col: string) => `${col}${a.firstRow}:${col}${a.lastRow}`;
  sheet.validations.push({
    range: range(a.kindCol),
    type: 'list',
    list: w.kinds,
    allowBlank: true,
    error: w.kindError,
  });
  sheet.validations.push({
    range: range(a.pointsCol),
    type: 'decimal',
    min: 0,
    max: 1000,
    allowBlank: true,
    error: w.pointsError,
  });
  sheet.validations.push(rateeListValidation(layout, range(a.rateeCol), w.reasons[3]));
  [14, 12, 8, 40, 12].forEach((width, i) => sheet.columns.push({ col: columnLetter(i), width }));
  sheet.columns.push({ col: a.kindKeyCol, hidden: true }, { col: a.pointsValueCol, hidden: true });
  sheet.freeze = { rows: HEADER_ROW, columns: 0 };
  sheet.print = {
    orientation: 'portrait',
    paper: 'A4',
    fitToWidth: true,
    titleRows: `1:${HEADER_ROW}`,
    footer: w.page,
  };
  return sheet;
}

/** The summary sheet of an installation alone, from its stored layout (for its column formats). */
export function summarySheetPlan(template: Template, lang: Lang, layout: WorkbookLayout): SheetPlan {
  // Layouts stored before the block helpers existed lack their columns: take today's.
  const full = layout.summary.blockCols
    ? layout
    : {
        ...layout,
        summary: computeLayout(template, layout.sheetNames, {
          entries: layout.entry.lastRow - layout.entry.firstRow + 1,
          adjustments: layout.adjustments.lastRow - layout.adjustments.firstRow + 1,
          lists: layout.lists.lastRow - layout.lists.firstRow + 1,
        }).summary,
      };
  return summarySheet(
    template,
    lang,
    WORDS[lang],
    full,
    new CachedBook(template, [], [], [], []).withCapacity(0),
  );
}

function summarySheet(
  template: Template,
  lang: Lang,
  w: Words,
  layout: WorkbookLayout,
  book: CachedBook,
): SheetPlan {
  const s = layout.summary;
  const sheet = sheetBase('summary', s.sheet);
  const h = FIELD_HEADERS[lang];
  const en = lang === 'en';
  const rows = s.lastRow - s.firstRow + 1;
  const listRef = quoteSheet(layout.lists.sheet);
  const rawCol = summaryRawCol(layout);
  const name = (en ? template.nameEn : undefined) ?? template.name;
  // Ballots: share columns and the helpers of share rules, right of the tier count (./ballots.ts).
  const ballot = B.ballotColumns(template, B.ballotStart(layout));
  const rules = B.hasRequirements(template);
  sheet.blocks.push({ at: 'A1', values: [[w.summaryTitle(name)]], style: { bold: true, fontSize: 14 } });
  const header = [
    h.id,
    h.name,
    ...template.sources.map((x) => `${(en ? x.nameEn : undefined) ?? x.name}（${x.weight}）`),
    w.composite,
    w.bonus,
    w.deduction,
    w.veto,
    w.final,
    w.rank,
    w.tier,
    w.note,
    '_raw',
  ];
  sheet.blocks.push({ at: `A${HEADER_ROW}`, values: [header], style: HEADER });
  const words = { veto: w.vetoNote, quotaTie: w.quotaTie };
  const ruleWords = { ...words, ruleUnmet: B.ruleUnmetWords(lang) };
  const cols: FormulaColumn[] = [
    { formula: (r) => F.summaryRateeFormula(layout, r, listRef), value: (i) => book.rateeId(i) },
    {
      formula: (r) => F.summaryNameFormula(layout, r, listRef),
      value: (i) => (book.rateeId(i) === '' ? '' : (book.rateeList[i].name ?? '')),
    },
    ...template.sources.map((src): FormulaColumn => ({
      formula: (r) =>
        T.withTallyScore(template, layout, src, r, F.sourceScoreFormula(template, layout, src, r)),
      value: (i) => book.figure(i, (x) => x.sources[src.id]),
    })),
    {
      formula: (r) => F.compositeFormula(template, layout, r),
      value: (i) => book.figure(i, (x) => x.composite),
    },
    {
      formula: (r) => F.adjustmentSumFormula('bonus', template.adjustments.bonusCap, r),
      value: (i) => book.figure(i, (x) => x.bonus),
    },
    {
      formula: (r) => F.adjustmentSumFormula('deduction', template.adjustments.deductionCap, r),
      value: (i) => book.figure(i, (x) => x.deduction),
    },
    { formula: (r) => F.vetoFormula(r), value: (i) => book.figure(i, (x) => (x.veto ? 1 : 0)) },
    { formula: (r) => F.finalFormula(template, layout, r), value: (i) => book.figure(i, (x) => x.final) },
    { formula: (r) => F.rankFormula(layout, r), value: (i) => book.figure(i, (x) => x.rank) },
    rules
      ? {
          formula: (r) => B.tierWithRulesFormula(template, layout, ballot, r),
          value: (i) => book.figure(i, (x) => x.tier),
        }
      : { formula: (r) => F.tierFormula(template, layout, r), value: (i) => book.figure(i, (x) => x.tier) },
    rules
      ? {
          formula: (r) => B.noteWithRulesFormula(template, layout, ballot, r, ruleWords),
          value: (i) => B.noteWithRulesValue(template, book.result(i), ruleWords),
        }
      : { formula: (r) => F.noteFormula(template, layout, r, words), value: (i) => book.note(i, words) },
    { formula: (r) => F.rawFormula(layout, r), value: (i) => book.raw(i) },
    ...template.sources.flatMap((src): FormulaColumn[] => {
      const key = (r: number) => F.summaryKey(template, layout, src, r);
      const block = (i: number) => book.block(key(s.firstRow + i));
      return [
        { formula: (r) => F.blockFirstFormula(key(r)), value: (i) => block(i).first },
        { formula: (r) => F.blockLastFormula(key(r)), value: (i) => block(i).last },
        { formula: (r) => F.blockMisplacedFormula(layout, key(r)), value: (i) => block(i).misplaced },
      ];
    }),
  ];
  sheet.blocks.push(formulaBlock(`A${s.firstRow}`, s.firstRow, rows, cols, { border: true }));
  const firstSrc = s.sourceCols[template.sources[0].id];
  sheet.blocks.push({
    at: `${firstSrc}${s.firstRow}`,
    rows,
    cols: colsBetween(firstSrc, s.deductionCol),
    style: { numFmt: '0.00' },
  });
  sheet.blocks.push({
    at: `${s.vetoCol}${s.firstRow}`,
    rows,
    cols: 1,
    style: { numFmt: `"${w.yes}";;`, hAlign: 'center' },
  });
  const finalFmt = template.decimals > 0 ? `0.${'0'.repeat(template.decimals)}` : '0';
  sheet.blocks.push({
    at: `${s.finalCol}${s.firstRow}`,
    rows,
    cols: 1,
    style: { numFmt: finalFmt, bold: true },
  });
  sheet.blocks.push({ at: `${s.rankCol}${s.firstRow}`, rows, cols: 2, style: { hAlign: 'center' } });

  // Tier colours.
  template.tiers.forEach((t, i) => {
    sheet.conditionalFormats.push({
      range: `${s.tierCol}${s.firstRow}:${s.tierCol}${s.lastRow}`,
      formula: `$${s.tierCol}${s.firstRow}=${str(t.name)}`,
      style: { fill: t.color ?? TIER_PALETTE[Math.min(i, TIER_PALETTE.length - 1)] },
    });
  });

  // Tier count with the quota check, right of the table.
  const tc = columnIndex(s.tierCountCol);
  const [cName, cCount, cLimit] = [0, 1, 2].map((k) => columnLetter(tc + k));
  sheet.blocks.push({
    at: `${cName}${HEADER_ROW}`,
    values: [[w.tierCount, w.count, w.limit, w.check]],
    style: HEADER,
  });
  const tierRows: string[][] = [];
  const tierValues: CachedValue[][] = [];
  let cumulative = 0;
  template.tiers.forEach((t, i) => {
    const r = HEADER_ROW + 1 + i;
    const limit = t.maxShare === undefined ? '=""' : `=INT(${t.maxShare}*COUNT(${NAMES.final})+1E-9)`;
    const check =
      t.maxShare === undefined
        ? '=""'
        : `=IF(SUM($${cCount}$${HEADER_ROW + 1}:${cCount}${r})<=${cLimit}${r},"✓","${w.over}")`;
    tierRows.push([`=${str(t.name)}`, `=COUNTIF(${NAMES.tier},${cName}${r})`, limit, check]);
    const count = book.tierCount(t.name);
    cumulative += count;
    const quota = t.maxShare === undefined ? null : book.quota(t.maxShare);
    tierValues.push([t.name, count, quota ?? '', quota === null ? '' : cumulative <= quota ? '✓' : w.over]);
  });
  sheet.blocks.push({
    at: `${cName}${HEADER_ROW + 1}`,
    formulas: tierRows,
    results: tierValues,
    style: { border: true },
  });

  sheet.columns.push({ col: 'A', width: 12 }, { col: 'B', width: 20 });
  for (const src of template.sources) sheet.columns.push({ col: s.sourceCols[src.id], width: 11 });
  for (const c of [s.compositeCol, s.bonusCol, s.deductionCol, s.vetoCol, s.finalCol, s.rankCol, s.tierCol])
    sheet.columns.push({ col: c, width: 10 });
  sheet.columns.push(
    { col: s.noteCol, width: 26 },
    { col: rawCol, hidden: true },
    ...template.sources.flatMap((src) =>
      Object.values(s.blockCols[src.id]).map((col) => ({ col, hidden: true })),
    ),
    { col: cName, width: 10 },
    { col: cLimit, width: 12 },
  );
  B.addBallotColumns(sheet, template, lang, layout, ballot, HEADER, formulaBlock, (i) => book.result(i));
  sheet.freeze = { rows: HEADER_ROW, columns: 2 };
  sheet.protect = false;
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows: `1:${HEADER_ROW}`,
    area: `A1:${s.noteCol}${s.lastRow}`,
    header: name,
    footer: w.page,
  };
  sheet.tabColor = '#2E7D32';
  return sheet;
}

function analysisSheet(w: Words, name: string): SheetPlan {
  const sheet = sheetBase('analysis', name);
  sheet.blocks.push({ at: 'A1', values: [[w.analysisHint]], style: HINT });
  sheet.blocks.push({ at: `A${HEADER_ROW}`, values: [w.analysisHeaders], style: HEADER });
  [12, 12, 9, 12, 8, 80].forEach((width, i) => sheet.columns.push({ col: columnLetter(i), width }));
  sheet.freeze = { rows: HEADER_ROW, columns: 0 };
  return sheet;
}

function signoffSheet(lang: Lang, name: string): SheetPlan {
  const sheet = sheetBase('signoff', name);
  sheet.blocks.push({ at: 'A1', values: [SIGNOFF_HEADERS[lang]], style: HEADER });
  SIGNOFF_WIDTHS.forEach((width, i) => sheet.columns.push({ col: columnLetter(i), width }));
  sheet.freeze = { rows: 1, columns: 0 };
  return sheet;
}

export { FIRST_ROW, HEADER_ROW };
