/* eslint-disable @typescript-eslint/no-explicit-any -- the tests mutate raw template JSON on purpose */
import { builtinTemplateJson, builtinTemplates } from '../../src/core/templates';
import { validateTemplate } from '../../src/core/template';

describe('built-in templates', () => {
  const all = builtinTemplates();
  it('ships at least five, each valid against the template schema', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const t of all) expect(validateTemplate(builtinTemplateJson(t.id))).toMatchObject({ ok: true });
  });
  it.each(all.map((t) => [t.id, t]))(
    '%s has Chinese and English names for every indicator, source and tier',
    (_id, t) => {
      expect(t.nameEn).toBeTruthy();
      for (const x of [...t.indicators, ...t.sources, ...t.tiers]) {
        expect(x.name).toMatch(/[\u4e00-\u9fff]/);
        expect(x.nameEn).toBeTruthy();
      }
    },
  );
  it('covers the practices of domain.md', () => {
    const by = Object.fromEntries(all.map((t) => [t.id, t]));
    expect(by['duty-report'].sources).toHaveLength(3);
    expect(by['duty-report'].indicators.some((i) => i.kind === 'bonus')).toBe(true);
    expect(by['agency-annual'].tiers.map((t) => t.name)).toEqual(['优秀', '先进', '达标', '不达标']);
    expect(by['agency-annual'].tiers[0].maxShare).toBeLessThanOrEqual(0.3);
    expect(by['five-stage'].sources).toHaveLength(5);
    expect(
      by['democratic-ballot'].indicators.every(
        (i) => i.levels?.map((l) => l.label).join() === '好,较好,一般,差',
      ),
    ).toBe(true);
    expect(by['star-rating'].tiers.map((t) => t.name)).toEqual(['五星', '四星', '三星', '二星', '一星']);
  });
});

describe('validateTemplate names the bad field', () => {
  const base = () => JSON.parse(JSON.stringify(builtinTemplateJson('agency-annual')));
  it.each([
    [(t: any) => (t.tiers[2].maxShare = 2), 'tiers[2].maxShare must be between 0 and 1'],
    [(t: any) => (t.indicators[1].max = 0), 'indicators[1].max must be a number greater than 0'],
    [(t: any) => (t.indicators[3].id = t.indicators[0].id), 'indicators[3].id "A1" is used twice'],
    [
      (t: any) => (t.sources[0].aggregate = 'mode'),
      'sources[0].aggregate must be one of mean, trimmed, median (found "mode")',
    ],
    [
      (t: any) => (t.sources[1].indicators = ['A1', 'ZZ']),
      'sources[1].indicators[1] must be an indicator id (found "ZZ")',
    ],
    [
      (t: any) => (t.sources[0].trimMinRaters = 2),
      'sources[0].trimMinRaters must be at least 2 × trim + 1 (3) so that a row is left after trimming',
    ],
    [(t: any) => (t.schema = 'x'), 'schema must be "duanping.template/1" (found "x")'],
    [
      (t: any) => (t.tiers[1].min = 95),
      'tiers[1].min (95) must not be above tiers[0].min (90): best tier first',
    ],
    [(t: any) => (t.decimals = 1.5), 'decimals must be a whole number from 0 to 6'],
    [(t: any) => delete t.tiers, 'tiers must be a non-empty array, best tier first'],
  ])('%#: %s', (mutate, message) => {
    const t = base();
    mutate(t);
    const v = validateTemplate(t);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toContain(message);
  });
});
