import { krippendorffAlphaInterval } from '../../src/core/stats/krippendorff';

describe("Krippendorff's alpha (interval)", () => {
  it('reproduces the published example: 4 observers × 12 units with missing values, alpha = 0.849', () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C (rows = observers A–D).
    const _ = null;
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = observers[0].map((_, u) => observers.map((o) => o[u]));
    const r = krippendorffAlphaInterval(units);
    if (!r.ok) throw new Error(r.reason);
    expect(r.alpha.toFixed(3)).toBe('0.849');
    // 41 values in all; unit 12 holds one value only, so n = 40 pairable values as in the paper.
    expect(r.pairable).toBe(40);
  });
  it('is 1 for perfect agreement and near 0 for agreement no better than chance', () => {
    const perfect = krippendorffAlphaInterval([
      [1, 1, 1],
      [5, 5, 5],
      [3, 3, null],
    ]);
    expect(perfect.ok && perfect.alpha).toBeCloseTo(1, 12);
    // Each unit holds the same set of values, so within-unit disagreement equals the overall one.
    const chance = krippendorffAlphaInterval([
      [1, 5, 3],
      [3, 1, 5],
      [5, 3, 1],
    ]);
    expect(chance.ok && chance.alpha).toBeLessThan(0);
  });
  it('is undefined, with a reason, without variation or without pairable units', () => {
    const flat = krippendorffAlphaInterval([
      [80, 80],
      [80, 80],
    ]);
    expect(flat).toEqual({ ok: false, reason: expect.stringMatching(/same/) });
    const lonely = krippendorffAlphaInterval([
      [80, null],
      [null, 70],
    ]);
    expect(lonely).toEqual({ ok: false, reason: expect.stringMatching(/two or more/) });
  });
});
