import fc from 'fast-check';
import { computeScores, quotaLimit } from '../../src/core/scoring';
import { validateTemplate, type Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow, Results } from '../../src/core/types';

/** Random but valid assessments: 2 sources (one trimmed or median), 3–12 ratees, scores on a 0.5 grid. */
const assessment = fc
  .record({
    ratees: fc.integer({ min: 3, max: 12 }),
    raters: fc.integer({ min: 1, max: 7 }),
    agg: fc.constantFrom('mean', 'trimmed', 'median'),
    shares: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    mins: fc.tuple(fc.integer({ min: 60, max: 95 }), fc.integer({ min: 40, max: 60 })),
    seedScores: fc.array(fc.integer({ min: 0, max: 40 }), {
      minLength: 12 * 7 * 2 * 2,
      maxLength: 12 * 7 * 2 * 2,
    }),
    blanks: fc.array(fc.nat(), { maxLength: 6 }),
    vetoes: fc.array(fc.nat(), { maxLength: 2 }),
    bonus: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 })), { maxLength: 4 }),
  })
  .map((p) => {
    const [s1, s2] = p.shares.sort((a, b) => a - b);
    const v = validateTemplate({
      schema: 'duanping.template/1',
      id: 'p',
      name: 'P',
      indicators: [
        { id: 'A', name: 'A', dimension: 'd', max: 20 },
        { id: 'B', name: 'B', dimension: 'd', max: 20, weight: 30 },
      ],
      sources: [
        { id: 'x', name: 'X', weight: 2, aggregate: 'mean' },
        { id: 'y', name: 'Y', weight: 1, aggregate: p.agg, trimMinRaters: 3 },
      ],
      adjustments: { bonusCap: 3, deductionCap: 5 },
      tiers: [
        { name: 'T1', min: p.mins[0], maxShare: s1 / 100 },
        { name: 'T2', min: p.mins[1], maxShare: s2 / 100 },
        { name: 'T3', min: 0 },
      ],
    });
    if (!v.ok) throw new Error(v.errors.join());
    const template: Template = v.template;
    const entries: EntryRow[] = [];
    let k = 0;
    for (const source of ['x', 'y'])
      for (let r = 0; r < p.raters; r++)
        for (let j = 0; j < p.ratees; j++) {
          const a = p.seedScores[k++ % p.seedScores.length] / 2;
          const b = p.seedScores[k++ % p.seedScores.length] / 2;
          entries.push({ source, rater: `${source}${r}`, ratee: `U${j}`, cells: { A: a, B: b } });
        }
    for (const b of p.blanks) entries[b % entries.length].cells.A = '';
    const adjustments: AdjustmentRow[] = [
      ...p.vetoes.map((v) => ({ ratee: `U${v % p.ratees}`, kind: 'veto', points: '' })),
      ...p.bonus.map(([j, pts]) => ({
        ratee: `U${j % p.ratees}`,
        kind: pts % 2 ? 'bonus' : 'deduction',
        points: pts,
      })),
    ];
    return { template, entries, adjustments };
  });

const tierIndex = (t: Template, name: string | null) => t.tiers.findIndex((x) => x.name === name);
const byRatee = (r: Results) => Object.fromEntries(r.ratees.map((x) => [x.ratee, x]));

describe('properties of the scoring rules', () => {
  it('row order never matters', () => {
    fc.assert(
      fc.property(assessment, fc.integer(), ({ template, entries, adjustments }, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), {
          seed,
          numRuns: 1,
        })[0];
        const a = computeScores({ template, entries, adjustments }).results;
        const b = computeScores({
          template,
          entries: shuffled,
          adjustments: [...adjustments].reverse(),
        }).results;
        expect(byRatee(b)).toEqual(byRatee(a));
      }),
      { numRuns: 150 },
    );
  });

  it('a quota is never exceeded', () => {
    fc.assert(
      fc.property(assessment, ({ template, entries, adjustments }) => {
        const { ratees } = computeScores({ template, entries, adjustments }).results;
        const n = ratees.filter((r) => r.final !== null).length;
        template.tiers.forEach((tier, t) => {
          if (tier.maxShare === undefined) return;
          const atOrBetter = ratees.filter(
            (r) => !r.veto && r.tier !== null && tierIndex(template, r.tier) <= t,
          );
          expect(atOrBetter.length).toBeLessThanOrEqual(quotaLimit(tier.maxShare, n));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('tiers never invert the order of finals, and every final meets its tier minimum', () => {
    fc.assert(
      fc.property(assessment, ({ template, entries, adjustments }) => {
        const open = computeScores({ template, entries, adjustments }).results.ratees.filter(
          (r) => r.final !== null && !r.veto,
        );
        for (const a of open) {
          expect(a.final!).toBeGreaterThanOrEqual(template.tiers[tierIndex(template, a.tier)].min);
          for (const b of open)
            if (a.final! > b.final!)
              expect(tierIndex(template, a.tier)).toBeLessThanOrEqual(tierIndex(template, b.tier));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a blank cell never counts as zero: the row is left out instead', () => {
    fc.assert(
      fc.property(assessment, ({ template, entries }) => {
        const { rows } = computeScores({ template, entries });
        entries.forEach((e, i) => {
          if (e.cells.A === '') expect(rows[i].total).toBeNull();
        });
      }),
      { numRuns: 50 },
    );
  });
});
