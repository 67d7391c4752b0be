/**
 * Message catalogue of the engine (problems and notes), in Chinese and English, through i18next.
 * The task pane has its own UI catalogue; these are the sentences the engine itself produces.
 */
import i18next, { type TFunction } from 'i18next';
import { ballotMessages } from './ballots/messages';
import type { Lang } from './types';

const zh = {
  where: '{{where}}：',
  problem: {
    missing: '{{at}}{{who}}的“{{indicator}}”没有填写，这张评分表暂不计入汇总；请补填 0–{{max}} 之间的分数。',
    'not-a-number': '{{at}}{{who}}的“{{indicator}}”填的是“{{found}}”，不是分数；应为 {{allowed}}。',
    'number-as-text':
      '{{at}}{{who}}的“{{indicator}}”是文本格式的“{{found}}”，公式不会把它当作分数；请改为数字 {{fix}}。',
    'out-of-range': '{{at}}{{who}}的“{{indicator}}”为 {{found}}，超出了分值范围；应填 {{allowed}}。',
    'not-a-level': '{{at}}{{who}}的“{{indicator}}”填的是“{{found}}”，不是规定的等次；应为 {{allowed}}。',
    'full-width-digits':
      '{{at}}{{who}}的“{{indicator}}”用了全角数字“{{found}}”；建议改为 {{fix}}（需您确认后再改）。',
    'unit-suffix':
      '{{at}}{{who}}的“{{indicator}}”带有“分”字：“{{found}}”；建议改为 {{fix}}（需您确认后再改）。',
    'error-value': '{{at}}{{who}}的“{{indicator}}”是错误值 {{found}}；请填入 {{allowed}}。',
    'unknown-source': '{{at}}评价主体“{{found}}”不在模板中；应为 {{allowed}}。',
    'missing-field': '{{at}}缺少{{field}}；这张评分表不计入汇总。',
    'unknown-ratee': '{{at}}被考核对象“{{found}}”不在名单中；这张评分表不计入汇总。',
    'unknown-rater': '{{at}}评委“{{found}}”不在评委名单中；这张评分表不计入汇总。',
    'rater-source-mismatch': '{{at}}评委“{{rater}}”在名单中属于“{{allowed}}”，这里却填在“{{found}}”下。',
    'rater-in-two-sources': '{{at}}评委“{{rater}}”同时出现在“{{found}}”两个评价主体中，请核对评委编码。',
    'duplicate-sheet':
      '{{at}}评委“{{rater}}”对“{{ratee}}”（{{source}}）的评分表录入了 {{found}} 次；重复的几张都暂不计入，请删去多余的一张。',
    'ragged-row': '{{at}}这一行有 {{found}} 列，表头有 {{allowed}} 列；请检查是否多了或少了逗号。',
    'unknown-column': '{{at}}表头中的“{{found}}”不是模板的指标；应为 {{allowed}}。',
    'missing-column': '{{at}}表头缺少“{{found}}”列。',
    'bad-adjustment-kind': '{{at}}加减分类型“{{found}}”无效；应为 {{allowed}}。这条加减分不计入。',
    'bad-adjustment-points': '{{at}}加减分分值“{{found}}”无效；应为 {{allowed}}。这条加减分不计入。',
    'no-valid-rows': '“{{ratee}}”在“{{source}}”中没有一张有效评分表，该环节得分空缺。',
    'missing-source': '“{{ratee}}”缺少“{{source}}”的得分，综合得分按其余环节加权计算。',
    'no-composite': '“{{ratee}}”没有任何环节的有效得分，无法计算总分、排名和等次。',
    'lookalike-code':
      '{{at}}{{field}}“{{found}}”（{{foundCodes}}）与“{{allowed}}”（{{allowedCodes}}）看起来一样，却不是同一个编码（全角字符、空格、不可见字符、="…" 或形近字母），共 {{count}} 处；两者按不同编码计算、没有合并，请统一为“{{allowed}}”。',
    'merged-cell':
      '{{where}} 是合并单元格：只有 {{found}} 的值参与计算，{{blanks}} 为空（工作簿的公式也这样读）；请取消合并，在每一行填入各自的值。',
    'indicator-sheet-differs':
      '{{at}}指标表上{{label}}是“{{found}}”，安装时保存的模板是“{{allowed}}”；公式和计算都按保存的模板（{{allowed}}）算，指标表上的改动不起作用。请改回 {{allowed}}；确需修改，请修改模板后重新安装（升级）。',
    'date-as-score':
      '{{at}}{{who}}的“{{indicator}}”是日期“{{found}}”（输入的数字被 Excel 当成了日期），不是分数；应为 {{allowed}}。请把单元格格式设为“常规”或“数值”后重新输入。',
  },
  sheetPart: { indicator: '指标', source: '评价主体', tier: '等次' },
  sheetField: {
    id: '{{part}}的编号（{{id}}）',
    name: '{{part}} {{id}} 的名称',
    max: '{{part}} {{id}} 的满分',
    weight: '{{part}} {{id}} 的权重',
    levels: '{{part}} {{id}} 的等次分值',
    min: '{{part}}“{{id}}”的最低分',
    maxShare: '{{part}}“{{id}}”的累计名额比例',
  },
  note: {
    'quota-tie':
      '与其他单位并列 {{final}} 分，并列跨过“{{tier}}”的名额上限（{{limit}} 个），并列者一同降入下一等次，请考核办研究决定。',
    'bonus-capped': '加分合计 {{sum}} 分，超过上限 {{cap}} 分，按 {{cap}} 分计。',
    'deduction-capped': '扣分合计 {{sum}} 分，超过上限 {{cap}} 分，按 {{cap}} 分计。',
    'missing-source': '缺少“{{source}}”的得分，综合得分按其余环节计算。',
    vetoed: '有一票否决事项（{{reason}}），等次定为“{{tier}}”。',
    'floored-at-zero': '扣分后低于 0 分，按 0 分计。',
  },
  who: '评委 {{rater}} 对 {{ratee}} ',
  fields: { source: '评价主体', rater: '评委编码', ratee: '被考核对象编码' },
  allowed: {
    range: '{{min}} 到 {{max}} 之间的数字',
    levels: '{{labels}}（或对应分值 {{points}}）',
    kinds: 'bonus（加分）、deduction（扣分）或 veto（一票否决）',
    points: '不小于 0 的数字',
  },
};

