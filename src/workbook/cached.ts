/**
 * The values the live formulas compute, taken from the engine (src/core/scoring.ts) for the
 * content a plan is built with, so a written workbook carries them as cached results: a fresh
 * `duanping build` shows its numbers in a previewer, in Excel's Protected View and to any reader
 * that never recalculates, and can be signed as it is.
 *
 * Nothing here computes a score: each value is the engine's figure (or one of its parsers'
 * verdicts) put in the shape the formula gives it ("" where the formula shows nothing, an error
 * where the formula gives one). The LibreOffice tests recalculate built workbooks and hold every
 * cached value equal to what the spreadsheet computes.
 */
import { parseAdjustmentKind, parseAdjustmentPoints } from '../core/adjustments';
import { parseCell } from '../core/cells';
import type { TallyRowStatus } from '../core/ballots/tally';
import { computeScores, quotaLimit } from '../core/scoring';
import { resolveSource, sourceCodes, type Template } from '../core/template';
import type {
  AdjustmentRow,
  EntryRow,
  RateeInfo,
  TallyRow,
  RateeResult,
  RaterInfo,
  RawCell,
  RowResult,
  RowStatus,
} from '../core/types';
import type { CachedValue, PlanValue } from './plan';

/** Status codes of an entry row (hidden column); 0 = counted. */
export const STATUS = {
  ok: 0,
  missingField: 1,
  unknownSource: 2,
  unknownRatee: 3,
  raterNotListed: 4,
  duplicate: 5,
  invalidCell: 6,
  /** The 复核 cell says 不计入 (or `set aside`): a reviewer's decision, checked first (docs/review.md). */
  setAside: 7,
  /** A row of a source entered as a tally on the 计票 sheet (./tally.ts). */
  talliedSource: 8,
} as const;

/** The status helper's code of each reason a row is (not) counted. */
export const STATUS_CODE: Record<RowStatus, number> = {
  counted: STATUS.ok,
  'missing-field': STATUS.missingField,
  'unknown-source': STATUS.unknownSource,
  'unknown-ratee': STATUS.unknownRatee,
  'unknown-rater': STATUS.raterNotListed,
  duplicate: STATUS.duplicate,
  'invalid-cell': STATUS.invalidCell,
  'tallied-source': STATUS.talliedSource,
  'set-aside': STATUS.setAside,
};

export const NA: CachedValue = { error: '#N/A' };

/** A typed cell as a plan writes it: errors become their text (the engine and the formulas both reject it). */
export function planValue(raw: RawCell): PlanValue {
  if (raw === undefined) return null;
  if (typeof raw === 'object' && raw !== null) return raw.error;
  return raw;
}

