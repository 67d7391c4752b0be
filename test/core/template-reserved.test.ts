/** The template's reserved ids are the entry table's fixed headers, in both languages. */
import { RESERVED_HEADERS } from '../../src/core/template';
import { FIELD_HEADERS } from '../../src/workbook/names';

test('RESERVED_HEADERS holds every fixed header of the score sheet, zh and en', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const f of ['source', 'rater', 'ratee', 'total', 'status'])
      expect(RESERVED_HEADERS).toContain(FIELD_HEADERS[lang][f]);
});
