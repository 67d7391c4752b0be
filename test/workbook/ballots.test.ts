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
import type { AdjustmentRow, EntryRow, RateeInfo, RawCell, Results } from '../../src/core/types';
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
  return { seed, template, ratees, entries, adjustments };
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
      buildPlan({ template: c.template, ratees: c.ratees, entries: c.entries, adjustments: c.adjustments }),
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
