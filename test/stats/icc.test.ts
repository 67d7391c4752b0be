import fc from 'fast-check';
import { twoWayMeanSquares } from '../../src/core/stats/anova';
import { iccAll, type IccForm } from '../../src/core/stats/icc';

/** Shrout & Fleiss (1979), Table 2: 6 targets (rows) × 4 judges (columns). */
const SF = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('ICC — Shrout & Fleiss (1979)', () => {
  const ms = twoWayMeanSquares(SF);
  it('reproduces the ANOVA table of the paper (BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02)', () => {
    expect(ms.msr).toBeCloseTo(11.24, 2);
    expect(ms.msw).toBeCloseTo(6.26, 2);
    expect(ms.msc).toBeCloseTo(32.49, 2);
    expect(ms.mse).toBeCloseTo(1.02, 2);
  });
  it('reproduces Table 4 to two decimals', () => {
    const r = iccAll(ms);
    if (!r.ok) throw new Error(r.reason);
    const table4: Record<IccForm, number> = {
      icc1: 0.17,
      icc2: 0.29,
      icc3: 0.71,
      icc1k: 0.44,
      icc2k: 0.62,
      icc3k: 0.91,
    };
    for (const [form, value] of Object.entries(table4))
      expect(r.forms[form as IccForm].value.toFixed(2)).toBe(value.toFixed(2));
  });
  it('gives the F tests of psych::ICC (F 1.79 on 5,18 and 11.03 on 5,15)', () => {
    const r = iccAll(ms);
    if (!r.ok) throw new Error(r.reason);
    expect(r.forms.icc1.F).toBeCloseTo(1.795, 2);
    expect([r.forms.icc1.df1, r.forms.icc1.df2]).toEqual([5, 18]);
    expect(r.forms.icc3.F).toBeCloseTo(11.027, 2);
    expect([r.forms.icc3.df1, r.forms.icc3.df2]).toEqual([5, 15]);
    expect(r.forms.icc3.p).toBeLessThan(0.001);
    expect(r.forms.icc1.p).toBeGreaterThan(0.1);
  });
  it('gives the 95 % intervals psych::ICC prints for these data', () => {
    const r = iccAll(ms);
    if (!r.ok) throw new Error(r.reason);
    const f = r.forms;
    const two = (x: number | null) => (x === null ? null : x.toFixed(2));
    expect([two(f.icc1.lower), two(f.icc1.upper)]).toEqual(['-0.13', '0.72']);
    expect([two(f.icc2.lower), two(f.icc2.upper)]).toEqual(['0.02', '0.76']);
    expect([two(f.icc3.lower), two(f.icc3.upper)]).toEqual(['0.34', '0.95']);
    expect([two(f.icc1k.lower), two(f.icc1k.upper)]).toEqual(['-0.88', '0.91']);
    expect([two(f.icc2k.lower), two(f.icc2k.upper)]).toEqual(['0.07', '0.93']);
    expect([two(f.icc3k.lower), two(f.icc3k.upper)]).toEqual(['0.68', '0.99']);
  });
});

/**
 * An independent route to the mean squares: explicit residuals x − row mean − column mean + grand mean,
 * and the ICC definitions written out from the paper.
 */
function reference(x: number[][]): Record<IccForm, number> {
  const n = x.length;
  const k = x[0].length;
  const rowMean = x.map((r) => r.reduce((a, b) => a + b, 0) / k);
  const colMean = x[0].map((_, j) => x.reduce((a, r) => a + r[j], 0) / n);
  const grand = rowMean.reduce((a, b) => a + b, 0) / n;
  let sse = 0;
  let ssw = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      sse += (x[i][j] - rowMean[i] - colMean[j] + grand) ** 2;
      ssw += (x[i][j] - rowMean[i]) ** 2;
    }
  const BMS = (k * rowMean.reduce((a, m) => a + (m - grand) ** 2, 0)) / (n - 1);
  const JMS = (n * colMean.reduce((a, m) => a + (m - grand) ** 2, 0)) / (k - 1);
  const EMS = sse / ((n - 1) * (k - 1));
  const WMS = ssw / (n * (k - 1));
  return {
    icc1: (BMS - WMS) / (BMS + (k - 1) * WMS),
    icc2: (BMS - EMS) / (BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n),
    icc3: (BMS - EMS) / (BMS + (k - 1) * EMS),
    icc1k: (BMS - WMS) / BMS,
    icc2k: (BMS - EMS) / (BMS + (JMS - EMS) / n),
    icc3k: (BMS - EMS) / BMS,
  };
}

describe('ICC agrees with the ANOVA formulas on further matrices', () => {
  it('to 1e-9 on random panels of 100-point totals', () => {
    const matrix = fc.tuple(fc.integer({ min: 3, max: 15 }), fc.integer({ min: 2, max: 9 })).chain(([n, k]) =>
      fc.array(fc.array(fc.double({ min: 40, max: 100, noNaN: true }), { minLength: k, maxLength: k }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(matrix, (x) => {
        const r = iccAll(twoWayMeanSquares(x));
        if (!r.ok) return;
        const ref = reference(x);
        for (const form of Object.keys(ref) as IccForm[])
          // 1e-9, relative when a form is far from 0 (ICC(2,k) has a pole where MSR + (MSC − MSE)/n = 0).
          expect(Math.abs(r.forms[form].value - ref[form])).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(ref[form])),
          );
      }),
      { numRuns: 200 },
    );
  });
  it('intervals contain the estimate', () => {
    const x = [
      [81, 78, 85, 80, 79],
      [90, 88, 93, 91, 86],
      [72, 75, 70, 74, 71],
      [85, 80, 88, 83, 84],
      [77, 79, 76, 80, 75],
      [95, 90, 96, 92, 94],
      [68, 70, 65, 72, 69],
    ];
    const r = iccAll(twoWayMeanSquares(x));
    if (!r.ok) throw new Error(r.reason);
    for (const e of Object.values(r.forms)) {
      expect(e.lower).not.toBeNull();
      expect(e.lower as number).toBeLessThanOrEqual(e.value);
      expect(e.upper as number).toBeGreaterThanOrEqual(e.value);
    }
  });
});

describe('ICC on degenerate panels', () => {
  it('is undefined with a reason when every score is equal', () => {
    const r = iccAll(
      twoWayMeanSquares([
        [80, 80],
        [80, 80],
        [80, 80],
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/same/);
  });
  it('gives ICC(3) = 1 without NaN intervals when judges differ only by a constant', () => {
    const r = iccAll(
      twoWayMeanSquares([
        [80, 85],
        [70, 75],
        [90, 95],
      ]),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.forms.icc3.value).toBe(1);
    expect(r.forms.icc3.upper).toBeNull();
    for (const e of Object.values(r.forms)) {
      expect(Number.isNaN(e.value)).toBe(false);
      expect(Number.isNaN(e.lower)).toBe(false);
    }
  });
  it('refuses a ragged or too small matrix with a one-line message', () => {
    expect(() => twoWayMeanSquares([[1, 2]])).toThrow('needs at least 2 targets and 2 judges');
    expect(() => twoWayMeanSquares([[1, 2], [3]])).toThrow('row 2 has 1 values, expected 2');
  });
});
