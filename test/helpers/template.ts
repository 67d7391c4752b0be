/**
 * A small validated template for tests: two plain indicators A (max 60) and B (max 40), one
 * source `s1` (mean) and one tier, with any field replaced by `over`. Fails the test with the
 * validator's own messages when the result is not a valid template.
 */
import { validateTemplate, type Template } from '../../src/core/template';

export const TEST_TEMPLATE_BASE: Record<string, unknown> = {
  schema: 'duanping.template/1',
  id: 't',
  name: 'T',
  indicators: [
    { id: 'A', name: 'A', dimension: 'd', max: 60 },
    { id: 'B', name: 'B', dimension: 'd', max: 40 },
  ],
  sources: [{ id: 's1', name: 'S1', weight: 1, aggregate: 'mean' }],
  tiers: [{ name: 'X', min: 0 }],
};

export function testTemplate(over: Record<string, unknown>, base = TEST_TEMPLATE_BASE): Template {
  const v = validateTemplate({ ...base, ...over });
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.template;
}
