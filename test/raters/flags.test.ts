import { analyzeRaters } from '../../src/core/raters';
import type { RaterReport } from '../../src/core/raters/types';
import { simulatePanel, type PlantedPattern } from '../../src/core/sim/panel';
import { totalsSource } from './helpers';

const flagsOf = (reports: RaterReport[], rater: string) =>
  reports.find((r) => r.rater === rater)?.flags ?? [];
const serious = (reports: RaterReport[]) =>
  reports.filter((r) => r.flags.some((f) => f.level !== 'info')).map((r) => r.rater);

/** Six honest raters on eight units (totals), the panel of docs/raters.md. */
const HONEST = {
  R1: [92, 85, 78, 88, 70, 81, 75, 95],
  R2: [90, 83, 75, 86, 72, 80, 73, 93],
  R3: [94, 86, 80, 90, 69, 84, 76, 96],
  R4: [89, 82, 77, 85, 71, 79, 74, 92],
  R5: [93, 87, 79, 87, 73, 83, 77, 94],
  R6: [91, 84, 76, 89, 68, 82, 72, 97],
};

describe('flags on small hand-made panels (the worked examples of docs/raters.md)', () => {
  it('flags nobody in an honest panel', () => {
    const out = analyzeRaters({ sources: [totalsSource(HONEST)] });
    expect(serious(out.raters)).toEqual([]);
    expect(out.raters.every((r) => r.insufficient === undefined)).toBe(true);
  });

  it('flat: a rater who gives everyone 84–86', () => {
    const out = analyzeRaters({
      sources: [totalsSource({ ...HONEST, R7: [86, 85, 84, 85, 84, 85, 85, 86] })],
    });
    const [flag] = flagsOf(out.raters, 'R7');
    expect(flag.code).toBe('flat');
    expect(flag.level).toBe('alert');
    expect(flag.evidence.sd).toBeCloseTo(0.756, 3);
    expect(flag.evidence.sdRatio as number).toBeLessThan(0.25);
    expect(flag.messages.zh).toContain('评委 R7');
    expect(flag.messages.zh).toContain('请复核');
    // The sentence leads with what a clerk sees: the range and the share of tied totals.
    expect(flag.messages.en).toMatch(/^Rater R7's totals span only 2\.0 points and 100% of them tie/);
    expect(flag.messages.zh).toMatch(/^评委 R7 给出的总分最高与最低只差 2\.0 分，100% 的总分与别的单位相同/);
    expect(flag.message).toBe(flag.messages.zh);
    expect(serious(out.raters)).toEqual(['R7']);
  });

  it('lenient and severe: a rater 12 points above, another 12 below everyone', () => {
    const up = HONEST.R1.map((v) => v + 12);
    const down = HONEST.R2.map((v) => v - 12);
    const out = analyzeRaters({ sources: [totalsSource({ ...HONEST, R7: up, R8: down })] }, { lang: 'en' });
    expect(flagsOf(out.raters, 'R7').map((f) => [f.code, f.level])).toEqual([['lenient', 'alert']]);
    expect(flagsOf(out.raters, 'R8').map((f) => [f.code, f.level])).toEqual([['severe', 'alert']]);
    const lenient = flagsOf(out.raters, 'R7')[0];
    expect(lenient.evidence.points as number).toBeGreaterThanOrEqual(12);
    expect(lenient.message).toContain('above the other raters');
    expect(serious(out.raters).sort()).toEqual(['R7', 'R8']);
  });

  it('favoritism: one unit 20 points above what the others gave, and only that unit', () => {
    const fav = [...HONEST.R4];
    fav[4] += 20; // U5: 71 → 91 while the others give 68–73
    const out = analyzeRaters({ sources: [totalsSource({ ...HONEST, R7: fav })] });
    const flags = flagsOf(out.raters, 'R7');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      code: 'favoritism',
      ratee: 'U5',
      level: 'alert',
      evidence: { direction: 'up' },
    });
    expect(flags[0].messages.zh).toContain('给 U5 的总分比其他评委的共识高');
    expect(serious(out.raters)).toEqual(['R7']);
  });

  it('erratic: a rater whose order has nothing to do with the panel', () => {
    const out = analyzeRaters({
      sources: [totalsSource({ ...HONEST, R7: [70, 95, 88, 72, 90, 74, 93, 78] })],
    });
    const flags = flagsOf(out.raters, 'R7');
    expect(flags.map((f) => f.code)).toContain('erratic');
    expect(flags.find((f) => f.code === 'erratic')?.evidence.correlation as number).toBeLessThan(0);
    expect(serious(out.raters)).toEqual(['R7']);
  });

  it('copied: two identical sheets name each other', () => {
    const out = analyzeRaters(
      { sources: [totalsSource({ ...HONEST, R7: [...HONEST.R3] })] },
      { settings: { copiedMinCells: 8 } },
    );
    expect(flagsOf(out.raters, 'R7')).toEqual([
      expect.objectContaining({
        code: 'copied',
        level: 'alert',
        evidence: { other: 'R3', group: 'R3, R7', identicalShare: 1, commonCells: 8 },
      }),
    ]);
    expect(flagsOf(out.raters, 'R3')[0].evidence.other).toBe('R7');
    expect(flagsOf(out.raters, 'R7')[0].messages.zh).toContain('评分格');
  });

  it('copied: a group of three identical sheets gives one flag per rater, naming the group', () => {
    const out = analyzeRaters(
      { sources: [totalsSource({ ...HONEST, R7: [...HONEST.R3], R8: [...HONEST.R3] })] },
      { settings: { copiedMinCells: 8 } },
    );
    for (const r of ['R3', 'R7', 'R8']) {
      const flags = flagsOf(out.raters, r).filter((f) => f.code === 'copied');
      expect(flags).toHaveLength(1);
      expect(flags[0].evidence.group).toBe('R3, R7, R8');
    }
  });

  it('copied needs enough cells in common (8 totals < the default 20)', () => {
    const out = analyzeRaters({ sources: [totalsSource({ ...HONEST, R7: [...HONEST.R3] })] });
    expect(flagsOf(out.raters, 'R7')).toEqual([]);
  });
});

describe('flags on simulated panels with one planted rater', () => {
  const cases: PlantedPattern[] = ['flat', 'lenient', 'severe', 'halo', 'favoritism', 'erratic', 'copied'];
  it.each(cases)('%s is found on the planted rater; honest raters stay (nearly) unflagged', (pattern) => {
    const panel = simulatePanel({ ratees: 20, raters: 12, plant: [pattern], indicators: undefined }, 4242);
    const out = analyzeRaters({ sources: [panel.source] }, { lang: 'en' });
    const planted = panel.truth.find((t) => t.role === pattern);
    expect(planted).toBeDefined();
    const flags = flagsOf(out.raters, planted!.rater).filter((f) => f.code === pattern);
    expect(flags.length).toBeGreaterThan(0);
    if (pattern === 'favoritism') expect(flags.map((f) => f.ratee)).toContain(planted!.ratee);
    const honestFlagged = panel.truth.filter(
      (t) => t.role === 'honest' && flagsOf(out.raters, t.rater).some((f) => f.level !== 'info'),
    );
    // The rate over thousands of honest raters is checked in detection.test.ts; here at most one of 11.
    expect(honestFlagged.length).toBeLessThanOrEqual(1);
    for (const f of flags) {
      expect(f.messages.zh.length).toBeGreaterThan(10);
      expect(f.messages.en).toContain(planted!.rater);
    }
  });
});
