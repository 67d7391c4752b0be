import { analyzeRaters } from '../../src/core/raters';
import { totalsSource } from './helpers';

/** Shrout & Fleiss (1979) data as a source: 4 raters (judges) × 6 ratees (targets). */
const SF = {
  J1: [9, 6, 8, 7, 10, 6],
  J2: [2, 1, 4, 1, 5, 2],
  J3: [5, 3, 6, 2, 6, 4],
  J4: [8, 2, 8, 6, 9, 7],
};

describe('reliability of a source', () => {
  it('gives the Shrout & Fleiss ICCs on the rater × ratee totals, with intervals and separation', () => {
    const rel = analyzeRaters({ sources: [totalsSource(SF)] }).reliability.S;
    expect([rel.icc1, rel.icc2, rel.icc3, rel.icc1k, rel.icc2k, rel.icc3k].map((v) => v?.toFixed(2))).toEqual(
      ['0.17', '0.29', '0.71', '0.44', '0.62', '0.91'],
    );
    expect(rel.raters).toBe(4);
    expect(rel.ratees).toBe(6);
    const detail = rel.detail as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    // Full precision in the results (formats.md); the published table shows 0.34 and 0.95.
    expect(detail.ci.icc3[0]).toBeCloseTo(0.3424647650339252, 12);
    expect(detail.ci.icc3[1]).toBeCloseTo(0.9458582599553595, 12);
    // G = √(F − 1), F = 11.027
    expect(detail.separation.G).toBeCloseTo(Math.sqrt(11.027 - 1), 2);
    expect(detail.separation.groups).toBe(4);
    expect(detail.sentence.en).toBe(
      'This panel can reliably tell apart about 4 groups of units (separation G = 3.17).',
    );
    expect(detail.sentence.zh).toContain('约 4 个档次');
    expect(detail.kendall.df).toBe(5);
    expect(rel.reason).toBeUndefined();
  });

  it('uses the complete-case part for ICC, says so, and every total for alpha', () => {
    const gappy = { ...SF, J5: [8, 3, null, 5, 9, 6] };
    const rel = analyzeRaters({ sources: [totalsSource(gappy)] }).reliability.S;
    const basis = rel.detail?.basis as {
      ratees: number;
      raters: number;
      droppedRatees: string[];
      note: string;
    };
    expect(basis).toMatchObject({ ratees: 5, raters: 5, droppedRatees: ['U3'] });
    expect(basis.note).toMatch(/complete-case part: 5 ratees × 5 raters/);
    expect(rel.detail?.alphaPairableValues).toBe(29);
  });

  it('says when the panel cannot tell units apart', () => {
    // Raters disagree completely on the order of five units.
    const rel = analyzeRaters({
      sources: [
        totalsSource({
          A: [80, 81, 82, 83, 84],
          B: [84, 83, 82, 81, 80],
          C: [82, 84, 80, 83, 81],
          D: [81, 80, 84, 82, 83],
        }),
      ],
    }).reliability.S;
    const detail = rel.detail as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(detail.separation.groups).toBe(1);
    expect(detail.sentence.en).toMatch(/^This panel cannot reliably tell the units apart/);
    expect(detail.sentence.zh).toContain('好与一般差不多');
  });
});
