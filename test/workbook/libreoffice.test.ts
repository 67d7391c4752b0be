/**
 * The proof by a real spreadsheet: seeded random cases are built into workbooks, recalculated by
 * LibreOffice Calc (headless, recalculation on load forced) in one batch, and the recalculated
 * DP_Final, DP_Rank and DP_Tier must equal the engine's results exactly; every entry row must be
 * counted (or left out) by the formulas exactly as the engine counts it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeScores } from '../../src/core/scoring';
import type { Results, RowResult } from '../../src/core/types';
import { namedColumn, openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { makeCase, type Case } from './cases';
import { engineFigures, workbookFigures, writeCase } from './compare';

const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i * 7);

interface Outcome {
  c: Case;
  results: Results;
  rows: RowResult[];
  recalculated: string;
}

let outcomes: Outcome[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-lo-cases-'));
  const cases = SEEDS.map(makeCase);
  const paths: string[] = [];
  const engine: { results: Results; rows: RowResult[] }[] = [];
  for (const c of cases) {
    const path = join(dir, `case-${c.seed}.xlsx`);
    await writeCase(c, path);
    paths.push(path);
    // The engine computes on what the workbook holds, read back from the file.
    const { content } = readWorkbookContent(await openXlsx(path));
    engine.push(computeScores(content, { textNumbers: false }));
  }
  const outs = await recalcManyWithLibreOffice(paths);
  outcomes = cases.map((c, i) => ({ c, ...engine[i], recalculated: outs[i] }));
}, 10 * 60_000);

describe('workbook formulas recalculated by LibreOffice equal the engine', () => {
  it('gives the same final, rank and tier for every ratee of every case', async () => {
    expect(outcomes).toHaveLength(SEEDS.length);
    for (const o of outcomes) {
      const wb = await openXlsx(o.recalculated);
      const fromWorkbook = workbookFigures(wb);
      const fromEngine = engineFigures(o.results);
      expect({ seed: o.c.seed, ratees: [...fromWorkbook.keys()] }).toEqual({
        seed: o.c.seed,
        ratees: [...fromEngine.keys()],
      });
      for (const [id, e] of fromEngine)
        expect({ seed: o.c.seed, id, ...fromWorkbook.get(id) }).toEqual({ seed: o.c.seed, id, ...e });
    }
  });

  it('counts and leaves out the same entry rows, with the same row totals', async () => {
    for (const o of outcomes) {
      const wb = await openXlsx(o.recalculated);
      const ws = wb.getWorksheet('评分录入')!;
      const { stored } = readWorkbookContent(wb);
      const e = stored.layout.entry;
      o.rows.forEach((row, i) => {
        const cell = ws.getCell(`${e.totalCol}${e.firstRow + i}`);
        const total = typeof cell.result === 'number' ? cell.result : null;
        const where = { seed: o.c.seed, row: e.firstRow + i };
        expect({ ...where, counted: total !== null }).toEqual({ ...where, counted: row.total !== null });
        if (row.total !== null) expect(total).toBeCloseTo(row.total, 9);
      });
    }
  });

  it('exercises what the spec asks for: aggregates, levels, bad cells, adjustments, veto, quota ties', () => {
    const all = outcomes.map((o) => o.results);
    const aggregates = new Set(outcomes.flatMap((o) => o.c.template.sources.map((s) => s.aggregate)));
    expect([...aggregates].sort()).toEqual(['mean', 'median', 'trimmed']);
    expect(outcomes.some((o) => o.c.template.indicators.some((i) => i.levels))).toBe(true);
    expect(outcomes.some((o) => o.c.template.sources.length > 1)).toBe(true);
    const codes = new Set(all.flatMap((r) => r.problems.map((p) => p.code)));
    for (const code of [
      'missing',
      'number-as-text',
      'out-of-range',
      'duplicate-sheet',
      'unknown-ratee',
      'bad-adjustment-kind',
    ])
      expect(codes).toContain(code);
    const ratees = all.flatMap((r) => r.ratees);
    expect(ratees.some((r) => r.bonus > 0)).toBe(true);
    expect(ratees.some((r) => r.deduction > 0)).toBe(true);
    expect(ratees.some((r) => r.veto)).toBe(true);
    expect(ratees.some((r) => r.notes.some((n) => n.code === 'quota-tie'))).toBe(true);
    // Each case is different.
    expect(new Set(all.map((r) => JSON.stringify(r.ratees.map((x) => x.final)))).size).toBe(SEEDS.length);
  });

  it('keeps the public names as one column each, on the same rows', async () => {
    const wb = await openXlsx(outcomes[0].recalculated);
    const lengths = ['DP_RateeIds', 'DP_Final', 'DP_Rank', 'DP_Tier'].map((n) => namedColumn(wb, n).length);
    expect(new Set(lengths).size).toBe(1);
  });
});
