/** The template's reserved ids are the entry table's fixed and hidden headers, in both languages. */
import { RESERVED_HEADERS } from '../../src/core/template';
import { builtinTemplates } from '../../src/core/templates';
import { buildPlan } from '../../src/workbook/build';
import { FIELD_HEADERS } from '../../src/workbook/names';

test('RESERVED_HEADERS holds every fixed header of the score sheet, zh and en', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const f of ['source', 'rater', 'ratee', 'total', 'status'])
      expect(RESERVED_HEADERS).toContain(FIELD_HEADERS[lang][f]);
});

test("RESERVED_HEADERS holds every hidden helper header of the entry table (but the indicators' _p_ columns, reserved by prefix)", () => {
  const template = builtinTemplates()[0];
  const plan = buildPlan({ template });
  const table = plan.sheets.find((s) => s.key === 'entry')!.tables[0];
  const helpers = table.columns.filter((h) => h.startsWith('_') && !h.startsWith('_p_'));
  expect(helpers.length).toBeGreaterThanOrEqual(6);
  for (const h of helpers) expect(RESERVED_HEADERS).toContain(h);
});
