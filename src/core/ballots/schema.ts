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

/** Where a requirement problem lies: the tier, and the requirement (null: the tier's list as a whole). */
export interface RequirementPlace {
  tier: number;
  index: number | null;
}

/**
 * The messages of `validateTierRequires`, in English (validateTemplate's, naming the JSON field)
 * and in Chinese (the template editor's, naming the tier and the rule; the field path follows).
 */
const WORDS = {
  en: {
    samePoints: (f: string, pts: number, other: string) =>
      `${f} (${pts}) is also the points of "${other}": levels of one indicator need different points`,
    floor: (p: string) =>
      `${p}: the last tier is the floor and takes everyone else, so it cannot have requirements`,
    notArray: (p: string) => `${p} must be an array of {levels, atLeast | atMost, source?}`,
    notObject: (q: string) => `${q} must be an object {levels, atLeast | atMost, source?}`,
    unknownKey: (q: string, key: string) =>
      `${q}.${key} is not a field of a requirement (allowed: levels, atLeast, atMost, source)`,
    badSource: (q: string, ids: string, found: string) =>
      `${q}.source must be a source id (${ids}); found ${found}`,
    noLevels: (q: string) => `${q}.levels must be a non-empty array of level labels`,
    badLevel: (q: string, m: number, source: string | undefined, known: string, found: string) =>
      `${q}.levels[${m}] must be a level label of ${source ? `source "${source}"` : 'the template'}'s indicators (${known || 'none are level-coded'}); found ${found}`,
    twice: (q: string, m: number, l: string) => `${q}.levels[${m}] "${l}" is listed twice`,
    noBound: (q: string) => `${q} needs atLeast or atMost (a share between 0 and 1)`,
    notShare: (q: string, f: 'atLeast' | 'atMost') => `${q}.${f} must be a share between 0 and 1`,
    crossed: (q: string, lo: number, hi: number) =>
      `${q}.atLeast (${lo}) must not be above ${q}.atMost (${hi})`,
  },
  zh: {
    samePoints: (f: string, pts: number, other: string) =>
      `${f}：分值 ${pts} 与档次“${other}”相同；同一指标的各档次分值须各不相同。`,
    floor: (p: string, tier?: string) =>
      `等次“${tier}”是最低等次，其余对象都归入它，不能设比例要求（${p}）。`,
    notArray: (p: string, tier?: string) => `等次“${tier}”的比例要求须为一组要求（${p}）。`,
    notObject: (q: string, rule?: string) => `${rule}须包含档次、比例，可选评价主体（${q}）。`,
    unknownKey: (q: string, key: string, rule?: string) =>
      `${rule}中的“${key}”不是比例要求的字段，可用：levels、atLeast、atMost、source（${q}.${key}）。`,
    badSource: (q: string, ids: string, found: string, rule?: string) =>
      `${rule}的评价主体须为 ${ids} 之一，填的是 ${found}（${q}.source）。`,
    noLevels: (q: string, rule?: string) => `${rule}至少要选一个档次（${q}.levels）。`,
    badLevel: (
      q: string,
      m: number,
      source: string | undefined,
      known: string,
      found: string,
      rule?: string,
    ) =>
      `${rule}的档次 ${found} 不是${source ? `评价主体“${source}”` : '模板'}指标的档次，可选：${known || '（没有按档次评分的指标）'}（${q}.levels[${m}]）。`,
    twice: (q: string, m: number, l: string, rule?: string) =>
      `${rule}的档次“${l}”选了两次（${q}.levels[${m}]）。`,
    noBound: (q: string, rule?: string) => `${rule}须填写比例：不低于或不超过多少（${q}.atLeast / atMost）。`,
    notShare: (q: string, f: 'atLeast' | 'atMost', rule?: string) =>
      `${rule}的${f === 'atLeast' ? '“不低于”' : '“不超过”'}比例须在 0% 到 100% 之间（${q}.${f}）。`,
    crossed: (q: string, lo: number, hi: number, rule?: string) =>
      `${rule}的下限 ${lo} 高于上限 ${hi}（${q}.atLeast / atMost）。`,
  },
};

