/**
 * Installing into an .xlsx workbook that may already hold sheets: the decisions of
 * src/workbook/install.ts applied with exceljs. Nothing a user made is overwritten; an upgrade
 * reads every entry, adjustment and list row first and writes them into the new layout.
 */
import { existsSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { isBlank } from '../../core/cells';
import { InputError } from '../../core/errors';
import type { Template } from '../../core/template';
import type { AdjustmentRow, EntryRow, Lang, RateeInfo, RaterInfo } from '../../core/types';
import type { ClashChoice, InstallReport } from '../types';
import { buildPlan, type BuildOptions } from '../../workbook/build';
import { decideInstall, hasInstallation, UPGRADE_KEEPS } from '../../workbook/install';
import type { WorkbookPlan } from '../../workbook/plan';
import { openXlsx, readStored, readWorkbookContent } from './read';
import { applyPlan, newWorkbook } from './write';

export interface XlsxInstallOptions {
  template: Template;
  lang?: Lang;
  ratees?: RateeInfo[];
  raters?: RaterInfo[];
  entries?: EntryRow[];
  adjustments?: AdjustmentRow[];
  onClash?: ClashChoice;
}

/** Ratees of `a`, then those of `b` not already there (by id). */
function mergeById<T extends { id: string }>(a: T[], b: T[] = []): T[] {
  const seen = new Set(a.map((x) => x.id));
  return [...a, ...b.filter((x) => !seen.has(x.id))];
}

/** Refuses an upgrade that would drop typed scores of indicators the new template lacks. */
function checkNothingDropped(entries: EntryRow[], template: Template, sheet: string): void {
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

function removeInstallation(wb: ExcelJS.Workbook, sheetNames: string[], keep: string[]): void {
  for (const name of sheetNames) {
    if (keep.includes(name)) continue;
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const names = wb.definedNames as unknown as { model: { name: string }[] };
  names.model = names.model.filter((d) => !d.name.startsWith('DP_'));
}

/** Installs the template into `wb` (which may hold other sheets); returns what was done. */
export async function installIntoWorkbook(
  wb: ExcelJS.Workbook,
  o: XlsxInstallOptions,
): Promise<{ report: InstallReport; plan: WorkbookPlan }> {
  const lang = o.lang ?? 'zh';
  const existing = wb.worksheets.map((ws) => ws.name);
  const installed = hasInstallation(existing) ? readStored(wb) : null;
  const decision = decideInstall(existing, lang, o.onClash, installed?.layout.sheetNames);
  if (decision.action === 'refuse') throw new InputError(decision.message);

  const build: BuildOptions = {
    template: o.template,
    lang,
    ratees: o.ratees,
    raters: o.raters,
    entries: o.entries,
    adjustments: o.adjustments,
    sheetNames: decision.sheetNames,
  };
  let keep: string[] = [];
  let keptEntries = 0;
  if (decision.action === 'upgrade' && installed) {
    const { content } = readWorkbookContent(wb);
    checkNothingDropped(content.entries, o.template, installed.layout.entry.sheet);
    build.entries = [...content.entries, ...(o.entries ?? [])];
    build.adjustments = [...content.adjustments, ...(o.adjustments ?? [])];
    build.ratees = mergeById(content.ratees, o.ratees);
    build.raters = mergeById(content.raters, o.raters);
    build.capacity = {
      entries: Math.max(
        installed.layout.entry.lastRow - installed.layout.entry.firstRow + 1,
        build.entries.length + 50,
      ),
      adjustments: Math.max(
        installed.layout.adjustments.lastRow - installed.layout.adjustments.firstRow + 1,
        build.adjustments.length + 30,
      ),
      lists: Math.max(
        installed.layout.lists.lastRow - installed.layout.lists.firstRow + 1,
        Math.max(build.ratees.length, build.raters.length) + 20,
      ),
    };
    keptEntries = content.entries.length;
    keep = UPGRADE_KEEPS.map((k) => installed.layout.sheetNames[k]).filter((n) => existing.includes(n));
    removeInstallation(wb, Object.values(installed.layout.sheetNames), keep);
  }
  const plan = buildPlan(build);
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  await applyPlan(wb, { ...plan, sheets: plan.sheets.filter((s) => !keep.includes(s.name)) });
  return {
    plan,
    report: {
      sheets: plan.sheets.map((s) => s.name),
      renamed: decision.action === 'rename' ? decision.renamed : {},
      keptEntries,
    },
  };
}

/**
 * Installs into the workbook at `path`: a new file when there is none, else into the existing
 * workbook (its other sheets untouched), written back to `outPath` (default: the same file).
 */
export async function installXlsxFile(
  path: string,
  o: XlsxInstallOptions,
  outPath = path,
): Promise<{ report: InstallReport; plan: WorkbookPlan }> {
  const wb = existsSync(path) ? await openXlsx(path) : newWorkbook();
  const result = await installIntoWorkbook(wb, o);
  try {
    await wb.xlsx.writeFile(outPath);
  } catch (e) {
    throw new InputError(`cannot write ${outPath}: ${(e as Error).message}`);
  }
  return result;
}
