/**
 * Ballots in the workbook: seeded ballot cases with share rules, quotas and ties are built,
 * recalculated by LibreOffice, and the level-share columns, DP_Final, DP_Rank and DP_Tier must
 * equal the engine's results (src/core/ballots/). Cases have one or two ballot sources (pooled
 * and source-scoped rules), a non-ballot source, level sets with different points, bad cells,
 * vetoes and copied ballots (ties at a quota line).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeScores } from '../../src/core/scoring';
import { mulberry32 } from '../../src/core/sim/prng';
import { validateTemplate, type Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow, RateeInfo, RawCell, Results, TallyRow } from '../../src/core/types';
import { openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { ballotColumns, ballotStart, shareColumnList } from '../../src/workbook/ballots';
import { buildPlan } from '../../src/workbook/build';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { cachedMismatches, engineFigures, workbookFigures } from './compare';

const GOOD = [
  { label: '好', points: 100 },
  { label: '较好', points: 80 },
  { label: '一般', points: 60 },
  { label: '差', points: 40 },
];

interface BallotCase {
  seed: number;
  template: Template;
  ratees: RateeInfo[];
  entries: EntryRow[];
  adjustments: AdjustmentRow[];
  /** Ballots of one source counted into a tally (计票), when the case has one. */
  tallies?: TallyRow[];
}

export function makeBallotCase(seed: number): BallotCase {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const nLevel = int(2, 4);
  const indicators: Record<string, unknown>[] = Array.from({ length: nLevel }, (_, i) => {
    const half = i % 2 === 1;
    return {
      id: `M${i + 1}`,
      name: `项目${i + 1}`,
      dimension: 'd',
      max: half ? 50 : 100,
      ...(r() < 0.4 ? { weight: pick([1, 2, 3]) } : {}),
      levels: GOOD.map((l) => ({ ...l, points: half ? l.points / 2 : l.points })),
    };
  });
  const twoBallot = seed % 3 === 0;
  const numeric = seed % 3 === 1;
  if (numeric) indicators.push({ id: 'N', name: '业绩', dimension: 'd', max: 20 });
  const sources: Record<string, unknown>[] = [
    {
      id: 'voters',
      name: '测评人',
      weight: 2,
      aggregate: 'mean',
      indicators: indicators.filter((i) => i.levels).map((i) => i.id),
    },
  ];
  if (twoBallot)
    sources.push({ id: 'leaders', name: '领导', weight: 1, aggregate: 'mean', indicators: ['M1', 'M2'] });
  if (numeric)
    sources.push({ id: 'office', name: '考核办', weight: 1, aggregate: 'mean', indicators: ['N'] });
  const rule = (): Record<string, unknown> => {
    const k = int(0, 3);
    const source = twoBallot && r() < 0.4 ? { source: pick(['voters', 'leaders']) } : {};
    if (k === 0) return { levels: ['好'], atLeast: pick([0.3, 0.4, 0.5, 0.6]), ...source };
    if (k === 1) return { levels: ['差'], atMost: pick([0.1, 0.2, 0.25, 0.333333333]), ...source };
    if (k === 2) return { levels: ['好', '较好'], atLeast: pick([0.5, 0.7, 0.75]), ...source };
    return { levels: ['一般', '差'], atMost: pick([0.3, 0.5]), ...source };
  };
  const nRatees = int(7, 12);
  const tiers = [
    {
      name: '好',
      min: int(70, 80),
      maxShare: pick([0.2, 0.3, 1.5 / nRatees, 2.5 / nRatees]),
      requires: [rule(), rule()],
    },
    {
      name: '较好',
      min: int(60, 70),
      ...(r() < 0.5 ? { maxShare: pick([0.6, 0.7]) } : {}),
      requires: [rule()],
    },
    ...(r() < 0.6 ? [{ name: '一般', min: int(45, 58), requires: [rule()] }] : []),
    { name: '差', min: 0 },
  ];
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: `ballot-${seed}`,
    name: `测评用例 ${seed}`,
    indicators,
    sources,
    tiers,
    adjustments: { bonusCap: 5 },
    decimals: pick([1, 2, 2]),
  });
  if (!v.ok) throw new Error(`case ${seed}: ${v.errors.join('; ')}`);
  const template = v.template;
  const ratees = Array.from({ length: nRatees }, (_, i) => ({ id: `U${String(i + 1).padStart(2, '0')}` }));
  const entries: EntryRow[] = [];
  for (const src of template.sources) {
    const voters = int(5, 9);
    for (let k = 0; k < voters; k++)
      for (const j of ratees) {
        const lean = (Number(j.id.slice(1)) * 0.37 + seed * 0.11) % 1;
        const cells: Record<string, RawCell> = {};
        for (const id of src.indicators) {
          const ind = template.indicators.find((i) => i.id === id)!;
          const roll = r();
          if (!ind.levels) cells[id] = Math.round(20 * (0.4 + 0.6 * lean * r()));
          else if (roll < 0.03) cells[id] = pick<RawCell>(['优', null, 'x', 70]);
          else {
            const q = Math.min(3, Math.max(0, Math.floor((1 - lean) * 3.2 + (r() - 0.5) * 2.2)));
            cells[id] = r() < 0.5 ? ind.levels[q].label : ind.levels[q].points;
          }
        }
        entries.push({ source: src.id, rater: `${src.id}-${k}`, ratee: j.id, cells });
      }
  }
  // Ties: U02 gets U01's ballots (same final, same shares) — often across a quota line.
  const copies = entries.filter((e) => e.ratee === 'U01').map((e) => ({ ...e, ratee: 'U02' }));
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].ratee === 'U02') entries.splice(i, 1);
  entries.push(...copies);
  const adjustments: AdjustmentRow[] = [];
  if (r() < 0.5) adjustments.push({ ratee: pick(ratees).id, kind: 'veto', points: null, reason: '否决' });
  if (r() < 0.7)
    adjustments.push({ ratee: pick(ratees).id, kind: 'bonus', points: int(1, 5), reason: '加分' });
  const c: BallotCase = { seed, template, ratees, entries, adjustments };
  return seed % 2 === 0 ? withTally(c, r) : c;
}

