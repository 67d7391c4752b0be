/**
 * Editing a template in the 模板 tab. The pane keeps a draft (plain JSON, as in a template file)
 * and validates it after every edit with the engine's `validateTemplate`, so the clerk sees the
 * same messages as the command line and an invalid draft is never installed.
 */
import { toHalfWidth } from '../../core/cells';
import type { Template } from '../../core/template';

/** A template as plain JSON: what the clerk is editing, possibly invalid. */
export type TemplateDraft = Record<string, unknown> & {
  indicators?: Record<string, unknown>[];
  sources?: Record<string, unknown>[];
  tiers?: Record<string, unknown>[];
};

export type TemplateEdit =
  | {
      part: 'indicators';
      index: number;
      field: 'name' | 'dimension' | 'max' | 'weight' | 'criteria';
      value: string;
    }
  | { part: 'sources'; index: number; field: 'name' | 'weight' | 'aggregate'; value: string }
  | { part: 'tiers'; index: number; field: 'name' | 'min' | 'maxShare'; value: string }
  | { part: 'template'; field: 'name' | 'decimals'; value: string };

const NUMERIC = new Set(['max', 'weight', 'min', 'maxShare', 'decimals']);
/** Fields that may be left empty to mean "not set" (the validator's default applies). */
const OPTIONAL = new Set(['maxShare', 'weight']);

/** A draft from a valid template (a deep copy the pane may change). */
export function draftOf(template: Template): TemplateDraft {
  return JSON.parse(JSON.stringify(template)) as TemplateDraft;
}

/**
 * Reads a number the way a clerk types it: full-width digits allowed; a share may be written
 * `30%`, `30` or `0.3` (a share above 1 can only mean percent). Anything else comes back as the
 * text, for the validator to report.
 */
export function parseNumberField(text: string, field: string): number | string | undefined {
  const s = toHalfWidth(text).replace(/[\s\u3000]/g, '');
  if (s === '') return OPTIONAL.has(field) ? undefined : text;
  const pct = field === 'maxShare' && s.endsWith('%');
  const body = pct ? s.slice(0, -1) : s;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return text;
  const n = Number(body);
  return pct || (field === 'maxShare' && n > 1) ? n / 100 : n;
}

/** Applies one edit to a copy of the draft. */
export function applyEdit(draft: TemplateDraft, edit: TemplateEdit): TemplateDraft {
  const next = JSON.parse(JSON.stringify(draft)) as TemplateDraft;
  const value = NUMERIC.has(edit.field) ? parseNumberField(edit.value, edit.field) : edit.value;
  let target: Record<string, unknown> | undefined;
  if (edit.part === 'template') target = next;
  else target = next[edit.part]?.[edit.index];
  if (!target) return next;
  if (value === undefined) delete target[edit.field];
  else target[edit.field] = value;
  return next;
}

/** Total points of a template and its dimensions in order, for the summary line. */
export function templateFacts(template: Template): {
  indicators: number;
  maxTotal: number;
  dimensions: string[];
} {
  const dimensions: string[] = [];
  for (const x of template.indicators) if (!dimensions.includes(x.dimension)) dimensions.push(x.dimension);
  const maxTotal = template.indicators.reduce((a, x) => a + x.max, 0);
  return { indicators: template.indicators.length, maxTotal, dimensions };
}

/** Each source's weight as a share of all source weights (for "上级评价 40%"). */
export function sourceShares(template: Template): { id: string; share: number }[] {
  const total = template.sources.reduce((a, s) => a + s.weight, 0);
  return template.sources.map((s) => ({ id: s.id, share: s.weight / total }));
}

export type Part = 'indicators' | 'sources' | 'tiers';

function copy(draft: TemplateDraft): TemplateDraft {
  return JSON.parse(JSON.stringify(draft)) as TemplateDraft;
}