/**
 * Checks `requires` of every raw tier and sets `requires` on the matching normalized tier.
 * Also: the levels of one indicator need distinct points (a share counts a cell by its label or
 * its points, so two levels with the same points could not be told apart). Messages in `lang`
 * (English for validateTemplate); `err` also gets where a requirement problem lies.
 */
export function validateTierRequires(
  rawTiers: unknown,
  tiers: { requires?: Requirement[] }[],
  indicators: LevelCoded[],
  sources: SourceLike[],
  err: (message: string, at?: RequirementPlace) => void,
  lang: 'zh' | 'en' = 'en',
): void {
  const w = WORDS[lang];
  indicators.forEach((ind, i) => {
    const seen = new Map<number, string>();
    for (const [k, lv] of (ind.levels ?? []).entries()) {
      if (seen.has(lv.points))
        err(w.samePoints(`indicators[${i}].levels[${k}].points`, lv.points, seen.get(lv.points)!));
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
    const tierName = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : String(t + 1);
    const whole: RequirementPlace = { tier: t, index: null };
    if (t === rawTiers.length - 1) {
      err(w.floor(p, tierName), whole);
      return;
    }
    if (!Array.isArray(raw.requires)) {
      err(w.notArray(p, tierName), whole);
      return;
    }
    const out: Requirement[] = [];
    raw.requires.forEach((r, k) => {
      const q = `${p}[${k}]`;
      const rule = `等次“${tierName}”的第 ${k + 1} 条比例要求`;
      const at: RequirementPlace = { tier: t, index: k };
      const e = (m: string) => err(m, at);
      if (!isObj(r)) return e(w.notObject(q, rule));
      for (const key of Object.keys(r))
        if (!['levels', 'atLeast', 'atMost', 'source'].includes(key)) e(w.unknownKey(q, key, rule));
      let source: string | undefined;
      if (r.source !== undefined) {
        if (typeof r.source !== 'string' || !sourceIds.includes(r.source))
          e(w.badSource(q, sourceIds.join(', '), JSON.stringify(r.source), rule));
        else source = r.source;
      }
      const known = labelsOf(source ? [source] : sourceIds);
      let levels: string[] = [];
      if (!Array.isArray(r.levels) || r.levels.length === 0) {
        e(w.noLevels(q, rule));
      } else {
        levels = [];
        r.levels.forEach((l, m) => {
          if (typeof l !== 'string' || !known.has(l))
            e(w.badLevel(q, m, source, [...known].join(', '), JSON.stringify(l), rule));
          else if (levels.includes(l)) e(w.twice(q, m, l, rule));
          else levels.push(l);
        });
      }
      if (r.atLeast === undefined && r.atMost === undefined) e(w.noBound(q, rule));
      if (r.atLeast !== undefined && !isShare(r.atLeast)) e(w.notShare(q, 'atLeast', rule));
      if (r.atMost !== undefined && !isShare(r.atMost)) e(w.notShare(q, 'atMost', rule));
      if (isShare(r.atLeast) && isShare(r.atMost) && r.atLeast > r.atMost)
        e(w.crossed(q, r.atLeast, r.atMost, rule));
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

/**
 * The requirement problems of a template as typed (the pane's draft, possibly invalid elsewhere),
 * each with where it lies, in the clerk's language: the same checks as validateTemplate.
 */
export function requirementProblems(
  draft: { tiers?: unknown; indicators?: unknown; sources?: unknown },
  lang: 'zh' | 'en',
): (RequirementPlace & { message: string })[] {
  const objs = (v: unknown) => (Array.isArray(v) ? v.filter(isObj) : []);
  const indicators: LevelCoded[] = objs(draft.indicators).map((i) => ({
    id: String(i.id),
    ...(Array.isArray(i.levels)
      ? { levels: i.levels.filter(isObj).map((l) => ({ label: String(l.label), points: Number(l.points) })) }
      : {}),
  }));
  const sources: SourceLike[] = objs(draft.sources).map((s) => ({
    id: String(s.id),
    indicators: Array.isArray(s.indicators) ? s.indicators.map(String) : indicators.map((i) => i.id),
  }));
  const out: (RequirementPlace & { message: string })[] = [];
  validateTierRequires(
    draft.tiers,
    [],
    indicators,
    sources,
    (message, at) => {
      if (at) out.push({ ...at, message });
    },
    lang,
  );
  return out;
}