/**
 * The case with one ballot source counted into a tally (计票): the second ballot source when
 * there is one (ballots and tallies mixed), else the voters. A few of its score sheets stay on
 * the entry sheet (left out: status 8), and a few tally rows are wrong in the ways the engine
 * checks (a fractional or text count, a duplicate row, an item the source does not score, an
 * unlisted ratee, a row of zeros).
 */
function withTally(c: BallotCase, r: () => number): BallotCase {
  const { template } = c;
  const src = template.sources.find((s) => s.id === 'leaders') ?? template.sources[0];
  const single = template.sources.length === 1;
  const counts = new Map<string, Record<string, number>>();
  for (const e of c.entries) {
    if (e.source !== src.id) continue;
    for (const id of src.indicators) {
      const ind = template.indicators.find((i) => i.id === id)!;
      const v = e.cells[id];
      const lv = ind.levels!.find((l) => l.label === v || l.points === v);
      if (!lv) continue;
      const key = `${e.ratee}\u0000${id}`;
      const byLabel = counts.get(key) ?? {};
      byLabel[lv.label] = (byLabel[lv.label] ?? 0) + 1;
      counts.set(key, byLabel);
    }
  }
  const tallies: TallyRow[] = [...counts].map(([key, byLabel], i) => {
    const [ratee, indicator] = key.split('\u0000');
    return {
      // Every third row names its source by the source's name (领导), as clerks may type it.
      source: single && r() < 0.5 ? '' : i % 3 === 1 && src.name ? src.name : src.id,
      ratee,
      indicator,
      counts: Object.fromEntries(GOOD.map((l) => [l.label, byLabel[l.label] ?? (r() < 0.5 ? null : 0)])),
    };
  });
  const k = c.seed % 5;
  const at = (i: number) => tallies[(i * 7 + c.seed) % tallies.length];
  if (k === 0) at(1).counts['好'] = 2.5;
  if (k === 1) at(2).counts['较好'] = '3';
  if (k === 2) tallies.push({ ...at(3), counts: { ...at(3).counts } });
  if (k === 3) tallies.push({ source: src.id, ratee: at(4).ratee, indicator: 'ZZ', counts: { 好: 4 } });
  if (k === 4) at(5).counts = Object.fromEntries(GOOD.map((l) => [l.label, 0]));
  tallies.push({ source: src.id, ratee: 'X99', indicator: src.indicators[0], counts: { 好: 3 } });
  // The source's ballots leave the entry sheet, but for three (then left out as tallied).
  const kept = c.entries.filter((e) => e.source === src.id).slice(0, 3);
  const entries = [...c.entries.filter((e) => e.source !== src.id), ...kept];
  return { ...c, entries, tallies: shuffle(tallies, r) };
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 500 + i * 13);
let outcomes: { c: BallotCase; results: Results; recalculated: string; path: string }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-lo-ballots-'));
  const cases = SEEDS.map(makeBallotCase);
  const paths: string[] = [];
  const results: Results[] = [];
  for (const c of cases) {
    const path = join(dir, `ballot-${c.seed}.xlsx`);
    await writePlanXlsx(
      buildPlan({
        template: c.template,
        ratees: c.ratees,
        entries: c.entries,
        adjustments: c.adjustments,
        tallies: c.tallies,
        // Some books keep the rows as generated (not in ratee order): every block then has rows
        // outside it, and the shares and scores count over the whole key column.
        keepOrder: c.seed % 4 === 1 || c.seed === 552,
      }),
      path,
    );
    paths.push(path);
    const { content } = readWorkbookContent(await openXlsx(path));
    results.push(computeScores(content, { textNumbers: false }).results);
  }
  const outs = await recalcManyWithLibreOffice(paths);
  outcomes = cases.map((c, i) => ({ c, results: results[i], recalculated: outs[i], path: paths[i] }));
}, 10 * 60_000);

