/**
 * `duanping score --tally FILE` (计票): the same finals, shares and tiers as the ballots typed one
 * row per ballot; one-line refusals where a tally cannot work.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../src/core/sim/prng';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { Results, TallyRow } from '../../src/core/types';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { openXlsx } from '../../src/hosts/xlsx/read';
import { buildPlan } from '../../src/workbook/build';
import { cli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'duanping-tally-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Seeded ballots of a ballot template, and the same ballots counted into a tally. */
function ballotsAndTally(templateId: string, seed: number) {
  const template = getBuiltinTemplate(templateId)!;
  const inds = template.indicators.map((i) => i.id);
  const labels = template.indicators[0].levels!.map((l) => l.label);
  const r = mulberry32(seed);
  const rows: string[] = [`source,rater,ratee,${inds.join(',')}`];
  const counts = new Map<string, number[]>();
  for (let u = 1; u <= 10; u++) {
    // Each unit leans its own way: some get many of the worst mark, some many of the best.
    const lean = [r(), r(), r(), r() * (u % 3 === 0 ? 3 : 0.6)];
    const sum = lean.reduce((a, b) => a + b, 0);
    const voters = 9 + Math.floor(r() * 5);
    for (let v = 0; v < voters; v++) {
      const marks = inds.map((ind) => {
        let x = r() * sum;
        let k = 0;
        while (k < 3 && x >= lean[k]) x -= lean[k++];
        const key = `U${u}\u0000${ind}`;
        const c = counts.get(key) ?? [0, 0, 0, 0];
        c[k]++;
        counts.set(key, c);
        return labels[k];
      });
      rows.push(`voters,V${v},U${u},${marks.join(',')}`);
    }
  }
  const tally = [`source,ratee,indicator,${labels.join(',')}`];
  for (const [key, c] of counts) {
    const [ratee, ind] = key.split('\u0000');
    tally.push(`voters,${ratee},${ind},${c.map((n) => (n === 0 && r() < 0.5 ? '' : String(n))).join(',')}`);
  }
  return { ballots: rows.join('\n') + '\n', tally: tally.join('\r\n') + '\r\n' };
}

const view = (res: Results) =>
  res.ratees.map((x) => ({
    ratee: x.ratee,
    sources: x.sources,
    final: x.final,
    rank: x.rank,
    tier: x.tier,
    levelShares: x.levelShares,
    notes: x.notes,
  }));

