import { readAdjustmentsCsv, readRatingsCsv } from '../../src/core/csv';
import { InputError } from '../../src/core/errors';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';

const template = getBuiltinTemplate('agency-annual')!;
const header = 'source,rater,ratee,A1,A2,B1,B2,C1,D1,E1,F1';
const good = (rater: string, ratee: string, source = 'team') =>
  `${source},${rater},${ratee},10,7,9,10,11,9,7,25`;

function score(lines: string[], adjustments?: string[], lang: 'zh' | 'en' = 'zh') {
  const { entries, problems } = readRatingsCsv(
    [header, ...lines].join('\r\n'),
    template,
    'ratings.csv',
    lang,
  );
  const adj = adjustments ? readAdjustmentsCsv(adjustments.join('\n'), 'adjustments.csv', lang) : undefined;
  const out = computeScores({ template, entries, adjustments: adj?.adjustments }, { lang });
  return { ...out, problems: [...problems, ...(adj?.problems ?? []), ...out.results.problems] };
}

describe('every bad cell becomes a problem with where, what and what is allowed', () => {
  it.each([
    ['abc', 'not-a-number', '“文字”'],
    ['-3', 'out-of-range', '0 到 12'],
    ['13', 'out-of-range', '0 到 12'],
    ['１０', 'full-width-digits', '建议改为 10'],
    ['10分', 'unit-suffix', '建议改为 10'],
    ['', 'missing', '0–12'],
    ['#N/A', 'error-value', '#N/A'],
  ])('A1 = %p → %s', (cell, code, phrase) => {
    const lines = [good('R1', 'U01'), `team,R2,U01,${cell},7,9,10,11,9,7,25`];
    const { problems, rows, results } = score(lines.map((l) => l.replace(',abc,', ',文字,')));
    const p = problems.find((x) => x.code === code)!;
    expect(p).toBeDefined();
    expect(p.where).toBe('ratings.csv!D3');
    expect(p).toMatchObject({ rater: 'R2', ratee: 'U01', indicator: 'A1' });
    expect(p.message).toContain('ratings.csv!D3');
    expect(p.message).toContain(code === 'not-a-number' ? '文字' : phrase);
    // The bad row has no total and is left out: the source score is R1's alone, never a zero.
    expect(rows[1].total).toBeNull();
    expect(results.ratees[0].sources.team).toBe(rows[0].total);
  });

  it('writes the same problems in English on request', () => {
    const { problems } = score([good('R1', 'U01'), 'team,R2,U01,９,7,9,10,11,9,7,25'], undefined, 'en');
    expect(problems[0].message).toBe(
      'ratings.csv!D3: rater R2 for U01 typed full-width digits "９" for "Theoretical study"; suggested fix: 9 (applied only with your consent).',
    );
  });

  it('reports an unknown source, a blank ratee and a ragged row', () => {
    const { problems } = score([
      good('R1', 'U01'),
      good('R2', 'U01', 'boss'),
      'team,R3,,1,1,1,1,1,1,1,1',
      'team,R4,U01,1,2',
    ]);
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ['ragged-row', 'ratings.csv!5:5'],
      ['unknown-source', 'ratings.csv!A3'],
      ['missing-field', 'ratings.csv!C4'],
      ['missing-source', undefined],
    ]);
    expect(problems[1].message).toContain('考核组（team）、机关干部（staff）');
    expect(problems[0].message).toContain('这一行有 5 列，表头有 11 列');
  });

  it('leaves out every copy of a sheet entered twice, and says so', () => {
    const { problems, results } = score([good('R1', 'U01'), good('R1', 'U01'), good('R2', 'U01')]);
    const dup = problems.filter((p) => p.code === 'duplicate-sheet');
    expect(dup.map((p) => p.where)).toEqual(['ratings.csv!B2', 'ratings.csv!B3']);
    expect(dup[0].message).toContain('录入了 2 次');
    expect(results.ratees[0].sources.team).toBeDefined();
  });

  it('reports a rater who appears in two sources', () => {
    const { problems } = score([good('R1', 'U01'), good('R1', 'U01', 'staff')]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'rater-in-two-sources',
        rater: 'R1',
        found: 'team、staff',
        where: 'ratings.csv!A3',
      }),
    );
  });

  it('checks raters and ratees against the lists when given', () => {
    const { entries } = readRatingsCsv(
      [header, good('R1', 'U01'), good('X9', 'U01'), good('R1', 'U77')].join('\n'),
      template,
    );
    const { results } = computeScores({
      template,
      entries,
      ratees: [{ id: 'U01' }],
      raters: [{ id: 'R1', source: 'team' }],
    });
    expect(results.problems.map((p) => [p.code, p.where, p.found])).toEqual([
      ['unknown-rater', 'ratings.csv!B3', 'X9'],
      ['unknown-ratee', 'ratings.csv!C4', 'U77'],
      ['missing-source', undefined, undefined],
    ]);
  });

  it('checks adjustments: kind, points and ratee', () => {
    const { problems, results } = score(
      [good('R1', 'U01')],
      [
        'ratee,kind,points,reason',
        'U01,bonus,abc,表彰',
        'U01,gift,1,?',
        'U99,bonus,1,不在名单',
        'U01,扣分,2,整改超期',
        'U01,deduction,-1,负数',
      ],
    );
    expect(problems.filter((p) => p.where?.startsWith('adj')).map((p) => [p.code, p.where])).toEqual([
      ['bad-adjustment-points', 'adjustments.csv!C2'],
      ['bad-adjustment-kind', 'adjustments.csv!B3'],
      ['unknown-ratee', 'adjustments.csv!A4'],
      ['bad-adjustment-points', 'adjustments.csv!C6'],
    ]);
    expect(results.ratees[0].deduction).toBe(2);
  });
});

describe('files that cannot be used at all', () => {
  it('names the missing columns in one line', () => {
    expect(() => readRatingsCsv('source,ratee,A1\nteam,U01,3', template, 'r.csv')).toThrow(
      new InputError('r.csv: the header needs the column rater (found: source, ratee, A1)'),
    );
  });
  it('reports an empty file', () => {
    expect(() => readRatingsCsv('\uFEFF\r\n', template, 'r.csv')).toThrow(
      'r.csv is empty: expected a header row',
    );
  });
  it('reads a BOM, quotes and CRLF', () => {
    const { entries, problems } = readRatingsCsv(
      `\uFEFF${header}\r\n"team","R,1","U01",10,7,9,10,11,9,7,25\r\n`,
      template,
    );
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ rater: 'R,1', ratee: 'U01', cells: { A1: '10', F1: '25' } });
  });
});
