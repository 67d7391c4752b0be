/**
 * Tallies (计票, scoring.md "Ballots"): a ballot source entered as counts per ratee and
 * indicator. The source score is step 1's formula applied to each indicator's mean points over
 * its counted marks; the shares come from the counts. Only `mean` is possible for a tallied
 * source (a ballot's own total is not known).
 *
 * Choices (docs/scoring-decisions.md): a blank count is 0 votes; a row whose counts add up to 0
 * is not entered; two rows for the same source, ratee and indicator are both left out and
 * reported (as duplicate score sheets are); score-sheet rows of a tallied source are left out
 * and reported.
 */
import { isBlank, cellText, toHalfWidth } from '../cells';
import type { Indicator, Template } from '../template';
import type { Problem, ProblemCode, RawCell, TallyRow } from '../types';
import type { ShareCounter } from './shares';

export type Report = (
  code: ProblemCode,
  p: Omit<Problem, 'code' | 'message'>,
  extra?: Record<string, unknown>,
) => void;

export interface TallyContext {
  template: Template;
  textNumbers: boolean;
  /** The single source id when the template has one (a blank source means it). */
  single: string | null;
  /** The ratee list, when given. */
  rateeSet: Set<string> | null;
  report: Report;
  where: (loc: TallyRow['loc'], field?: string) => string | undefined;
  label: (x: { name: string; nameEn?: string }) => string;
  sep: string;
  allowed: { count: string; notALevel: string; ratee: string };
}

export type ParsedCount = { ok: true; value: number } | { ok: false; found: string; fix?: string };

/** A vote count: blank = 0, else a whole number ≥ 0 (text digits only where text numbers are allowed). */
export function parseCount(raw: RawCell, textNumbers: boolean): ParsedCount {
  if (isBlank(raw)) return { ok: true, value: 0 };
  if (typeof raw === 'number')
    return Number.isInteger(raw) && raw >= 0 ? { ok: true, value: raw } : { ok: false, found: cellText(raw) };
  const found = cellText(raw);
  if (typeof raw !== 'string') return { ok: false, found };
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (/^\d+$/.test(trimmed))
    return textNumbers
      ? { ok: true, value: Number(trimmed) }
      : { ok: false, found, fix: String(Number(trimmed)) };
  const repaired = toHalfWidth(trimmed)
    .replace(/[\s\u3000]/g, '')
    .replace(/票$/, '');
  return /^\d+$/.test(repaired) ? { ok: false, found, fix: String(Number(repaired)) } : { ok: false, found };
}

/** Which sources the tally rows are for (a blank source is the single source). */
export function talliedSourceIds(
  tallies: TallyRow[],
  single: string | null,
  textNumbers: boolean,
): Set<string> {
  const ids = new Set<string>();
  for (const r of tallies) {
    const s = textNumbers ? String(r.source ?? '').trim() : String(r.source ?? '');
    if (s !== '') ids.add(s);
    else if (single) ids.add(single);
  }
  return ids;
}

/**
 * Whether a source can be entered as a tally: every indicator it scores is level-coded and it
 * aggregates by `mean` (a ballot's own total is not known from counts).
 */
export function canTally(template: Template, sourceId: string): boolean {
  const src = template.sources.find((s) => s.id === sourceId);
  if (!src || src.aggregate !== 'mean' || src.indicators.length === 0) return false;
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  return src.indicators.every((id) => (byId.get(id)?.levels?.length ?? 0) > 0);
}

/** The sources that can be tallied, in template order. */
export function tallySources(template: Template): string[] {
  return template.sources.filter((s) => canTally(template, s.id)).map((s) => s.id);
}

/**
 * What became of each tally row (same order as the input), as the workbook's 计票 status column
 * shows it: counted, or the first check it failed.
 */
export type TallyRowStatus =
  | 'counted'
  | 'missing-field'
  | 'unknown-source'
  | 'unknown-ratee'
  | 'source-not-tallied'
  | 'duplicate'
  | 'bad-count'
  | 'not-an-indicator';

export interface TallyOutcome {
  /** Per tally row, in input order. */
  statuses: TallyRowStatus[];
  /** Sources entered as tallies and usable (level-coded, `mean`). */
  tallied: Set<string>;
  /** Every source that has tally rows (usable or not). */
  withTallies: Set<string>;
  /** `${source}\u0000${ratee}` → source score. */
  scores: Map<string, number>;
  /** `${source}\u0000${ratee}` pairs that have tally rows. */
  entered: Set<string>;
  /** Ratee codes found in the tallies (for the ratee list when none is given). */
  ratees: string[];
}

