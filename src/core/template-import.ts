/**
 * An indicator table pasted from Excel or Word → a template. Offices keep their schemes as a
 * table with the columns 一级指标 / 指标 / 满分 / 权重 / 评分标准 (and sometimes the levels, such as
 * 好/较好/一般/差): copied from Excel the cells are tab-separated with quotes around a cell that
 * holds a line break; copied from Word they are tab-separated too, a merged 一级指标 cell gives
 * its text on the first row only, and scores come as `10分` or `１０`.
 *
 * Pure: text in, a validated template (or sentences naming the row and column) out. What the
 * table does not say (sources, tiers) gets plain defaults the clerk edits in the pane:
 * one source 评委 and the tiers 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 差.
 */
import Papa from 'papaparse';
import { TEMPLATE_SCHEMA, validateTemplate, type Level, type Template } from './template';
import type { Lang } from './types';

export type ImportedTemplate =
  { ok: true; template: Template; notes: string[] } | { ok: false; errors: string[] };

type Field = 'dimension' | 'name' | 'max' | 'weight' | 'criteria' | 'levels' | 'number';

/** Header words for each column, compared without spaces and without a trailing unit such as （分）. */
const HEADERS: Record<Field, string[]> = {
  dimension: ['一级指标', '类别', '考核类别', '考核内容', '考核项目', '维度', '项目', 'dimension'],
  name: ['指标', '二级指标', '考核指标', '具体指标', '考核要点', '指标名称', '内容', 'indicator', 'name'],
  max: ['满分', '分值', '标准分', '分数', '最高分', '满分值', 'max', 'points'],
  weight: ['权重', '权重（%）', 'weight'],
  criteria: ['评分标准', '考核标准', '评分细则', '评分办法', '评分说明', '考核方法', 'criteria'],
  levels: ['等次', '等级', '档次', '评价等级', '评价档次', 'levels'],
  number: ['序号', '编号', 'no', 'no.'],
};

const TOTAL_WORDS = /^(合计|总计|总分|小计|total)$/i;

function normalizeHeader(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .toLowerCase();
}

/** Full-width digits and signs to ASCII; `分` and `%` dropped. */
function numberText(s: string): string {
  return s
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)))
    .replace(/\s+/g, '')
    .replace(/(分|%|％)$/, '');
}

function parseNumber(s: string): number | null {
  const t = numberText(s);
  if (t === '' || !/^[0-9]+(\.[0-9]+)?$/.test(t)) return null;
  return Number(t);
}

/** `好(10)/较好(8)/一般(6)/差(2)`, `好=10；较好=8`, `好 10 分、较好 8 分` → levels. */
export function parseLevels(s: string): Level[] | null {
  const out: Level[] = [];
  const re =
    /([^\s/、；;,，=（()）:：0-9０-９.]+)\s*[=（(:：]?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?\s*[)）]?/g;
  for (const m of s.matchAll(re)) out.push({ label: m[1], points: Number(numberText(m[2])) });
  return out.length >= 2 ? out : null;
}

/** Splits pasted text into rows of cells: tab-separated when any line has a tab, else comma. */
function rowsOf(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = clean.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: 'greedy' });
  return parsed.data.map((r) => r.map((c) => c.replace(/\u00a0/g, ' ').trim()));
}

const WORDS = {
  zh: {
    empty: '粘贴的内容是空的：请从 Excel 或 Word 复制整张指标表（含表头）后再粘贴。',
    noHeader:
      '没有找到表头：指标表的第一行应包含“指标”和“满分”（也可写作“分值”“标准分”），还可以有“一级指标”“权重”“评分标准”“等次”。',
    noName: (h: string) => `找到了表头“${h}”，但没有“指标”列。`,
    noMax: (h: string) => `找到了表头“${h}”，但没有“满分”列（也可写作“分值”“标准分”）。`,
    badMax: (row: number, name: string, found: string) =>
      `第 ${row} 行“${name}”的满分“${found}”不是大于 0 的数字。`,
    badWeight: (row: number, name: string, found: string) =>
      `第 ${row} 行“${name}”的权重“${found}”不是数字。`,
    noRows: '表头下面没有指标行。',
    skippedTotal: (row: number) => `第 ${row} 行是合计行，已跳过。`,
    levelsMax: (row: number, name: string, top: number, max: number) =>
      `第 ${row} 行“${name}”的最高等次 ${top} 分与满分 ${max} 分不一致，满分改为 ${top} 分。`,
    filledDimension: (n: number) => `${n} 行的一级指标沿用上一行（Word 合并单元格复制出来是空的）。`,
    defaults:
      '评价主体（评委）和等次（好 90 分以上、较好 80 分以上、一般 60 分以上、差）是默认设置，请按本单位办法修改。',
    defaultName: '自定义考核',
    source: '评委',
  },
  en: {
    empty: 'Nothing was pasted: copy the whole indicator table (with its header) from Excel or Word.',
    noHeader:
      'No header found: the first row must name the indicator ("指标") and its maximum ("满分"), and may name 一级指标, 权重, 评分标准 and 等次.',
    noName: (h: string) => `Header "${h}" found, but no indicator ("指标") column.`,
    noMax: (h: string) => `Header "${h}" found, but no maximum ("满分", "分值") column.`,
    badMax: (row: number, name: string, found: string) =>
      `Row ${row} "${name}": the maximum "${found}" is not a number above 0.`,
    badWeight: (row: number, name: string, found: string) =>
      `Row ${row} "${name}": the weight "${found}" is not a number.`,
    noRows: 'There are no indicator rows below the header.',
    skippedTotal: (row: number) => `Row ${row} is a total and was skipped.`,
    levelsMax: (row: number, name: string, top: number, max: number) =>
      `Row ${row} "${name}": the top level gives ${top} points but the maximum is ${max}; the maximum is now ${top}.`,
    filledDimension: (n: number) =>
      `${n} row(s) take the 一级指标 of the row above (a merged Word cell is copied empty).`,
    defaults:
      'The source (raters) and the tiers (好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 差) are defaults: change them to your office’s rules.',
    defaultName: 'Custom assessment',
    source: 'Raters',
  },
};

