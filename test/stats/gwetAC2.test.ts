import { gwetAC2 } from '../../src/core/stats/gwetAC2';
import { ordinalWeights } from '../../src/core/stats/ordinalWeights';

/**
 * Gwet, K.L. (2014) Handbook of Inter-Rater Reliability, 4th ed., p. 120: 4 raters, 12 units,
 * 5 categories (1..5), gaps — the dataset cac.raw4raters of R's irrCAC. The published results
 * (irrCAC gwet.ac1.raw(cac.raw4raters, weights = "ordinal"); the same figures in the Python port's
 * test suite, afergadis/irrCAC test/unit/irrCAC/raw/test_gwet.py): pa 0.968, pe 0.685, AC2 0.899,
 * standard error 0.107, p ≈ 4e-6; unweighted AC1 0.775 (se 0.143, p 0.00021).
 */
const RAW4 = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
].map((unit) => unit.map((v) => (v === null ? null : v - 1)));

const identity = (q: number) =>
  Array.from({ length: q }, (_, k) => Array.from({ length: q }, (_, l) => (k === l ? 1 : 0)));

describe("Gwet's AC2", () => {
  it('reproduces the Handbook example with ordinal weights', () => {
    const r = gwetAC2(RAW4, ordinalWeights(5));
    if (!r.ok) throw new Error(r.reason);
    expect(r.pa).toBeCloseTo(0.968, 3);
    expect(r.pe).toBeCloseTo(0.685, 3);
    expect(r.value).toBeCloseTo(0.899, 3);
    expect(r.se).toBeCloseTo(0.107, 3);
    expect(r.p).toBeCloseTo(4e-6, 6);
    expect(r.units).toBe(12);
    expect(r.pairedUnits).toBe(11);
  });

  it('reproduces the unweighted AC1 of the same example', () => {
    const r = gwetAC2(RAW4, identity(5));
    if (!r.ok) throw new Error(r.reason);
    expect(r.pa).toBeCloseTo(0.818, 3);
    expect(r.pe).toBeCloseTo(0.19, 3);
    expect(r.value).toBeCloseTo(0.775, 3);
    expect(r.se).toBeCloseTo(0.143, 3);
    expect(r.p).toBeCloseTo(0.00021, 5);
  });

  it('has ordinal weights 1 on the diagonal and 0 between the end categories', () => {
    const w = ordinalWeights(4);
    expect(w[0][0]).toBe(1);
    expect(w[0][3]).toBe(0);
    expect(w[0][1]).toBeCloseTo(1 - 1 / 6, 12);
    expect(w[1][3]).toBeCloseTo(1 - 3 / 6, 12);
  });

  it('says why when it is undefined', () => {
    expect(gwetAC2([[0], [1]], ordinalWeights(4))).toEqual({
      ok: false,
      reason: expect.stringMatching(/rated twice/),
    });
    // Everybody in one category: perfect agreement, AC2 = 1 (no paradox: chance agreement is 0).
    const r = gwetAC2(
      [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, null],
      ],
      ordinalWeights(4),
    );
    expect(r.ok && r.value).toBe(1);
  });
});
