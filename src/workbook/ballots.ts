/**
 * The ballot part of the live formulas (scoring.md, "Ballots: level shares and share rules"):
 * level-share columns in the summary (per source when there are several ballot sources, and
 * pooled), and — for templates whose tiers carry `requires` — the tier and note formulas with
 * the rules and cumulative quotas, through hidden helper columns per tier:
 *   E_t = 1 when the ratee is eligible for tier t (final, not vetoed, not placed in a better
 *         tier, F ≥ min_t, every requirement met);
 *   P_t = 1 when it takes t: Σ_{t'<t} placed + COUNTIFS(E_t = 1, F ≥ F_j) ≤ INT(maxShare·N + 1E-9).
 * The same as the engine's src/core/ballots/tiers.ts; tests recalculate both in LibreOffice.
 * Shares in a rule are compared with the tolerance SHARE_TOLERANCE, as in the engine.
 */
import { SHARE_TOLERANCE, type Requirement } from '../core/ballots/schema';
import { levelSources, POOLED, pooledLevelLabels, sourceLevelLabels } from '../core/ballots/shares';
import { meetsRequirement } from '../core/ballots/tiers';
import type { Template } from '../core/template';
import type { RateeResult } from '../core/types';
import { columnIndex, columnLetter } from '../core/address';
import { absColumn, ENTRY_TABLE, num, str, tableColumn } from './formula';
import { pointsHeader } from './layout';
import { NAMES, summaryKey } from './formulas';
import { shareHeader } from './share-header';
import { tallyShareCount } from './tally';

export { isShareHeader } from './share-header';
import type { Block, CachedValue, CellStyle, SheetPlan, WorkbookLayout } from './plan';

export interface BallotColumns {
  /** `all` or a source id → level label → column of its share (a single ballot source maps to `all`). */
  shares: Record<string, Record<string, string>>;
  /** Per tier except the last, the hidden eligibility and placement columns (only with `requires`). */
  eligible: string[];
  placed: string[];
  /** First and last column used (for widths and the print area), or null when there are none. */
  first: string | null;
  last: string | null;
}

/** The first ballot column: right of the summary's tier count (4 columns) and one gap column. */
export function ballotStart(layout: WorkbookLayout): number {
  return columnIndex(layout.summary.tierCountCol) + 5;
}

export function hasRequirements(template: Template): boolean {
  return template.tiers.some((t) => (t.requires ?? []).length > 0);
}

/** Where the ballot columns of the summary lie: from column index `start` on. */
export function ballotColumns(template: Template, start: number): BallotColumns {
  const out: BallotColumns = { shares: {}, eligible: [], placed: [], first: null, last: null };
  let c = start;
  const sources = levelSources(template);
  if (sources.length > 1)
    for (const s of sources)
      out.shares[s] = Object.fromEntries(sourceLevelLabels(template, s).map((l) => [l, columnLetter(c++)]));
  if (sources.length > 0) {
    out.shares[POOLED] = Object.fromEntries(pooledLevelLabels(template).map((l) => [l, columnLetter(c++)]));
    if (sources.length === 1) out.shares[sources[0]] = out.shares[POOLED];
  }
  if (hasRequirements(template))
    for (let t = 0; t < template.tiers.length - 1; t++) {
      out.eligible.push(columnLetter(c++));
      out.placed.push(columnLetter(c++));
    }
  if (c > start) {
    out.first = columnLetter(start);
    out.last = columnLetter(c - 1);
  }
  return out;
}

/** The share columns in header order: [key, label, column]. */
export function shareColumnList(template: Template, cols: BallotColumns): [string, string, string][] {
  const sources = levelSources(template);
  const keys = sources.length > 1 ? [...sources, POOLED] : sources.length === 1 ? [POOLED] : [];
  return keys.flatMap((k) =>
    Object.entries(cols.shares[k]).map(([l, c]) => [k, l, c] as [string, string, string]),
  );
}

/**
 * The counted marks of one source for the ratee in $A{row}: [cells holding `label`, all cells].
 * Counted rows are those with status 0; their level cells all hold a level's points. As the
 * source scores do (./formulas.ts, `sourceScoreFormula`), the counts look inside the ratee's block
 * of the key-ordered entry table (the summary's hidden first/last columns), matching the block key
 * exactly; when rows of the key lie outside the block they count over the whole key column.
 */
