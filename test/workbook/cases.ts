/**
 * Seeded random assessment cases for holding the workbook formulas equal to the engine:
 * several sources (mean, trimmed, median), level-coded indicators, blank and invalid cells,
 * duplicates, unknown ratees and raters, bonus/deduction/veto, ties at a tier quota, and
 * sources typed (and listed) by their Chinese names as well as their ids.
 */
import { mulberry32 } from '../../src/core/sim/prng';
import { validateTemplate, type Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow, RateeInfo, RaterInfo, RawCell } from '../../src/core/types';

/** The simulator's seeded generator (mulberry32), shared. */
export const rng = mulberry32;

export interface Case {
  seed: number;
  template: Template;
  ratees: RateeInfo[];
  raters: RaterInfo[];
  entries: EntryRow[];
  adjustments: AdjustmentRow[];
}

const LEVEL_SETS = [
  [
    { label: '好', points: 10 },
    { label: '较好', points: 8 },
    { label: '一般', points: 6 },
    { label: '差', points: 4 },
  ],
  [
    { label: 'A', points: 5 },
    { label: 'B', points: 3.5 },
    { label: 'C', points: 2 },
  ],
];

const BAD_CELLS: RawCell[] = ['90', '９０', '8分', 'abc', true, { error: '#N/A' }, -1, ' ', '好 '];

