/** An indicator table pasted from Excel or Word becomes a template that scores. */
import { computeScores } from '../../src/core/scoring';
import { importIndicatorTable, parseLevels } from '../../src/core/template-import';

/** As Word copies a table: tabs between cells, CR LF between rows, merged 一级指标 cells empty below their first row. */
const WORD_TABLE = [
  '序号\t一级指标\t二级指标\t分值\t评分标准',
  '1\t一、班子建设\t1．班子配备\t１０分\t班子成员配齐配强。',
  '2\t\t2．民主集中制\t10分\t按规定召开民主生活会，缺一次扣 2 分。',
  '3\t二、党员队伍\t3．党员教育\t15\t“三会一课”落实到位。',
  '4\t\t4．发展党员\t15\t程序规范。',
  '5\t三、作风建设\t5．作风建设\t50\t无违纪违规问题。',
  '\t合计\t\t100\t',
].join('\r\n');

describe('indicator table import', () => {
  it('reads a Word-style table: merged dimension cells, numbering, 分 and full-width digits, a total row', () => {
    const r = importIndicatorTable(WORD_TABLE, { name: '支部考核' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const t = r.template;
    expect(t.name).toBe('支部考核');
    expect(t.indicators.map((i) => [i.id, i.dimension, i.name, i.max, i.weight])).toEqual([
      ['A1', '班子建设', '班子配备', 10, 10],
      ['A2', '班子建设', '民主集中制', 10, 10],
      ['B1', '党员队伍', '党员教育', 15, 15],
      ['B2', '党员队伍', '发展党员', 15, 15],
      ['C1', '作风建设', '作风建设', 50, 50],
    ]);
    expect(t.indicators[1].criteria).toBe('按规定召开民主生活会，缺一次扣 2 分。');
    expect(r.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('合计行'),
        expect.stringContaining('2 行的一级指标沿用上一行'),
      ]),
    );
    // It scores: a full sheet gives 100.
    const cells = Object.fromEntries(t.indicators.map((i) => [i.id, i.max]));
    const out = computeScores({
      template: t,
      entries: [{ source: 'rater', rater: 'R1', ratee: 'U1', cells }],
    });
    expect(out.results.ratees[0]).toMatchObject({ final: 100, tier: '好' });
  });

  it('reads an Excel copy with weights, quoted multi-line criteria and levels', () => {
    const text =
      '一级指标\t指标\t满分\t权重\t评分标准\t等次\r\n' +
      '政治建设\t理论学习\t20\t30\t"每月集中学习；\n缺一次扣 1 分"\t\r\n' +
      '政治建设\t群众满意度\t10\t70\t\t好(10)/较好(8)/一般(6)/差(2)\r\n';
    const r = importIndicatorTable(text);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.template.indicators[0]).toMatchObject({ weight: 30, criteria: '每月集中学习；\n缺一次扣 1 分' });
    expect(r.template.indicators[1].levels).toEqual([
      { label: '好', points: 10 },
      { label: '较好', points: 8 },
      { label: '一般', points: 6 },
      { label: '差', points: 2 },
    ]);
  });

  it('names the row and what was found when a maximum is not a number, in the clerk’s language', () => {
    const r = importIndicatorTable('指标\t满分\n学习\t十分\n');
    expect(r).toEqual({ ok: false, errors: ['第 2 行“学习”的满分“十分”不是大于 0 的数字。'] });
    const en = importIndicatorTable('指标\t满分\n学习\t十分\n', { lang: 'en' });
    expect(en).toEqual({ ok: false, errors: ['Row 2 "学习": the maximum "十分" is not a number above 0.'] });
    expect(importIndicatorTable('名称\t说明\n').ok).toBe(false);
    expect(importIndicatorTable('   ')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('是空的')],
    });
    expect(importIndicatorTable('一级指标\t指标\n党建\t学习\n')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('没有“满分”列')],
    });
  });

  it('parses level lists in the ways offices write them', () => {
    expect(parseLevels('好=10；较好=8；一般=5')).toEqual([
      { label: '好', points: 10 },
      { label: '较好', points: 8 },
      { label: '一般', points: 5 },
    ]);
    expect(parseLevels('优秀 10 分、良好 8 分')).toEqual([
      { label: '优秀', points: 10 },
      { label: '良好', points: 8 },
    ]);
    expect(parseLevels('见附件')).toBeNull();
  });
});