function sourceCounts(
  template: Template,
  layout: WorkbookLayout,
  source: string,
  label: string | null,
  row: number,
) {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  const src = template.sources.find((s) => s.id === source)!;
  const inds = src.indicators.map((id) => byId.get(id)!).filter((i) => i.levels);
  const key = summaryKey(template, layout, src, row);
  const b = layout.summary.blockCols[source];
  const [f, l, mis] = [`${b.first}${row}`, `${b.last}${row}`, `${b.misplaced}${row}`];
  const inBlock = (range: string) => `INDEX(${range},${f}):INDEX(${range},${l})`;
  /** COUNTIFS over the block (empty block: 0), or over the whole table when rows lie outside it. */
  const count = (extra: [string, string] | null) => {
    const crit = (r: (x: string) => string) =>
      [[NAMES.entryKey, String(key)], [NAMES.entryStatus, '0'], ...(extra ? [extra] : [])]
        .map(([range, v]) => `${r(range)},${v}`)
        .join(',');
    return `IF(${mis}>0,COUNTIFS(${crit((x) => x)}),IF(${l}<${f},0,COUNTIFS(${crit(inBlock)})))`;
  };
  // Tallied counts (计票) of the source: its score-sheet rows then have status 8, so both add up.
  const tally = tallyShareCount(template, layout, source, label, row);
  const plus = tally === null ? '' : `+${tally}`;
  const all = `${count(null)}*${inds.length}${plus}`;
  if (label === null) return all;
  const terms = inds
    .map((ind) => ({ ind, lv: ind.levels!.find((lv) => lv.label === label) }))
    .filter((x) => x.lv)
    .map(({ ind, lv }) => count([tableColumn(ENTRY_TABLE, pointsHeader(ind.id)), num(lv!.points)]));
  return (terms.length > 0 ? terms.join('+') : '0') + plus;
}

/** The share of `label` for the ratee in $A{row}: one source, or pooled (`all`); "" without marks. */
export function shareFormula(
  template: Template,
  layout: WorkbookLayout,
  key: string,
  label: string,
  row: number,
): string {
  const sources = key === POOLED ? levelSources(template) : [key];
  const den = sources.map((s) => sourceCounts(template, layout, s, null, row)).join('+');
  const numer = sources.map((s) => sourceCounts(template, layout, s, label, row)).join('+');
  return `=IF($A${row}="","",IF((${den})=0,"",(${numer})/(${den})))`;
}

/** TRUE when the shares on `row` meet the requirement (no shares: FALSE). */
function meets(req: Requirement, cols: BallotColumns, row: number): string {
  const byLabel = cols.shares[req.source ?? POOLED];
  const cells = req.levels.map((l) => `${byLabel[l]}${row}`);
  const sum = cells.length === 1 ? cells[0] : `(${cells.join('+')})`;
  const bounds: string[] = [];
  if (req.atLeast !== undefined) bounds.push(`${sum}>=${num(req.atLeast)}-${SHARE_TOLERANCE}`);
  if (req.atMost !== undefined) bounds.push(`${sum}<=${num(req.atMost)}+${SHARE_TOLERANCE}`);
  // Every share column of a ratee is a number or every one is "" (no marks).
  return `IF(ISNUMBER(${cells[0]}),AND(${bounds.join(',')}),FALSE)`;
}

function allMet(template: Template, t: number, cols: BallotColumns, row: number): string {
  const reqs = template.tiers[t].requires ?? [];
  return reqs.length === 0 ? 'TRUE' : `AND(${reqs.map((r) => meets(r, cols, row)).join(',')})`;
}

/** 1 when the ratee on `row` is not yet placed in a tier better than t. */
function notPlaced(cols: BallotColumns, t: number, row: number): string {
  return t === 0
    ? 'TRUE'
    : `(${cols.placed
        .slice(0, t)
        .map((c) => `${c}${row}`)
        .join('+')})=0`;
}