export function makeCase(seed: number): Case {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;

  // Template.
  const nInd = int(3, 7);
  const indicators = Array.from({ length: nInd }, (_, i) => {
    const levels = chance(0.25) ? pick(LEVEL_SETS) : undefined;
    const max = levels ? Math.max(...levels.map((l) => l.points)) : pick([10, 15, 20, 25, 30]);
    return {
      id: `I${i + 1}`,
      name: `指标${i + 1}`,
      dimension: i < nInd / 2 ? '组织建设' : '作风建设',
      max,
      ...(chance(0.4) ? { weight: pick([1, 2, 3, 5, 7.5]) } : {}),
      ...(levels ? { levels } : {}),
    };
  });
  const nSrc = int(1, 3);
  const aggs = ['mean', 'trimmed', 'median'] as const;
  const sources = Array.from({ length: nSrc }, (_, s) => {
    const aggregate = seed % 3 === s % 3 ? aggs[(seed + s) % 3] : pick(aggs);
    const trim = aggregate === 'trimmed' && chance(0.3) ? 2 : 1;
    const subset = chance(0.4) ? indicators.filter(() => chance(0.7)).map((x) => x.id) : undefined;
    return {
      id: `s${s + 1}`,
      name: ['领导', '党员', '群众'][s],
      weight: pick([1, 2, 3, 0.3, 0.45]),
      aggregate,
      ...(aggregate === 'trimmed' ? { trim, trimMinRaters: int(2 * trim + 1, 2 * trim + 3) } : {}),
      ...(subset && subset.length > 0 ? { indicators: subset } : {}),
    };
  });
  const nRatees = int(5, 12);
  // Even seeds: the two best ratees tie at the top and the top quota has room for one.
  const tieAtQuota = seed % 2 === 0;
  const tiers = [
    { name: '优秀', min: int(70, 85), maxShare: tieAtQuota ? 1.5 / nRatees : pick([0.1, 0.2, 0.25, 0.3]) },
    { name: '良好', min: int(55, 70), ...(chance(0.5) ? { maxShare: pick([0.5, 0.6]) } : {}) },
    { name: '一般', min: int(30, 50) },
    { name: '较差', min: 0 },
  ];
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: `case-${seed}`,
    name: `随机用例 ${seed}`,
    indicators,
    sources,
    adjustments: { bonusCap: pick([0, 3, 5]), ...(chance(0.5) ? { deductionCap: pick([5, 10]) } : {}) },
    tiers,
    decimals: pick([0, 1, 2, 2, 3]),
  });
  if (!v.ok) throw new Error(`case ${seed}: ${v.errors.join('; ')}`);
  const template = v.template;

  // People.
  const ratees: RateeInfo[] = Array.from({ length: nRatees }, (_, i) => ({
    id: `U${String(i + 1).padStart(2, '0')}`,
    name: `单位${i + 1}`,
  }));
  const raters: RaterInfo[] = [];
  for (const s of template.sources) {
    const n = int(3, 8);
    for (let k = 1; k <= n; k++) raters.push({ id: `${s.id}-R${k}`, source: s.id });
  }
  const withRaterList = chance(0.5);

  // Score sheets: a base level per ratee so that the ranking is not pure noise.
  const base = new Map(ratees.map((j) => [j.id, 0.45 + 0.45 * r()]));
  if (tieAtQuota) base.set(ratees[0].id, 0.97);
  const scoreCell = (ind: Template['indicators'][number], q: number): RawCell => {
    if (ind.levels) {
      const sorted = [...ind.levels].sort((a, b) => b.points - a.points);
      const lv =
        sorted[
          Math.min(sorted.length - 1, Math.max(0, Math.round((1 - q) * (sorted.length - 1) + (r() - 0.5))))
        ];
      return chance(0.5) ? lv.label : lv.points;
    }
    const x = Math.min(ind.max, Math.max(0, Math.round(ind.max * (q + (r() - 0.5) * 0.3) * 2) / 2));
    return x;
  };
  const entries: EntryRow[] = [];
  for (const rater of raters) {
    const src = template.sources.find((s) => s.id === rater.source)!;
    for (const j of ratees) {
      if (chance(0.08)) continue; // a missing score sheet
      const q = base.get(j.id)!;
      const cells: Record<string, RawCell> = {};
      for (const ind of template.indicators) {
        const roll = r();
        if (!src.indicators.includes(ind.id)) cells[ind.id] = roll < 0.03 ? pick<RawCell>(['x', 5]) : null;
        else if (roll < 0.03) cells[ind.id] = null;
        else if (roll < 0.06) cells[ind.id] = pick(BAD_CELLS);
        else if (roll < 0.08) cells[ind.id] = ind.max + 1;
        else cells[ind.id] = scoreCell(ind, q);
      }
      entries.push({
        // A source is typed as its id or its name (领导), as a clerk picks it from the drop-down.
        source: template.sources.length === 1 && chance(0.3) ? '' : chance(0.4) ? src.name : src.id,
        rater: rater.id,
        ratee: j.id,
        cells,
      });
    }
  }
  // Ties: the score sheets of one ratee copied to another (same totals, same composite).
  if (nRatees >= 4) {
    const [a, b] = [ratees[0].id, ratees[1].id];
    const copies = entries
      .filter((e) => e.ratee === a)
      .map((e) => ({ ...e, ratee: b, cells: { ...e.cells } }));
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].ratee === b) entries.splice(i, 1);
    entries.push(...copies);
  }
  // Odd rows: a duplicate, an unknown ratee, an unknown source, a missing rater, a stranger.
  if (entries.length > 3) {
    if (chance(0.7)) entries.push({ ...entries[int(0, entries.length - 1)] });
    if (chance(0.5)) entries.push({ ...entries[0], rater: 'R-extra', ratee: 'U99' });
    if (chance(0.5)) entries.push({ ...entries[1], source: 'nosuch', rater: 'R-x2' });
    if (chance(0.3)) entries.push({ ...entries[2], rater: '' });
    if (chance(0.4)) entries.push({ ...entries[3], rater: 'R-stranger' });
  }
  // Shuffle so that sources and ratees interleave as typed by a clerk.
  for (let i = entries.length - 1; i > 0; i--) {
    const k = Math.floor(r() * (i + 1));
    [entries[i], entries[k]] = [entries[k], entries[i]];
  }

  // Adjustments.
  const adjustments: AdjustmentRow[] = [];
  const nAdj = int(0, 6);
  for (let i = 0; i < nAdj; i++) {
    const j = pick(ratees).id;
    const kind = pick(['bonus', '加分', 'deduction', '扣分', 'veto', '一票否决', 'Bonus ', 'other']);
    const points = pick<RawCell>([1, 2, 2.5, 4, 6, 12, '3', -1, null]);
    adjustments.push({ ratee: chance(0.1) ? 'U99' : j, kind, points, reason: `事由${i + 1}` });
  }
  // The rater list names some sources by name too.
  const listed = raters.map((x) =>
    chance(0.3) ? { ...x, source: template.sources.find((s) => s.id === x.source)!.name } : x,
  );
  return { seed, template, ratees, raters: withRaterList ? listed : [], entries, adjustments };
}
