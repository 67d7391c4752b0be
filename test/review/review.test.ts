import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAdjustmentsCsv, readRateesCsv, readRatingsCsv } from '../../src/core/csv';
import { scoreAndAnalyze } from '../../src/core/pipeline';
import { parseDecision, readDecisions } from '../../src/core/review/decisions';
import { compareResults, raterImpact } from '../../src/core/review/impact';
import { tierStability, unstableSentences } from '../../src/core/review/stability';
import { computeScores, type ScoreInput } from '../../src/core/scoring';
import { canonicalRows } from '../../src/core/signoff/rows';
import { getBuiltinTemplate } from '../../src/core/templates';
import { testTemplate } from '../helpers/template';
import type { EntryRow } from '../../src/core/types';

const tpl = (over: Record<string, unknown>) => testTemplate(over);

const ex = (f: string) => readFileSync(join(__dirname, '../../examples', f), 'utf8');

function example(): ScoreInput {
  const template = getBuiltinTemplate('duty-report')!;
  return {
    template,
    entries: readRatingsCsv(ex('ratings-with-problems.csv'), template).entries,
    adjustments: readAdjustmentsCsv(ex('adjustments.csv')).adjustments,
    ratees: readRateesCsv(ex('ratees.csv')),
  };
}

describe('decisions in the 复核 column', () => {
  test('the three words in both languages; anything else is no decision', () => {
    expect(parseDecision('不计入')).toBe('setAside');
    expect(parseDecision(' Set Aside ')).toBe('setAside');
    expect(parseDecision('保留')).toBe('keep');
    expect(parseDecision('已核实')).toBe('verified');
    expect(parseDecision('不计')).toBeNull();
    expect(parseDecision(7)).toBeNull();
    expect(parseDecision(null)).toBeNull();
  });

  test('per rater: one decision, mixed when the rows disagree, the first reason', () => {
    const e = (rater: string, review: string, reviewNote = ''): EntryRow => ({
      source: '',
      rater,
      ratee: 'U1',
      cells: {},
      review,
      reviewNote,
    });
    const d = readDecisions(
      [e('P1', '不计入', '打分随意'), e('P1', '不计入'), e('P2', '保留'), e('P2', ''), e('P3', '')],
      'pub',
    );
    expect(d).toEqual([
      { source: 'pub', rater: 'P1', decision: 'setAside', marked: 2, rows: 2, reason: '打分随意' },
      { source: 'pub', rater: 'P2', decision: 'mixed', marked: 1, rows: 2 },
    ]);
  });
});

describe('不计入 in the engine', () => {
  test('a set-aside rater counts exactly as if its sheets were deleted; its totals stay for the analysis', () => {
    const input = example();
    const marked = input.entries.map((e) => (e.rater === 'P07' ? { ...e, review: '不计入' } : e));
    const removed = input.entries.filter((e) => e.rater !== 'P07');
    const a = computeScores({ ...input, entries: marked });
    const b = computeScores({ ...input, entries: removed });
    expect(a.results.ratees).toEqual(b.results.ratees);
    const p07 = a.rows.filter((r) => r.rater === 'P07');
    expect(p07.length).toBeGreaterThan(0);
    expect(p07.every((r) => r.setAside === true)).toBe(true);
    expect(p07.some((r) => r.total !== null)).toBe(true);
    // and the results differ from counting P07
    expect(computeScores(input).results.ratees.map((r) => r.final)).not.toEqual(
      a.results.ratees.map((r) => r.final),
    );
  });
});

describe('the consequence of a flag', () => {
  test("on the README's example the planted rater P07 has an impact, equal to the engine without P07", () => {
    const input = example();
    const { results, rows } = scoreAndAnalyze(input, { review: { stability: false } });
    const flagged = results.raters.filter((r) => r.flags.some((f) => f.level !== 'info'));
    expect(flagged.map((r) => r.rater)).toContain('P07');
    const p07 = flagged.find((r) => r.rater === 'P07')!;
    expect(p07.impact).toBeDefined();
    const without = computeScores({ ...input, entries: input.entries.filter((e) => e.rater !== 'P07') });
    expect(p07.impact!.changes).toEqual(compareResults(results.ratees, without.results.ratees));
    expect(p07.impact!.rows).toBe(rows.filter((r) => r.rater === 'P07').length);
    expect(p07.impact!.message.zh.startsWith('不计 P07：')).toBe(true);
    // raters without warn/alert flags carry no impact
    expect(results.raters.filter((r) => !flagged.includes(r)).every((r) => r.impact === undefined)).toBe(
      true,
    );
  });

  test('tier and rank changes are named; no change is said plainly', () => {
    const template = tpl({
      tiers: [
        { name: '好', min: 80 },
        { name: '差', min: 0 },
      ],
    });
    const e = (rater: string, ratee: string, A: number, B: number): EntryRow => ({
      source: 's1',
      rater,
      ratee,
      cells: { A, B },
    });
    const entries = [
      e('R1', 'U1', 50, 35),
      e('R1', 'U2', 45, 30),
      e('R2', 'U1', 40, 30),
      e('R2', 'U2', 60, 40),
    ];
    const input: ScoreInput = { template, entries };
    const out = computeScores(input);
    // now: U1 (85+70)/2 = 77.5 差 rank 2, U2 (75+100)/2 = 87.5 好 rank 1
    const imp = raterImpact(input, out.rows, out.results, { source: 's1', rater: 'R2' });
    expect(imp.changes).toEqual([
      {
        ratee: 'U2',
        final: { from: 87.5, to: 75 },
        rank: { from: 1, to: 2 },
        tier: { from: '好', to: '差' },
      },
      {
        ratee: 'U1',
        final: { from: 77.5, to: 85 },
        rank: { from: 2, to: 1 },
        tier: { from: '差', to: '好' },
      },
    ]);
    expect(imp.message.zh).toBe(
      '不计 R2：U2 由 好 变为 差，U1 由 差 变为 好，U2 名次 1 → 2，U1 名次 2 → 1。',
    );
    expect(imp.tierChanges).toBe(2);
    const same = [e('R1', 'U1', 50, 35), e('R1', 'U2', 45, 30), e('R2', 'U1', 50, 35), e('R2', 'U2', 45, 30)];
    const out2 = computeScores({ template, entries: same });
    const none = raterImpact({ template, entries: same }, out2.rows, out2.results, {
      source: 's1',
      rater: 'R2',
    });
    expect(none.unchanged).toBe(true);
    expect(none.message.zh).toBe('不计 R2：名次和等次都不变。');
  });
});

