/**
 * The visible indicator sheet (指标): what it shows, and how it differs from the stored template.
 *
 * The sheet is for reading: the workbook's formulas carry the weights and maxima of the template
 * stored in DP_Template as constants, and the engine reads the stored template too. A weight a
 * clerk retypes on the sheet therefore changes nothing — silently, until now. The rows are laid
 * out here once: the plan writes them (./build.ts) and the reader (./read.ts) compares the sheet
 * as it stands with them, one SheetIssue per cell that differs (formats.md, signoff.md Additions).
 */
import { cellText, isBlank } from '../core/cells';
import { columnLetter } from '../core/address';
import type { Template } from '../core/template';
import type { IndicatorSheetField, Lang, RawCell, SheetIssue } from '../core/types';
import type { PlanValue } from './plan';
import { WORDS, type Words } from './words';

/** The blocks of the indicator sheet: rows of each table and the 1-based row of each header. */
export interface IndicatorSheetRows {
  indicators: PlanValue[][];
  sources: PlanValue[][];
  tiers: PlanValue[][];
  /** Header rows (1-based); each table's rows start on the row below. */
  indicatorHeaderRow: number;
  sourceHeaderRow: number;
  tierHeaderRow: number;
}

/** What the indicator sheet shows for a template, in the installation's language. */
export function indicatorSheetRows(
  template: Template,
  lang: Lang,
  w: Words = WORDS[lang],
): IndicatorSheetRows {
  const en = lang === 'en';
  const indicators: PlanValue[][] = template.indicators.map((ind) => [
    (en ? ind.dimensionEn : undefined) ?? ind.dimension,
    ind.id,
    (en ? ind.nameEn : undefined) ?? ind.name,
    ind.max,
    ind.weight,
    ((en ? ind.criteriaEn : undefined) ?? ind.criteria) || '',
    ind.levels ? ind.levels.map((l) => `${l.label}=${l.points}`).join(en ? ', ' : '，') : '',
    template.sources
      .filter((s) => s.indicators.includes(ind.id))
      .map((s) => s.id)
      .join(', '),
  ]);
  const sources: PlanValue[][] = template.sources.map((s) => [
    s.id,
    (en ? s.nameEn : undefined) ?? s.name,
    s.weight,
    s.aggregate === 'trimmed'
      ? `${w.aggregates.trimmed} (${s.trim}; ≥${s.trimMinRaters})`
      : w.aggregates[s.aggregate],
  ]);
  const tiers: PlanValue[][] = template.tiers.map((t) => [
    (en ? t.nameEn : undefined) ?? t.name,
    t.min,
    t.maxShare ?? '',
  ]);
  const sourceHeaderRow = indicators.length + 3;
  return {
    indicators,
    sources,
    tiers,
    indicatorHeaderRow: 1,
    sourceHeaderRow,
    tierHeaderRow: sourceHeaderRow + sources.length + 2,
  };
}

/** The cells compared, per table: 0-based column and the field it shows. */
const CHECKED: Record<'indicator' | 'source' | 'tier', [number, IndicatorSheetField][]> = {
  indicator: [
    [1, 'id'],
    [2, 'name'],
    [3, 'max'],
    [4, 'weight'],
    [6, 'levels'],
  ],
  source: [
    [0, 'id'],
    [1, 'name'],
    [2, 'weight'],
  ],
  tier: [
    [0, 'name'],
    [1, 'min'],
    [2, 'maxShare'],
  ],
};

function same(expected: PlanValue, found: RawCell): boolean {
  const blankExpected = expected === null || expected === undefined || expected === '';
  if (isBlank(found)) return blankExpected;
  if (blankExpected) return false;
  if (typeof expected === 'number') {
    const n = typeof found === 'number' ? found : typeof found === 'string' ? Number(found.trim()) : NaN;
    return Number.isFinite(n) && Math.abs(n - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return cellText(found).trim() === String(expected).trim();
}

const show = (v: PlanValue | RawCell): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v);

/**
 * Each cell of the indicator sheet (grid from A1) that differs from what the stored template
 * would show there: `指标!E3` (the weight of indicator A2) reads 20, the template has 15.
 * Without the sheet (deleted), nothing is compared: nothing on it could have been changed.
 */
export function indicatorSheetIssues(
  template: Template,
  lang: Lang,
  sheet: string,
  grid: readonly RawCell[][] | undefined,
): SheetIssue[] {
  if (!grid) return [];
  const laid = indicatorSheetRows(template, lang);
  const out: SheetIssue[] = [];
  const compare = (
    part: 'indicator' | 'source' | 'tier',
    rows: PlanValue[][],
    headerRow: number,
    idOf: (i: number) => string,
  ) =>
    rows.forEach((row, i) => {
      const r = headerRow + 1 + i;
      for (const [c, field] of CHECKED[part]) {
        const found = grid[r - 1]?.[c] ?? null;
        if (same(row[c], found)) continue;
        out.push({
          code: 'indicator-sheet-differs',
          where: `${sheet}!${columnLetter(c)}${r}`,
          part,
          id: idOf(i),
          field,
          found: show(found),
          stored: show(row[c]),
        });
      }
    });
  compare('indicator', laid.indicators, laid.indicatorHeaderRow, (i) => template.indicators[i].id);
  compare('source', laid.sources, laid.sourceHeaderRow, (i) => template.sources[i].id);
  compare('tier', laid.tiers, laid.tierHeaderRow, (i) => template.tiers[i].name);
  return out;
}
