/**
 * Sheet names and column headers of an installation, in Chinese (default) or English.
 * Readers accept the headers of both languages, so a workbook installed in one language can be
 * read by a tool running in the other.
 */
import type { Lang } from '../core/types';
import type { SheetKey } from './plan';
import { TEMPLATE_SHEET } from './plan';

/** Default sheet names per language, in tab order. */
export const SHEET_NAMES: Record<Lang, Record<SheetKey, string>> = {
  zh: {
    guide: '说明',
    indicators: '指标',
    lists: '名单',
    entry: '评分录入',
    tally: '计票',
    adjustments: '加减分',
    summary: '汇总',
    analysis: '评委分析',
    signoff: '签核',
    template: TEMPLATE_SHEET,
  },
  en: {
    guide: 'Guide',
    indicators: 'Indicators',
    lists: 'Lists',
    entry: 'Entry',
    tally: 'Tally',
    adjustments: 'Adjustments',
    summary: 'Summary',
    analysis: 'Rater analysis',
    signoff: 'Sign-off',
    template: TEMPLATE_SHEET,
  },
};

export const SHEET_ORDER: SheetKey[] = [
  'guide',
  'indicators',
  'lists',
  'entry',
  'tally',
  'adjustments',
  'summary',
  'analysis',
  'signoff',
  'template',
];

/** Header texts of the input columns; the first of each list is what an installation writes. */
export const FIELD_HEADERS: Record<Lang, Record<string, string>> = {
  zh: {
    source: '评价主体',
    rater: '评委',
    ratee: '被考核对象',
    total: '合计',
    status: '状态',
    kind: '类型',
    points: '分值',
    reason: '事由',
    approvedBy: '批准人',
    id: '编号',
    name: '名称',
    group: '分组',
    raterId: '评委编号',
    raterSource: '评价主体',
    raterName: '姓名',
    review: '复核',
    reviewNote: '复核说明',
    indicator: '指标',
  },
  en: {
    source: 'source',
    rater: 'rater',
    ratee: 'ratee',
    total: 'total',
    status: 'status',
    kind: 'kind',
    points: 'points',
    reason: 'reason',
    approvedBy: 'approvedBy',
    id: 'id',
    name: 'name',
    group: 'group',
    review: 'review',
    reviewNote: 'reviewNote',
    indicator: 'indicator',
    raterId: 'rater',
    raterSource: 'source',
    raterName: 'name',
  },
};

/** Normalizes a header cell for matching: trimmed, lower case. */
export function headerKey(text: unknown): string {
  return typeof text === 'string'
    ? text.trim().toLowerCase()
    : text === null || text === undefined
      ? ''
      : String(text);
}

/** True when `cell` is the header of `field` in either language. */
export function isHeaderOf(cell: unknown, field: string): boolean {
  const k = headerKey(cell);
  return k !== '' && (k === headerKey(FIELD_HEADERS.zh[field]) || k === headerKey(FIELD_HEADERS.en[field]));
}