type Catalogue = typeof zh;

const en: Catalogue = {
  where: '{{where}}: ',
  problem: {
    missing:
      '{{at}}{{who}}left "{{indicator}}" blank; this score sheet is left out of the totals until a score from 0 to {{max}} is entered.',
    'not-a-number':
      '{{at}}{{who}}entered "{{found}}" for "{{indicator}}", which is not a score; allowed: {{allowed}}.',
    'number-as-text':
      '{{at}}{{who}}has "{{found}}" stored as text for "{{indicator}}"; formulas will not count it — enter the number {{fix}}.',
    'out-of-range': '{{at}}{{who}}gave {{found}} for "{{indicator}}", outside the allowed {{allowed}}.',
    'not-a-level':
      '{{at}}{{who}}entered "{{found}}" for "{{indicator}}", which is not one of the levels {{allowed}}.',
    'full-width-digits':
      '{{at}}{{who}}typed full-width digits "{{found}}" for "{{indicator}}"; suggested fix: {{fix}} (applied only with your consent).',
    'unit-suffix':
      '{{at}}{{who}}wrote "{{found}}" with 分 for "{{indicator}}"; suggested fix: {{fix}} (applied only with your consent).',
    'error-value': '{{at}}{{who}}has the error value {{found}} for "{{indicator}}"; enter {{allowed}}.',
    'unknown-source': '{{at}}the source "{{found}}" is not in the template; allowed: {{allowed}}.',
    'missing-field': '{{at}}the {{field}} is missing; this score sheet is left out of the totals.',
    'unknown-ratee':
      '{{at}}the ratee "{{found}}" is not on the list; this score sheet is left out of the totals.',
    'unknown-rater':
      '{{at}}the rater "{{found}}" is not on the rater list; this score sheet is left out of the totals.',
    'rater-source-mismatch':
      '{{at}}rater "{{rater}}" belongs to "{{allowed}}" on the rater list but is entered under "{{found}}".',
    'rater-in-two-sources':
      '{{at}}rater "{{rater}}" appears in two sources ({{found}}); please check the rater codes.',
    'duplicate-sheet':
      '{{at}}rater "{{rater}}" scored "{{ratee}}" ({{source}}) {{found}} times; all copies are left out until the extra one is deleted.',
    'ragged-row':
      '{{at}}this row has {{found}} columns but the header has {{allowed}}; check for a missing or extra comma.',
    'unknown-column':
      '{{at}}the header column "{{found}}" is not an indicator of the template; allowed: {{allowed}}.',
    'missing-column': '{{at}}the header lacks the column "{{found}}".',
    'bad-adjustment-kind':
      '{{at}}the adjustment kind "{{found}}" is not valid; allowed: {{allowed}}. It is not counted.',
    'bad-adjustment-points':
      '{{at}}the adjustment points "{{found}}" are not valid; allowed: {{allowed}}. It is not counted.',
    'no-valid-rows': '"{{ratee}}" has no valid score sheet in "{{source}}"; that source score is missing.',
    'missing-source':
      '"{{ratee}}" has no score from "{{source}}"; the composite stands on the other sources.',
    'no-composite': '"{{ratee}}" has no valid score from any source: no total, rank or tier.',
    'lookalike-code':
      '{{at}}the {{field}} "{{found}}" ({{foundCodes}}) looks like "{{allowed}}" ({{allowedCodes}}) but is a different code (full-width, space, invisible character, ="…" or a look-alike letter), {{count}} time(s); the two are counted apart, not merged — make it "{{allowed}}".',
    'merged-cell':
      "{{where}} is a merged range: only {{found}}'s value counts, {{blanks}} are blank (the workbook's formulas read them so too); unmerge it and fill in each row.",
    'indicator-sheet-differs':
      '{{at}}the indicator sheet shows {{label}} as "{{found}}" but the stored template has "{{allowed}}"; the formulas and the computation use the stored template ({{allowed}}), so the change on the sheet has no effect. Set it back to {{allowed}}, or change the template and install it again (upgrade).',
    'date-as-score':
      '{{at}}{{who}}has the date "{{found}}" for "{{indicator}}" (Excel took the number typed for a date), not a score; allowed: {{allowed}}. Format the cell as General or Number and type the score again.',
  },
  sheetPart: { indicator: 'indicator', source: 'source', tier: 'tier' },
  sheetField: {
    id: 'the id of {{part}} {{id}}',
    name: 'the name of {{part}} {{id}}',
    max: 'the maximum of {{part}} {{id}}',
    weight: 'the weight of {{part}} {{id}}',
    levels: 'the level points of {{part}} {{id}}',
    min: 'the minimum of {{part}} "{{id}}"',
    maxShare: 'the cumulative share of {{part}} "{{id}}"',
  },
  note: {
    'quota-tie':
      'Tied at {{final}} with others across the quota of "{{tier}}" ({{limit}} places); the tied units all fall to the next tier — for the office to decide.',
    'bonus-capped': 'Bonus points add up to {{sum}}, above the cap of {{cap}}; {{cap}} counted.',
    'deduction-capped': 'Deductions add up to {{sum}}, above the cap of {{cap}}; {{cap}} counted.',
    'missing-source': 'No score from "{{source}}"; the composite stands on the other sources.',
    vetoed: 'Vetoed ({{reason}}): tier "{{tier}}".',
    'floored-at-zero': 'Below 0 after deductions; counted as 0.',
  },
  who: 'rater {{rater}} for {{ratee}} ',
  fields: { source: 'source', rater: 'rater code', ratee: 'ratee code' },
  allowed: {
    range: 'a number from {{min}} to {{max}}',
    levels: '{{labels}} (or their points {{points}})',
    kinds: 'bonus, deduction or veto',
    points: 'a number of 0 or more',
  },
};

let instance: ReturnType<typeof i18next.createInstance> | null = null;

function engineI18n() {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: 'zh',
      fallbackLng: 'zh',
      resources: { zh: { translation: zh }, en: { translation: en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<typeof i18next.init>[0]);
    for (const lng of ['zh', 'en'] as const)
      instance.addResourceBundle(lng, 'translation', ballotMessages[lng], true, false);
  }
  return instance;
}

/** A translate function for the engine's own messages. */
export function engineT(lang: Lang): TFunction {
  return engineI18n().getFixedT(lang);
}
