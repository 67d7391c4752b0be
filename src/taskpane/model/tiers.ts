/**
 * The tier distribution of the 计算 tab: how many ratees fell in each tier, and the quota check
 * against each tier's `maxShare` (cumulative: at most that share at this tier or better,
 * scoring.md step 7).
 */
import { quotaLimit } from '../../core/scoring';
import type { Template } from '../../core/template';
import type { Results } from '../../core/types';

export interface TierBar {
  name: string;
  nameEn?: string;
  color?: string;
  /** Ratees in this tier. */
  count: number;
  /** Ratees in this tier or a better one. */
  cumulative: number;
  /** The most ratees allowed at this tier or better (null: no quota). */
  limit: number | null;
  maxShare: number | null;
  /** false when `cumulative` exceeds `limit`. */
  withinQuota: boolean;
  /** Ratees held back from this tier by a tie straddling its quota. */
  quotaTies: string[];
}

export interface TierDistribution {
  bars: TierBar[];
  /** Ratees with a final score (N of the quota rule). */
  rated: number;
  /** Ratees without a final score (no tier). */
  unrated: number;
}

/** Counts per tier, best first, with the cumulative quota check for each. */
export function tierDistribution(template: Template, results: Results): TierDistribution {
  const rated = results.ratees.filter((r) => r.final !== null).length;
  let cumulative = 0;
  const bars = template.tiers.map((tier): TierBar => {
    const count = results.ratees.filter((r) => r.tier === tier.name).length;
    cumulative += count;
    const limit = tier.maxShare === undefined ? null : quotaLimit(tier.maxShare, rated);
    const quotaTies = results.ratees
      .filter((r) => r.notes.some((n) => n.code === 'quota-tie' && n.tier === tier.name))
      .map((r) => r.ratee);
    return {
      name: tier.name,
      nameEn: tier.nameEn,
      color: tier.color,
      count,
      cumulative,
      limit,
      maxShare: tier.maxShare ?? null,
      withinQuota: limit === null || cumulative <= limit,
      quotaTies,
    };
  });
  return { bars, rated, unrated: results.ratees.length - rated };
}
