import { computeScores } from '../../src/core/scoring';
import type { AdjustmentRow, EntryRow } from '../../src/core/types';
import { testTemplate } from '../helpers/template';

const tpl = testTemplate;

const row = (source: string, rater: string, ratee: string, A: unknown, B: unknown): EntryRow => ({
  source,
  rater,
  ratee,
  cells: { A, B } as EntryRow['cells'],
});
const adj = (ratee: string, kind: string, points: string | number = '', reason = ''): AdjustmentRow => ({
  ratee,
  kind,
  points,
  reason,
});

describe('the hand-worked golden case (two sources, trimmed mean, caps, veto, quota)', () => {
  const template = tpl({
    sources: [
      { id: 's1', name: '上级', weight: 60, aggregate: 'mean' },
      { id: 's2', name: '群众', weight: 40, aggregate: 'trimmed', trim: 1, trimMinRaters: 3 },
    ],
    adjustments: { bonusCap: 2, deductionCap: 5 },
    tiers: [
      { name: '优', min: 85, maxShare: 0.25 },
      { name: '良', min: 70 },
      { name: '差', min: 0 },
    ],
  });
  const entries = [
    row('s1', 'R1', 'U1', 50, 35),
    row('s1', 'R1', 'U2', 45, 30),
    row('s1', 'R1', 'U3', 55, 38),
    row('s1', 'R1', 'U4', 40, 30),
    row('s1', 'R2', 'U1', 52, 36),
    row('s1', 'R2', 'U2', 47, 31),
    row('s1', 'R2', 'U3', 53, 37),
    row('s1', 'R2', 'U4', 41, 29),
    ...[
      ['U1', 80, 90, 85],
      ['U2', 70, 72, 100],
      ['U3', 95, 91, 93],
    ].flatMap(([u, ...t]) =>
      (t as number[]).map((x, k) => row('s2', `P${k + 1}`, u as string, x * 0.6, x * 0.4)),
    ),
    row('s2', 'P1', 'U4', 36, 24),
    row('s2', 'P2', 'U4', 39, 26),
  ];
  const adjustments = [
    adj('U2', 'bonus', '1.5', '获上级表彰'),
    adj('U2', 'bonus', 1, '经验推广'),
    adj('U4', 'deduction', '3', '整改超期'),
    adj('U3', 'veto', '', '发生严重违纪'),
  ];
  const { results } = computeScores({ template, entries, adjustments });
  const by = Object.fromEntries(results.ratees.map((r) => [r.ratee, r]));

  it('aggregates each source as specified', () => {
    expect(by.U1.sources).toEqual({ s1: 86.5, s2: 85 });
    expect(by.U2.sources).toEqual({ s1: 76.5, s2: 72 }); // 100 and 70 dropped
    expect(by.U4.sources).toEqual({ s1: 70, s2: 62.5 }); // two rows: plain mean, no trimming
  });
  it('weights the sources, caps the bonus, subtracts deductions', () => {
    expect(by.U1.composite).toBe(85.9);
    expect(by.U2).toMatchObject({ composite: 74.7, bonus: 2, final: 76.7 });
    expect(by.U2.notes.map((n) => n.code)).toContain('bonus-capped');
    expect(by.U4).toMatchObject({ composite: 67, deduction: 3, final: 64 });
  });
  it('ranks vetoed units like the others but puts them in the last tier', () => {
    expect([by.U3.rank, by.U1.rank, by.U2.rank, by.U4.rank]).toEqual([1, 2, 3, 4]);
    expect(by.U3).toMatchObject({ veto: true, final: 92.1, tier: '差' });
    expect(by.U3.notes.find((n) => n.code === 'vetoed')?.message).toContain('发生严重违纪');
  });
  it('fills the top tier up to its quota (25 % of 4 = 1) counting only units not vetoed', () => {
    expect(by.U1.tier).toBe('优');
    expect(by.U2.tier).toBe('良');
    expect(by.U4.tier).toBe('差');
    expect(results.problems).toEqual([]);
  });
});

