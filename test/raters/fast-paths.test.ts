/**
 * The large-panel shortcuts give the same numbers as the plain definitions: coded sheets
 * compared four cells at a time (copied), their filled counts and most common value counted
 * while coding, ranks of few distinct values counted (erratic), and few distinct values
 * sorted by counting (cell consensus).
 */
import fc from 'fast-check';
import {
  cellConsensusOf,
  cellsConsensus,
  fewValuesSortedInto,
  MIN_OTHERS,
} from '../../src/core/raters/consensus';
import type { SourceMatrix } from '../../src/core/raters/matrix';
import { median } from '../../src/core/stats/median';
import {
  filled,
  identicalShare,
  identicalShareCoded,
  modeShare,
  sheetCodes,
} from '../../src/core/raters/flags/copied';
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

  it('sheetCodes counts filled cells and the most common value as filled() and modeShare() do', () => {
    fc.assert(
      fc.property(sheets, (xs) => {
        const arrays = xs.map((x) => Float64Array.from(x));
        sheetCodes(arrays)!.forEach((c, k) => {
          expect(c.count).toBe(filled(arrays[k]));
          expect(c.count ? c.modeCount / c.count : 0).toBe(modeShare(arrays[k]));
        });
      }),
    );
  });

  it('sheetCodes gives one code to 0 and −0 (as a Map does) and different codes to different values', () => {
    const [a, b] = sheetCodes([Float64Array.of(0, 0.1, 0.2), Float64Array.of(-0, 0.1, 0.30000000000000004)])!;
    expect(identicalShareCoded(a, b, 0, 0, 3, 3)).toEqual({ share: 2 / 3, common: 3 });
    expect(a.modeCount).toBe(1);
  });

  it('sheetCodes keeps any doubles apart (up to 255 of them, table collisions included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 255 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (pool, picks) => {
          const a = Float64Array.from(picks, (p) => pool[p % pool.length]);
          const b = Float64Array.from(picks, (p, k) => pool[(p + (k % 3)) % pool.length]);
          const [ca, cb] = sheetCodes([a, b])!;
          expect(identicalShareCoded(ca, cb, 0, 0, 40, 40)).toEqual(identicalShare(a, b, 0, 0, 40, 40));
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
    const long = Array.from({ length: 3000 }, (_, i) => (i * 7) % 5);
    const longOut = new Float64Array(long.length);
    expect(fewValueRanksInto(long, long.length, longOut)).toBe(true);
    expect([...longOut]).toEqual(averageRanks(long));
    const many = Array.from({ length: 17 }, (_, i) => i);
    expect(fewValueRanksInto(many, many.length, new Float64Array(17))).toBe(false);
  });

  it('fewValuesSortedInto sorts as a typed-array sort does, and declines −0 and more than 16 values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -3, max: 12 }).map((x) => x / 4),
          { maxLength: 60 },
        ),
        (xs) => {
          const values = Float64Array.from(xs);
          const out = new Float64Array(xs.length + 3).fill(Number.NaN);
          expect(fewValuesSortedInto(values, xs.length, out)).toBe(true);
          expect([...out.subarray(0, xs.length)]).toEqual([...Float64Array.from(xs).sort()]);
        },
      ),
    );
    const out = new Float64Array(20);
    expect(fewValuesSortedInto(Float64Array.of(1, -0, 0), 3, out)).toBe(false);
    expect(
      fewValuesSortedInto(
        Float64Array.from({ length: 17 }, (_, i) => i),
        17,
        out,
      ),
    ).toBe(false);
    expect(fewValuesSortedInto(Float64Array.of(3, 1, 2, 1, 9), 4, out)).toBe(true);
    expect([...out.subarray(0, 4)]).toEqual([1, 1, 2, 3]);
  });

  it("cellsConsensus gives every cell the median of the other raters' cells (NaN with too few)", () => {
    const value = fc.oneof(
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }).map((x) => x / 6) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(value, { minLength: 180, maxLength: 180 }),
        (nR, nJ, nI, pool) => {
          const cells = Float64Array.from({ length: nR * nJ * nI }, (_, k) => pool[k]);
          const m = {
            raters: Array.from({ length: nR }, (_, r) => `R${r}`),
            ratees: Array.from({ length: nJ }, (_, j) => `U${j}`),
            nI,
            cells,
          } as SourceMatrix;
          const cc = cellsConsensus(m);
          for (let r = 0; r < nR; r++)
            for (let j = 0; j < nJ; j++)
              for (let i = 0; i < nI; i++) {
                const v = cells[(r * nJ + j) * nI + i];
                if (Number.isNaN(v)) continue;
                const others: number[] = [];
                for (let o = 0; o < nR; o++) {
                  const w = cells[(o * nJ + j) * nI + i];
                  if (o !== r && !Number.isNaN(w)) others.push(w);
                }
                const want = others.length >= MIN_OTHERS ? median(others) : Number.NaN;
                expect(cellConsensusOf(cc, j, i, v)).toBe(want);
              }
        },
      ),
    );
  });
});
