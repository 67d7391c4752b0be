/**
 * Ballots (scoring.md, "Ballots: level shares and share rules"): level shares, tier
 * requirements with cumulative quotas, and tallies — hand-worked cases and properties.
 */
import { TEST_TEMPLATE_BASE, testTemplate } from '../helpers/template';
import fc from 'fast-check';
import { assignRanksAndTiers, quotaLimit, tierNoteWriter } from '../../src/core/ballots/tiers';
import { engineT } from '../../src/core/i18n';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import { validateTemplate, type Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow, LevelShares, RateeResult, TallyRow } from '../../src/core/types';

const LEVELS = [
  { label: '好', points: 100 },
  { label: '较好', points: 80 },
  { label: '一般', points: 60 },
  { label: '差', points: 40 },
];

const tpl = (over: Record<string, unknown>) =>
  testTemplate(over, {
    ...TEST_TEMPLATE_BASE,
    id: 'b',
    name: 'B',
    indicators: [{ id: 'M', name: 'M', dimension: 'd', max: 100, levels: LEVELS }],
    sources: [{ id: 'v', name: '测评人', weight: 1, aggregate: 'mean' }],
  });

const ballots = (ratee: string, marks: string[], source = 'v', field = 'M'): EntryRow[] =>
  marks.map((m, i) => ({ source, rater: `${source}${ratee}r${i}`, ratee, cells: { [field]: m } }));

const byRatee = (ratees: RateeResult[]) => Object.fromEntries(ratees.map((r) => [r.ratee, r]));

describe('level shares', () => {
  const template = tpl({
    indicators: [
      { id: 'L', name: 'L', dimension: 'd', max: 100, levels: LEVELS },
      { id: 'N', name: 'N', dimension: 'd', max: 10 },
    ],
    sources: [
      { id: 'a', name: 'A', weight: 1, aggregate: 'mean' },
      { id: 'b', name: 'B', weight: 1, aggregate: 'mean', indicators: ['L'] },
    ],
  });
  const { results } = computeScores({
    template,
    entries: [
      { source: 'a', rater: 'r1', ratee: 'U1', cells: { L: '好', N: '5' } },
      { source: 'a', rater: 'r2', ratee: 'U1', cells: { L: '差', N: '7' } },
      { source: 'a', rater: 'r5', ratee: 'U1', cells: { L: '好', N: '' } }, // no total: not counted
      { source: 'b', rater: 'r3', ratee: 'U1', cells: { L: '较好' } },
      { source: 'b', rater: 'r4', ratee: 'U1', cells: { L: '80' } }, // points of 较好
      { source: 'a', rater: 'r1', ratee: 'U2', cells: { L: '', N: '5' } }, // invalid: U2 has no shares
    ],
  });
  const r = byRatee(results.ratees);

  it('are per source and pooled over cells of counted rows, by label or points', () => {
    expect(r.U1.levelShares).toEqual({
      a: { 好: 0.5, 较好: 0, 一般: 0, 差: 0.5 },
      b: { 好: 0, 较好: 1, 一般: 0, 差: 0 },
      all: { 好: 0.25, 较好: 0.5, 一般: 0, 差: 0.25 },
    });
  });
  it('are empty for a ratee without level-coded cells, and absent for a template without levels', () => {
    expect(r.U2.levelShares).toEqual({});
    const plain = tpl({ indicators: [{ id: 'M', name: 'M', dimension: 'd', max: 10 }] });
    const out = computeScores({
      template: plain,
      entries: [{ source: 'v', rater: 'r', ratee: 'U', cells: { M: 5 } }],
    });
    expect(out.results.ratees[0].levelShares).toBeUndefined();
  });
  it('keep full precision', () => {
    const out = computeScores({ template: tpl({}), entries: ballots('U', ['好', '差', '差']) });
    expect(out.results.ratees[0].levelShares!.all['好']).toBe(0.333333333333333);
  });
});

