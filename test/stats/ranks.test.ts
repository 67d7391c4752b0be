import { averageRanks, tieGroupSizes } from '../../src/core/stats/ranks';

describe('averageRanks', () => {
  it('shares ranks between ties like R rank()', () => {
    // R: rank(c(10, 20, 20, 5, 30, 20)) = 2 4 4 1 6 4
    expect(averageRanks([10, 20, 20, 5, 30, 20])).toEqual([2, 4, 4, 1, 6, 4]);
    expect(averageRanks([3, 3])).toEqual([1.5, 1.5]);
  });
});

describe('tieGroupSizes', () => {
  it('lists only groups of two or more', () => {
    expect(tieGroupSizes([1, 2, 2, 3, 3, 3, 4]).sort()).toEqual([2, 3]);
    expect(tieGroupSizes([1, 2, 3])).toEqual([]);
  });
});
