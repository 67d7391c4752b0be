/**
 * Recording 不计入 in the entry sheet's 复核 column changes the workbook's formulas and the
 * engine's results identically (issue 13): the README's example, built as a workbook twice —
 * as it is, and with the planted rater P07's rows marked 不计入 — recalculated by LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAdjustmentsCsv, readRateesCsv, readRatingsCsv } from '../../src/core/csv';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { EntryRow } from '../../src/core/types';
import { openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { buildPlan } from '../../src/workbook/build';
import { typedCell } from '../../src/cli/commands/build';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { engineFigures, workbookFigures } from '../workbook/compare';

const ex = (f: string) => readFileSync(join(__dirname, '../../examples', f), 'utf8');

test(
  '不计入 for P07: LibreOffice and the engine agree before and after, and the results change',
  async () => {
    const template = getBuiltinTemplate('duty-report')!;
    // as `duanping build` types CSV text into cells: plain numbers become numbers
    const typed = (e: EntryRow): EntryRow => ({
      ...e,
      cells: Object.fromEntries(Object.entries(e.cells).map(([k, v]) => [k, typedCell(v)])),
    });
    const entries = readRatingsCsv(ex('ratings-with-problems.csv'), template).entries.map(typed);
    const adjustments = readAdjustmentsCsv(ex('adjustments.csv')).adjustments.map((a) => ({
      ...a,
      points: typedCell(a.points),
    }));
    const ratees = readRateesCsv(ex('ratees.csv'));
    let k = 0;
    const marked: EntryRow[] = entries.map((e) => {
      if (e.rater === 'P07')
        // both languages, with the spaces a clerk may type
        return {
          ...e,
          review: k++ % 2 ? '不计入' : ' Set Aside ',
          reviewNote: '总分拉不开差距，经核实为随意打分',
        };
      if (e.rater === 'P03') return { ...e, review: '保留' };
      return e;
    });
    const dir = mkdtempSync(join(tmpdir(), 'dp-review-'));
    const paths = [join(dir, 'as-is.xlsx'), join(dir, 'p07-set-aside.xlsx')];
    for (const [i, es] of [entries, marked].entries())
      await writePlanXlsx(buildPlan({ template, ratees, entries: es, adjustments }), paths[i]);

    const recalculated = await recalcManyWithLibreOffice(paths);
    const figures: ReturnType<typeof engineFigures>[] = [];
    for (const [i, path] of paths.entries()) {
      // The engine computes on what the file holds (the 复核 column included).
      const { content } = readWorkbookContent(await openXlsx(path));
      if (i === 1) expect(content.entries.filter((e) => e.review === '不计入').length).toBeGreaterThan(10);
      const { results, rows } = computeScores(content, { textNumbers: false });
      const wb = await openXlsx(recalculated[i]);
      const fromWorkbook = workbookFigures(wb);
      const fromEngine = engineFigures(results);
      expect(fromEngine.size).toBe(24);
      expect([...fromEngine.values()].filter((f) => f.final !== null).length).toBeGreaterThan(20);
      for (const [id, e] of fromEngine) expect({ i, id, ...fromWorkbook.get(id) }).toEqual({ i, id, ...e });
      // every row counted or left out alike; the set-aside rows show the review's reason
      const ws = wb.getWorksheet('评分录入')!;
      const { stored } = readWorkbookContent(wb);
      const lay = stored.layout.entry;
      rows.forEach((row, r) => {
        const total = ws.getCell(`${lay.totalCol}${lay.firstRow + r}`).result;
        const counted = row.total !== null && !row.setAside;
        expect({ i, r, counted: typeof total === 'number' }).toEqual({ i, r, counted });
        if (row.setAside)
          expect(ws.getCell(`${lay.statusCol}${lay.firstRow + r}`).result).toBe('复核决定不计入');
      });
      figures.push(fromEngine);
    }
    // the mark changed the outcome: P07's sheets no longer count
    const changed = [...figures[0]].filter(([id, f]) => figures[1].get(id)!.final !== f.final);
    expect(changed.length).toBeGreaterThan(10);
    // and it is exactly the engine without P07's sheets
    const without = computeScores(
      { template, ratees, adjustments, entries: entries.filter((e) => e.rater !== 'P07') },
      { textNumbers: false },
    );
    expect(figures[1]).toEqual(engineFigures(without.results));
  },
  5 * 60_000,
);