describe('tier requirements with cumulative quotas (hand-worked)', () => {
  // N = 6, tier A: min 80, maxShare 0.5 → 3 places, needs 好 ≥ 50%. P2 (95) fails the rule, so it
  // does not take a place: P1 and P3 take two, and P4/P5 (tied at 88) straddle the third place.
  const template = tpl({
    adjustments: { bonusCap: 20 },
    tiers: [
      { name: 'A', min: 80, maxShare: 0.5, requires: [{ levels: ['好'], atLeast: 0.5 }] },
      { name: 'B', min: 60, requires: [{ levels: ['差'], atMost: 0.333333333 }] },
      { name: 'C', min: 0 },
    ],
  });
  const entries = [
    ...ballots('P1', ['好', '好', '好', '好']), // 100, 好 100%
    ...ballots('P2', ['较好', '较好', '较好', '较好']), // 80 + 15 = 95, 好 0%
    ...ballots('P3', ['好', '好', '较好', '较好']), // 90, 好 exactly 50%
    ...ballots('P4', ['好', '好', '较好', '一般']), // 85 + 3 = 88, 好 50%
    ...ballots('P5', ['好', '好', '好', '差']), // 85 + 3 = 88, 好 75%, 差 25%
    ...ballots('P6', ['好', '差', '差', '一般']), // 60, 差 50% → fails B
  ];
  const adjustments: AdjustmentRow[] = [
    { ratee: 'P2', kind: 'bonus', points: 15 },
    { ratee: 'P4', kind: 'bonus', points: 3 },
    { ratee: 'P5', kind: 'bonus', points: 3 },
  ];
  const { results } = computeScores({ template, entries, adjustments });
  const r = byRatee(results.ratees);

  it('gives the tiers worked out by hand', () => {
    expect(results.ratees.map((x) => [x.ratee, x.final, x.tier])).toEqual([
      ['P1', 100, 'A'],
      ['P2', 95, 'B'],
      ['P3', 90, 'A'],
      ['P4', 88, 'B'],
      ['P5', 88, 'B'],
      ['P6', 60, 'C'],
    ]);
    expect(quotaLimit(0.5, 6)).toBe(3);
  });
  it('notes the rule that barred a tier, and the quota tie', () => {
    expect(r.P2.notes).toEqual([
      expect.objectContaining({
        code: 'requirement-unmet',
        tier: 'A',
        rule: 'tiers[0].requires[0]',
        tiers: ['A'],
      }),
    ]);
    expect(r.P2.notes[0].message).toBe('不满足“好票占比不低于 50%”（实际为 0%），不能评为“A”。');
    expect(r.P6.notes.map((n) => [n.code, n.rule])).toEqual([['requirement-unmet', 'tiers[1].requires[0]']]);
    expect(r.P6.notes[0].message).toContain('实际为 50%');
    for (const p of ['P4', 'P5'])
      expect(r[p].notes).toEqual([expect.objectContaining({ code: 'quota-tie', tier: 'A' })]);
    expect(r.P1.notes).toEqual([]);
    expect(r.P3.notes).toEqual([]);
  });
  it('without the rules, P2 takes a place and the 88s fall by the quota as in step 7', () => {
    const plain = { ...template, tiers: template.tiers.map(({ requires: _r, ...t }) => t) };
    const out = byRatee(computeScores({ template: plain, entries, adjustments }).results.ratees);
    expect(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((p) => out[p].tier)).toEqual([
      'A',
      'A',
      'A',
      'B',
      'B',
      'B',
    ]);
  });
  it('a ratee without shares fails every requirement (a source-scoped rule on a source it lacks)', () => {
    const two = tpl({
      indicators: [
        { id: 'M', name: 'M', dimension: 'd', max: 100, levels: LEVELS },
        { id: 'N', name: 'N', dimension: 'd', max: 100 },
      ],
      sources: [
        { id: 'v', name: '测评人', weight: 1, aggregate: 'mean', indicators: ['M'] },
        { id: 'w', name: '领导', weight: 1, aggregate: 'mean', indicators: ['N'] },
      ],
      tiers: [
        { name: 'A', min: 0, requires: [{ levels: ['差'], atMost: 0.5, source: 'v' }] },
        { name: 'C', min: 0 },
      ],
    });
    const out = computeScores({
      template: two,
      entries: [
        { source: 'w', rater: 'x', ratee: 'U1', cells: { N: 90 } },
        { source: 'w', rater: 'x', ratee: 'U2', cells: { N: 90 } },
        { source: 'v', rater: 'y', ratee: 'U2', cells: { M: '差' } },
        { source: 'v', rater: 'z', ratee: 'U2', cells: { M: '好' } },
      ],
    });
    const o = byRatee(out.results.ratees);
    expect(o.U1.tier).toBe('C');
    expect(o.U1.notes.find((n) => n.code === 'requirement-unmet')!.message).toBe(
      '不满足“差票占比不超过 50%（测评人）”（实际为 没有等次票），不能评为“A”。',
    );
    expect(o.U2.tier).toBe('A');
  });
});

