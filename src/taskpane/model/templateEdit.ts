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
  | { part: 'indicators'; index: number; field: 'name' | 'dimension' | 'max' | 'weight'; value: string }
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