describe.each([
  ['democratic-ballot', 7],
  ['democratic-ballot', 8],
  ['competence-ballot', 10],
])('%s, seed %d: ballots and their tally', (templateId, seed) => {
  const { ballots, tally } = ballotsAndTally(templateId, seed);
  const b = file(`${templateId}-${seed}-ballots.csv`, ballots);
  const t = file(`${templateId}-${seed}-tally.csv`, tally);

  it('give the same finals, shares and tiers', async () => {
    const one = await cli('score', '--template', templateId, '--ratings', b, '--json');
    const two = await cli('score', '--template', templateId, '--tally', t, '--json');
    expect([one.code, two.code, one.err, two.err]).toEqual([0, 0, '', '']);
    const a = JSON.parse(one.out) as Results;
    const c = JSON.parse(two.out) as Results;
    expect(view(c)).toEqual(view(a));
    expect(a.ratees.every((x) => x.levelShares?.voters && x.levelShares.all)).toBe(true);
    // The seeds exercise the share rules: somebody misses a tier by a rule.
    expect(a.ratees.some((x) => x.notes.some((n) => n.code === 'requirement-unmet'))).toBe(true);
    expect(c.tallied).toEqual(['voters']);
    expect(c.raters).toEqual([]);
    expect(c.reliability).toEqual({});
  });

  it("typed on the workbook's 计票 sheet: `score BOOK.xlsx` gives what `score --tally` gives", async () => {
    const template = getBuiltinTemplate(templateId)!;
    const [head, ...lines] = tally.trim().split(/\r?\n/);
    const cols = head.split(',');
    const tallies: TallyRow[] = lines.map((line) => {
      const f = line.split(',');
      return {
        source: f[0],
        ratee: f[1],
        indicator: f[2],
        counts: Object.fromEntries(
          cols.slice(3).map((l, k) => [l, f[3 + k] === '' ? null : Number(f[3 + k])]),
        ),
      };
    });
    const ratees = [...new Set(tallies.map((x) => x.ratee))]
      .sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)))
      .map((id) => ({ id }));
    const book = join(dir, `${templateId}-${seed}.xlsx`);
    await writePlanXlsx(buildPlan({ template, ratees, tallies }), book);
    const fromBook = await cli('score', book, '--json');
    const fromCsv = await cli('score', '--template', templateId, '--tally', t, '--json');
    expect([fromBook.code, fromBook.err]).toEqual([0, '']);
    const a = JSON.parse(fromCsv.out) as Results;
    const c = JSON.parse(fromBook.out) as Results;
    expect(view(c)).toEqual(view(a));
    // The rater analysis says the source is tallied, as for the CSV.
    expect(c.tallied).toEqual(['voters']);
    expect(c.raters).toEqual([]);
    const text = await cli('score', book);
    expect(text.out).toContain('按计票录入的评价主体：voters');

    // Signing: the gate counts the tallied marks; a count changed afterwards is named by verify.
    const signed = join(dir, `${templateId}-${seed}-signed.xlsx`);
    const sign = await cli('signoff', book, '--reviewer', '张三', '--out', signed);
    expect([sign.code, sign.err]).toEqual([0, '']);
    expect((await cli('verify', signed)).code).toBe(0);
    const wb = await openXlsx(signed);
    const ws = wb.getWorksheet('计票')!;
    const count = ws.getCell('D3');
    count.value = (Number(count.value) || 0) + 1;
    await wb.xlsx.writeFile(signed);
    const v = await cli('verify', signed);
    expect(v.code).toBe(1);
    expect(v.out + v.err).toContain('计票');
  });
});

describe('score --tally: the text report and refusals', () => {
  const { tally } = ballotsAndTally('democratic-ballot', 3);
  const t = file('t3.csv', tally);
  it('says the source is tallied', async () => {
    const { code, out } = await cli('score', '--template', 'democratic-ballot', '--tally', t);
    expect(code).toBe(0);
    expect(out).toContain('按计票录入的评价主体：voters（没有逐张评分表，不做逐人分析和信度计算）');
  });
  it('refuses a tallied source that aggregates by median, in one line', async () => {
    const tpl = { ...(getBuiltinTemplate('democratic-ballot') as object), id: 'dm' } as Record<
      string,
      unknown
    >;
    (tpl.sources as Record<string, unknown>[]) = [
      { id: 'voters', name: '测评人', weight: 1, aggregate: 'median' },
    ];
    const p = file('median.json', JSON.stringify(tpl));
    const { code, err, out } = await cli('score', '--template', p, '--tally', t);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'duanping: t3.csv: source "voters" aggregates by median, which needs each ballot\'s total; a tally has only counts, so a tallied source must use mean',
    );
  });
  it('refuses a header without a column for every level', async () => {
    const p = file('nolevel.csv', 'ratee,indicator,好,较好,一般\nU1,M1,1,2,3\n');
    const { code, err } = await cli('score', '--template', 'democratic-ballot', '--tally', p);
    expect(code).toBe(2);
    expect(err).toContain('nolevel.csv: the header needs a column for every level (差 missing');
  });
  it('reports a bad count with its cell, and exits 1', async () => {
    const p = file('bad.csv', 'ratee,indicator,好,较好,一般,差\nU1,M1,3,x,0,0\n');
    const { code, out } = await cli('score', '--template', 'democratic-ballot', '--tally', p, '--json');
    expect(code).toBe(1);
    const res = JSON.parse(out) as Results;
    expect(res.problems[0]).toMatchObject({
      code: 'bad-count',
      where: 'bad.csv!D2',
      found: 'x',
      ratee: 'U1',
    });
  });
});
