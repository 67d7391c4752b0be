/**
 * Installed workbooks for the sign-off command-line tests, made by the real pipeline: the
 * shared plan builder and xlsx writer, then LibreOffice recalculation so the summary's live
 * formulas carry computed values (as after a clerk saves the book in a spreadsheet program).
 */
import { copyFileSync } from 'node:fs';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow, RateeInfo } from '../../src/core/types';
import { buildPlan } from '../../src/workbook/build';
import { recalcWithLibreOffice } from '../helpers/libreoffice';

/** A simple deterministic generator (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function builtin(id = 'agency-annual'): Template {
  const t = getBuiltinTemplate(id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
}

/**
 * Writes an installed, recalculated workbook to `path`: ratees × raters per source with scores
 * in [60 %, 100 %] of each max, and two adjustments.
 */
export async function builtWorkbook(
  path: string,
  template: Template,
  ratees = 8,
  ratersPerSource = 5,
  seed = 7,
): Promise<void> {
  const rnd = lcg(seed);
  const entries: EntryRow[] = [];
  const rateeList: RateeInfo[] = Array.from({ length: ratees }, (_, j) => ({
    id: `U${String(j + 1).padStart(2, '0')}`,
    name: `单位${j + 1}`,
  }));
  for (const src of template.sources)
    for (let r = 0; r < ratersPerSource; r++)
      for (const ratee of rateeList) {
        const cells: EntryRow['cells'] = {};
        for (const id of src.indicators) {
          const ind = template.indicators.find((i) => i.id === id)!;
          cells[id] = Math.round(ind.max * (0.6 + 0.4 * rnd()) * 2) / 2;
        }
        entries.push({ source: src.id, rater: `${src.id}-${r + 1}`, ratee: ratee.id, cells });
      }
  const adjustments: AdjustmentRow[] = [
    { ratee: 'U02', kind: 'bonus', points: 1, reason: '市级表彰' },
    { ratee: 'U05', kind: 'deduction', points: 2, reason: '巡察问题整改滞后' },
  ];
  const plan = buildPlan({ template, ratees: rateeList, entries, adjustments });
  const raw = path.replace(/\.xlsx$/, '.raw.xlsx');
  await writePlanXlsx(plan, raw);
  copyFileSync(await recalcWithLibreOffice(raw), path);
}
