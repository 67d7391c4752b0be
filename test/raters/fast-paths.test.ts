/**
 * The large-panel shortcuts give the same numbers as the plain definitions: coded sheets
 * compared four cells at a time (copied) and ranks of few distinct values counted (erratic).
 */
import fc from 'fast-check';
import { identicalShare, identicalShareCoded, sheetCodes } from '../../src/core/raters/flags/copied';
import { averageRanks, fewValueRanksInto } from '../../src/core/stats/ranks';

/** Sheets of points on a step, with gaps (NaN). */
const sheets = fc
  .record({ n: fc.integer({ min: 1, max: 37 }), k: fc.integer({ min: 2, max: 6 }) })
  .chain(({ n, k }) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(Number.NaN) },
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }).map((x) => x / 4) },
        ),
        { minLength: n, maxLength: n },
      ),
      { minLength: k, maxLength: k },
    ),
  );

describe('large-panel shortcuts', () => {
  it('identicalShareCoded equals identicalShare for every pair, minimums and budgets included', () => {
    fc.assert(
      fc.property(
        sheets,
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0, 0.5, 0.9),
        (xs, minCells, minShare) => {
          const arrays = xs.map((x) => Float64Array.from(x));
          const codes = sheetCodes(arrays)!;
          const count = (a: Float64Array) => a.filter((v) => !Number.isNaN(v)).length;
          for (let a = 0; a < arrays.length; a++)
            for (let b = a + 1; b < arrays.length; b++) {
              const [ca, cb] = [count(arrays[a]), count(arrays[b])];
              expect(identicalShareCoded(codes[a], codes[b], minCells, minShare, ca, cb)).toEqual(
                identicalShare(arrays[a], arrays[b], minCells, minShare, ca, cb),
              );
            }
        },
      ),
    );
  });

  it('sheetCodes gives up beyond 255 distinct values (the plain comparison is used then)', () => {
    expect(sheetCodes([Float64Array.from({ length: 256 }, (_, i) => i)])).toBeNull();
    expect(sheetCodes([Float64Array.from({ length: 255 }, (_, i) => i)])).not.toBeNull();
  });

  it('fewValueRanksInto equals averageRanks, and declines more than 16 distinct values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -3, max: 12 }).map((x) => x / 2),
          { maxLength: 60 },
        ),
        (xs) => {
          const out = new Float64Array(xs.length);
          expect(fewValueRanksInto(xs, xs.length, out)).toBe(true);
          expect([...out]).toEqual(averageRanks(xs));
        },
      ),
    );
    const many = Array.from({ length: 17 }, (_, i) => i);
    expect(fewValueRanksInto(many, many.length, new Float64Array(17))).toBe(false);
  });
});
