/**
 * Sample assessments of a chosen size for the fake workbook (tests, the benchmark, the preview's
 * demo data): a built-in template, ratees and raters, and a clerk "typing" scores straight into
 * the fake's cells (not through the API, so it costs no round trips).
 */
import { builtinTemplates } from '../../core/templates';
import type { Template } from '../../core/template';
import type { RateeInfo, RaterInfo } from '../../core/types';
import { columnIndex, columnLetter } from '../../core/address';
import { TEMPLATE_SHEET } from '../../workbook/plan';
import { readStore } from '../../workbook/store';
import type { FakeBook } from './model';

export interface Workload {
  template: Template;
  ratees: RateeInfo[];
  raters: RaterInfo[];
}

/** `ratees` ratees and `ratersPerSource` raters in each source of the template `templateId`. */
export function sampleWorkload(
  ratees: number,
  ratersPerSource: number,
  templateId = 'duty-report',
): Workload {
  const template = builtinTemplates().find((t) => t.id === templateId);
  if (!template) throw new Error(`no built-in template "${templateId}"`);
  return {
    template,
    ratees: Array.from({ length: ratees }, (_, i) => ({
      id: `U${String(i + 1).padStart(3, '0')}`,
      name: `被评${i + 1}`,
    })),
    raters: template.sources.flatMap((s) =>
      Array.from({ length: ratersPerSource }, (_, i) => ({ id: `${s.id}-${i + 1}`, source: s.id })),
    ),
  };
}

/**
 * Types a score into every indicator cell of every prefilled entry row (a deterministic value
 * between 60% and 100% of the indicator's maximum, or a level label). Returns the rows typed.
 */
export function typeScores(book: FakeBook): number {
  const store = book.sheetOrThrow(TEMPLATE_SHEET);
  const used = store.usedRect(true);
  if (!used) throw new Error(`${TEMPLATE_SHEET} is empty`);
  const { template, layout } = readStore(store.values(`A1:${columnLetter(used.lastCol)}${used.lastRow + 1}`));
  const e = layout.entry;
  const sheet = book.sheetOrThrow(e.sheet);
  let typed = 0;
  for (let row = e.firstRow - 1; sheet.valueAt(row, columnIndex(e.raterCol)) !== ''; row++) {
    template.indicators.forEach((ind, k) => {
      const col = columnIndex(e.indicatorCols[ind.id]);
      const cell = sheet.ensureCell(row, col);
      cell.value = ind.levels
        ? ind.levels[(row + k) % ind.levels.length].label
        : Math.round(ind.max * (0.6 + (((row * 7 + k * 13) % 41) / 40) * 0.4) * 10) / 10;
    });
    typed++;
  }
  return typed;
}
