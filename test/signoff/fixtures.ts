/** Signed-content fixtures for the sign-off tests: a fixed example and a fast-check generator. */
import fc from 'fast-check';
import { validateTemplate, type Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow } from '../../src/core/types';
import type { ResultRow, SignoffContent } from '../../src/core/signoff';

export const ENTRY_SHEET = '评分录入';
export const ADJ_SHEET = '加减分';
export const SUMMARY_SHEET = '汇总';

/** A validated template from its JSON, failing the test loudly when it does not validate. */
export function template(json: unknown): Template {
  const v = validateTemplate(json);
  if (!v.ok) throw new Error('fixture template invalid: ' + v.errors.join('; '));
  return v.template;
}

export function exampleTemplate(): Template {
  return template({
    schema: 'duanping.template/1',
    id: 'demo',
    name: '党建考核（示例）',
    indicators: [
      { id: 'A1', name: '思想建设', dimension: '基本', max: 40 },
      { id: 'A2', name: '组织建设', dimension: '基本', max: 35 },
      { id: 'B1', name: '作风建设', dimension: '重点', max: 25, weight: 30 },
    ],
    sources: [
      { id: 'leader', name: '上级评价', weight: 60 },
      { id: 'staff', name: '民主测评', weight: 40, aggregate: 'trimmed' },
    ],
    adjustments: { bonusCap: 5, deductionCap: 10 },
    tiers: [
      { name: '优秀', min: 90, maxShare: 0.3, color: '#2E7D32' },
      { name: '良好', min: 80 },
      { name: '一般', min: 0 },
    ],
  });
}

/** Builds content with entries laid out from row 2 of each sheet, as the workbook does. */
export function contentOf(
  t: Template,
  entries: Omit<EntryRow, 'loc'>[],
  adjustments: Omit<AdjustmentRow, 'loc'>[],
  results: Omit<ResultRow, 'loc'>[],
): SignoffContent {
  const loc = (sheet: string, i: number) => ({ sheet, row: i + 2, columns: {} });
  return {
    template: t,
    entries: entries.map((e, i) => ({ ...e, loc: loc(ENTRY_SHEET, i) })),
    adjustments: adjustments.map((a, i) => ({ ...a, loc: loc(ADJ_SHEET, i) })),
    results: results.map((r, i) => ({ ...r, loc: loc(SUMMARY_SHEET, i) })),
  };
}

export function exampleContent(): SignoffContent {
  const t = exampleTemplate();
  const entries: Omit<EntryRow, 'loc'>[] = [];
  const ratees = ['U01', 'U02', 'U03'];
  ['L1', 'L2'].forEach((rater, k) =>
    ratees.forEach((ratee, j) =>
      entries.push({ source: 'leader', rater, ratee, cells: { A1: 30 + j + k, A2: 30.5 - j, B1: 20 } }),
    ),
  );
  ['S1', 'S2', 'S3'].forEach((rater, k) =>
    ratees.forEach((ratee, j) =>
      entries.push({ source: 'staff', rater, ratee, cells: { A1: 35 - j, A2: 28 + k * 0.25, B1: 18.75 } }),
    ),
  );
  return contentOf(
    t,
    entries,
    [
      { ratee: 'U01', kind: 'bonus', points: 2, reason: '市级表彰' },
      { ratee: 'U03', kind: 'deduction', points: 1.5, reason: '巡察问题整改滞后' },
    ],
    [
      { ratee: 'U01', final: 91.23, rank: 1, tier: '优秀' },
      { ratee: 'U02', final: 85.5, rank: 2, tier: '良好' },
      { ratee: 'U03', final: 79.08, rank: 3, tier: '一般' },
    ],
  );
}

/** A random assessment: 2–4 indicators, 1–2 sources, a few raters and ratees, scores with decimals. */
export const contentArb: fc.Arbitrary<SignoffContent> = fc
  .record({
    maxes: fc.array(fc.integer({ min: 5, max: 50 }), { minLength: 2, maxLength: 4 }),
    sources: fc.integer({ min: 1, max: 2 }),
    raters: fc.integer({ min: 1, max: 4 }),
    ratees: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
    adjustments: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ maxes, sources, raters, ratees, seed, adjustments }) => {
    let s = 0;
    const next = () => seed[s++ % seed.length];
    const t = template({
      schema: 'duanping.template/1',
      id: 'gen',
      name: '生成的模板',
      indicators: maxes.map((max, i) => ({ id: `I${i + 1}`, name: `指标${i + 1}`, dimension: 'D', max })),
      sources: Array.from({ length: sources }, (_, i) => ({
        id: `S${i + 1}`,
        name: `主体${i + 1}`,
        weight: 10 + i,
      })),
      adjustments: { bonusCap: 5 },
      tiers: [
        { name: '好', min: 90 },
        { name: '一般', min: 0 },
      ],
    });
    const entries: Omit<EntryRow, 'loc'>[] = [];
    for (const src of t.sources)
      for (let r = 0; r < raters; r++)
        for (let j = 0; j < ratees; j++) {
          const cells: EntryRow['cells'] = {};
          t.indicators.forEach((ind) => (cells[ind.id] = Math.round(next() * ind.max * 100) / 100));
          entries.push({ source: src.id, rater: `${src.id}-R${r + 1}`, ratee: `U${j + 1}`, cells });
        }
    const adj: Omit<AdjustmentRow, 'loc'>[] = Array.from({ length: adjustments }, (_, i) => ({
      ratee: `U${(i % ratees) + 1}`,
      kind: i % 2 === 0 ? 'bonus' : 'deduction',
      points: Math.round(next() * 500) / 100,
      reason: `事项${i + 1}`,
    }));
    const results: Omit<ResultRow, 'loc'>[] = Array.from({ length: ratees }, (_, j) => ({
      ratee: `U${j + 1}`,
      final: Math.round(next() * 10000) / 100,
      rank: j + 1,
      tier: j === 0 ? '好' : '一般',
    }));
    return contentOf(t, entries, adj, results);
  });

export function clone<T>(x: T): T {
  return structuredClone(x);
}
