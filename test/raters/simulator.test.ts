import { createRng, mulberry32 } from '../../src/core/sim/prng';
import { simRowTotal, simulatePanel } from '../../src/core/sim/panel';
import { sd } from '../../src/core/stats/describe';
import { median } from '../../src/core/stats/median';

describe('prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });
  it('draws normals with mean ≈ 0 and SD ≈ 1', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length)).toBeLessThan(0.03);
    expect(Math.abs((sd(xs) as number) - 1)).toBeLessThan(0.03);
  });
});

describe('simulatePanel', () => {
  it('is deterministic: same options and seed, same panel', () => {
    const a = simulatePanel({ ratees: 10, raters: 9, plant: ['flat', 'copied'] }, 99);
    const b = simulatePanel({ ratees: 10, raters: 9, plant: ['flat', 'copied'] }, 99);
    expect(b).toEqual(a);
  });

  it('produces EntryRow-shaped sheets whose totals follow scoring.md step 1', () => {
    const p = simulatePanel(
      {
        ratees: 12,
        raters: 10,
        indicators: [
          { id: 'A', max: 40 },
          { id: 'B', max: 60 },
        ],
        step: 1,
      },
      5,
    );
    expect(p.entries[0]).toEqual({
      source: 'sim',
      rater: expect.any(String),
      ratee: expect.any(String),
      cells: expect.any(Object),
    });
    p.entries.forEach((e, k) => {
      const row = p.source.rows[k];
      expect([e.rater, e.ratee]).toEqual([row.rater, row.ratee]);
      const a = e.cells.A as number | null;
      const b = e.cells.B as number | null;
      expect(row.total).toBe(a === null || b === null ? null : a + b);
      if (a !== null) expect(Number.isInteger(a) && a >= 0 && a <= 40).toBe(true);
    });
    expect(
      simRowTotal(
        [20, null],
        [
          { id: 'A', max: 40 },
          { id: 'B', max: 60 },
        ],
      ),
    ).toBeNull();
  });

  it('plants a flat rater with about a fifth of the honest spread', () => {
    const p = simulatePanel({ ratees: 30, raters: 15, plant: ['flat'], blankCellRate: 0, skipRate: 0 }, 11);
    const spread = (rater: string) =>
      sd(p.source.rows.filter((r) => r.rater === rater).map((r) => r.total as number)) as number;
    const flat = p.truth.find((t) => t.role === 'flat')!.rater;
    const honest = median(p.truth.filter((t) => t.role === 'honest').map((t) => spread(t.rater))) as number;
    expect(spread(flat) / honest).toBeGreaterThan(0.1);
    expect(spread(flat) / honest).toBeLessThan(0.3);
  });

  it('plants a favour of at least 20 points on one named ratee and a copy of an honest sheet', () => {
    const p = simulatePanel(
      { ratees: 20, raters: 12, plant: ['favoritism', 'copied'], blankCellRate: 0, skipRate: 0 },
      21,
    );
    const fav = p.truth.find((t) => t.role === 'favoritism')!;
    const total = (rater: string, ratee: string) =>
      p.source.rows.find((r) => r.rater === rater && r.ratee === ratee)!.total as number;
    const others = p.truth.filter((t) => t.role === 'honest').map((t) => total(t.rater, fav.ratee!));
    expect(Math.abs(total(fav.rater, fav.ratee!) - (median(others) as number))).toBeGreaterThan(12);
    const copier = p.truth.find((t) => t.role === 'copied')!;
    expect(p.truth.find((t) => t.rater === copier.other)?.role).toBe('copy-source');
  });

  it('refuses impossible requests with a one-line message', () => {
    expect(() => simulatePanel({ ratees: 5, raters: 2, plant: ['flat', 'halo', 'erratic'] }, 1)).toThrow(
      'simulatePanel: 3 patterns to plant but only 2 raters',
    );
  });
});
