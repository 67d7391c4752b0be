import fc from 'fast-check';
import type { Problem, Results, RateeResult } from '../../src/core/types';
import type { RaterReport } from '../../src/core/raters/types';
import { validateTemplate } from '../../src/core/template';
import { builtinTemplates, getBuiltinTemplate } from '../../src/core/templates';
import { formatAddress, parseAddress, selectionTarget } from '../../src/taskpane/model/address';
import { parseDelimited, parseTsvBlock } from '../../src/taskpane/model/delimited';
import { parseRateeList, parseRaterList } from '../../src/taskpane/model/lists';
import {
  countByCode,
  messageWithoutWhere,
  rowsWithProblems,
  sortProblems,
} from '../../src/taskpane/model/problems';
import { flaggedRaters, raterSpreads, reliabilityWords, rowsOfRater } from '../../src/taskpane/model/raters';
import {
  applyEdit,
  draftOf,
  parseNumberField,
  sourceShares,
  templateFacts,
} from '../../src/taskpane/model/templateEdit';
import { tierDistribution } from '../../src/taskpane/model/tiers';

describe('cell addresses', () => {
  test('parse a cell, a quoted sheet and a whole row', () => {
    expect(parseAddress('评分录入!F12')).toEqual({ sheet: '评分录入', col: 5, row: 12 });
    expect(parseAddress("'My ''big'' sheet'!AA3")).toEqual({ sheet: "My 'big' sheet", col: 26, row: 3 });
    expect(parseAddress('ratings.csv!7:7')).toEqual({ sheet: 'ratings.csv', col: null, row: 7 });
    expect(parseAddress('评分录入!7:9')).toBeNull();
    expect(parseAddress('F12')).toBeNull();
  });

  test('format is the inverse of parse for any sheet name', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((s) => !s.includes('!') && s.trim() === s && s !== ''),
        fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
        fc.integer({ min: 1, max: 100000 }),
        (sheet, col, row) => {
          const a = { sheet, col, row };
          expect(parseAddress(formatAddress(a))).toEqual(a);
        },
      ),
    );
  });

  test('a whole-row problem selects column A of the row', () => {
    expect(selectionTarget('ratings.csv!7:7')).toBe('ratings.csv!A7');
    expect(selectionTarget('评分录入!F12')).toBe('评分录入!F12');
    expect(selectionTarget('nowhere')).toBeNull();
  });
});

describe('pasted text', () => {
  test('an Excel block: tabs, CRLF, a quoted cell with a tab and a line break, empty cells kept', () => {
    const text = 'a\tb\t\r\n"x\ty"\t"two\nlines"\tz\r\n';
    expect(parseTsvBlock(text)).toEqual([
      ['a', 'b', ''],
      ['x\ty', 'two\nlines', 'z'],
    ]);
  });

  test('a list: comma separated when there is no tab, blank lines dropped, cells trimmed', () => {
    expect(parseDelimited('\uFEFFU01, 城关镇\n\nU02,水务局,部门\n')).toEqual([
      ['U01', '城关镇'],
      ['U02', '水务局', '部门'],
    ]);
    expect(parseDelimited('U01\t城关, 镇')).toEqual([['U01', '城关, 镇']]);
  });
});

describe('ratee and rater lists', () => {
  const sources = [
    { id: 'leader', name: '上级领导' },
    { id: 'public', name: '群众代表' },
  ];

  test('a header line is skipped; name and group are optional', () => {
    const { items, problems } = parseRateeList('编码\t名称\tgroup\nU01\t城关镇\t乡镇\nU02');
    expect(problems).toEqual([]);
    expect(items).toEqual([{ id: 'U01', name: '城关镇', group: '乡镇' }, { id: 'U02' }]);
  });

  test('a source may be given by id or by name; each bad line is reported with its number', () => {
    const { items, problems } = parseRaterList(
      'R01\tleader\nR02\t群众代表\nR01\tpublic\nR 3\tleader\nR04\tnobody',
      sources,
    );
    expect(items).toEqual([
      { id: 'R01', source: 'leader' },
      { id: 'R02', source: 'public' },
    ]);
    expect(problems).toEqual([
      { line: 3, key: 'duplicate-id', found: 'R01' },
      { line: 4, key: 'bad-id', found: 'R 3' },
      {
        line: 5,
        key: 'unknown-source',
        found: 'nobody',
        allowed: ['上级领导', 'leader', '群众代表', 'public'],
      },
    ]);
  });

  test('with one source the source column may be left out, with two it may not', () => {
    expect(parseRaterList('R01', [sources[0]]).items).toEqual([{ id: 'R01', source: 'leader' }]);
    expect(parseRaterList('R01', sources).problems.map((p) => p.key)).toEqual(['unknown-source']);
  });
});

