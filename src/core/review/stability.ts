/**
 * How firm each tier is: a seeded bootstrap over the raters of each source. A draw picks, in every
 * source, as many raters as it has, with replacement, and recomputes the source scores from the
 * drawn raters' row totals (computed once, never the cells), then the composite, the final and the
 * tiers through the engine's own steps (scoring.ts). A ratee's stability is the share of draws in
 * which it keeps the tier it has now. Pure and deterministic for a seed (src/core/sim/prng.ts).
 */
import { aggregateRange, assignRanksAndTiers, compositeScore, finalScore, type Rankable } from '../scoring';
import { mulberry32 } from '../sim/prng';
import type { Template } from '../template';
import type { RateeResult, RowResult } from '../types';
import type { TierStability } from './types';

export type { TierStability } from './types';

export interface StabilityOptions {
  /** Bootstrap draws (default 1000; at least 1). */
  draws?: number;
  /** PRNG seed (default 20240613). */
  seed?: number;
  /** A tier holding in fewer than this share of draws is unstable (default 0.8). */
  threshold?: number;
}

export const STABILITY_DEFAULTS = { draws: 1000, seed: 20240613, threshold: 0.8 } as const;

/** Row totals of one source as a raters × ratees matrix (NaN where there is no counted total). */
interface SourceTotals {
  weight: number;
  raters: number;
  /** totals[r * nRatees + j] */
  totals: Float64Array;
}

/** The input of a bootstrap: what a Web Worker can receive (plain data, structured-clonable). */
export interface StabilityInput {
  template: Template;
  rows: RowResult[];
  ratees: RateeResult[];
}

/** Tier stability of every ratee that has a tier now, keyed by ratee id. */
export function tierStability(
  input: StabilityInput,
  options: StabilityOptions = {},
): Record<string, TierStability> {
  const draws = Math.max(1, Math.floor(options.draws ?? STABILITY_DEFAULTS.draws));
  const seed = options.seed ?? STABILITY_DEFAULTS.seed;
  const threshold = options.threshold ?? STABILITY_DEFAULTS.threshold;
  const { template, rows, ratees } = input;
  const n = ratees.length;
  const index = new Map(ratees.map((r, j) => [r.ratee, j]));

  // Row totals once: the rows the engine counted (a total, not set aside).
  const sources: SourceTotals[] = template.sources.map((s) => {
    const counted = rows.filter(
      (r) => r.source === s.id && r.total !== null && !r.setAside && index.has(r.ratee),
    );
    const raterIds = [...new Set(counted.map((r) => r.rater))];
    const at = new Map(raterIds.map((id, k) => [id, k]));
    const totals = new Float64Array(raterIds.length * n).fill(NaN);
    for (const r of counted) totals[at.get(r.rater)! * n + index.get(r.ratee)!] = r.total!;
    return { weight: s.weight, raters: raterIds.length, totals };
  });

  const next = mulberry32(seed);
  const kept = new Int32Array(n);
  // Shares are not resampled: a share rule is judged on the ratee's shares as computed.
  const sim: Rankable[] = ratees.map((r) => ({
    final: null,
    veto: r.veto,
    rank: null,
    tier: null,
    levelShares: r.levelShares,
  }));
  const width = Math.max(1, ...sources.map((s) => s.raters));
  const bucket = new Float64Array(n * width);
  const count = new Int32Array(n);
  const parts: { weight: number; score: number }[][] = Array.from({ length: n }, () => []);
  const drawn = new Int32Array(width);

  for (let d = 0; d < draws; d++) {
    for (let j = 0; j < n; j++) parts[j].length = 0;
    template.sources.forEach((src, si) => {
      const s = sources[si];
      if (s.raters === 0) return;
      for (let k = 0; k < s.raters; k++) drawn[k] = Math.floor(next() * s.raters);
      count.fill(0);
      for (let k = 0; k < s.raters; k++) {
        const base = drawn[k] * n;
        for (let j = 0; j < n; j++) {
          const v = s.totals[base + j];
          if (v === v) bucket[j * width + count[j]++] = v;
        }
      }
      for (let j = 0; j < n; j++)
        if (count[j] > 0)
          parts[j].push({
            weight: s.weight,
            score: aggregateRange(bucket, j * width, count[j], src),
          });
    });
    for (let j = 0; j < n; j++) {
      const c = compositeScore(parts[j]);
      const r = ratees[j];
      sim[j].final = c === null ? null : finalScore(c, r.bonus, r.deduction, template.decimals);
      sim[j].rank = null;
      sim[j].tier = null;
    }
    assignRanksAndTiers(sim, template);
    for (let j = 0; j < n; j++) if (ratees[j].tier !== null && sim[j].tier === ratees[j].tier) kept[j]++;
  }

  const out: Record<string, TierStability> = {};
  ratees.forEach((r, j) => {
    if (r.tier === null) return;
    const share = kept[j] / draws;
    out[r.ratee] = { tier: r.tier, share, draws, seed, unstable: share < threshold };
  });
  return out;
}

/** "U07 的 好 不稳定：62 %" for each unstable ratee, in both languages. */
export function unstableSentences(
  stability: Record<string, TierStability>,
): { ratee: string; zh: string; en: string }[] {
  return Object.entries(stability)
    .filter(([, s]) => s.unstable)
    .sort((a, b) => a[1].share - b[1].share)
    .map(([ratee, s]) => {
      const pct = Math.round(100 * s.share);
      return {
        ratee,
        zh: `${ratee} 的 ${s.tier} 不稳定：${pct} %`,
        en: `${ratee}'s ${s.tier} is not firm: ${pct} %`,
      };
    });
}
