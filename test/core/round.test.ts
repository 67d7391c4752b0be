import fc from 'fast-check';
import { excelRound, excelRoundByText, toExcelPrecision } from '../../src/core/round';

describe('excelRound', () => {
  it.each([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [1.015, 2, 1.02],
    [0.125, 2, 0.13],
    [88.445, 2, 88.45],
    [-2.675, 2, -2.68],
    [2.5, 0, 3],
    [3.5, 0, 4],
    [-2.5, 0, -3],
    [1234.5678, 1, 1234.6],
    [0.000049, 4, 0],
    [0.00005, 4, 0.0001],
    [99.99999999999999, 2, 100],
    [123456, -2, 123500],
    [1e-20, 2, 0],
  ])('ROUND(%p, %p) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it('rounds a sum that binary arithmetic leaves just under the half', () => {
    // 0.1 + 0.2 + 0.025 = 0.32500000000000007 in binary; 33.3 * 3 = 99.89999999999999
    expect(excelRound(0.1 + 0.2 + 0.025, 2)).toBe(0.33);
    expect(excelRound(33.3 * 3, 1)).toBe(99.9);
    expect(excelRound((80.5 + 90.35) / 2, 2)).toBe(85.43);
  });

  it('is within half a unit of the last place and never moves an already rounded value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d) => {
          const x = n / 10 ** d; // already has d decimals
          expect(excelRound(x, d)).toBe(x);
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = excelRound(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
      }),
    );
  });
});

describe('toExcelPrecision', () => {
  it('cleans binary noise to 15 significant digits', () => {
    expect(toExcelPrecision(88.50000000000001)).toBe(88.5);
    expect(toExcelPrecision(0.1 + 0.2)).toBe(0.3);
  });
});

describe('the arithmetic shortcut gives the text rounding exactly', () => {
  test('random scores, halves, near-halves and large values, 0–4 decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: 0, max: 2_000_000 }).map((k) => k / 2000 + 0.0005),
          fc.integer({ min: 0, max: 200_000 }).map((k) => (k + 0.5) / 100),
          fc.double({ min: 1e9, max: 1e16, noNaN: true }),
        ),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => Object.is(excelRound(x, d), excelRoundByText(x, d)),
      ),
      { numRuns: 20000 },
    );
  });
});