describe('the problem list', () => {
  const p = (where: string | undefined, code: Problem['code'] = 'missing'): Problem => ({
    code,
    where,
    message: where ?? '-',
  });

  test('in reading order: sheet as first seen, then row, then column; problems without a cell last', () => {
    const sorted = sortProblems([
      p(undefined, 'no-composite'),
      p('评分录入!F12'),
      p('加减分!B3', 'bad-adjustment-kind'),
      p('评分录入!D12'),
      p('评分录入!AA3'),
      p('评分录入!4:4', 'ragged-row'),
    ]);
    expect(sorted.map((x) => x.where)).toEqual([
      '评分录入!AA3',
      '评分录入!4:4',
      '评分录入!D12',
      '评分录入!F12',
      '加减分!B3',
      undefined,
    ]);
  });

  test('counts per code and the rows concerned', () => {
    const list = [p('S!A1'), p('S!B1'), p('S!A2', 'out-of-range'), p(undefined, 'missing-source')];
    expect(countByCode(list)).toEqual([
      { code: 'missing', count: 2 },
      { code: 'out-of-range', count: 1 },
      { code: 'missing-source', count: 1 },
    ]);
    expect(rowsWithProblems(list)).toBe(2);
  });
});

describe('tier distribution and quota check', () => {
  const template = getBuiltinTemplate('star-rating')!;
  const ratee = (id: string, final: number | null, tier: string | null, quotaTie = false): RateeResult => ({
    ratee: id,
    sources: {},
    composite: final,
    bonus: 0,
    deduction: 0,
    veto: false,
    final,
    rank: null,
    tier,
    notes: quotaTie ? [{ code: 'quota-tie', message: 'tie', tier: '五星' }] : [],
  });
  const results = (ratees: RateeResult[]): Results => ({
    schema: 'duanping.results/1',
    template: { id: template.id, name: template.name },
    ratees,
    raters: [],
    reliability: {},
    problems: [],
  });

  test('counts per tier, cumulative quotas from maxShare × rated ratees', () => {
    // 10 rated: 五星 max 10 % → 1, 四星 max 30 % (with 五星) → 3.
    const list = [
      ratee('U1', 96, '五星'),
      ratee('U2', 95, '四星', true),
      ratee('U3', 92, '四星'),
      ratee('U4', 91, '四星'),
      ...['U5', 'U6', 'U7', 'U8', 'U9', 'U10'].map((id) => ratee(id, 75, '二星')),
      ratee('U11', null, null),
    ];
    const d = tierDistribution(template, results(list));
    expect(d.rated).toBe(10);
    expect(d.unrated).toBe(1);
    const byName = Object.fromEntries(d.bars.map((b) => [b.name, b]));
    expect(byName['五星']).toMatchObject({
      count: 1,
      cumulative: 1,
      limit: 1,
      withinQuota: true,
      quotaTies: ['U2'],
    });
    // 1 + 3 = 4 at 四星 or better, above the limit of 3.
    expect(byName['四星']).toMatchObject({ count: 3, cumulative: 4, limit: 3, withinQuota: false });
    expect(byName['二星']).toMatchObject({ count: 6, limit: null, withinQuota: true });
  });
});

