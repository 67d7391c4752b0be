/**
 * Tier requirements on level shares (`tiers[].requires`, scoring.md "Ballots: level shares and
 * share rules"): their type and their validation. `validateTemplate` (../template.ts) calls
 * `validateTierRequires` once; every message names the field (`tiers[0].requires[1].atMost …`).
 */

/** One share rule of a tier: the summed share of `levels` at least / at most a bound. */
export interface Requirement {
  /** Level labels whose shares are added up. */
  levels: string[];
  atLeast?: number;
  atMost?: number;
  /** A source id; absent = pooled over every source with level-coded indicators (`all`). */
  source?: string;
}

/** Share comparisons allow this much for binary fractions (1/3 ≤ 0.333333333 holds). */
export const SHARE_TOLERANCE = 1e-9;

interface LevelCoded {
  id: string;
  levels?: { label: string; points: number }[];
}
interface SourceLike {
  id: string;
  indicators: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/**
 * Checks `requires` of every raw tier and sets `requires` on the matching normalized tier.
 * Also: the levels of one indicator need distinct points (a share counts a cell by its label or
 * its points, so two levels with the same points could not be told apart).
 */
export function validateTierRequires(
  rawTiers: unknown,
  tiers: { requires?: Requirement[] }[],
  indicators: LevelCoded[],
  sources: SourceLike[],
  err: (message: string) => void,
): void {
  indicators.forEach((ind, i) => {
    const seen = new Map<number, string>();
    for (const [k, lv] of (ind.levels ?? []).entries()) {
      if (seen.has(lv.points))
        err(
          `indicators[${i}].levels[${k}].points (${lv.points}) is also the points of "${seen.get(lv.points)}": levels of one indicator need different points`,
        );
      else seen.set(lv.points, lv.label);
    }
  });
  if (!Array.isArray(rawTiers)) return;
  const indById = new Map(indicators.map((x) => [x.id, x]));
  const labelsOf = (sourceIds: string[]) => {
    const labels = new Set<string>();
    for (const s of sources)
      if (sourceIds.includes(s.id))
        for (const id of s.indicators) for (const l of indById.get(id)?.levels ?? []) labels.add(l.label);
    return labels;
  };
  const sourceIds = sources.map((s) => s.id);
  rawTiers.forEach((raw, t) => {
    if (!isObj(raw) || raw.requires === undefined) return;
    const p = `tiers[${t}].requires`;
    if (t === rawTiers.length - 1) {
      err(`${p}: the last tier is the floor and takes everyone else, so it cannot have requirements`);
      return;
    }
    if (!Array.isArray(raw.requires)) {
      err(`${p} must be an array of {levels, atLeast | atMost, source?}`);
      return;
    }
    const out: Requirement[] = [];
    raw.requires.forEach((r, k) => {
      const q = `${p}[${k}]`;
      if (!isObj(r)) return err(`${q} must be an object {levels, atLeast | atMost, source?}`);
      for (const key of Object.keys(r))
        if (!['levels', 'atLeast', 'atMost', 'source'].includes(key))
          err(`${q}.${key} is not a field of a requirement (allowed: levels, atLeast, atMost, source)`);
      let source: string | undefined;
      if (r.source !== undefined) {
        if (typeof r.source !== 'string' || !sourceIds.includes(r.source))
          err(`${q}.source must be a source id (${sourceIds.join(', ')}); found ${JSON.stringify(r.source)}`);
        else source = r.source;
      }
      const known = labelsOf(source ? [source] : sourceIds);
      let levels: string[] = [];
      if (!Array.isArray(r.levels) || r.levels.length === 0) {
        err(`${q}.levels must be a non-empty array of level labels`);
      } else {
        levels = [];
        r.levels.forEach((l, m) => {
          if (typeof l !== 'string' || !known.has(l))
            err(
              `${q}.levels[${m}] must be a level label of ${source ? `source "${source}"` : 'the template'}'s indicators (${[...known].join(', ') || 'none are level-coded'}); found ${JSON.stringify(l)}`,
            );
          else if (levels.includes(l)) err(`${q}.levels[${m}] "${l}" is listed twice`);
          else levels.push(l);
        });
      }
      if (r.atLeast === undefined && r.atMost === undefined)
        err(`${q} needs atLeast or atMost (a share between 0 and 1)`);
      if (r.atLeast !== undefined && !isShare(r.atLeast)) err(`${q}.atLeast must be a share between 0 and 1`);
      if (r.atMost !== undefined && !isShare(r.atMost)) err(`${q}.atMost must be a share between 0 and 1`);
      if (isShare(r.atLeast) && isShare(r.atMost) && r.atLeast > r.atMost)
        err(`${q}.atLeast (${r.atLeast}) must not be above ${q}.atMost (${r.atMost})`);
      out.push({
        levels,
        ...(isShare(r.atLeast) ? { atLeast: r.atLeast } : {}),
        ...(isShare(r.atMost) ? { atMost: r.atMost } : {}),
        ...(source ? { source } : {}),
      });
    });
    if (tiers[t] && out.length > 0) tiers[t].requires = out;
  });
}