describe('ballot formulas recalculated by LibreOffice equal the engine', () => {
  it('gives the same final, rank and tier for every ratee', async () => {
    for (const o of outcomes) {
      const wb = await openXlsx(o.recalculated);
      const fromWorkbook = workbookFigures(wb);
      for (const [id, e] of engineFigures(o.results))
        expect({ seed: o.c.seed, id, ...fromWorkbook.get(id) }).toEqual({ seed: o.c.seed, id, ...e });
    }
  });

  it('caches in every formula cell (shares, rule helpers, tier, note) the value LibreOffice computes', async () => {
    const bad: { seed: number; count: number; first: string[] }[] = [];
    for (const o of outcomes) {
      const m = cachedMismatches(await openXlsx(o.path), await openXlsx(o.recalculated));
      if (m.length > 0) bad.push({ seed: o.c.seed, count: m.length, first: m.slice(0, 4) });
    }
    expect(bad).toEqual([]);
  });

  it('gives the same level shares, per source and pooled', async () => {
    let compared = 0;
    for (const o of outcomes) {
      const wb = await openXlsx(o.recalculated);
      const { stored } = readWorkbookContent(wb);
      const layout = stored.layout;
      const s = layout.summary;
      const ws = wb.getWorksheet(s.sheet)!;
      const cols = ballotColumns(o.c.template, ballotStart(layout));
      const byId = new Map(o.results.ratees.map((x) => [x.ratee, x]));
      for (let row = s.firstRow; row <= s.lastRow; row++) {
        const id = ws.getCell(`A${row}`).result;
        if (typeof id !== 'string' || id === '') continue;
        const shares = byId.get(id)!.levelShares!;
        for (const [key, label, col] of shareColumnList(o.c.template, cols)) {
          const v = ws.getCell(`${col}${row}`).result;
          const where = { seed: o.c.seed, id, key, label };
          if (!shares[key]) expect({ ...where, v }).toEqual({ ...where, v: '' });
          else {
            expect({ ...where, v: typeof v }).toEqual({ ...where, v: 'number' });
            expect(v as number).toBeCloseTo(shares[key][label], 12);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('exercises tallies (计票): tallied sources, their left-out score sheets, and bad tally rows', () => {
    const tallied = outcomes.filter((o) => o.c.tallies);
    expect(tallied.length).toBeGreaterThanOrEqual(5);
    for (const o of tallied) expect(o.results.tallied).toHaveLength(1);
    // Mixed: a case whose ballots are typed for one source and tallied for another.
    expect(
      tallied.some(
        (o) => o.c.entries.some((e) => e.source === 'voters') && o.results.tallied![0] === 'leaders',
      ),
    ).toBe(true);
    const codes = new Set(tallied.flatMap((o) => o.results.problems.map((p) => p.code)));
    for (const code of [
      'tallied-source-row',
      'bad-count',
      'duplicate-tally',
      'tally-indicator',
      'unknown-ratee',
      'incomplete-tally',
    ])
      expect(codes).toContain(code);
    // Ratees still get tallied scores and finals.
    expect(tallied.flatMap((o) => o.results.ratees).filter((x) => x.final !== null).length).toBeGreaterThan(
      30,
    );
  });

  it('exercises share rules, quotas, ties at a quota, and vetoes', () => {
    const ratees = outcomes.flatMap((o) => o.results.ratees);
    const notes = ratees.flatMap((r) => r.notes.map((n) => n.code));
    expect(notes.filter((n) => n === 'requirement-unmet').length).toBeGreaterThan(10);
    expect(notes).toContain('quota-tie');
    expect(notes).toContain('vetoed');
    // A rule changed a tier: some ratee missed a tier whose min it met.
    expect(ratees.some((r) => r.notes.some((n) => n.code === 'requirement-unmet' && n.tier !== r.tier))).toBe(
      true,
    );
    expect(outcomes.some((o) => o.c.template.tiers.some((t) => t.requires?.some((q) => q.source)))).toBe(
      true,
    );
    expect(new Set(ratees.map((r) => r.tier)).size).toBeGreaterThanOrEqual(3);
  });
});
