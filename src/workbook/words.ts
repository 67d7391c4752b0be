/** The words an installation writes into the workbook (hints, titles, headers), zh and en. */
import type { Lang } from '../core/types';

export interface Words {
  entryHint: string;
  adjustmentsHint: string;
  listsHint: string;
  ratees: string;
  raters: string;
  summaryTitle: (name: string) => string;
  composite: string;
  bonus: string;
  deduction: string;
  veto: string;
  final: string;
  rank: string;
  tier: string;
  note: string;
  quotaTie: string;
  vetoNote: string;
  yes: string;
  tierCount: string;
  count: string;
  limit: string;
  check: string;
  over: string;
  /** Reasons by status code 0..6 (entry sheet). */
  reasons: string[];
  kinds: string[];
  indicatorHeaders: string[];
  sourceHeaders: string[];
  tierHeaders: string[];
  aggregates: Record<string, string>;
  analysisHeaders: string[];
  analysisHint: string;
  guide: (templateName: string, sheets: Record<string, string>) => string[];
  cellError: (max: number) => string;
  /** Row 1 over an indicator column: its name and what goes in (`（30）`, `（好/较好/一般/差）`). */
  indicatorLabel: (name: string, allowed: string) => string;
  /** Appended when only some sources fill the column: `目标考核填`. */
  filledBy: (sources: string) => string;
  /** Input message of an indicator column that only some sources fill. */
  fillPrompt: (sources: string, allowed: string) => string;
  levelError: (labels: string) => string;
  pointsError: string;
  kindError: string;
  page: string;
}