/** Checks the tally rows, reports their problems, adds their counts to the shares, and scores. */
export function processTallies(tallies: TallyRow[], ctx: TallyContext, counter: ShareCounter): TallyOutcome {
  const { template, textNumbers, report } = ctx;
  const txt = (v: unknown) => {
    const s = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
    return textNumbers ? s.trim() : s;
  };
  const indById = new Map(template.indicators.map((i) => [i.id, i]));
  const withTallies = talliedSourceIds(tallies, ctx.single, textNumbers);
  const tallied = new Set<string>();
  for (const sid of withTallies) {
    const src = template.sources.find((s) => s.id === sid);
    if (!src) continue; // reported per row below
    const plain = src.indicators.map((id) => indById.get(id)!).find((i) => !i.levels);
    // canTally (the workbook's test) says the same as these two checks.
    if (plain) {
      report(
        'tally-not-levels',
        { source: sid, indicator: plain.id },
        { source: ctx.label(src), indicator: ctx.label(plain) },
      );
      continue;
    }
    if (src.aggregate !== 'mean') {
      report('tally-aggregate', { source: sid, found: src.aggregate }, { source: ctx.label(src) });
      continue;
    }
    tallied.add(sid);
  }

  const keyOf = (r: TallyRow) =>
    `${txt(r.source) || ctx.single || ''}\u0000${txt(r.ratee)}\u0000${txt(r.indicator)}`;
  const copies = new Map<string, number>();
  for (const r of tallies) copies.set(keyOf(r), (copies.get(keyOf(r)) ?? 0) + 1);

  // (source, ratee) → indicator → [Σ count × points, Σ count]
  const sums = new Map<string, Map<string, [number, number]>>();
  const entered = new Set<string>();
  const ratees: string[] = [];
  const statuses: TallyRowStatus[] = [];
  for (const r of tallies) {
    const mark = (st: TallyRowStatus) => statuses.push(st);
    let source = txt(r.source);
    if (source === '' && ctx.single) source = ctx.single;
    const ratee = txt(r.ratee);
    const indicatorId = txt(r.indicator);
    const src = template.sources.find((s) => s.id === source);
    const base = { source: source || undefined, ratee: ratee || undefined };
    if (!src) {
      report('unknown-source', {
        where: ctx.where(r.loc, 'source'),
        ...base,
        found: source,
        allowed: template.sources.map((s) => s.id).join(ctx.sep),
      });
      mark('unknown-source');
      continue;
    }
    if (!tallied.has(source)) {
      mark('source-not-tallied'); // the source's own problem is reported once above
      continue;
    }
    if (ratee === '') {
      report('missing-field', { where: ctx.where(r.loc, 'ratee'), ...base }, { field: ctx.allowed.ratee });
      mark('missing-field');
      continue;
    }
    if (!ratees.includes(ratee)) ratees.push(ratee);
    if (ctx.rateeSet && !ctx.rateeSet.has(ratee)) {
      report('unknown-ratee', { where: ctx.where(r.loc, 'ratee'), ...base, found: ratee });
      mark('unknown-ratee');
      continue;
    }
    entered.add(`${source}\u0000${ratee}`);
    const ind = src.indicators.includes(indicatorId) ? indById.get(indicatorId) : undefined;
    if (!ind) {
      report(
        'tally-indicator',
        {
          where: ctx.where(r.loc, 'indicator'),
          ...base,
          found: indicatorId,
          allowed: src.indicators.join(ctx.sep),
        },
        { source: ctx.label(src) },
      );
      mark('not-an-indicator');
      continue;
    }
    const n = copies.get(keyOf(r)) ?? 1;
    if (n > 1) {
      report(
        'duplicate-tally',
        { where: ctx.where(r.loc, 'indicator'), ...base, indicator: ind.id, found: String(n) },
        { source: ctx.label(src), indicator: ctx.label(ind) },
      );
      mark('duplicate');
      continue;
    }
    const counted = countRow(r, ind, ctx, base);
    if (!counted) {
      mark('bad-count');
      continue;
    }
    mark('counted');
    let byInd = sums.get(`${source}\u0000${ratee}`);
    if (!byInd) sums.set(`${source}\u0000${ratee}`, (byInd = new Map()));
    let num = 0;
    let den = 0;
    for (const [lv, c] of counted) {
      num += c * lv.points;
      den += c;
      counter.add(ratee, source, lv.label, c);
    }
    byInd.set(ind.id, [num, den]);
  }

  const scores = new Map<string, number>();
  for (const key of entered) {
    const [source, ratee] = key.split('\u0000');
    const src = template.sources.find((s) => s.id === source)!;
    const inds = src.indicators.map((id) => indById.get(id)!);
    const byInd = sums.get(key);
    let num = 0;
    let den = 0;
    let complete = true;
    for (const ind of inds) {
      const s = byInd?.get(ind.id);
      if (!s || s[1] === 0) {
        complete = false;
        report(
          'incomplete-tally',
          { source, ratee, indicator: ind.id },
          { source: ctx.label(src), indicator: ctx.label(ind) },
        );
        continue;
      }
      num += (ind.weight * (s[0] / s[1])) / ind.max;
      den += ind.weight;
    }
    if (complete) scores.set(key, (100 * num) / den);
  }
  return { statuses, tallied, withTallies, scores, entered, ratees };
}

/** The counts of one tally row per level, or null (reported) when a count is not valid. */
function countRow(
  r: TallyRow,
  ind: Indicator,
  ctx: TallyContext,
  base: { source?: string; ratee?: string },
): [{ label: string; points: number }, number][] | null {
  const out: [{ label: string; points: number }, number][] = [];
  let ok = true;
  for (const [label, raw] of Object.entries(r.counts)) {
    const lv = ind.levels!.find((l) => l.label === label);
    const parsed = parseCount(raw, ctx.textNumbers);
    if (!lv) {
      if (parsed.ok && parsed.value === 0) continue;
      ok = false;
      ctx.report(
        'bad-count',
        {
          where: ctx.where(r.loc, label),
          ...base,
          indicator: ind.id,
          found: cellText(raw),
          allowed: ctx.allowed.notALevel,
        },
        { level: label, indicator: ctx.label(ind) },
      );
      continue;
    }
    if (!parsed.ok) {
      ok = false;
      ctx.report(
        'bad-count',
        {
          where: ctx.where(r.loc, label),
          ...base,
          indicator: ind.id,
          found: parsed.found,
          allowed: ctx.allowed.count,
          fix: parsed.fix,
        },
        { level: label, indicator: ctx.label(ind) },
      );
      continue;
    }
    out.push([lv, parsed.value]);
  }
  return ok ? out : null;
}
