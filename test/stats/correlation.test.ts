import { pearson, spearman } from '../../src/core/stats/correlation';

describe('pearson', () => {
  it('matches a hand computation', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → 6 / √60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });
  it('is ±1 for exact linear relations', () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('is null without variation or with fewer than three pairs', () => {
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });
  it('rejects unequal lengths with a one-line message', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow('pearson: x has 3 values but y has 2');
  });
});

describe('spearman', () => {
  it('depends on order only', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
  });
  it('handles ties with average ranks', () => {
    // ranks x: 1,2.5,2.5,4 ; y: 1,2,3,4 → Pearson of ranks
    const rx = [1, 2.5, 2.5, 4];
    const ry = [1, 2, 3, 4];
    expect(spearman([1, 2, 2, 3], [5, 6, 7, 8])).toBeCloseTo(pearson(rx, ry) as number, 12);
    expect(spearman([1, 2, 2, 3], [5, 6, 7, 8])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
  });
});
