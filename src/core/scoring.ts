/**
 * The scoring engine: ../shared/spec/scoring.md, steps 1–7, in plain TypeScript.
 * The workbook's live formulas (src/workbook/) are the second implementation of the same page;
 * tests recalculate them in LibreOffice and hold the two equal.
 *
 * Decisions where the spec is silent (docs/scoring-decisions.md):
 * - the same rater scoring the same ratee twice in one source: every copy is left out;
 * - a rater in two sources is reported, and the rows still count (codes may be reused);
 * - with a rater list, a rater not on it (or listed under another source) is left out;
 * - without a ratee list, the ratees are those of the score sheets, in natural code order.
 */
import { parseAdjustmentKind, parseAdjustmentPoints } from './adjustments';
import { hasLevelIndicators, levelOfCell, ShareCounter } from './ballots/shares';
import { processTallies, talliedSourceIds, type TallyRowStatus } from './ballots/tally';
import { assignRanksAndTiers, quotaLimit, tierNoteWriter } from './ballots/tiers';
import { isSetAside } from './review/decisions';
import { cellText, isBlank, parseCell } from './cells';
import { engineT } from './i18n';
import { sheetIssueProblem } from './sheet-issues';
import { excelRound, toExcelPrecision } from './round';
import { resolveSource, sourceCodes, type Indicator, type Source, type Template } from './template';
import type {
  SheetIssue,
  AdjustmentRow,
  EntryRow,
  Lang,
  Note,
  Problem,
  ProblemCode,
  RateeInfo,
  RateeResult,
  RaterInfo,
  Results,
  RowLocation,
  RowResult,
  RowStatus,
  TallyRow,
} from './types';

export { quotaLimit };

export interface ScoreInput {
  template: Template;
  entries: EntryRow[];
  adjustments?: AdjustmentRow[];
  /** When given, the ratees in this order; rows for others are problems. */
  ratees?: RateeInfo[];
  /** When given, each rater's source; rows of other raters are problems. */
  raters?: RaterInfo[];
  /** Ballot sources entered as counts (计票); see ./ballots/tally.ts. */
  tallies?: TallyRow[];
  /** What the workbook reader found in the sheets (merged ranges, a changed indicator sheet): each is a problem. */
  sheetIssues?: SheetIssue[];
}

export interface ScoreOptions {
  lang?: Lang;
  /** true (default) for CSV text; false for typed workbook cells, where "90" as text is a problem. */
  textNumbers?: boolean;
}

