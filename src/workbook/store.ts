/**
 * The very hidden `DP_Template` sheet: the template and the layout of an installation as JSON,
 * so that any reader (`duanping score BOOK.xlsx`, the task pane) knows what was installed.
 *
 * From A1, as plain values:
 *   row 1: `duanping.workbook/1`, the language (`zh` / `en`)
 *   row 2: `template`, then the template JSON in chunks of at most 30000 characters
 *   row 3: `layout`, then the layout JSON in chunks
 * (a spreadsheet cell holds at most 32767 characters).
 */
import { InputError } from '../core/errors';
import { validateTemplate, type Template } from '../core/template';
import type { Lang } from '../core/types';
import { TEMPLATE_SHEET, WORKBOOK_PLAN_SCHEMA, type PlanValue, type WorkbookLayout } from './plan';

export const CHUNK = 30000;

/** Splits text into cell-sized pieces. */
export function chunkText(text: string, size = CHUNK): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** The rows of the DP_Template sheet for a template and its layout. */
export function storeRows(template: Template, layout: WorkbookLayout, lang: Lang): PlanValue[][] {
  const t = chunkText(JSON.stringify(template));
  const l = chunkText(JSON.stringify(layout));
  const width = Math.max(t.length, l.length) + 1;
  const pad = (row: PlanValue[]) => [...row, ...Array(width - row.length).fill(null)];
  return [pad([WORKBOOK_PLAN_SCHEMA, lang]), pad(['template', ...t]), pad(['layout', ...l])];
}

export interface Stored {
  template: Template;
  /**
   * The stored template JSON exactly as parsed, every field kept (also fields this version does
   * not know, which `template` leaves out): what a sign-off digests (signoff.md, Additions).
   */
  templateJson?: unknown;
  layout: WorkbookLayout;
  lang: Lang;
}

/** Reads the DP_Template sheet back (values from A1); a damaged sheet is a one-line InputError. */
export function readStore(rows: unknown[][]): Stored {
  const cell = (r: number, c: number) => rows[r]?.[c];
  if (cell(0, 0) !== WORKBOOK_PLAN_SCHEMA)
    throw new InputError(
      `${TEMPLATE_SHEET}!A1 must read "${WORKBOOK_PLAN_SCHEMA}" (found ${JSON.stringify(cell(0, 0) ?? null)}): this is not a Duanping workbook`,
    );
  const lang: Lang = cell(0, 1) === 'en' ? 'en' : 'zh';
  const joined = (r: number, label: string): unknown => {
    if (cell(r, 0) !== label) throw new InputError(`${TEMPLATE_SHEET}!A${r + 1} must read "${label}"`);
    const text = (rows[r] ?? [])
      .slice(1)
      .map((v) => (typeof v === 'string' ? v : ''))
      .join('');
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new InputError(
        `${TEMPLATE_SHEET} row ${r + 1}: the stored ${label} is damaged (${(e as Error).message})`,
      );
    }
  };
  const templateJson = joined(1, 'template');
  const v = validateTemplate(templateJson, { unknownKeys: 'ignore' });
  if (!v.ok) throw new InputError(`${TEMPLATE_SHEET}: the stored template is invalid: ${v.errors[0]}`);
  const layout = joined(2, 'layout') as WorkbookLayout;
  if (!layout || typeof layout !== 'object' || !layout.entry || !layout.summary)
    throw new InputError(`${TEMPLATE_SHEET}!A3: the stored layout is damaged`);
  return { template: v.template, templateJson, layout, lang };
}
