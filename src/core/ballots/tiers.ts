/**
 * Steps 6 and 7 of scoring.md with the share rules of "Ballots": RANK.EQ ranks, then tiers
 * filled best first with cumulative quotas. A ratee j that meets tier t's `min` and
 * requirements takes t when (ratees already placed in better tiers) + count{k eligible for t :
 * F(k) ≥ F(j)} ≤ floor(maxShare_t × N + 1e-9); ties straddling a quota fall together with a
 * quota-tie note. Without requirements this is exactly step 7.
 */
import type { TFunction } from 'i18next';
import type { Template, Tier } from '../template';
import type { Lang, LevelShares, RateeResult } from '../types';
import { SHARE_TOLERANCE, type Requirement } from './schema';
import { POOLED } from './shares';

/** Step 7's quota: how many ratees may be at a tier or better. */
export function quotaLimit(maxShare: number, n: number): number {
  return Math.floor(maxShare * n + 1e-9);
}

/** The summed share of a requirement's levels, or null when the ratee has no such shares. */
export function requirementShare(req: Requirement, shares: LevelShares | undefined): number | null {
  const s = shares?.[req.source ?? POOLED];
  if (!s) return null;
  return req.levels.reduce((a, l) => a + (s[l] ?? 0), 0);
}

/** Whether a ratee meets one requirement (a ratee without shares fails every requirement). */
export function meetsRequirement(req: Requirement, shares: LevelShares | undefined): boolean {
  const share = requirementShare(req, shares);
  if (share === null) return false;
  if (req.atLeast !== undefined && share < req.atLeast - SHARE_TOLERANCE) return false;
  if (req.atMost !== undefined && share > req.atMost + SHARE_TOLERANCE) return false;
  return true;
}

/** A share as a percentage for messages: up to two decimals (33.33%, 50%). */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** The rule in words: `差票占比不超过 33.33%（测评人）`. */
export function describeRequirement(req: Requirement, template: Template, t: TFunction, lang: Lang): string {
  const levels = req.levels.join(lang === 'zh' ? '、' : ' + ');
  const body =
    req.atLeast !== undefined && req.atMost !== undefined
      ? t('ballot.both', { levels, low: percent(req.atLeast), high: percent(req.atMost) })
      : req.atLeast !== undefined
        ? t('ballot.atLeast', { levels, bound: percent(req.atLeast) })
        : t('ballot.atMost', { levels, bound: percent(req.atMost ?? 1) });
  if (!req.source) return body;
  const src = template.sources.find((s) => s.id === req.source);
  const name = src ? (lang === 'en' ? (src.nameEn ?? src.name) : src.name) : req.source;
  return body + t('ballot.inSource', { source: name });
}

function meetsTier(tier: Tier, shares: LevelShares | undefined): boolean {
  return (tier.requires ?? []).every((r) => meetsRequirement(r, shares));
}

/** What steps 6 and 7 read of a ratee, and write back. */
export interface Rankable {
  final: number | null;
  veto: boolean;
  rank: number | null;
  tier: string | null;
  levelShares?: LevelShares;
}

/** What step 7 tells about a ratee's tier: a veto, a quota tie, or a share rule it missed. */
export type TierNote =
  | { code: 'vetoed'; tier: string }
  | { code: 'quota-tie'; tier: string; limit: number }
  | { code: 'requirement-unmet'; tier: string; req: Requirement; rule: string; tiers: string[] };