export interface ScoreOutput {
  results: Results;
  rows: RowResult[];
  /** What became of each tally row (input order), when tallies were given. */
  tallyRows?: TallyRowStatus[];
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

/** `评分录入!F12` for a field of a located row; the whole row when the field has no column. */
export function cellAddress(loc: RowLocation | undefined, field?: string): string | undefined {
  if (!loc) return undefined;
  const col = field === undefined ? undefined : loc.columns[field];
  return col ? `${loc.sheet}!${col}${loc.row}` : `${loc.sheet}!${loc.row}:${loc.row}`;
}

function text(raw: unknown, trim: boolean): string {
  const s = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  return trim ? s.trim() : s;
}

/** Step 1: the row total on the 0..100 scale from the points of the source's indicators. */
export function rowTotal(points: number[], indicators: Indicator[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < indicators.length; i++) {
    num += (indicators[i].weight * points[i]) / indicators[i].max;
    den += indicators[i].weight;
  }
  return (100 * num) / den;
}

const scratch = new Float64Array(64);

/**
 * values[start..start+n) sorted ascending; small runs in a scratch buffer (valid until the next
 * call): the median and the trimmed mean sort every ratee's totals, and the review's resampling
 * does so a million times.
 */
function sortedCopy(values: ArrayLike<number>, start: number, n: number): Float64Array {
  if (n > 64) {
    const big = new Float64Array(n);
    for (let i = 0; i < n; i++) big[i] = values[start + i];
    return big.sort();
  }
  const s = scratch;
  for (let i = 0; i < n; i++) {
    // insertion sort: fast for the few dozen totals of one ratee
    const v = values[start + i];
    let k = i - 1;
    while (k >= 0 && s[k] > v) {
      s[k + 1] = s[k];
      k--;
    }
    s[k + 1] = v;
  }
  return s;
}

/**
 * Step 2: a source's aggregate of the valid row totals of one ratee (`values` non-empty).
 * Sums run in sorted (trimmed) or given (mean) order, left to right.
 */
export function aggregate(values: ArrayLike<number>, source: Source): number {
  return aggregateRange(values, 0, values.length, source);
}

/** aggregate() of values[start..start+n), n ≥ 1, without copying the run out first. */
export function aggregateRange(values: ArrayLike<number>, start: number, n: number, source: Source): number {
  if (source.aggregate === 'median') {
    const s = sortedCopy(values, start, n);
    return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
  if (source.aggregate === 'trimmed' && n >= source.trimMinRaters) {
    const s = sortedCopy(values, start, n);
    let sum = 0;
    for (let i = source.trim; i < n - source.trim; i++) sum += s[i];
    return sum / (n - 2 * source.trim);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[start + i];
  return sum / n;
}

/** Step 3: Σ W·S ÷ Σ W over the sources that have a score (in template order); null for none. */
export function compositeScore(parts: readonly { weight: number; score: number }[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    num += p.weight * p.score;
    den += p.weight;
  }
  return den > 0 ? num / den : null;
}

/** Steps 4–5: the raw score floored at 0, rounded as Excel rounds (`bonus`, `deduction` capped). */
export function finalScore(composite: number, bonus: number, deduction: number, decimals: number): number {
  return excelRound(Math.max(0, composite + bonus - deduction), decimals);
}

export function computeScores(input: ScoreInput, options: ScoreOptions = {}): ScoreOutput {
  const { template } = input;
  const lang = options.lang ?? 'zh';
  const textNumbers = options.textNumbers ?? true;
  const t = engineT(lang);
  const problems: Problem[] = [];
  const indicatorById = new Map(template.indicators.map((x) => [x.id, x]));
  const sourceById = new Map(template.sources.map((x) => [x.id, x]));
  const sourceIndicators = new Map(
    template.sources.map((s) => [s.id, s.indicators.map((id) => indicatorById.get(id)!)] as const),
  );
  // Columns other sources fill (an indicator no source scores takes nothing and is not checked).
  const scoredIds = new Set(template.sources.flatMap((s) => s.indicators));
  const otherIndicators = new Map(
    template.sources.map(
      (s) =>
        [
          s.id,
          template.indicators.filter((x) => !s.indicators.includes(x.id) && scoredIds.has(x.id)),
        ] as const,
    ),
  );
  const single = template.sources.length === 1 ? template.sources[0].id : null;
  const rateeList = input.ratees && input.ratees.length > 0 ? input.ratees : null;
  const rateeSet = rateeList ? new Set(rateeList.map((r) => r.id)) : null;
  const raterSource =
    input.raters && input.raters.length > 0 ? new Map(input.raters.map((r) => [r.id, r.source])) : null;
  const sep = lang === 'zh' ? '、' : ', ';
  const label = (x: { name: string; nameEn?: string }) => (lang === 'en' ? (x.nameEn ?? x.name) : x.name);

  const report = (
    code: ProblemCode,
    p: Omit<Problem, 'code' | 'message'>,
    extra: Record<string, unknown> = {},
  ) => {
    const at = p.where ? t('where', { where: p.where }) : '';
    const who = p.rater && p.ratee ? t('who', { rater: p.rater, ratee: p.ratee }) : '';
    const message = t(`problem.${code}`, { at, who, ...p, ...extra });
    const problem: Problem = { code, ...p, message };
    for (const k of Object.keys(problem) as (keyof Problem)[])
      if (problem[k] === undefined) delete problem[k];
    problems.push(problem);
  };
  // A source as it may be typed: `上级领导（leader）`, `leader ("上级领导")`.
  const sourceCodeText = (s: Source) => {
    const name = s.name.trim();
    if (name === '' || name === s.id) return s.id;
    return lang === 'en' ? `${s.id} ("${name}")` : `${name}（${s.id}）`;
  };
  const allowedFor = (ind: Indicator) =>
    ind.levels
      ? t('allowed.levels', {
          labels: ind.levels.map((l) => l.label).join(sep),
          points: ind.levels.map((l) => l.points).join(sep),
        })
      : t('allowed.range', { min: 0, max: ind.max });

  // What the workbook reader found in the sheets themselves (merged ranges, a changed 指标 sheet).
  for (const issue of input.sheetIssues ?? []) problems.push(sheetIssueProblem(issue, lang));

  // Duplicates: the same source + rater + ratee more than once (every copy is left out).
  // A source may be typed as its id or its name (领导); rows carry the id from here on.
  const codes = sourceCodes(template);
  const sourceOf = (e: EntryRow) => resolveSource(codes, text(e.source, textNumbers) || single || '');
  const keyOf = (e: EntryRow) =>
    `${sourceOf(e)}\u0000${text(e.rater, textNumbers)}\u0000${text(e.ratee, textNumbers)}`;
  const copies = new Map<string, number>();
  for (const e of input.entries) copies.set(keyOf(e), (copies.get(keyOf(e)) ?? 0) + 1);

  const tallies = (input.tallies ?? []).map((r) =>
    r.source === undefined || r.source === null
      ? r
      : { ...r, source: resolveSource(codes, text(r.source, textNumbers)) },
  );
  const withTallies = talliedSourceIds(tallies, single, textNumbers);
  const counter = new ShareCounter(template);

  const rows: RowResult[] = [];
  const sourcesOfRater = new Map<string, { sources: string[]; firstOther?: EntryRow }>();
  input.entries.forEach((e, index) => {
    const rater = text(e.rater, textNumbers);
    const ratee = text(e.ratee, textNumbers);
    const source = sourceOf(e);
    const base = { rater: rater || undefined, ratee: ratee || undefined, source: source || undefined };
    const row: RowResult = {
      index,
      source,
      rater,
      ratee,
      total: null,
      values: {},
      excluded: false,
      status: 'counted',
    };
    const exclude = (why: RowStatus) => {
      if (!row.excluded) row.status = why;
      row.excluded = true;
    };
    rows.push(row);

    for (const field of ['source', 'rater', 'ratee'] as const) {
      if ((field === 'source' ? source : field === 'rater' ? rater : ratee) === '') {
        report(
          'missing-field',
          { where: cellAddress(e.loc, field), ...base },
          { field: t(`fields.${field}`) },
        );
        exclude('missing-field');
      }
    }
    if (row.excluded) return;
    const src = sourceById.get(source);
    if (!src) {
      report('unknown-source', {
        where: cellAddress(e.loc, 'source'),
        ...base,
        found: source,
        allowed: template.sources.map(sourceCodeText).join(sep),
      });
      exclude('unknown-source');
      return;
    }
    if (withTallies.has(source)) {
      report('tallied-source-row', { where: cellAddress(e.loc, 'source'), ...base }, { source: label(src) });
      exclude('tallied-source');
      return;
    }
    if (rateeSet && !rateeSet.has(ratee)) {
      report('unknown-ratee', { where: cellAddress(e.loc, 'ratee'), ...base, found: ratee });
      exclude('unknown-ratee');
    }
    if (raterSource) {
      const listedCode = raterSource.get(rater);
      const listed = listedCode === undefined ? undefined : resolveSource(codes, listedCode);
      if (listed === undefined) {
        report('unknown-rater', { where: cellAddress(e.loc, 'rater'), ...base, found: rater });
        exclude('unknown-rater');
      } else if (listed !== source) {
        report('rater-source-mismatch', {
          where: cellAddress(e.loc, 'source'),
          ...base,
          found: source,
          allowed: listed,
        });
        exclude('unknown-rater');
      }
    }
    const seen = sourcesOfRater.get(rater) ?? { sources: [] };
    if (!seen.sources.includes(source)) {
      seen.sources.push(source);
      if (seen.sources.length === 2) seen.firstOther = e;
    }
    sourcesOfRater.set(rater, seen);

    const n = copies.get(keyOf(e)) ?? 1;
    if (n > 1) {
      report('duplicate-sheet', { where: cellAddress(e.loc, 'rater'), ...base, found: String(n) });
      exclude('duplicate');
    }

    // Cells: every indicator the source scores must hold a valid score.
    const inds = sourceIndicators.get(source)!;
    const points: number[] = [];
    let valid = true;
    for (const ind of inds) {
      const raw = e.cells[ind.id];
      const date = e.dates?.[ind.id];
      const parsed =
        date !== undefined
          ? { ok: false as const, code: 'date-as-score' as const, found: date, fix: undefined }
          : parseCell(raw, ind, { textNumbers });
      if (parsed.ok) {
        row.values[ind.id] = parsed.value;
        points.push(parsed.value);
      } else {
        row.values[ind.id] = null;
        valid = false;
        report(
          parsed.code,
          {
            where: cellAddress(e.loc, ind.id),
            ...base,
            indicator: ind.id,
            found: parsed.found,
            allowed: allowedFor(ind),
            fix: parsed.fix,
          },
          { indicator: label(ind), max: ind.max },
        );
      }
    }
    // A score in a column another source fills (five-stage: one sheet, columns for several
    // sources) is a problem, never silently ignored: the row may be under the wrong source.
    for (const ind of otherIndicators.get(source)!) {
      const raw = e.cells[ind.id];
      if (textNumbers ? isBlank(raw) : raw === null || raw === undefined || raw === '') continue;
      valid = false;
      report(
        'other-source-cell',
        { where: cellAddress(e.loc, ind.id), ...base, indicator: ind.id, found: cellText(raw) },
        {
          indicator: label(ind),
          owner: template.sources
            .filter((x) => x.indicators.includes(ind.id))
            .map(label)
            .join(sep),
          sourceName: label(src),
        },
      );
    }
    // A row with a bad cell keeps `excluded` false: the rater analysis still reads its good cells.
    if (!valid && !row.excluded) row.status = 'invalid-cell';
    else if (valid && !row.excluded) {
      row.total = rowTotal(points, inds);
      // A set-aside sheet (below) counts in no share, as in the workbook (status 7 is not counted).
      if (!isSetAside(e.review))
        for (const ind of inds) {
          const level = levelOfCell(e.cells[ind.id], ind, row.values[ind.id]!);
          if (level !== undefined) counter.add(ratee, source, level);
        }
    }
  });

  // A reviewer's 不计入 (docs/review.md): not a problem, just not counted. Checked first by the
  // workbook's status formula, so it is the row's status whatever else is wrong with it; the
  // total of a valid row is kept for the rater analysis.
  rows.forEach((row, i) => {
    if (!isSetAside(input.entries[i].review)) return;
    row.setAside = true;
    row.status = 'set-aside';
  });
  const tally = processTallies(
    tallies,
    {
      template,
      textNumbers,
      single,
      rateeSet,
      report,
      where: cellAddress,
      label,
      sep,
      allowed: {
        count: t('ballot.countAllowed'),
        notALevel: t('ballot.notALevel'),
        ratee: t('fields.ratee'),
      },
    },
    counter,
  );

  for (const [rater, seen] of sourcesOfRater) {
    if (seen.sources.length > 1) {
      report('rater-in-two-sources', {
        where: cellAddress(seen.firstOther?.loc, 'source'),
        rater,
        found: seen.sources.join(sep),
      });
    }
  }

  // The ratees: the list, or those of the score sheets in natural code order.
  const ratees: RateeInfo[] =
    rateeList ??
    [...new Set([...rows.map((r) => r.ratee), ...tally.ratees])]
      .filter((id) => id !== '')
      .sort(naturalOrder)
      .map((id) => ({ id }));
  const known = new Set(ratees.map((r) => r.id));

  // Step 2: source scores.
  const totals = new Map<string, number[]>(); // `${source}\u0000${ratee}` → valid totals
  const hasRows = new Set<string>();
  for (const r of rows) {
    if (!r.source || !r.ratee) continue;
    const k = `${r.source}\u0000${r.ratee}`;
    hasRows.add(k);
    if (r.total !== null && !r.setAside) totals.set(k, [...(totals.get(k) ?? []), r.total]);
  }

  // Adjustments.
  const bonusSum = new Map<string, number>();
  const deductionSum = new Map<string, number>();
  const vetoReasons = new Map<string, string[]>();
  for (const a of input.adjustments ?? []) {
    const ratee = text(a.ratee, textNumbers);
    const where = (f?: string) => cellAddress(a.loc, f);
    if (ratee === '') {
      report('missing-field', { where: where('ratee') }, { field: t('fields.ratee') });
      continue;
    }
    if (!known.has(ratee)) {
      report('unknown-ratee', { where: where('ratee'), ratee, found: ratee });
      continue;
    }
    const kind = parseAdjustmentKind(a.kind);
    if (!kind) {
      report('bad-adjustment-kind', {
        where: where('kind'),
        ratee,
        // An invisible character (a full-width space the formulas' TRIM keeps) is shown as a code point.
        found: cellText(a.kind).replace(
          /[^\x21-\x7e\u4e00-\u9fff]/g,
          (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
        ),
        allowed: t('allowed.kinds'),
      });
      continue;
    }
    if (kind === 'veto') {
      vetoReasons.set(ratee, [...(vetoReasons.get(ratee) ?? []), (a.reason ?? '').trim()]);
      continue;
    }
    const points = parseAdjustmentPoints(a.points, textNumbers);
    if (points === null) {
      report('bad-adjustment-points', {
        where: where('points'),
        ratee,
        found: cellText(a.points),
        allowed: t('allowed.points'),
      });
      continue;
    }
    const sums = kind === 'bonus' ? bonusSum : deductionSum;
    sums.set(ratee, (sums.get(ratee) ?? 0) + points);
  }

  // Steps 3–5 per ratee.
  const { bonusCap, deductionCap } = template.adjustments;
  const levels = hasLevelIndicators(template);
  const out: RateeResult[] = ratees.map((info) => {
    const j = info.id;
    const notes: Note[] = [];
    const sources: Record<string, number> = {};
    const parts: { weight: number; score: number }[] = [];
    for (const s of template.sources) {
      const k = `${s.id}\u0000${j}`;
      const vals = totals.get(k);
      const talliedScore = tally.scores.get(k);
      if (talliedScore !== undefined || (!withTallies.has(s.id) && vals && vals.length > 0)) {
        const score = talliedScore ?? aggregate(vals!, s);
        sources[s.id] = toExcelPrecision(score);
        parts.push({ weight: s.weight, score });
      } else {
        // A tallied source: an incomplete tally and a source that cannot be tallied are reported already.
        if (!withTallies.has(s.id) || (tally.tallied.has(s.id) && !tally.entered.has(k)))
          report(
            hasRows.has(k) ? 'no-valid-rows' : 'missing-source',
            { ratee: j, source: s.id },
            { source: label(s) },
          );
        notes.push({ code: 'missing-source', message: t('note.missing-source', { source: label(s) }) });
      }
    }
    const composite = compositeScore(parts);
    const bSum = bonusSum.get(j) ?? 0;
    const dSum = deductionSum.get(j) ?? 0;
    const bonus = Math.min(bonusCap, bSum);
    const deduction = deductionCap === null ? dSum : Math.min(deductionCap, dSum);
    if (bSum > bonus)
      notes.push({ code: 'bonus-capped', message: t('note.bonus-capped', { sum: bSum, cap: bonusCap }) });
    if (dSum > deduction)
      notes.push({
        code: 'deduction-capped',
        message: t('note.deduction-capped', { sum: dSum, cap: deductionCap }),
      });
    let final: number | null = null;
    if (composite === null) {
      report('no-composite', { ratee: j });
    } else {
      if (composite + bonus - deduction < 0)
        notes.push({ code: 'floored-at-zero', message: t('note.floored-at-zero') });
      final = finalScore(composite, bonus, deduction, template.decimals);
    }
    return {
      ratee: j,
      ...(info.name ? { name: info.name } : {}),
      sources,
      composite: composite === null ? null : toExcelPrecision(composite),
      bonus,
      deduction,
      veto: vetoReasons.has(j),
      final,
      rank: null,
      tier: null,
      notes,
      ...(levels ? { levelShares: counter.shares(j) } : {}),
    };
  });

  assignRanksAndTiers(out, template, tierNoteWriter(template, vetoReasons, t, lang));

  return {
    results: {
      schema: 'duanping.results/1',
      template: { id: template.id, name: template.name },
      ratees: out,
      raters: [],
      reliability: {},
      problems,
      ...(tally.tallied.size > 0 ? { tallied: [...tally.tallied] } : {}),
    },
    rows,
    ...(tallies.length > 0 ? { tallyRows: tally.statuses } : {}),
  };
}

export { assignRanksAndTiers, type Rankable } from './ballots/tiers';
