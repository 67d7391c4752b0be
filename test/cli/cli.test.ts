import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreAndAnalyze } from '../../src/core/pipeline';
import { readAdjustmentsCsv, readRateesCsv, readRatingsCsv } from '../../src/core/csv';
import { getBuiltinTemplate } from '../../src/core/templates';
import { readFileSync } from 'node:fs';
import { cli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'duanping-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('duanping templates / template', () => {
  it('lists at least five templates, id and name per line, no header', async () => {
    const { code, out } = await cli('templates');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines).toContain('democratic-ballot 领导班子和领导干部民主测评');
    const json = JSON.parse((await cli('templates', '--json')).out);
    expect(json.map((t: { id: string }) => t.id)).toEqual(lines.map((l) => l.split(' ')[0]));
  });
  it('prints a template as duanping.template/1 JSON', async () => {
    const { code, out } = await cli('template', 'star-rating');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ schema: 'duanping.template/1', id: 'star-rating' });
  });
  it('names the built-in ids when the id is unknown (exit 2, one line)', async () => {
    const { code, err } = await cli('template', 'nope');
    expect(code).toBe(2);
    expect(err).toBe(
      'duanping: unknown template "nope": the built-in ones are duty-report, agency-annual, five-stage, democratic-ballot, competence-ballot, star-rating',
    );
  });
});

describe('duanping score', () => {
  const examples = join(__dirname, '../../examples');
  it('agrees with the engine on the example and exits 0 without problems', async () => {
    const { code, out } = await cli(
      'score',
      '--template',
      'duty-report',
      '--ratings',
      join(examples, 'ratings.csv'),
      '--adjustments',
      join(examples, 'adjustments.csv'),
      '--ratees',
      join(examples, 'ratees.csv'),
      '--json',
    );
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results.schema).toBe('duanping.results/1');
    const template = getBuiltinTemplate('duty-report')!;
    const engine = scoreAndAnalyze({
      template,
      entries: readRatingsCsv(readFileSync(join(examples, 'ratings.csv'), 'utf8'), template).entries,
      adjustments: readAdjustmentsCsv(readFileSync(join(examples, 'adjustments.csv'), 'utf8')).adjustments,
      ratees: readRateesCsv(readFileSync(join(examples, 'ratees.csv'), 'utf8')),
    }).results;
    // the same figures, tier stability included (the bootstrap is seeded)
    expect(results.ratees).toEqual(engine.ratees);
    expect(results.ratees[0].tierStability).toMatchObject({ draws: 1000, tier: results.ratees[0].tier });
    expect(results.ratees).toHaveLength(24);
    expect(results.ratees.find((r: { ratee: string }) => r.ratee === 'U17')).toMatchObject({
      veto: true,
      tier: '差',
    });
    expect(Object.keys(results.reliability)).toEqual(['leader', 'member', 'public']);
  });

  it('prints a readable table and the problems, exit 1, on the typed example', async () => {
    const { code, out } = await cli(
      'score',
      '--template',
      'duty-report',
      '--ratings',
      join(examples, 'ratings-with-problems.csv'),
      '--ratees',
      join(examples, 'ratees.csv'),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/排名\s+被考核对象\s+最终得分\s+等次/);
    expect(out).toContain('输入问题 5 条');
    expect(out).toContain('ratings-with-problems.csv!F6');
    expect(out).toContain('建议改为 22');
  });

  it.each([
    [['score', '--ratings', 'x.csv'], 'duanping: missing required option --template <T>'],
    [
      ['score', '--template', 'duty-report', '--ratings', '/no/such.csv'],
      'duanping: cannot read /no/such.csv: no such file',
    ],
    [['score', '--bogus'], "duanping: unknown option '--bogus'"],
    [
      ['score', '--template', 'duty-report', '--ratings', 'x.csv', '--lang', 'fr'],
      'duanping: --lang must be zh or en (found "fr")',
    ],
    [['frobnicate'], "duanping: unknown command 'frobnicate'"],
  ])('%p → exit 2: %s', async (argv, message) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toBe(message);
    expect(out).toBe('');
  });

  it('rejects a template that is not JSON or breaks the schema, naming the field', async () => {
    const ratings = file('r.csv', 'rater,ratee,A\nR1,U1,3\n');
    const notJson = file('bad.json', '{ "schema": ');
    let r = await cli('score', '--template', notJson, '--ratings', ratings);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^duanping: .*bad\.json: the template is not valid JSON: /);
    const t = JSON.parse(JSON.stringify(getBuiltinTemplate('agency-annual')));
    t.tiers[1].maxShare = 1.5;
    r = await cli('score', '--template', file('share.json', JSON.stringify(t)), '--ratings', ratings);
    expect(r.err).toMatch(/share\.json: tiers\[1\]\.maxShare must be between 0 and 1$/);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('duanping analyze', () => {
  it('finds the planted flat rater in the example, with or without a template', async () => {
    const ratings = join(__dirname, '../../examples/ratings.csv');
    for (const extra of [['--template', 'duty-report'], []]) {
      const { code, out } = await cli('analyze', '--ratings', ratings, '--json', ...extra);
      expect(code).toBe(0);
      const res = JSON.parse(out);
      const p07 = res.raters.find((r: { rater: string }) => r.rater === 'P07');
      expect(p07.flags.map((f: { code: string }) => f.code)).toContain('flat');
    }
  });
});
