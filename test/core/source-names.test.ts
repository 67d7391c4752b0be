/**
 * Issue 12, item 3: a source may be typed as its Chinese name (template `sources[].name`) as
 * well as its id, everywhere the id is accepted; a name that could stand for two sources is
 * refused by template validation.
 */
import { lookalikeProblems } from '../../src/core/lookalike';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import { testTemplate } from '../helpers/template';
import { resolveSource, sourceCodes, validateTemplate } from '../../src/core/template';
import type { EntryRow } from '../../src/core/types';

const tpl = (over: Record<string, unknown>) => testTemplate(over);

const two = () =>
  tpl({
    sources: [
      { id: 'leader', name: '领导', weight: 60, aggregate: 'mean' },
      { id: 'public', name: '群众', weight: 40, aggregate: 'mean' },
    ],
  });
const row = (source: string, rater: string, ratee: string, A: unknown, B: unknown): EntryRow => ({
  source,
  rater,
  ratee,
  cells: { A, B } as EntryRow['cells'],
});

describe('source names as codes', () => {
  it('maps each name and each id to the id, and nothing else', () => {
    const codes = sourceCodes(two());
    expect(resolveSource(codes, '领导')).toBe('leader');
    expect(resolveSource(codes, 'leader')).toBe('leader');
    expect(resolveSource(codes, '群众')).toBe('public');
    expect(resolveSource(codes, 'Leader')).toBe('Leader');
    expect(resolveSource(codes, '领 导')).toBe('领 导');
  });

  it('scores rows typed by name exactly as rows typed by id', () => {
    const byId = computeScores({
      template: two(),
      entries: [
        row('leader', 'L1', 'U1', 50, 30),
        row('public', 'P1', 'U1', 40, 20),
        row('public', 'P2', 'U1', 45, 35),
      ],
    });
    const byName = computeScores({
      template: two(),
      entries: [
        row('领导', 'L1', 'U1', 50, 30),
        row('群众', 'P1', 'U1', 40, 20),
        row('public', 'P2', 'U1', 45, 35),
      ],
    });
    expect(byName.results.problems).toEqual([]);
    expect(byName.results.ratees).toEqual(byId.results.ratees);
    expect(byName.rows.map((r) => r.source)).toEqual(['leader', 'public', 'public']);
  });

  it('sees a name and an id for the same source as one duplicate score sheet', () => {
    const out = computeScores({
      template: two(),
      entries: [row('领导', 'L1', 'U1', 50, 30), row('leader', 'L1', 'U1', 40, 20)],
    });
    expect(out.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('accepts a name in the rater list', () => {
    const out = computeScores({
      template: two(),
      entries: [row('领导', 'L1', 'U1', 50, 30), row('public', 'P1', 'U1', 40, 20)],
      raters: [
        { id: 'L1', source: 'leader' },
        { id: 'P1', source: '群众' },
      ],
    });
    expect(out.results.problems).toEqual([]);
    expect(out.rows.every((r) => r.status === 'counted')).toBe(true);
  });

  it('names the ids and the names allowed when a source is unknown', () => {
    const out = computeScores({ template: two(), entries: [row('上级', 'L1', 'U1', 50, 30)] });
    const p = out.results.problems.find((x) => x.code === 'unknown-source')!;
    expect(p.allowed).toBe('领导（leader）、群众（public）');
    expect(p.message).toContain('领导（leader）');
    const en = computeScores({ template: two(), entries: [row('上级', 'L1', 'U1', 50, 30)] }, { lang: 'en' });
    expect(en.results.problems.find((x) => x.code === 'unknown-source')!.allowed).toBe(
      'leader ("领导"), public ("群众")',
    );
  });

  it('takes the names of the built-in duty-report template (上级领导 / 党代表和班子成员 / 群众代表)', () => {
    const t = getBuiltinTemplate('duty-report')!;
    const cells = Object.fromEntries(t.indicators.map((i) => [i.id, i.max]));
    const out = computeScores({
      template: t,
      entries: t.sources.map((s, k) => ({ source: s.name, rater: `R${k}`, ratee: 'U1', cells })),
    });
    expect(out.results.problems).toEqual([]);
    expect(Object.keys(out.results.ratees[0].sources)).toEqual(t.sources.map((s) => s.id));
  });
});

test('a source name with an invisible character is a look-alike of the name', () => {
  const problems = lookalikeProblems({ template: two(), entries: [row('领导\u200b', 'L1', 'U1', 50, 30)] });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ code: 'lookalike-code', found: '领导\u200b', allowed: '领导' });
});

describe('template validation of source names', () => {
  const base = (sources: unknown[]) =>
    validateTemplate({
      schema: 'duanping.template/1',
      id: 't',
      name: 'T',
      indicators: [{ id: 'A', name: 'A', dimension: 'd', max: 10 }],
      sources,
      tiers: [{ name: 'X', min: 0 }],
    });

  it('refuses a name that is the id of another source (ignoring case), naming the field', () => {
    const v = base([
      { id: 'leader', name: 'PUBLIC', weight: 1 },
      { id: 'public', name: '群众', weight: 1 },
    ]);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors.join('\n')).toMatch(
        /sources\[0\]\.name "PUBLIC" is the id of sources\[1\] \("public"\)/,
      );
  });

  it('refuses two sources with the same name', () => {
    const v = base([
      { id: 'a', name: '群众', weight: 1 },
      { id: 'b', name: '群众', weight: 1 },
    ]);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors.join('\n')).toMatch(/sources\[1\]\.name "群众" is also the name of sources\[0\]/);
  });

  it('allows a name equal to its own id', () => {
    expect(base([{ id: '领导', name: '领导', weight: 1 }]).ok).toBe(true);
  });
});
