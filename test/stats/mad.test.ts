import { mad, robustScale } from '../../src/core/stats/mad';

describe('mad', () => {
  it('is 1.4826 × the median absolute deviation', () => {
    // median 3; |x − 3| = 2,1,0,1,97 → median 1
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
    expect(mad([])).toBeNull();
  });
  it('resists a single wild value, unlike the SD', () => {
    expect(mad([10, 11, 12, 13, 1000])).toBeCloseTo(1.4826, 12);
  });
});

describe('robustScale', () => {
  it('applies the floor when the values barely vary', () => {
    expect(robustScale([5, 5, 5, 5, 6], 2)).toEqual({ center: 5, scale: 2 });
    expect(robustScale([], 1)).toBeNull();
  });
});
