import { chiSquareUpperTail, fUpperTail } from '../../src/core/stats/distributions';

// Reference values from R 4.2.2: pf(..., lower.tail = FALSE), pchisq(..., lower.tail = FALSE).
describe('upper tails', () => {
  it('match R in the ordinary range', () => {
    expect(fUpperTail(3.2, 4, 20)).toBeCloseTo(0.03483162372878252, 14);
    expect(chiSquareUpperTail(25, 7)).toBeCloseTo(0.00075880025565825012, 15);
  });
  it('keep tiny p-values instead of cancelling to 0 (1 − CDF would give 0)', () => {
    const p = fUpperTail(400, 9, 90);
    expect(Math.abs(p - 1.5221665513699737e-68) / 1.5221665513699737e-68).toBeLessThan(1e-12);
  });
  it('never return 0: below the smallest double the p-value is clamped to Number.MIN_VALUE', () => {
    expect(chiSquareUpperTail(2000, 30)).toBe(Number.MIN_VALUE);
    expect(fUpperTail(Infinity, 3, 12)).toBe(Number.MIN_VALUE);
  });
  it('give 1 at or below zero', () => {
    expect(fUpperTail(0, 3, 12)).toBe(1);
    expect(chiSquareUpperTail(0, 4)).toBe(1);
  });
});
