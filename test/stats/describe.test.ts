import { mean, sd, variance } from '../../src/core/stats/describe';

describe('mean / variance / sd', () => {
  it('match hand-computed figures', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    // Σ(x − 5)² = 32, n − 1 = 7
    expect(variance(x)).toBeCloseTo(32 / 7, 12);
    expect(sd(x)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('return null (not NaN) when the figure does not exist', () => {
    expect(mean([])).toBeNull();
    expect(variance([3])).toBeNull();
    expect(sd([])).toBeNull();
  });
});