describe('ties straddling a quota', () => {
  const finals = [95, 92, 92, 88, 70];
  const template = (bShare?: number) =>
    tpl({
      indicators: [{ id: 'A', name: 'A', dimension: 'd', max: 100 }],
      tiers: [
        { name: 'A', min: 90, maxShare: 0.4 },
        { name: 'B', min: 80, ...(bShare === undefined ? {} : { maxShare: bShare }) },
        { name: 'C', min: 0 },
      ],
    });
  const entries = finals.map((f, i) => ({ source: 's1', rater: 'R1', ratee: `U${i + 1}`, cells: { A: f } }));

  it('lets every tied unit fall to the next tier together, with a quota-tie note', () => {
    const { results } = computeScores({ template: template(), entries });
    expect(results.ratees.map((r) => r.tier)).toEqual(['A', 'B', 'B', 'B', 'C']);
    expect(results.ratees.map((r) => r.rank)).toEqual([1, 2, 2, 4, 5]);
    const tied = results.ratees.filter((r) => r.notes.some((n) => n.code === 'quota-tie'));
    expect(tied.map((r) => r.ratee)).toEqual(['U2', 'U3']);
    expect(tied[0].notes[0]).toMatchObject({ tier: 'A' });
    expect(tied[0].notes[0].message).toContain('92');
  });
  it('counts quotas cumulatively: 80 % of 5 = 4 may be B or better', () => {
    const { results } = computeScores({ template: template(0.8), entries });
    expect(results.ratees.map((r) => r.tier)).toEqual(['A', 'B', 'B', 'B', 'C']);
    const { results: tight } = computeScores({ template: template(0.6), entries });
    // 60 % of 5 = 3: U1 (A) + the two 92s fill it; 88 would be the fourth.
    expect(tight.ratees.map((r) => r.tier)).toEqual(['A', 'B', 'B', 'C', 'C']);
  });
});

describe('Excel ROUND on finals', () => {
  const template = tpl({ indicators: [{ id: 'A', name: 'A', dimension: 'd', max: 100 }] });
  it.each([
    [[2.67, 2.68], 2.68],
    [[1, 1.01], 1.01],
    [[88.44, 88.45], 88.45],
  ])('the mean of %p shows as %p', (scores, want) => {
    const entries = scores.map((s, k) => ({ source: 's1', rater: `R${k}`, ratee: 'U1', cells: { A: s } }));
    expect(computeScores({ template, entries }).results.ratees[0].final).toBe(want);
  });
  it('rounds to the template decimals', () => {
    const t1 = { ...template, decimals: 1 };
    const entries = [80.25, 80.3].map((s, k) => ({
      source: 's1',
      rater: `R${k}`,
      ratee: 'U1',
      cells: { A: s },
    }));
    expect(computeScores({ template: t1, entries }).results.ratees[0].final).toBe(80.3);
  });
});

describe('median and missing sources', () => {
  const template = tpl({
    indicators: [{ id: 'A', name: 'A', dimension: 'd', max: 100 }],
    sources: [
      { id: 'm', name: '测评', weight: 1, aggregate: 'median' },
      { id: 'k', name: '考核', weight: 3, aggregate: 'mean' },
    ],
  });
  it('takes the middle value, or the mean of the two middle values', () => {
    const entries = [
      ...[70, 90, 80, 60].map((s, k) => ({ source: 'm', rater: `R${k}`, ratee: 'U1', cells: { A: s } })),
      ...[50, 10, 30].map((s, k) => ({ source: 'm', rater: `R${k}`, ratee: 'U2', cells: { A: s } })),
      { source: 'k', rater: 'K1', ratee: 'U1', cells: { A: 85 } },
      { source: 'k', rater: 'K1', ratee: 'U2', cells: { A: 40 } },
    ];
    const { results } = computeScores({ template, entries });
    expect(results.ratees[0].sources).toEqual({ m: 75, k: 85 }); // (70 + 80) / 2
    expect(results.ratees[1].sources).toEqual({ m: 30, k: 40 });
    expect(results.ratees[0].composite).toBe((75 + 3 * 85) / 4);
  });
  it('stands a composite on the sources a unit has, and reports the missing one', () => {
    const entries = [
      { source: 'm', rater: 'R1', ratee: 'U1', cells: { A: 70 } },
      { source: 'k', rater: 'K1', ratee: 'U1', cells: { A: 90 } },
      { source: 'm', rater: 'R1', ratee: 'U2', cells: { A: 66 } },
    ];
    const { results } = computeScores({ template, entries });
    expect(results.ratees[1]).toMatchObject({ ratee: 'U2', composite: 66, final: 66 });
    expect(results.ratees[1].notes.map((n) => n.code)).toEqual(['missing-source']);
    expect(results.problems).toEqual([
      expect.objectContaining({
        code: 'missing-source',
        ratee: 'U2',
        source: 'k',
        message: expect.stringContaining('考核'),
      }),
    ]);
  });
  it('gives a unit with no valid score no final, rank or tier', () => {
    const entries = [
      { source: 'm', rater: 'R1', ratee: 'U1', cells: { A: 70 } },
      { source: 'm', rater: 'R1', ratee: 'U2', cells: { A: 'x' } },
    ];
    const { results } = computeScores({ template, entries });
    expect(results.ratees[1]).toMatchObject({ composite: null, final: null, rank: null, tier: null });
    expect(results.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['not-a-number', 'no-valid-rows', 'no-composite']),
    );
    expect(results.ratees[0].rank).toBe(1);
  });
});