describe('the built-in ballot templates', () => {
  it('democratic-ballot: more than a third of 差 → 差 whatever the mean; 好 needs half the marks at 好', () => {
    const template = getBuiltinTemplate('democratic-ballot')!;
    const row = (m: string) => ({ M1: m, M2: m, M3: m, M4: m, M5: m });
    const entries: EntryRow[] = [];
    const add = (ratee: string, marks: string[]) =>
      marks.forEach((m, i) =>
        entries.push({ source: 'voters', rater: `${ratee}-${i}`, ratee, cells: row(m) }),
      );
    add('U1', ['好', '好', '好', '好', '差', '差']); // 80, 差 exactly a third → 较好
    add('U2', ['好', '好', '好', '好', '好', '差', '差', '差', '差']); // 73.3, 差 4/9 → 差
    add('U3', ['好', '好', '好', '较好', '较好', '较好', '较好', '较好']); // 87.5 → 较好 (min 90 not met)
    add('U4', ['好', '好', '较好', '较好']); // 90, 好 half → 好
    add('U5', ['好', '好', '好', '好', '好', '好', '差', '差', '差', '差']); // 76, 差 40% → 差
    const o = byRatee(computeScores({ template, entries }).results.ratees);
    expect(['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => o[u].tier)).toEqual(['较好', '差', '较好', '好', '差']);
    expect(o.U5.notes.map((n) => n.tiers)).toEqual([['较好', '一般']]);
  });
  it('competence-ballot has the four levels, both rules and the 20% cap', () => {
    const t = getBuiltinTemplate('competence-ballot')!;
    expect(t.indicators[0].levels!.map((l) => l.label)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(t.tiers[0]).toMatchObject({ name: '优秀', maxShare: 0.2 });
    expect(t.tiers[0].requires).toHaveLength(2);
    expect(t.nameEn).toBeTruthy();
  });
});

describe('validation of requires names the field', () => {
  const bad = (tiers: unknown[], extra: Record<string, unknown> = {}) => {
    const v = validateTemplate({
      schema: 'duanping.template/1',
      id: 'b',
      name: 'B',
      indicators: [{ id: 'M', name: 'M', dimension: 'd', max: 100, levels: LEVELS }],
      sources: [{ id: 'v', name: 'V', weight: 1 }],
      tiers,
      ...extra,
    });
    return v.ok ? [] : v.errors;
  };
  const floor = { name: 'Z', min: 0 };
  it.each([
    [[{ name: 'A', min: 1, requires: {} }, floor], 'tiers[0].requires must be an array'],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['优'], atLeast: 0.5 }] }, floor],
      'tiers[0].requires[0].levels[0] must be a level label',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: [], atLeast: 0.5 }] }, floor],
      'tiers[0].requires[0].levels must be a non-empty array',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'] }] }, floor],
      'tiers[0].requires[0] needs atLeast or atMost',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'], atLeast: 1.5 }] }, floor],
      'tiers[0].requires[0].atLeast must be a share between 0 and 1',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'], atMost: -1 }] }, floor],
      'tiers[0].requires[0].atMost must be a share',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'], atLeast: 0.6, atMost: 0.5 }] }, floor],
      'tiers[0].requires[0].atLeast (0.6) must not be above',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'], atLeast: 0.5, source: 'x' }] }, floor],
      'tiers[0].requires[0].source must be a source id',
    ],
    [
      [{ name: 'A', min: 1, requires: [{ levels: ['好'], atLeast: 0.5, share: 1 }] }, floor],
      'tiers[0].requires[0].share is not a field',
    ],
    [
      [
        { name: 'A', min: 1 },
        { ...floor, requires: [{ levels: ['好'], atLeast: 0.5 }] },
      ],
      'tiers[1].requires: the last tier is the floor',
    ],
  ])('%#', (tiers, message) => {
    expect(bad(tiers as unknown[]).join('\n')).toContain(message);
  });
  it('levels of one indicator need different points', () => {
    const errors = validateTemplate({
      schema: 'duanping.template/1',
      id: 'b',
      name: 'B',
      indicators: [
        {
          id: 'M',
          name: 'M',
          dimension: 'd',
          max: 100,
          levels: [
            { label: '好', points: 100 },
            { label: '优', points: 100 },
          ],
        },
      ],
      sources: [{ id: 'v', name: 'V', weight: 1 }],
      tiers: [floor],
    });
    expect(errors.ok ? '' : errors.errors.join()).toContain(
      'indicators[0].levels[1].points (100) is also the points of "好"',
    );
  });
});