/** A new id like `X3` not yet used in the list. */
function freshId(items: Record<string, unknown>[], prefix: string): string {
  const used = new Set(items.map((x) => String(x.id)));
  for (let n = items.length + 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/**
 * Adds an item after `after` (or at the end): an indicator in the same 一级指标 as the one
 * before it, a source scoring every indicator, or a tier above the floor tier.
 */
export function addItem(
  draft: TemplateDraft,
  part: Part,
  after?: number,
  words = NEW_WORDS.zh,
): TemplateDraft {
  const next = copy(draft);
  const list = (next[part] ??= []);
  if (part === 'indicators') {
    const at = after ?? list.length - 1;
    const prev = list[at];
    const item = {
      id: freshId(list, 'X'),
      name: words.indicator,
      dimension: prev?.dimension ?? words.dimension,
      max: 10,
    };
    list.splice(at + 1, 0, item);
    // Scored by the sources that score the indicator before it (all sources for the first).
    for (const s of next.sources ?? [])
      if (Array.isArray(s.indicators) && (!prev || (s.indicators as unknown[]).includes(prev.id)))
        (s.indicators as unknown[]).push(item.id);
  } else if (part === 'sources') {
    list.splice((after ?? list.length - 1) + 1, 0, {
      id: freshId(list, 's'),
      name: words.source,
      weight: 10,
      aggregate: 'mean',
      indicators: (next.indicators ?? []).map((x) => x.id),
    });
  } else {
    // A tier is added above the floor (the floor tier stays last), halfway between its neighbours.
    const at = Math.min(after ?? list.length - 2, list.length - 2);
    const above = Number(list[at]?.min ?? 100);
    const below = Number(list[at + 1]?.min ?? 0);
    list.splice(at + 1, 0, { name: words.tier, min: Math.round((above + below) / 2) });
  }
  return next;
}

/** Removes an item; an indicator is also taken out of the sources that score it. */
export function removeItem(draft: TemplateDraft, part: Part, index: number): TemplateDraft {
  const next = copy(draft);
  const list = next[part];
  if (!list || !list[index]) return next;
  const [gone] = list.splice(index, 1);
  if (part === 'indicators')
    for (const s of next.sources ?? [])
      if (Array.isArray(s.indicators))
        s.indicators = (s.indicators as unknown[]).filter((id) => id !== gone.id);
  return next;
}

/** Moves an item one place up (-1) or down (+1). */
export function moveItem(draft: TemplateDraft, part: Part, index: number, by: -1 | 1): TemplateDraft {
  const next = copy(draft);
  const list = next[part];
  const to = index + by;
  if (!list || to < 0 || to >= list.length) return next;
  [list[index], list[to]] = [list[to], list[index]];
  return next;
}

/** Default words for new items, in the pane's language. */
export const NEW_WORDS = {
  zh: { indicator: '新指标', dimension: '新一级指标', source: '新评价主体', tier: '新等次' },
  en: { indicator: 'New indicator', dimension: 'New group', source: 'New source', tier: 'New tier' },
};

/**
 * Problems of a draft in the clerk's words, before the engine's own validation: blank or
 * repeated names, maxima and weights, tiers whose minimums do not go down (好 = 较好 = 80).
 */
export function draftProblems(draft: TemplateDraft, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const named = (part: Part, word: string, wordEn: string) => {
    const seen = new Map<string, number>();
    (draft[part] ?? []).forEach((x, i) => {
      const name = String(x.name ?? '').trim();
      if (name === '') out.push(zh ? `第 ${i + 1} 个${word}没有名称。` : `${wordEn} ${i + 1} has no name.`);
      else if (seen.has(name))
        out.push(
          zh
            ? `${word}“${name}”出现了两次（第 ${seen.get(name)! + 1} 个和第 ${i + 1} 个），请改名。`
            : `${wordEn} "${name}" appears twice (${seen.get(name)! + 1} and ${i + 1}); rename one.`,
        );
      else seen.set(name, i);
    });
  };
  named('indicators', '指标', 'Indicator');
  named('sources', '评价主体', 'Source');
  named('tiers', '等次', 'Tier');
  for (const x of draft.indicators ?? []) {
    const name = String(x.name ?? x.id);
    if (typeof x.max !== 'number' || !(x.max > 0))
      out.push(
        zh
          ? `指标“${name}”的满分要填大于 0 的数字。`
          : `Indicator "${name}": the maximum must be a number above 0.`,
      );
  }
  if ((draft.indicators ?? []).length === 0)
    out.push(zh ? '模板至少要有一项指标。' : 'A template needs at least one indicator.');
  if ((draft.sources ?? []).length === 0)
    out.push(zh ? '至少要有一个评价主体。' : 'A template needs at least one source.');
  const tiers = draft.tiers ?? [];
  if (tiers.length < 2) out.push(zh ? '至少要有两个等次。' : 'A template needs at least two tiers.');
  for (let i = 1; i < tiers.length; i++) {
    const a = tiers[i - 1];
    const b = tiers[i];
    if (typeof a.min === 'number' && typeof b.min === 'number' && !(b.min < a.min))
      out.push(
        zh
          ? `等次“${String(b.name)}”的最低分 ${b.min} 不低于上一等次“${String(a.name)}”的 ${a.min}：每个等次的最低分要比上一等次低。`
          : `Tier "${String(b.name)}" starts at ${b.min}, not below "${String(a.name)}" (${a.min}): each tier must start lower than the one above.`,
      );
  }
  return out;
}

/** Whether two templates are the same (the draft against what the workbook holds). */
export function sameTemplate(a: Template, b: Template): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How a share rule compares: at least (≥, `atLeast`) or at most (≤, `atMost`) — the spec's two bounds. */
export type RuleOp = 'atLeast' | 'atMost';

/** A change to one share rule (`tiers[tier].requires[index]`) of the draft. */
export type RequirementEdit =
  | { field: 'levels'; value: string[] }
  | { field: 'op'; value: RuleOp }
  /** The share as typed: `50%`, `50` or `0.5`; anything else is kept as text for the validator to report. */
  | { field: 'share'; value: string }
  /** A source id, or '' for every ballot source together (pooled). */
  | { field: 'source'; value: string };

function requiresOf(draft: TemplateDraft, tier: number): Record<string, unknown>[] | null {
  const t = draft.tiers?.[tier];
  if (!t) return null;
  if (!Array.isArray(t.requires)) t.requires = [];
  return t.requires as Record<string, unknown>[];
}

/** Adds a share rule to a tier: the first level at least 50% (the clerk then edits it). */
export function addRequirement(draft: TemplateDraft, tier: number, firstLevel: string): TemplateDraft {
  const next = copy(draft);
  requiresOf(next, tier)?.push({ levels: [firstLevel], atLeast: 0.5 });
  return next;
}

/** Removes a share rule; a tier left without rules loses its `requires`. */
export function removeRequirement(draft: TemplateDraft, tier: number, index: number): TemplateDraft {
  const next = copy(draft);
  const list = requiresOf(next, tier);
  if (!list) return next;
  list.splice(index, 1);
  if (list.length === 0) delete next.tiers![tier].requires;
  return next;
}

/** The bound a rule uses now (atMost when only that is set, else atLeast). */
export function ruleOp(rule: Record<string, unknown>): RuleOp {
  return rule.atLeast === undefined && rule.atMost !== undefined ? 'atMost' : 'atLeast';
}

/** Applies one change to a share rule. */
export function editRequirement(
  draft: TemplateDraft,
  tier: number,
  index: number,
  edit: RequirementEdit,
): TemplateDraft {
  const next = copy(draft);
  const rule = requiresOf(next, tier)?.[index];
  if (!rule) return next;
  if (edit.field === 'levels') rule.levels = edit.value;
  else if (edit.field === 'source') {
    if (edit.value === '') delete rule.source;
    else rule.source = edit.value;
  } else if (edit.field === 'op') {
    const from = ruleOp(rule);
    if (from !== edit.value) {
      rule[edit.value] = rule[from];
      delete rule[from];
    }
  } else {
    const op = ruleOp(rule);
    const v = parseNumberField(edit.value, 'maxShare');
    // Blank: the validator names the missing bound.
    if (v === undefined) delete rule[op];
    else rule[op] = v;
  }
  return next;
}

/** The level labels a rule may name (of the draft's level-coded indicators, of one source or all). */
export function draftLevelLabels(draft: TemplateDraft, source?: string): string[] {
  const sources = (draft.sources ?? []).filter((s) => source === undefined || s.id === source);
  const scored = new Set(
    sources.flatMap((s) =>
      Array.isArray(s.indicators)
        ? (s.indicators as unknown[]).map(String)
        : (draft.indicators ?? []).map((i) => String(i.id)),
    ),
  );
  const labels: string[] = [];
  for (const ind of draft.indicators ?? [])
    if (scored.has(String(ind.id)) && Array.isArray(ind.levels))
      for (const l of ind.levels as Record<string, unknown>[])
        if (typeof l.label === 'string' && !labels.includes(l.label)) labels.push(l.label);
  return labels;
}
