import { analyzeRaters, DEFAULT_RATER_SETTINGS, validateRaterSettings } from '../../src/core/raters';
import { resolveRaterSettings } from '../../src/core/raters/settings';
import { totalsSource } from './helpers';

describe('rater settings', () => {
  it('apply template overrides over the documented defaults', () => {
    const s = resolveRaterSettings({ flatSdRatio: 0.3, unknown: 5 });
    expect(s.flatSdRatio).toBe(0.3);
    expect(s.lenientMinPoints).toBe(DEFAULT_RATER_SETTINGS.lenientMinPoints);
    expect('unknown' in s).toBe(false);
  });

  it('change what is flagged (a 12-point leniency is a flag at the default floor 11, not at 13)', () => {
    const base = {
      R1: [92, 85, 78, 88, 70, 81],
      R2: [90, 83, 75, 86, 72, 80],
      R3: [94, 86, 80, 90, 69, 84],
      R4: [89, 82, 77, 85, 71, 79],
      R5: [93, 87, 79, 87, 73, 83],
    };
    const input = { sources: [totalsSource({ ...base, R6: base.R1.map((v) => v + 12) })] };
    const codes = (settings?: Record<string, number>) =>
      analyzeRaters(input, { settings })
        .raters.find((r) => r.rater === 'R6')
        ?.flags.map((f) => f.code);
    expect(codes()).toEqual(['lenient']);
    expect(codes({ lenientMinPoints: 13 })).toEqual([]);
  });

  it('are validated with one sentence per problem naming the key', () => {
    expect(validateRaterSettings({ flatSdRatio: 0.4, favoritismMinPoints: 15 })).toEqual([]);
    expect(validateRaterSettings({ flatSdRatio: 1.5, minRaters: 2.5, fooBar: 1, lenientZ: 'x' })).toEqual([
      'raterSettings.flatSdRatio must be between 0 and 1 (found 1.5)',
      'raterSettings.minRaters must be a whole number of at least 3 (found 2.5)',
      expect.stringMatching(/^raterSettings\.fooBar is not a known setting \(known: minRatees, minRaters, /),
      'raterSettings.lenientZ must be a number (found "x")',
    ]);
  });
});