export interface ImportOptions {
  id?: string;
  name?: string;
  lang?: Lang;
}

/**
 * Reads an indicator table. Columns are found by their header words (any order; a 序号 column
 * is ignored); rows whose 一级指标 cell is empty take the one above; a row with only a 一级指标
 * starts a new group; 合计 rows are skipped. Indicator ids are A1, A2, B1 … by group.
 */
export function importIndicatorTable(text: string, options: ImportOptions = {}): ImportedTemplate {
  const w = WORDS[options.lang ?? 'zh'];
  const rows = rowsOf(text);
  if (rows.length === 0) return { ok: false, errors: [w.empty] };

  const fieldOf = (cell: string): Field | undefined => {
    const h = normalizeHeader(cell);
    return (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].some((x) => normalizeHeader(x) === h));
  };
  const headerIndex = rows.findIndex((r) => {
    const fields = r.map(fieldOf);
    return fields.includes('name') || fields.includes('max');
  });
  if (headerIndex < 0) return { ok: false, errors: [w.noHeader] };
  const header = rows[headerIndex];
  const cols: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const f = fieldOf(h);
    if (f && cols[f] === undefined) cols[f] = i;
  });
  const shown = header.filter((h) => h !== '').join(' / ');
  if (cols.name === undefined) return { ok: false, errors: [w.noName(shown)] };
  if (cols.max === undefined) return { ok: false, errors: [w.noMax(shown)] };

  const errors: string[] = [];
  const notes: string[] = [];
  const groups: string[] = [];
  const indicators: Template['indicators'] = [];
  let dimension = '';
  let filled = 0;
  const at = (r: string[], f: Field) => (cols[f] === undefined ? '' : (r[cols[f]!] ?? ''));

  rows.slice(headerIndex + 1).forEach((r, k) => {
    const rowNo = headerIndex + k + 2; // 1-based, as the clerk counts lines of the table
    const name = at(r, 'name').replace(/^[0-9０-９]+[.．、)）]\s*/, '');
    const dim = at(r, 'dimension').replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
    const maxText = at(r, 'max');
    if (r.every((c) => c === '')) return;
    if (TOTAL_WORDS.test(name) || TOTAL_WORDS.test(dim) || (name === '' && TOTAL_WORDS.test(r[0] ?? ''))) {
      notes.push(w.skippedTotal(rowNo));
      return;
    }
    if (dim !== '') dimension = dim;
    else if (name !== '' && dimension !== '') filled++;
    if (name === '') return; // a group heading row
    const max = parseNumber(maxText);
    if (max === null || max <= 0) {
      errors.push(w.badMax(rowNo, name, maxText));
      return;
    }
    const group = dimension || name;
    if (!groups.includes(group)) groups.push(group);
    const letter = String.fromCharCode(65 + (groups.indexOf(group) % 26));
    const inGroup = indicators.filter((i) => i.dimension === group).length + 1;
    const ind: Template['indicators'][number] = {
      id: `${letter}${inGroup}`,
      name,
      dimension: group,
      max,
      weight: max,
    };
    const weightText = at(r, 'weight');
    if (weightText !== '') {
      const weight = parseNumber(weightText);
      if (weight === null) errors.push(w.badWeight(rowNo, name, weightText));
      else ind.weight = weight;
    }
    const criteria = at(r, 'criteria');
    if (criteria !== '') ind.criteria = criteria;
    const levels = at(r, 'levels') !== '' ? parseLevels(at(r, 'levels')) : null;
    if (levels) {
      ind.levels = levels;
      const top = Math.max(...levels.map((l) => l.points));
      if (top !== max) {
        notes.push(w.levelsMax(rowNo, name, top, max));
        ind.max = top;
        if (weightText === '') ind.weight = top;
      }
    }
    indicators.push(ind);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (indicators.length === 0) return { ok: false, errors: [w.noRows] };
  if (filled > 0) notes.push(w.filledDimension(filled));
  notes.push(w.defaults);

  const v = validateTemplate({
    schema: TEMPLATE_SCHEMA,
    id: options.id ?? 'custom',
    name: options.name ?? w.defaultName,
    indicators,
    sources: [{ id: 'rater', name: w.source, weight: 100, aggregate: 'mean' }],
    adjustments: { bonusCap: 0 },
    tiers: [
      { name: '好', min: 90 },
      { name: '较好', min: 80 },
      { name: '一般', min: 60 },
      { name: '差', min: 0 },
    ],
  });
  if (!v.ok) return { ok: false, errors: v.errors };
  return { ok: true, template: v.template, notes };
}