export const WORDS: Record<Lang, Words> = {
  zh: {
    entryHint: '每行一张评分表：评价主体、评委、被考核对象，再逐项填分（第 1 行为指标名称）。',
    adjustmentsHint: '加减分事项：类型填“加分”“扣分”或“一票否决”，分值为不小于 0 的数。',
    listsHint: '被考核对象名单（左）与评委名单（右，可不填）。汇总表按左侧名单逐行列出。',
    ratees: '被考核对象',
    raters: '评委',
    summaryTitle: (name) => `${name} — 汇总`,
    composite: '综合得分',
    bonus: '加分',
    deduction: '扣分',
    veto: '一票否决',
    final: '最终得分',
    rank: '名次',
    tier: '等次',
    note: '备注',
    quotaTie: '名额线上并列，请考核办决定',
    vetoNote: '一票否决',
    yes: '是',
    tierCount: '等次统计',
    count: '人数',
    limit: '累计名额上限',
    check: '检查',
    over: '超出名额',
    reasons: [
      '✓',
      '缺少评价主体、评委或对象',
      '评价主体不在模板中',
      '对象不在名单中',
      '评委不在名单中或主体不符',
      '重复的评分表（均不计入）',
      '有缺项或无效分值',
      '复核决定不计入',
      '该评价主体按计票录入，逐张评分表不计入',
    ],
    kinds: ['加分', '扣分', '一票否决'],
    indicatorHeaders: [
      '一级指标',
      '编号',
      '名称',
      '满分',
      '权重',
      '评分标准',
      '等级（标签=分值）',
      '评价主体',
    ],
    sourceHeaders: ['评价主体编号', '名称', '权重', '汇总方式'],
    tierHeaders: ['等次', '最低分', '累计名额比例'],
    aggregates: { mean: '平均', trimmed: '去掉最高最低后平均', median: '中位数' },
    analysisHeaders: ['评价主体', '评委', '评分表数', '标记', '级别', '说明'],
    analysisHint: '本表由“评委分析”填写，请勿手工修改。',
    guide: (name, s) => [
      name,
      '',
      '使用方法',
      `1. 在“${s.lists}”表填写被考核对象名单（评委名单可选）。`,
      `2. 在“${s.entry}”表每行录入一张评分表；红色单元格为缺项或无效分值。`,
      `3. 在“${s.adjustments}”表登记加分、扣分和一票否决事项及事由。`,
      `4. “${s.summary}”表的得分、名次和等次均为公式，随录入自动更新；点击单元格可查看计算方法。`,
      `5. “${s.analysis}”表显示评委打分模式（是否“一碗水端平”）；“${s.signoff}”表记录逐级审核签核。`,
      '',
      '本工作簿由“端平”生成，可在 Excel、WPS 或 LibreOffice 中打开，无需加载项即可计算。',
    ],
    cellError: (max) => `请输入 0 到 ${max} 之间的数。`,
    indicatorLabel: (name, allowed) => `${name}（${allowed}）`,
    filledBy: (sources) => `${sources}填`,
    fillPrompt: (sources, allowed) => `只由“${sources}”填写（${allowed}）；其他评价主体的行请留空。`,
    levelError: (labels) => `请选择等级：${labels}（或填写对应分值）。`,
    pointsError: '分值应为不小于 0 的数。',
    kindError: '类型应为：加分、扣分或一票否决。',
    page: '第 &P 页，共 &N 页',
  },
  en: {
    entryHint:
      'One score sheet per row: source, rater, ratee, then the score of each indicator (row 1 names them).',
    adjustmentsHint:
      'Bonus, deduction and veto items: kind is bonus, deduction or veto; points are a number >= 0.',
    listsHint: 'Ratees (left) and raters (right, optional). The summary lists the ratees row by row.',
    ratees: 'Ratees',
    raters: 'Raters',
    summaryTitle: (name) => `${name} — summary`,
    composite: 'composite',
    bonus: 'bonus',
    deduction: 'deduction',
    veto: 'veto',
    final: 'final',
    rank: 'rank',
    tier: 'tier',
    note: 'note',
    quotaTie: 'tie at the quota line: the office decides',
    vetoNote: 'veto',
    yes: 'yes',
    tierCount: 'Tier count',
    count: 'count',
    limit: 'cumulative quota',
    check: 'check',
    over: 'over quota',
    reasons: [
      '✓',
      'source, rater or ratee missing',
      'source not in the template',
      'ratee not on the list',
      'rater not on the list or other source',
      'duplicate score sheet (all copies left out)',
      'missing or invalid score',
      'set aside by the review',
      'source entered as a tally: score sheets not counted',
    ],
    kinds: ['bonus', 'deduction', 'veto'],
    indicatorHeaders: [
      'dimension',
      'id',
      'name',
      'max',
      'weight',
      'criteria',
      'levels (label=points)',
      'sources',
    ],
    sourceHeaders: ['source id', 'name', 'weight', 'aggregate'],
    tierHeaders: ['tier', 'min', 'cumulative share'],
    aggregates: { mean: 'mean', trimmed: 'trimmed mean', median: 'median' },
    analysisHeaders: ['source', 'rater', 'sheets', 'flag', 'level', 'message'],
    analysisHint: 'Filled by the rater analysis; do not edit by hand.',
    guide: (name, s) => [
      name,
      '',
      'How to use',
      `1. Fill the ratee list (and optionally the raters) on "${s.lists}".`,
      `2. Type one score sheet per row on "${s.entry}"; red cells are missing or invalid.`,
      `3. Record bonus, deduction and veto items with reasons on "${s.adjustments}".`,
      `4. Scores, ranks and tiers on "${s.summary}" are live formulas; click a cell to see how it is made.`,
      `5. "${s.analysis}" shows rater patterns; "${s.signoff}" records the level-by-level sign-off.`,
      '',
      'Made by Duanping; opens in Excel, WPS or LibreOffice and computes without the add-in.',
    ],
    cellError: (max) => `Enter a number from 0 to ${max}.`,
    indicatorLabel: (name, allowed) => `${name} (${allowed})`,
    filledBy: (sources) => `by ${sources}`,
    fillPrompt: (sources, allowed) =>
      `Filled by ${sources} only (${allowed}); leave blank on other sources' rows.`,
    levelError: (labels) => `Choose a level: ${labels} (or type its points).`,
    pointsError: 'Points must be a number >= 0.',
    kindError: 'Kind must be bonus, deduction or veto.',
    page: 'Page &P of &N',
  },
};
