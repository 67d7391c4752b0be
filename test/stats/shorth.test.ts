import { shorthScale } from '../../src/core/stats/shorth';

describe('shorthScale', () => {
  it('stays on the majority when 30 % form a second cluster', () => {
    const honest = [-2, -1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5, 2, -0.2, 0.3, 0.8, -0.8];
    const faction = [14, 15, 16, 13, 17, 15];
    const r = shorthScale([...honest, ...faction], 0.5)!;
    expect(Math.abs(r.center)).toBeLessThan(1);
    expect(r.scale).toBeLessThan(3);
  });
  it('uses the floor and handles tiny inputs', () => {
    expect(shorthScale([], 1)).toBeNull();
    expect(shorthScale([5], 1)).toEqual({ center: 5, scale: 1 });
    expect(shorthScale([1, 1, 1, 1], 2)).toEqual({ center: 1, scale: 2 });
  });
});