describe('rater panel', () => {
  const report = (rater: string, levels: ('info' | 'warn' | 'alert')[]): RaterReport => ({
    rater,
    source: 's',
    rows: 5,
    flags: levels.map((level) => ({
      code: 'flat',
      level,
      ratee: null,
      message: '',
      messages: { zh: '', en: '' },
      evidence: {},
    })),
  });

  test('flagged raters: strongest level first, then more flags, then code', () => {
    const order = flaggedRaters([
      report('R1', ['info']),
      report('R2', []),
      report('R3', ['warn']),
      report('R4', ['info', 'alert']),
      report('R5', ['warn', 'info']),
      report('R0', ['warn']),
    ]).map((r) => r.rater);
    expect(order).toEqual(['R4', 'R5', 'R0', 'R3', 'R1']);
  });

  test('spread per rater of one source from the valid totals only', () => {
    const spreads = raterSpreads(
      [
        { source: 's', rater: 'A', total: 70 },
        { source: 's', rater: 'A', total: 90 },
        { source: 's', rater: 'A', total: null },
        { source: 's', rater: 'A', total: 10, excluded: true },
        { source: 't', rater: 'A', total: 0 },
        { source: 's', rater: 'B', total: 80 },
      ],
      's',
    );
    expect(spreads).toEqual([
      { rater: 'A', n: 2, min: 70, max: 90, mean: 80, sd: Math.sqrt(200) },
      { rater: 'B', n: 1, min: 80, max: 80, mean: 80, sd: 0 },
    ]);
  });

  test("a rater's rows come from the entries' locations", () => {
    const loc = (row: number) => ({ sheet: '评分录入', row, columns: {} });
    const entries = [
      { source: 's', rater: 'A', ratee: 'U1', cells: {}, loc: loc(3) },
      { source: 's', rater: 'B', ratee: 'U1', cells: {}, loc: loc(4) },
      { source: 's', rater: 'A', ratee: 'U2', cells: {}, loc: loc(9) },
      { source: 't', rater: 'A', ratee: 'U2', cells: {}, loc: loc(11) },
    ];
    expect(rowsOfRater(entries, 'A', 's')).toEqual({ sheet: '评分录入', rows: [3, 9] });
    expect(rowsOfRater(entries, 'Z', 's')).toBeNull();
  });

  test('reliability bands at the Koo & Li limits, the engine sentence in the pane language', () => {
    const rel = (icc2k: number | null) => ({
      icc1: null,
      icc2: null,
      icc3: null,
      icc1k: null,
      icc2k,
      icc3k: null,
      kendallW: 0.5,
      alpha: null,
      raters: 5,
      ratees: 5,
      detail: { sentence: { zh: '约 3 个档次', en: 'about 3 groups' }, separation: { groups: 3 } },
    });
    expect([0.95, 0.9, 0.89, 0.75, 0.6, 0.49, null].map((x) => reliabilityWords(rel(x), 'zh').band)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'moderate',
      'poor',
      'undefined',
    ]);
    expect(reliabilityWords(rel(0.8), 'en')).toMatchObject({
      sentence: 'about 3 groups',
      groups: 3,
      kendallW: 0.5,
    });
  });
});

describe('template editing', () => {
  test('every built-in template survives draft → validate unchanged', () => {
    for (const t of builtinTemplates()) {
      const v = validateTemplate(draftOf(t));
      expect(v.ok && JSON.parse(JSON.stringify(v.template))).toEqual(JSON.parse(JSON.stringify(t)));
    }
  });

  test('numbers as clerks type them; shares in percent', () => {
    expect(parseNumberField('１５', 'max')).toBe(15);
    expect(parseNumberField(' 2.5 ', 'weight')).toBe(2.5);
    expect(parseNumberField('30%', 'maxShare')).toBeCloseTo(0.3);
    expect(parseNumberField('25', 'maxShare')).toBeCloseTo(0.25);
    expect(parseNumberField('0.2', 'maxShare')).toBeCloseTo(0.2);
    expect(parseNumberField('', 'maxShare')).toBeUndefined();
    expect(parseNumberField('', 'max')).toBe('');
    expect(parseNumberField('十', 'max')).toBe('十');
  });

  test('an edit is validated by the engine: a bad value names the field, a good one changes the totals', () => {
    const t = getBuiltinTemplate('duty-report')!;
    const bad = validateTemplate(
      applyEdit(draftOf(t), { part: 'indicators', index: 0, field: 'max', value: '满分' }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toContain('indicators[0].max must be a number greater than 0');

    const good = validateTemplate(
      applyEdit(draftOf(t), { part: 'indicators', index: 0, field: 'max', value: '30' }),
    );
    expect(good.ok && templateFacts(good.template).maxTotal).toBe(
      templateFacts(t).maxTotal + 30 - t.indicators[0].max,
    );

    const noQuota = validateTemplate(
      applyEdit(draftOf(t), { part: 'tiers', index: 0, field: 'maxShare', value: '' }),
    );
    expect(noQuota.ok && noQuota.template.tiers[0].maxShare).toBeUndefined();
  });

  test('source shares add up to one', () => {
    const shares = sourceShares(getBuiltinTemplate('duty-report')!);
    expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('problem sentences', () => {
  test('the leading address is dropped once, whatever the colon', () => {
    const base = { code: 'missing' as const, where: '评分录入!F12' };
    expect(messageWithoutWhere({ ...base, message: '评分录入!F12：评委 R1 …' })).toBe('评委 R1 …');
    expect(messageWithoutWhere({ ...base, message: '评分录入!F12: rater R1 …' })).toBe('rater R1 …');
    expect(messageWithoutWhere({ ...base, message: 'no address first' })).toBe('no address first');
    expect(messageWithoutWhere({ code: 'no-composite', message: 'U1 …' })).toBe('U1 …');
  });
});
