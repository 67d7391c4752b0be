import { kendallW } from '../../src/core/stats/kendallW';

/** Transposes judges × objects into objects × judges. */
const t = (rows: number[][]) => rows[0].map((_, i) => rows.map((r) => r[i]));

describe("Kendall's W", () => {
  it('reproduces the NAG G08DAF worked example with ties (Siegel 1956): W = 0.828, p = 0.008', () => {
    const comparisons = [
      [1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0],
      [2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5],
      [2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0],
    ];
    const r = kendallW(t(comparisons));
    if (!r.ok) throw new Error(r.reason);
    expect(r.W.toFixed(3)).toBe('0.828');
    expect(r.p.toFixed(3)).toBe('0.008');
    expect(r.df).toBe(9);
    expect(r.chi2).toBeCloseTo(3 * 9 * r.W, 12);
  });
  it('reproduces the strawberry example without ties (W = 500 / 672 = 0.744, chi² 20.83)', () => {
    const raters = [
      [8, 4, 2, 3, 5, 1, 6, 7],
      [7, 3, 1, 4, 5, 2, 6, 8],
      [8, 2, 5, 6, 7, 1, 4, 3],
      [8, 3, 4, 2, 5, 1, 6, 7],
    ];
    const r = kendallW(t(raters));
    if (!r.ok) throw new Error(r.reason);
    expect(r.W).toBeCloseTo(500 / 672, 12);
    expect(r.chi2.toFixed(2)).toBe('20.83');
    expect(r.ties).toBe(0);
  });
  it('is 1 for identical orders and undefined when nobody orders anything', () => {
    const same = kendallW([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(same.ok && same.W).toBeCloseTo(1, 12);
    const flat = kendallW([
      [5, 7],
      [5, 7],
      [5, 7],
    ]);
    expect(flat.ok).toBe(false);
  });
});