describe('tallies', () => {
  const template = tpl({
    indicators: [
      { id: 'M1', name: '政治表现', dimension: 'd', max: 100, levels: LEVELS },
      {
        id: 'M2',
        name: '作风',
        dimension: 'd',
        max: 50,
        weight: 3,
        levels: LEVELS.map((l) => ({ ...l, points: l.points / 2 })),
      },
    ],
    tiers: [
      { name: 'A', min: 80, maxShare: 0.5, requires: [{ levels: ['好'], atLeast: 0.5 }] },
      { name: 'B', min: 0 },
    ],
  });
  const marks: Record<string, [string, string][]> = {
    U1: [
      ['好', '好'],
      ['好', '较好'],
      ['差', '好'],
      ['一般', '较好'],
    ],
    U2: [
      ['好', '好'],
      ['好', '好'],
      ['较好', '较好'],
    ],
    U3: [
      ['一般', '差'],
      ['较好', '较好'],
    ],
  };
  const entries: EntryRow[] = Object.entries(marks).flatMap(([ratee, ms]) =>
    ms.map(([a, b], i) => ({ source: 'v', rater: `${ratee}-${i}`, ratee, cells: { M1: a, M2: b } })),
  );
  const tallies: TallyRow[] = Object.entries(marks).flatMap(([ratee, ms]) =>
    (['M1', 'M2'] as const).map((ind, k) => ({
      source: 'v',
      ratee,
      indicator: ind,
      counts: Object.fromEntries(
        LEVELS.map((l) => [l.label, String(ms.filter((m) => m[k] === l.label).length)]),
      ),
    })),
  );
  const strip = (rs: RateeResult[]) =>
    rs.map(({ ratee, sources, final, rank, tier, levelShares, notes }) => ({
      ratee,
      sources,
      final,
      rank,
      tier,
      levelShares,
      notes,
    }));

  it('give the same source scores, finals, shares and tiers as the ballots', () => {
    const a = computeScores({ template, entries });
    const b = computeScores({ template, entries: [], tallies });
    expect(b.results.problems).toEqual([]);
    expect(strip(b.results.ratees)).toEqual(strip(a.results.ratees));
    expect(b.results.tallied).toEqual(['v']);
    expect(a.results.tallied).toBeUndefined();
  });
  it('report bad counts, duplicates, unknown indicators and missing items, and score nothing from them', () => {
    const broken: TallyRow[] = [
      {
        source: 'v',
        ratee: 'U1',
        indicator: 'M1',
        counts: { 好: '3', 较好: '-1' },
        loc: { sheet: 't.csv', row: 2, columns: { 较好: 'E' } },
      },
      { source: 'v', ratee: 'U1', indicator: 'M2', counts: { 好: '２' } },
      { source: 'v', ratee: 'U2', indicator: 'M1', counts: { 好: '2' } },
      { source: 'v', ratee: 'U2', indicator: 'M1', counts: { 好: '2' } },
      { source: 'v', ratee: 'U2', indicator: 'M9', counts: { 好: '2' } },
      { source: '', ratee: 'U3', indicator: 'M1', counts: { 好: '2', 差: '' } },
      { source: 'v', ratee: 'U3', indicator: 'M2', counts: { 好: 0 } },
    ];
    const out = computeScores({ template, entries: [], tallies: broken });
    const p = out.results.problems.map((x) => [x.code, x.ratee, x.indicator ?? x.found, x.where, x.fix]);
    expect(p).toEqual([
      ['bad-count', 'U1', 'M1', 't.csv!E2', undefined],
      ['bad-count', 'U1', 'M2', undefined, '2'],
      ['duplicate-tally', 'U2', 'M1', undefined, undefined],
      ['duplicate-tally', 'U2', 'M1', undefined, undefined],
      ['tally-indicator', 'U2', 'M9', undefined, undefined],
      ['incomplete-tally', 'U1', 'M1', undefined, undefined],
      ['incomplete-tally', 'U1', 'M2', undefined, undefined],
      ['incomplete-tally', 'U2', 'M1', undefined, undefined],
      ['incomplete-tally', 'U2', 'M2', undefined, undefined],
      ['incomplete-tally', 'U3', 'M2', undefined, undefined],
      ['no-composite', 'U1', undefined, undefined, undefined],
      ['no-composite', 'U2', undefined, undefined, undefined],
      ['no-composite', 'U3', undefined, undefined, undefined],
    ]);
    // U3's M1 counts still make shares (the tally row itself is valid).
    expect(byRatee(out.results.ratees).U3.levelShares).toEqual({
      v: { 好: 1, 较好: 0, 一般: 0, 差: 0 },
      all: { 好: 1, 较好: 0, 一般: 0, 差: 0 },
    });
  });
  it('refuse a trimmed or median source, and rows of a tallied source', () => {
    const trimmed = { ...template, sources: [{ ...template.sources[0], aggregate: 'median' as const }] };
    const out = computeScores({ template: trimmed, entries: entries.slice(0, 1), tallies });
    const refused = out.results.problems.find((x) => x.code === 'tally-aggregate');
    expect(refused).toMatchObject({ source: 'v', found: 'median' });
    expect(refused!.message).toContain('只能按平均（mean）汇总');
    expect(out.results.problems.filter((x) => x.code === 'tallied-source-row')).toHaveLength(1);
    expect(out.results.ratees.every((r) => r.final === null)).toBe(true);
    const mixed = computeScores({ template, entries: entries.slice(0, 2), tallies });
    expect(mixed.results.problems.map((x) => x.code)).toEqual(['tallied-source-row', 'tallied-source-row']);
    expect(strip(mixed.results.ratees)).toEqual(
      strip(computeScores({ template, entries: [], tallies }).results.ratees),
    );
  });
});

