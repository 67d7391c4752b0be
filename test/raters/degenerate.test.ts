import { analyzeRaters } from '../../src/core/raters';
import { totalsSource } from './helpers';

const noNaN = (x: unknown) =>
  JSON.stringify(x, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v));

describe('degenerate panels give "insufficient data" or "undefined", never NaN or a crash', () => {
  it('one rater', () => {
    const out = analyzeRaters({ sources: [totalsSource({ R1: [80, 85, 90, 70, 75, 60] })] }, { lang: 'en' });
    expect(out.raters).toHaveLength(1);
    expect(out.raters[0].flags).toEqual([]);
    expect(out.raters[0].insufficient).toBe(
      'Insufficient data: this source has 6 units and 1 raters; at least 5 units and 5 raters are needed to judge rating patterns.',
    );
    const rel = out.reliability.S;
    expect([rel.icc1, rel.icc3, rel.kendallW, rel.alpha]).toEqual([null, null, null, null]);
    expect(rel.reason).toMatch(/need at least 2 raters/);
    expect(rel.reason).toMatch(/alpha undefined: no unit was scored by two or more raters/);
    expect(noNaN(out)).not.toContain('NaN!');
  });

  it('all scores equal', () => {
    const same = [85, 85, 85, 85, 85, 85];
    const out = analyzeRaters({
      sources: [totalsSource({ R1: same, R2: same, R3: same, R4: same, R5: same })],
    });
    expect(out.raters.every((r) => r.flags.length === 0)).toBe(true);
    const rel = out.reliability.S;
    expect(rel.icc1).toBeNull();
    expect(rel.kendallW).toBeNull();
    expect(rel.alpha).toBeNull();
    expect(rel.reason).toMatch(/ICC undefined: every score is the same/);
    expect(rel.reason).toMatch(/Kendall W undefined/);
    expect(rel.reason).toMatch(/alpha undefined: every score is the same/);
    expect(noNaN(out)).not.toContain('NaN!');
  });

  it('a rater with every cell missing is reported as insufficient and left out of the panel figures', () => {
    const out = analyzeRaters(
      {
        sources: [
          totalsSource({
            R1: [92, 85, 78, 88, 70, 81],
            R2: [90, 83, 75, 86, 72, 80],
            R3: [94, 86, 80, 90, 69, 84],
            R4: [89, 82, 77, 85, 71, 79],
            R5: [93, 87, 79, 87, 73, 83],
            R6: [null, null, null, null, null, null],
          }),
        ],
      },
      { lang: 'en' },
    );
    const r6 = out.raters.find((r) => r.rater === 'R6');
    expect(r6?.rows).toBe(6);
    expect(r6?.flags).toEqual([]);
    expect(r6?.insufficient).toMatch(/^Insufficient data: rater R6 has complete scores for 0 units/);
    const rel = out.reliability.S;
    expect(rel.raters).toBe(5);
    expect(rel.icc3).not.toBeNull();
    expect((rel.detail?.basis as { droppedRaters: string[] }).droppedRaters).toEqual(['R6']);
    expect(out.raters.filter((r) => r.rater !== 'R6').every((r) => r.insufficient === undefined)).toBe(true);
  });

  it('two units', () => {
    const out = analyzeRaters(
      { sources: [totalsSource({ R1: [90, 80], R2: [88, 79], R3: [91, 82], R4: [87, 80], R5: [92, 78] })] },
      { lang: 'zh' },
    );
    expect(out.raters.every((r) => r.insufficient?.startsWith('数据不足：本环节只有 2 个被考核单位'))).toBe(
      true,
    );
    expect(out.reliability.S.icc1).toBeNull();
    expect(out.reliability.S.reason).toMatch(/3\+ ratees/);
    // Alpha exists with two units: it only needs pairable values.
    expect(out.reliability.S.alpha).not.toBeNull();
    expect(noNaN(out)).not.toContain('NaN!');
  });

  it('an empty source', () => {
    const out = analyzeRaters({ sources: [{ id: 'E', name: 'E', indicators: [], rows: [] }] });
    expect(out.raters).toEqual([]);
    expect(out.reliability.E.icc1).toBeNull();
    expect(out.reliability.E.reason).toBeDefined();
  });
});