/** How many ratees are placed in tiers better than t. */
function placedBetter(layout: WorkbookLayout, cols: BallotColumns, t: number): string {
  const s = layout.summary;
  return t === 0
    ? '0'
    : cols.placed
        .slice(0, t)
        .map((c) => `SUM(${absColumn(c, s.firstRow, s.lastRow)})`)
        .join('+');
}

function quota(share: number): string {
  return `INT(${num(share)}*COUNT(${NAMES.final})+1E-9)`;
}

/** E_t: eligible for tier t (see the file comment). */
export function eligibleFormula(
  template: Template,
  layout: WorkbookLayout,
  cols: BallotColumns,
  t: number,
  row: number,
) {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  return (
    `=IF(AND(ISNUMBER(${f}),${s.vetoCol}${row}=0,${notPlaced(cols, t, row)},` +
    `${f}>=${num(template.tiers[t].min)},${allMet(template, t, cols, row)}),1,0)`
  );
}

/** P_t: takes tier t (see the file comment). */
export function placedFormula(
  template: Template,
  layout: WorkbookLayout,
  cols: BallotColumns,
  t: number,
  row: number,
) {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  const e = `${cols.eligible[t]}${row}`;
  const tier = template.tiers[t];
  if (tier.maxShare === undefined) return `=${e}`;
  const eCol = absColumn(cols.eligible[t], s.firstRow, s.lastRow);
  const fCol = absColumn(s.finalCol, s.firstRow, s.lastRow);
  return `=IF(${e}=1,IF(${placedBetter(layout, cols, t)}+COUNTIFS(${eCol},1,${fCol},">="&${f})<=${quota(tier.maxShare)},1,0),0)`;
}

/** The tier with share rules: the tier whose P_t is 1, else the last; a veto → the last. */
export function tierWithRulesFormula(
  template: Template,
  layout: WorkbookLayout,
  cols: BallotColumns,
  row: number,
) {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  const last = str(template.tiers[template.tiers.length - 1].name);
  let expr = last;
  for (let t = template.tiers.length - 2; t >= 0; t--)
    expr = `IF(${cols.placed[t]}${row}=1,${str(template.tiers[t].name)},${expr})`;
  return `=IF(${f}="","",IF(${s.vetoCol}${row}=1,${last},${expr}))`;
}

/** The note with share rules: the veto, a quota tie, or the first tier a rule barred. */
export function noteWithRulesFormula(
  template: Template,
  layout: WorkbookLayout,
  cols: BallotColumns,
  row: number,
  words: { veto: string; quotaTie: string; ruleUnmet: (tier: string) => string },
): string {
  const s = layout.summary;
  const f = `${s.finalCol}${row}`;
  const fCol = absColumn(s.finalCol, s.firstRow, s.lastRow);
  const parts: string[] = [];
  template.tiers.slice(0, -1).forEach((tier, t) => {
    if (tier.maxShare !== undefined) {
      const eCol = absColumn(cols.eligible[t], s.firstRow, s.lastRow);
      const limit = quota(tier.maxShare);
      const better = placedBetter(layout, cols, t);
      parts.push(
        `AND(${cols.eligible[t]}${row}=1,${cols.placed[t]}${row}=0,${better}+COUNTIFS(${eCol},1,${fCol},">"&${f})<${limit})`,
      );
    }
  });
  const barred = template.tiers
    .slice(0, -1)
    .map((tier, t) => ({ tier, t }))
    .filter(({ tier }) => (tier.requires ?? []).length > 0)
    .map(
      ({ tier, t }) =>
        `IF(AND(${notPlaced(cols, t, row)},${f}>=${num(tier.min)},NOT(${allMet(template, t, cols, row)})),${str(words.ruleUnmet(tier.name))},`,
    );
  const rule = barred.length > 0 ? `${barred.join('')}""${')'.repeat(barred.length)}` : '""';
  const body = parts.length > 0 ? `IF(OR(${parts.join(',')}),${str(words.quotaTie)},${rule})` : rule;
  return `=IF(${f}="","",IF(${s.vetoCol}${row}=1,${str(words.veto)},${body}))`;
}

export function nextColumn(col: string, by = 1): string {
  return columnLetter(columnIndex(col) + by);
}