// The tier assignment of step 7 as it was before requirements (the oracle for the property below).
function step7(out: RateeResult[], template: Template): void {
  const scored = out.filter((r) => r.final !== null);
  const n = scored.length;
  const open = scored.filter((r) => !r.veto).map((r) => r.final!);
  const last = template.tiers[template.tiers.length - 1];
  for (const r of scored) {
    const f = r.final!;
    r.rank = 1 + scored.filter((x) => x.final! > f).length;
    if (r.veto) {
      r.tier = last.name;
      r.notes.push({ code: 'vetoed', tier: last.name, message: '' });
      continue;
    }
    const atOrAbove = open.filter((x) => x >= f).length;
    const above = open.filter((x) => x > f).length;
    r.tier = last.name;
    for (const tier of template.tiers) {
      if (f < tier.min) continue;
      if (tier.maxShare !== undefined) {
        const limit = quotaLimit(tier.maxShare, n);
        if (atOrAbove > limit) {
          if (above < limit) r.notes.push({ code: 'quota-tie', tier: tier.name, message: '' });
          continue;
        }
      }
      r.tier = tier.name;
      break;
    }
  }
}

const LABELS = ['好', '较好', '一般', '差'];
const arbitraryCase = fc.record({
  finals: fc.array(fc.option(fc.integer({ min: 50, max: 60 }), { nil: null }), {
    minLength: 1,
    maxLength: 14,
  }),
  vetoes: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  shares: fc.array(
    fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
    {
      minLength: 14,
      maxLength: 14,
    },
  ),
  tiers: fc.array(
    fc.record({
      min: fc.integer({ min: 50, max: 60 }),
      maxShare: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      rule: fc.option(
        fc.record({
          level: fc.integer({ min: 0, max: 3 }),
          bound: fc.integer({ min: 0, max: 4 }),
          atLeast: fc.boolean(),
        }),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

type CaseValue = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: CaseValue, withRules: boolean) {
  const mins = c.tiers.map((t) => t.min).sort((a, b) => b - a);
  const tiers = c.tiers.map((t, i) => ({
    name: `T${i}`,
    min: mins[i],
    ...(t.maxShare !== undefined ? { maxShare: t.maxShare / 10 } : {}),
    ...(withRules && t.rule && i < c.tiers.length - 1
      ? {
          requires: [
            { levels: [LABELS[t.rule.level]], [t.rule.atLeast ? 'atLeast' : 'atMost']: t.rule.bound / 4 },
          ],
        }
      : {}),
  }));
  tiers.push({ name: 'floor', min: 0 });
  const template = tpl({ tiers });
  const ratees: RateeResult[] = c.finals.map((f, i) => {
    const counts = c.shares[i];
    const total = counts ? counts.reduce((a, b) => a + b, 0) : 0;
    const levelShares: LevelShares | undefined =
      counts && total > 0 ? { all: Object.fromEntries(LABELS.map((l, k) => [l, counts[k] / total])) } : {};
    return {
      ratee: `U${i}`,
      sources: {},
      composite: f,
      bonus: 0,
      deduction: 0,
      veto: f !== null && c.vetoes[i],
      final: f,
      rank: null,
      tier: null,
      notes: [],
      levelShares,
    };
  });
  return { template, ratees };
}

describe('properties of tiers with requirements', () => {
  const t = engineT('zh');
  it('without requirements the result equals step 7 (tiers, ranks and quota-tie notes)', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const a = build(c, false);
        const b = build(c, false);
        assignRanksAndTiers(
          a.ratees,
          a.template,
          tierNoteWriter(a.template, new Map(a.ratees.map((r) => [r.ratee, ['x']])), t, 'zh'),
        );
        step7(b.ratees, b.template);
        const view = (rs: RateeResult[]) =>
          rs.map((r) => [r.rank, r.tier, r.notes.map((n) => [n.code, n.tier])]);
        expect(view(a.ratees)).toEqual(view(b.ratees));
      }),
      { numRuns: 500 },
    );
  });
  it('with requirements no ratee takes a tier beyond its quota, and every ratee above the floor meets its tier', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { template, ratees } = build(c, true);
        assignRanksAndTiers(
          ratees,
          template,
          tierNoteWriter(template, new Map(ratees.map((r) => [r.ratee, ['x']])), t, 'zh'),
        );
        const n = ratees.filter((r) => r.final !== null).length;
        const index = (name: string | null) => template.tiers.findIndex((x) => x.name === name);
        template.tiers.forEach((tier, ti) => {
          // Whoever takes a tier with a quota does so within it: at that tier or better ≤ the quota.
          if (tier.maxShare !== undefined && ratees.some((r) => r.tier === tier.name)) {
            const atOrBetter = ratees.filter((r) => r.tier !== null && index(r.tier) <= ti).length;
            expect(atOrBetter).toBeLessThanOrEqual(quotaLimit(tier.maxShare, n));
          }
        });
        for (const r of ratees) {
          if (r.final === null) expect(r.tier).toBeNull();
          const ti = index(r.tier);
          if (r.tier === null || ti === template.tiers.length - 1) continue;
          const tier = template.tiers[ti];
          expect(r.veto).toBe(false);
          expect(r.final!).toBeGreaterThanOrEqual(tier.min);
          for (const req of tier.requires ?? []) {
            const share = req.levels.reduce((a, l) => a + (r.levelShares?.all?.[l] ?? NaN), 0);
            if (req.atLeast !== undefined) expect(share).toBeGreaterThanOrEqual(req.atLeast - 1e-9);
            if (req.atMost !== undefined) expect(share).toBeLessThanOrEqual(req.atMost + 1e-9);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
