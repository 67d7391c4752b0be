/**
 * A workbook in the installation layout (src/workbook/layout.ts + DP_Template store), filled
 * with generated scores and the engine's results, for the sign-off command-line tests.
 * Stand-in until `duanping build` writes real workbooks; it uses the shared layout and store.
 */
import ExcelJS from 'exceljs';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { Template } from '../../src/core/template';
import type { AdjustmentRow, EntryRow } from '../../src/core/types';
import { computeLayout } from '../../src/workbook/layout';
import { SHEET_NAMES } from '../../src/workbook/names';
import { storeRows } from '../../src/workbook/store';

/** A simple deterministic generator (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function builtin(id = 'agency-annual'): Template {
  const t = getBuiltinTemplate(id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
}

/** Ratees × raters per source with scores in [60 %, 100 %] of each max, two adjustments. */
export function layoutWorkbook(
  template: Template,
  ratees = 8,
  ratersPerSource = 5,
  seed = 7,
): ExcelJS.Workbook {
  const rnd = lcg(seed);
  const names = SHEET_NAMES.zh;
  const entries: EntryRow[] = [];
  const rateeIds = Array.from({ length: ratees }, (_, j) => `U${String(j + 1).padStart(2, '0')}`);
  for (const src of template.sources)
    for (let r = 0; r < ratersPerSource; r++)
      for (const ratee of rateeIds) {
        const cells: EntryRow['cells'] = {};
        for (const id of src.indicators) {
          const ind = template.indicators.find((i) => i.id === id)!;
          cells[id] = Math.round(ind.max * (0.6 + 0.4 * rnd()) * 2) / 2;
        }
        entries.push({ source: src.id, rater: `${src.id}-${r + 1}`, ratee, cells });
      }
  const adjustments: AdjustmentRow[] = [
    { ratee: 'U02', kind: 'bonus', points: 1, reason: '市级表彰' },
    { ratee: 'U05', kind: 'deduction', points: 2, reason: '巡察问题整改滞后' },
  ];
  const { results } = computeScores({ template, entries, adjustments }, { textNumbers: false });
  const layout = computeLayout(template, names, {
    entries: entries.length + 20,
    adjustments: 20,
    lists: ratees,
  });

  const wb = new ExcelJS.Workbook();
  const entry = wb.addWorksheet(names.entry);
  const e = layout.entry;
  entry.getCell(`${e.sourceCol}${e.headerRow}`).value = '评价主体';
  entry.getCell(`${e.raterCol}${e.headerRow}`).value = '评委';
  entry.getCell(`${e.rateeCol}${e.headerRow}`).value = '被考核对象';
  for (const [id, col] of Object.entries(e.indicatorCols)) entry.getCell(`${col}${e.headerRow}`).value = id;
  entries.forEach((row, i) => {
    const r = e.firstRow + i;
    entry.getCell(`${e.sourceCol}${r}`).value = row.source;
    entry.getCell(`${e.raterCol}${r}`).value = row.rater;
    entry.getCell(`${e.rateeCol}${r}`).value = row.ratee;
    for (const [id, v] of Object.entries(row.cells))
      entry.getCell(`${e.indicatorCols[id]}${r}`).value = v as number;
  });
  const adj = wb.addWorksheet(names.adjustments);
  const a = layout.adjustments;
  adjustments.forEach((row, i) => {
    const r = a.firstRow + i;
    adj.getCell(`${a.rateeCol}${r}`).value = row.ratee;
    adj.getCell(`${a.kindCol}${r}`).value = row.kind as string;
    adj.getCell(`${a.pointsCol}${r}`).value = row.points as number;
    adj.getCell(`${a.reasonCol}${r}`).value = row.reason ?? null;
  });
  const sum = wb.addWorksheet(names.summary);
  const s = layout.summary;
  const heads: [string, string][] = [
    [s.rateeCol, '被考核对象'],
    [s.nameCol, '名称'],
    ...template.sources.map((src) => [s.sourceCols[src.id], src.name] as [string, string]),
    [s.compositeCol, '综合得分'],
    [s.bonusCol, '加分'],
    [s.deductionCol, '减分'],
    [s.finalCol, '最终得分'],
    [s.rankCol, '排名'],
    [s.tierCol, '等次'],
  ];
  for (const [col, h] of heads) sum.getCell(`${col}${s.headerRow}`).value = h;
  sum.getCell('A1').value = template.name;
  results.ratees.forEach((res, i) => {
    const r = s.firstRow + i;
    sum.getCell(`${s.rateeCol}${r}`).value = res.ratee;
    sum.getCell(`${s.nameCol}${r}`).value = `单位${res.ratee.slice(1)}`;
    for (const [id, col] of Object.entries(s.sourceCols))
      sum.getCell(`${col}${r}`).value = {
        formula: `ROUND(${res.sources[id] ?? 0},2)`,
        result: Math.round((res.sources[id] ?? 0) * 100) / 100,
      };
    sum.getCell(`${s.compositeCol}${r}`).value = res.composite;
    sum.getCell(`${s.bonusCol}${r}`).value = res.bonus;
    sum.getCell(`${s.deductionCol}${r}`).value = res.deduction;
    sum.getCell(`${s.finalCol}${r}`).value = {
      formula: `ROUND(${s.compositeCol}${r}+${s.bonusCol}${r}-${s.deductionCol}${r},2)`,
      result: res.final ?? undefined,
    };
    sum.getCell(`${s.finalCol}${r}`).numFmt = '0.00';
    sum.getCell(`${s.rankCol}${r}`).value = {
      formula: `RANK(${s.finalCol}${r},$${s.finalCol}$${s.firstRow}:$${s.finalCol}$${s.lastRow})`,
      result: res.rank ?? undefined,
    };
    sum.getCell(`${s.tierCol}${r}`).value = res.tier;
  });
  sum.getColumn(s.nameCol).width = 14;
  wb.addWorksheet(names.signoff);
  const store = wb.addWorksheet('DP_Template', { state: 'veryHidden' });
  for (const row of storeRows(template, layout, 'zh')) store.addRow(row);
  return wb;
}