/** `x&""` as a spreadsheet gives it. */
function asText(v: PlanValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The ratee's position on the list as the formula finds it (0 when blank or not listed): the
 * first match ignoring case when it is exact, else the last exact match.
 */
export function rateeIndex(ids: string[], ratee: PlanValue): number {
  const x = asText(ratee);
  if (x === '') return 0;
  const lower = x.toLowerCase();
  const first = ids.findIndex((id) => id.toLowerCase() === lower);
  if (first >= 0 && ids[first] === x) return first + 1;
  return ids.lastIndexOf(x) + 1;
}

const codeMaps = new WeakMap<Template, Map<string, string>>();
/** The template's source codes (ids and names), made once per template object. */
function codesOf(template: Template): Map<string, string> {
  let codes = codeMaps.get(template);
  if (!codes) codeMaps.set(template, (codes = sourceCodes(template)));
  return codes;
}

/** A rater-list row's pair as raterKeyFormula (./formulas.ts) computes it: `rater⇥source id`, "" without a rater. */
export function raterKey(template: Template, r: { id: PlanValue; source: PlanValue }): string {
  const id = asText(r.id);
  return id === '' ? '' : `${id}\t${resolveSource(codesOf(template), asText(r.source))}`;
}

/** The block key of an entry (see keyFormula in ./formulas.ts): 0 without a listed ratee or known source. */
export function entryKey(template: Template, rateeIds: string[], e: EntryRow | undefined): number {
  if (!e) return 0;
  const ri = rateeIndex(rateeIds, planValue(e.ratee));
  let src = asText(planValue(e.source));
  if (src === '' && template.sources.length === 1) src = template.sources[0].id;
  src = resolveSource(codesOf(template), src);
  const si = template.sources.findIndex((s) => s.id === src) + 1;
  return ri === 0 || si === 0 ? 0 : (ri - 1) * template.sources.length + si;
}

/**
 * Entries in block order: by key (ratee on the list, then source), rows without a key last;
 * otherwise in the order given. The workbook's fast formulas need this order (docs/workbook.md).
 */
export function sortEntries(template: Template, rateeIds: string[], entries: EntryRow[]): EntryRow[] {
  const keyed = entries.map((e, i) => ({ e, i, k: entryKey(template, rateeIds, e) || Infinity }));
  keyed.sort((a, b) => a.k - b.k || a.i - b.i);
  return keyed.map((x) => x.e);
}

/** The content a plan writes, as the engine computes it; per entry row, per ratee, per adjustment. */
export class CachedBook {
  readonly rows: RowResult[];
  readonly ratees: Map<string, RateeResult>;
  private readonly single: string | null;
  private readonly listed: Set<string>;
  private readonly nScored: number;
  private readonly tierCounts = new Map<string, number>();
  private readonly rateeIds: string[];
  /** Per entry data row (capacity): key, running maximum, misplaced key or 0. */
  private keys: number[] = [];
  private maxKeys: number[] = [];
  private misplacedCount = new Map<string, number>();
  /** What the engine made of each tally row (计票), in input order. */
  readonly tallyRows: TallyRowStatus[];

  constructor(
    readonly template: Template,
    readonly entries: EntryRow[],
    readonly adjustments: AdjustmentRow[],
    readonly rateeList: RateeInfo[],
    raters: RaterInfo[],
    tallies: TallyRow[] = [],
  ) {
    // Codes typed as numbers stay numbers in the file; the engine reads them as text, as `&""` does.
    const written: EntryRow[] = entries.map((e) => ({
      source: planValue(e.source) as string,
      rater: planValue(e.rater) as string,
      ratee: planValue(e.ratee) as string,
      cells: Object.fromEntries(Object.entries(e.cells).map(([k, v]) => [k, planValue(v)])),
      review: planValue(e.review ?? null),
    }));
    const adj: AdjustmentRow[] = adjustments.map((a) => ({
      ...a,
      ratee: planValue(a.ratee) as string,
      kind: planValue(a.kind),
      points: planValue(a.points),
    }));
    const out = computeScores(
      { template, entries: written, adjustments: adj, ratees: rateeList, raters, tallies },
      { textNumbers: false },
    );
    this.rows = out.rows;
    this.tallyRows = out.tallyRows ?? [];
    this.ratees = new Map(out.results.ratees.map((r) => [r.ratee, r]));
    this.single = template.sources.length === 1 ? template.sources[0].id : null;
    this.listed = new Set(rateeList.map((r) => r.id));
    this.rateeIds = rateeList.map((r) => r.id);
    const scored = rateeList.map((r) => this.ratees.get(r.id)).filter((r) => r && r.final !== null);
    this.nScored = scored.length;
    for (const r of scored) this.tierCounts.set(r!.tier!, (this.tierCounts.get(r!.tier!) ?? 0) + 1);
  }

  /** Fixes the number of entry rows with formulas (the keys of blank rows are 0). */
  withCapacity(rows: number): this {
    let max = 0;
    this.keys = [];
    this.maxKeys = [];
    this.misplacedCount.clear();
    for (let i = 0; i < rows; i++) {
      const k = entryKey(this.template, this.rateeIds, this.entries[i]);
      max = Math.max(max, k);
      this.keys.push(k);
      this.maxKeys.push(max);
      if (k > 0 && k < max) {
        this.misplacedCount.set(String(k), (this.misplacedCount.get(String(k)) ?? 0) + 1);
      }
    }
    return this;
  }

  // Entry sheet, data row i (0-based).

  rateeIndex(i: number): number {
    return rateeIndex(this.rateeIds, planValue(this.entries[i]?.ratee ?? null));
  }

  key(i: number): number {
    return this.keys[i];
  }

  maxKey(i: number): number {
    return this.maxKeys[i];
  }

  misplaced(i: number): CachedValue {
    return this.keys[i] > 0 && this.keys[i] < this.maxKeys[i] ? this.keys[i] : '';
  }

  /** Row 1: listed ratees, listed raters, the largest and smallest misplaced key (0 when none). */
  counts(raters: number): { ratees: number; raters: number; misplaced: number; misplacedMin: number } {
    const keys = [...this.misplacedCount.keys()].map(Number);
    return {
      ratees: this.rateeIds.length,
      raters,
      misplaced: keys.length ? Math.max(...keys) : 0,
      misplacedMin: keys.length ? Math.min(...keys) : 0,
    };
  }

  /** The block of a key: first and last 1-based positions (last < first: empty), rows outside it. */
  block(key: number): { first: number; last: number; misplaced: number } {
    // The running maximum never decreases: count the rows below and up to `key` by bisection.
    const count = (ok: (m: number) => boolean) => {
      let lo = 0;
      let hi = this.maxKeys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ok(this.maxKeys[mid])) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const below = count((m) => m < key);
    const upTo = count((m) => m <= key);
    return { first: below + 1, last: upTo, misplaced: this.misplacedCount.get(String(key)) ?? 0 };
  }

  /** The effective source (blank → the only source). */
  source(i: number): string {
    const row = this.rows[i];
    return row ? row.source : (this.single ?? '');
  }

  status(i: number): number {
    const row = this.rows[i];
    return row ? STATUS_CODE[row.status] : STATUS.missingField;
  }

  /** True when the row holds anything in its typed cells. */
  typed(i: number): boolean {
    const e = this.entries[i];
    if (!e) return false;
    const filled = (v: RawCell) => v !== null && v !== undefined;
    return (
      filled(e.source) || filled(e.rater) || filled(e.ratee) || Object.values(e.cells).some((v) => filled(v))
    );
  }

  /** Points of one indicator cell: its points, #N/A when invalid, "" when the row's source does not score it. */
  points(i: number, indicatorId: string): CachedValue {
    const ind = this.template.indicators.find((x) => x.id === indicatorId)!;
    const scoredBy = this.template.sources.filter((s) => s.indicators.includes(indicatorId));
    if (scoredBy.length === 0) return '';
    if (scoredBy.length < this.template.sources.length && !scoredBy.some((s) => s.id === this.source(i))) {
      // Another source's column: blank, or the row's source unknown → ""; anything typed → #N/A.
      const raw = planValue(this.entries[i]?.cells[indicatorId] ?? null);
      const known = this.template.sources.some((s) => s.id === this.source(i));
      return raw === null || raw === '' || !known ? '' : NA;
    }
    const parsed = parseCell(planValue(this.entries[i]?.cells[indicatorId] ?? null), ind, {
      textNumbers: false,
    });
    return parsed.ok ? parsed.value : NA;
  }

  total(i: number): CachedValue {
    // A set-aside row keeps its total for the rater analysis; its formula shows "".
    const row = this.rows[i];
    return row && !row.setAside ? (row.total ?? '') : '';
  }

  // Adjustment sheet, data row i.

  /** `bonus` / `deduction` / `veto`, or "" for a row that cannot be used. */
  adjustmentKind(i: number): string {
    const a = this.adjustments[i];
    if (!a) return '';
    const ratee = asText(planValue(a.ratee));
    const kindCell = planValue(a.kind);
    if (ratee === '' || typeof kindCell !== 'string' || !this.listed.has(ratee)) return '';
    const kind = parseAdjustmentKind(kindCell);
    if (kind === null || kind === 'veto') return kind ?? '';
    return parseAdjustmentPoints(planValue(a.points), false) === null ? '' : kind;
  }

  adjustmentPoints(i: number): CachedValue {
    const k = this.adjustmentKind(i);
    return k === 'bonus' || k === 'deduction' ? (planValue(this.adjustments[i].points) as number) : '';
  }

  // Summary sheet, list row i.

  rateeId(i: number): string {
    const r = this.rateeList[i];
    return r ? r.id : '';
  }

  result(i: number): RateeResult | undefined {
    const id = this.rateeId(i);
    return id === '' ? undefined : this.ratees.get(id);
  }

  /** A summary figure of list row i, "" on an empty row or where the engine has none. */
  figure(i: number, pick: (r: RateeResult) => number | string | boolean | null | undefined): CachedValue {
    const r = this.result(i);
    if (!r) return '';
    const v = pick(r);
    return v === null || v === undefined ? '' : v;
  }

  raw(i: number): CachedValue {
    const r = this.result(i);
    if (!r || r.composite === null) return '';
    return Math.max(0, r.composite + r.bonus - r.deduction);
  }

  note(i: number, words: { veto: string; quotaTie: string }): CachedValue {
    const r = this.result(i);
    if (!r || r.final === null) return '';
    if (r.veto) return words.veto;
    return r.notes.some((n) => n.code === 'quota-tie') ? words.quotaTie : '';
  }

  tierCount(name: string): number {
    return this.tierCounts.get(name) ?? 0;
  }

  quota(share: number): number {
    return quotaLimit(share, this.nScored);
  }
}