/** The note's words when a share rule barred a tier. */
export function ruleUnmetWords(lang: 'zh' | 'en'): (tier: string) => string {
  return lang === 'zh'
    ? (tier) => `未达到“${tier}”的得票比例要求`
    : (tier) => `share rule of "${tier}" not met`;
}

/** A formula column and the value it computes for list row i (the engine's figure, ../workbook/cached.ts). */
interface Column {
  formula: (row: number) => string;
  value: (i: number) => CachedValue;
}

/** The note's value as the rule formula gives it, from the engine's notes. */
export function noteWithRulesValue(
  template: Template,
  r: RateeResult | undefined,
  words: { veto: string; quotaTie: string; ruleUnmet: (tier: string) => string },
): CachedValue {
  if (!r || r.final === null) return '';
  if (r.veto) return words.veto;
  if (r.notes.some((n) => n.code === 'quota-tie')) return words.quotaTie;
  const index = (name: string) => template.tiers.findIndex((t) => t.name === name);
  const barred = r.notes
    .filter((n) => n.code === 'requirement-unmet')
    .flatMap((n) => n.tiers ?? [])
    .sort((a, b) => index(a) - index(b));
  return barred.length > 0 ? words.ruleUnmet(barred[0]) : '';
}

/** E_t and P_t of a ratee from the engine's results (the values the helper formulas compute). */
function helperValues(template: Template, r: RateeResult | undefined, t: number): [CachedValue, CachedValue] {
  if (!r || r.final === null || r.veto) return [0, 0];
  const at = template.tiers.findIndex((x) => x.name === r.tier);
  const tier = template.tiers[t];
  const eligible =
    at >= t && r.final >= tier.min && (tier.requires ?? []).every((q) => meetsRequirement(q, r.levelShares));
  return [eligible ? 1 : 0, at === t ? 1 : 0];
}

/** Adds the ballot columns (headers, formulas with cached values, percent format, hidden helpers) to the summary. */
export function addBallotColumns(
  sheet: SheetPlan,
  template: Template,
  lang: 'zh' | 'en',
  layout: WorkbookLayout,
  cols: BallotColumns,
  headerStyle: CellStyle,
  formulaBlock: (at: string, first: number, count: number, cols: Column[], style?: CellStyle) => Block,
  result: (i: number) => RateeResult | undefined,
): void {
  if (!cols.first) return;
  const s = layout.summary;
  const rows = s.lastRow - s.firstRow + 1;
  const en = lang === 'en';
  const sourceName = (id: string) => {
    const src = template.sources.find((x) => x.id === id)!;
    return (en ? src.nameEn : undefined) ?? src.name;
  };
  const shares = shareColumnList(template, cols);
  const header = [
    ...shares.map(([key, label]) =>
      shareHeader(key === POOLED ? label : `${sourceName(key)}·${label}`, lang),
    ),
    ...cols.eligible.flatMap((_, t) => [`_E${t + 1}`, `_P${t + 1}`]),
  ];
  sheet.blocks.push({ at: `${cols.first}${s.headerRow}`, values: [header], style: headerStyle });
  const columns: Column[] = [
    ...shares.map(([key, label]): Column => ({
      formula: (r) => shareFormula(template, layout, key, label, r),
      value: (i) => result(i)?.levelShares?.[key]?.[label] ?? '',
    })),
    ...cols.eligible.flatMap((_, t): Column[] => [
      {
        formula: (r) => eligibleFormula(template, layout, cols, t, r),
        value: (i) => helperValues(template, result(i), t)[0],
      },
      {
        formula: (r) => placedFormula(template, layout, cols, t, r),
        value: (i) => helperValues(template, result(i), t)[1],
      },
    ]),
  ];
  sheet.blocks.push(formulaBlock(`${cols.first}${s.firstRow}`, s.firstRow, rows, columns, { border: true }));
  if (shares.length > 0)
    sheet.blocks.push({
      at: `${shares[0][2]}${s.firstRow}`,
      rows,
      cols: shares.length,
      style: { numFmt: '0.0%' },
    });
  for (const [, , c] of shares) sheet.columns.push({ col: c, width: 10 });
  for (const c of [...cols.eligible, ...cols.placed]) sheet.columns.push({ col: c, hidden: true });
}
