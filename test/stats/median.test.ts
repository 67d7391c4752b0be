import fc from 'fast-check';
import { leaveOneOutMedians, median, medianWithout } from '../../src/core/stats/median';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('leaveOneOutMedians', () => {
  it('gives the median of the others for each position', () => {
    // others of 1: [5,3,9] → 5; of 5: [1,3,9] → 3; of 3: [1,5,9] → 5; of 9: [1,5,3] → 3
    expect(leaveOneOutMedians([1, 5, 3, 9])).toEqual([5, 3, 5, 3]);
  });
  it('is null with nothing left', () => {
    expect(leaveOneOutMedians([7])).toEqual([null]);
  });
  it('agrees with removing the value and taking the median (ties included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 12 }), (xs) => {
        const got = leaveOneOutMedians(xs);
        xs.forEach((_, p) => expect(got[p]).toBe(median(xs.filter((_, i) => i !== p))));
      }),
    );
  });
});

describe('medianWithout', () => {
  it('removes one copy of the value from a sorted array', () => {
    expect(medianWithout([1, 2, 3, 4], 1)).toBe(3);
    expect(medianWithout([1, 2, 3, 4], 4)).toBe(2);
    expect(medianWithout([1, 2, 3], 2)).toBe(2);
    expect(medianWithout([1, 2, 3], 1)).toBe(2.5);
    expect(medianWithout([2, 2, 2, 5, 9], 2)).toBe(3.5);
  });
});