describe('tier stability', () => {
  test('seeded: the same seed gives the same shares; shares are fractions of the draws', () => {
    const input = example();
    const out = computeScores(input);
    const st = { template: input.template, rows: out.rows, ratees: out.results.ratees };
    const a = tierStability(st, { draws: 300, seed: 5 });
    const b = tierStability(st, { draws: 300, seed: 5 });
    expect(a).toEqual(b);
    for (const s of Object.values(a)) {
      expect(s.share * 300).toBeCloseTo(Math.round(s.share * 300), 9);
      expect(s.unstable).toBe(s.share < 0.8);
    }
    expect(Object.keys(a).length).toBe(out.results.ratees.filter((r) => r.tier !== null).length);
  });

  test('a panel in full agreement keeps every tier; a unit at the quota line between close rivals does not', () => {
    const template = tpl({
      tiers: [
        { name: '好', min: 0, maxShare: 0.67 },
        { name: '差', min: 0 },
      ],
    });
    const entries: EntryRow[] = [];
    const raters = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
    raters.forEach((r, k) => {
      entries.push({ source: 's1', rater: r, ratee: 'U1', cells: { A: 55, B: 38 } });
      // U2 and U3 close: the raters disagree which is better
      entries.push({ source: 's1', rater: r, ratee: 'U2', cells: { A: 40 + (k % 2 ? 3 : 0), B: 30 } });
      entries.push({ source: 's1', rater: r, ratee: 'U3', cells: { A: 40 + (k % 2 ? 0 : 3.5), B: 30 } });
    });
    const out = computeScores({ template, entries });
    const st = tierStability(
      { template, rows: out.rows, ratees: out.results.ratees },
      { draws: 1000, seed: 1 },
    );
    expect(st.U1.share).toBe(1);
    expect(st.U1.tier).toBe('好');
    expect(st.U3.share).toBeLessThan(0.8);
    expect(st.U3.share).toBeGreaterThan(0.2);
    expect(unstableSentences(st).map((s) => s.ratee)).toEqual(expect.arrayContaining(['U3']));
    expect(unstableSentences(st).find((s) => s.ratee === 'U3')!.zh).toMatch(/^U3 的 (好|差) 不稳定：\d+ %$/);

    const agree = raters.flatMap((r) =>
      ['U1', 'U2', 'U3'].map((u, i) => ({
        source: 's1',
        rater: r,
        ratee: u,
        cells: { A: 50 - 5 * i, B: 30 },
      })),
    );
    const out2 = computeScores({ template, entries: agree });
    const st2 = tierStability({ template, rows: out2.rows, ratees: out2.results.ratees }, { draws: 200 });
    expect(Object.values(st2).every((s) => s.share === 1)).toBe(true);
  });
});

describe('decisions are signed content', () => {
  test('a 复核 mark or its reason changes the entry row’s signed text; no mark leaves it as before', () => {
    const template = tpl({});
    const base: EntryRow = { source: 's1', rater: 'R1', ratee: 'U1', cells: { A: 50, B: 30 } };
    const text = (e: EntryRow) =>
      canonicalRows({ template, entries: [e], adjustments: [], results: [] }).find(
        (r) => r.section === 'entry',
      )!.text;
    expect(text({ ...base, review: null, reviewNote: '  ' })).toBe(text(base));
    expect(text(base)).not.toMatch(/review/);
    expect(text({ ...base, review: '不计入' })).not.toBe(text(base));
    expect(text({ ...base, review: '不计入', reviewNote: '随意打分' })).not.toBe(
      text({ ...base, review: '不计入' }),
    );
  });
});
