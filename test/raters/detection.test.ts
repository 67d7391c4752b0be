import { PLANTED_PATTERNS } from '../../src/core/sim/panel';
import { runDetectionStudy } from '../../src/core/sim/evaluate';

describe('detection study on simulated panels (raters.md, "How well it must work")', () => {
  // 8–40 units, 9–30 raters, 1–3 planted patterns per panel, fixed seed.
  const study = runDetectionStudy({ panels: 400, seed: 20240601 });

  it.each(PLANTED_PATTERNS)('finds %s at least 90 % of the time', (pattern) => {
    const p = study.patterns[pattern];
    expect(p.planted).toBeGreaterThan(50);
    expect(p.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('flags honest raters (warn or alert) at most 3 % of the time', () => {
    expect(study.honest.raters).toBeGreaterThan(3000);
    expect(study.honest.rate).toBeLessThanOrEqual(0.03);
  });

  it('holds for small panels too (8–15 units)', () => {
    const small = study.bySize.find((b) => b.label === '8–15 units');
    expect(small && small.recall).toBeGreaterThanOrEqual(0.9);
    expect(small && small.honestRate).toBeLessThanOrEqual(0.03);
  });
});
