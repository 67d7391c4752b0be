/**
 * Safety of a user's workbook: what an installation may do when sheets of the same name exist.
 * Pure decisions, so the xlsx host and the Office adapter behave the same:
 *
 * - No clash: a fresh installation.
 * - The workbook already holds a Duanping installation (its DP_Template sheet): only `upgrade`
 *   is possible — the input sheets are read first and written back into the new layout, so every
 *   entry, adjustment and list row is kept; the sign-off sheet is never replaced.
 * - Sheets of the user's own carry our names: only `rename` is possible — the new sheets get
 *   free names (`汇总 (2)`); the user's sheets are never touched.
 * Without a choice, a clash is refused with a message that names the clashing sheets.
 */
import { isBlank } from '../core/cells';
import { InputError } from '../core/errors';
import type { Template } from '../core/template';
import type { EntryRow, Lang, TallyRow } from '../core/types';
import { pooledTallyLabels } from './tally-labels';
import type { ClashChoice } from './types';
import { SHEET_NAMES } from './names';
import { TEMPLATE_SHEET, type SheetKey } from './plan';

/** Sheets an upgrade leaves as they are (sign-off records must survive an upgrade). */
export const UPGRADE_KEEPS: SheetKey[] = ['signoff'];

/** Excel's limit on sheet name length. */
const MAX_SHEET_NAME = 31;

export type InstallDecision =
  | { action: 'fresh'; sheetNames: Record<SheetKey, string> }
  | { action: 'upgrade'; sheetNames: Record<SheetKey, string> }
  | { action: 'rename'; sheetNames: Record<SheetKey, string>; renamed: Record<string, string> }
  | { action: 'refuse'; clashes: string[]; message: string };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The planned sheet names (other than the store sheet) that already exist, compared as Excel does (case-insensitive). */
export function findClashes(existing: string[], names: Record<SheetKey, string>): string[] {
  return Object.entries(names)
    .filter(([k]) => k !== 'template')
    .map(([, n]) => n)
    .filter((n) => existing.some((e) => sameName(e, n)));
}

/** True when the workbook already holds a Duanping installation. */
export function hasInstallation(existing: string[]): boolean {
  return existing.some((e) => sameName(e, TEMPLATE_SHEET));
}

/** A name not among `taken`: `name (2)`, `name (3)` …, cut to Excel's 31 characters. */
export function freeName(name: string, taken: string[]): string {
  if (!taken.some((t) => sameName(t, name))) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}

/**
 * Decides how to install into a workbook whose sheets are `existing`.
 * `installedNames` are the sheet names of the existing installation (from its stored layout),
 * used by an upgrade so the sheets keep their names.
 */
export function decideInstall(
  existing: string[],
  lang: Lang,
  choice: ClashChoice | undefined,
  installedNames?: Record<SheetKey, string>,
  /** false when the template has no source that can be tallied: no 计票 sheet, so no clash on it. */
  withTally = true,
): InstallDecision {
  const names = { ...SHEET_NAMES[lang] };
  if (!withTally) delete (names as Partial<Record<SheetKey, string>>).tally;
  if (hasInstallation(existing)) {
    const current = installedNames ?? names;
    if (choice === 'upgrade') return { action: 'upgrade', sheetNames: { ...current } };
    const clashes = findClashes(existing, current);
    return {
      action: 'refuse',
      clashes,
      message:
        choice === 'rename'
          ? 'the workbook already holds a Duanping installation; a second one cannot sit beside it: choose upgrade (keeps every entry) or install into a copy'
          : `the workbook already holds a Duanping installation (${clashes.join(', ')}): choose upgrade (rebuilds the sheets and keeps every entry, adjustment, list row and sign-off)`,
    };
  }
  const clashes = findClashes(existing, names);
  if (clashes.length === 0) return { action: 'fresh', sheetNames: names };
  if (choice !== 'rename')
    return {
      action: 'refuse',
      clashes,
      message: `the workbook already has sheet${clashes.length > 1 ? 's' : ''} named ${clashes.join(', ')} that Duanping did not make; they are never overwritten: choose rename to install beside them under new names`,
    };
  const taken = [...existing];
  const renamed: Record<string, string> = {};
  for (const key of Object.keys(names) as SheetKey[]) {
    if (key === 'template') continue;
    const free = freeName(names[key], taken);
    if (free !== names[key]) renamed[names[key]] = free;
    names[key] = free;
    taken.push(free);
  }
  return { action: 'rename', sheetNames: names, renamed };
}

/** The items of `a`, then those of `b` not already there (by id). */
export function mergeById<T extends { id: string }>(a: T[], b: T[] = []): T[] {
  const seen = new Set(a.map((x) => x.id));
  return [...a, ...b.filter((x) => !seen.has(x.id))];
}

/** Refuses an upgrade that would drop typed scores of indicators the new template lacks. */
export function checkNothingDropped(entries: EntryRow[], template: Template, sheet: string): void {
  const kept = new Set(template.indicators.map((i) => i.id));
  for (const e of entries) {
    for (const [id, v] of Object.entries(e.cells)) {
      if (!kept.has(id) && !isBlank(v)) {
        const where = e.loc ? `${sheet}!${e.loc.columns[id] ?? ''}${e.loc.row}` : sheet;
        throw new InputError(
          `the new template has no indicator "${id}" but ${where} holds a score for it: an upgrade never drops entries; keep "${id}" in the template or install into a copy`,
        );
      }
    }
  }
}

/**
 * Refuses an upgrade that would drop typed tally counts (计票): the new template must still let
 * the sheet exist (a source that can be tallied) and have every level whose count was typed.
 */
export function checkNoTallyDropped(tallies: TallyRow[], template: Template, sheet: string): void {
  const labels = new Set(pooledTallyLabels(template));
  for (const r of tallies) {
    for (const [label, v] of Object.entries(r.counts)) {
      if (isBlank(v) || labels.has(label)) continue;
      const where = r.loc ? `${sheet}!${r.loc.columns[label] ?? ''}${r.loc.row}` : sheet;
      throw new InputError(
        labels.size === 0
          ? `the new template has no source that can be tallied but ${where} holds a count: an upgrade never drops entries; keep the ballot source or install into a copy`
          : `the new template has no level "${label}" but ${where} holds a count for it: an upgrade never drops entries; keep the level or install into a copy`,
      );
    }
  }
}
