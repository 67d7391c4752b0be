import { separationFromF } from '../../src/core/stats/separation';

describe('separationFromF', () => {
  it('computes G = √(F − 1) and strata (4G + 1)/3', () => {
    const s = separationFromF(10);
    expect(s?.G).toBeCloseTo(3, 12);
    expect(s?.strata).toBeCloseTo(13 / 3, 12);
    expect(s?.groups).toBe(4);
    expect(s?.reliability).toBeCloseTo(0.9, 12); // = 1 − 1/F = ICC(3,k)
  });
  it('says one group when the ratee differences do not exceed the noise', () => {
    expect(separationFromF(0.7)).toEqual({ G: 0, strata: 1 / 3, groups: 1, reliability: 0 });
  });
  it('is null for an impossible F', () => {
    expect(separationFromF(Number.NaN)).toBeNull();
    expect(separationFromF(Infinity)).toBeNull();
  });
});