/** How many of `desc` (sorted descending) are greater than f (binary search). */
function countAbove(desc: number[], f: number): number {
  let lo = 0;
  let hi = desc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (desc[mid] > f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Assigns `rank` and `tier` of every ratee with a final score; `note` is told of vetoes, quota
 * ties and missed share rules (the engine words them; the review's resampling passes none).
 */
export function assignRanksAndTiers<R extends Rankable>(
  out: R[],
  template: Template,
  note?: (r: R, n: TierNote) => void,
): void {
  const scored = out.filter((r) => r.final !== null);
  const n = scored.length;
  const finals = scored.map((r) => r.final!).sort((a, b) => b - a);
  const last = template.tiers[template.tiers.length - 1];
  for (const r of scored) r.rank = 1 + countAbove(finals, r.final!);

  const barred = new Map<R, Map<string, { req: Requirement; rule: string; tiers: string[] }>>();
  let remaining = scored.filter((r) => !r.veto);
  let placedBetter = 0;
  const tierOf = new Map<R, Tier>();
  const quotaTies = new Map<R, { tier: string; limit: number }[]>();
  template.tiers.forEach((tier, ti) => {
    if (ti === template.tiers.length - 1) return;
    const eligible: R[] = [];
    for (const r of remaining) {
      if (r.final! < tier.min) continue;
      if (meetsTier(tier, r.levelShares)) {
        eligible.push(r);
        continue;
      }
      if (!note) continue;
      (tier.requires ?? []).forEach((req, k) => {
        if (meetsRequirement(req, r.levelShares)) return;
        const rule = `tiers[${ti}].requires[${k}]`;
        let byRule = barred.get(r);
        if (!byRule) barred.set(r, (byRule = new Map()));
        const key = JSON.stringify([req.levels, req.atLeast, req.atMost, req.source]);
        const entry = byRule.get(key) ?? { req, tiers: [], rule };
        entry.tiers.push(tier.name);
        byRule.set(key, entry);
      });
    }
    const placed = new Set<R>();
    if (tier.maxShare === undefined) eligible.forEach((r) => placed.add(r));
    else {
      const limit = quotaLimit(tier.maxShare, n);
      const desc = eligible.map((k) => k.final!).sort((a, b) => b - a);
      for (const r of eligible) {
        const f = r.final!;
        const above = countAbove(desc, f);
        let atOrAbove = above;
        while (atOrAbove < desc.length && desc[atOrAbove] >= f) atOrAbove++;
        if (placedBetter + atOrAbove <= limit) placed.add(r);
        else if (placedBetter + above < limit)
          quotaTies.set(r, [...(quotaTies.get(r) ?? []), { tier: tier.name, limit }]);
      }
    }
    for (const r of placed) tierOf.set(r, tier);
    placedBetter += placed.size;
    remaining = remaining.filter((r) => !placed.has(r));
  });

  for (const r of scored) {
    if (r.veto) {
      r.tier = last.name;
      note?.(r, { code: 'vetoed', tier: last.name });
      continue;
    }
    r.tier = (tierOf.get(r) ?? last).name;
    for (const q of quotaTies.get(r) ?? []) note?.(r, { code: 'quota-tie', tier: q.tier, limit: q.limit });
    for (const { req, rule, tiers } of barred.get(r)?.values() ?? [])
      note?.(r, { code: 'requirement-unmet', tier: tiers[0], req, rule, tiers });
  }
}

/** The engine's words for a tier note, appended to the ratee's notes. */
export function tierNoteWriter(
  template: Template,
  vetoReasons: Map<string, string[]>,
  t: TFunction,
  lang: Lang,
): (r: RateeResult, n: TierNote) => void {
  return (r, n) => {
    if (n.code === 'vetoed') {
      const reason = vetoReasons.get(r.ratee)!.filter(Boolean).join('；') || '—';
      r.notes.push({ code: 'vetoed', tier: n.tier, message: t('note.vetoed', { reason, tier: n.tier }) });
    } else if (n.code === 'quota-tie') {
      r.notes.push({
        code: 'quota-tie',
        tier: n.tier,
        message: t('note.quota-tie', { final: r.final, limit: n.limit, tier: n.tier }),
      });
    } else {
      const share = requirementShare(n.req, r.levelShares);
      r.notes.push({
        code: 'requirement-unmet',
        tier: n.tier,
        rule: n.rule,
        tiers: n.tiers,
        message: t('note.requirement-unmet', {
          rule: describeRequirement(n.req, template, t, lang),
          actual: share === null ? t('ballot.noShares') : percent(share),
          tiers: t('ballot.tiers', { tiers: n.tiers.join(t('ballot.tierSep')) }),
        }),
      });
    }
  };
}
