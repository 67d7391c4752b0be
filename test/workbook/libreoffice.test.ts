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
import { cachedMismatches, engineFigures, workbookFigures, writeCase } from './compare';

const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i * 7);

/**
 * A seeded case whose plain indicators (no levels) get alternating maxima, 1 apart, so that no
 * two neighbours share one: more runs than the status counts with COUNTIFS, so it tests them
 * with its SUMPRODUCT (plainValidCount in src/workbook/formulas.ts). The seeded templates have
 * at most three runs. Odd seed: written shuffled.
 */
function alternatingMaxima(c: Case): Case {
  let k = 0;
  const indicators = c.template.indicators.map((ind) =>
    ind.levels ? ind : { ...ind, max: ind.max + (k++ % 2) },
  );
  return { ...c, seed: c.seed * 10 + 1, template: { ...c.template, indicators } };
}

interface Outcome {
  c: Case;
  fresh: string;
  results: Results;
  rows: RowResult[];
  recalculated: string;
}

let outcomes: Outcome[] = [];
/** A case whose AGGREGATE is renamed to a function no spreadsheet has (as in Excel 2007 or Gnumeric). */
let noAggregate: { results: Results; recalculated: string } | null = null;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-lo-cases-'));
  const seeded = SEEDS.map(makeCase);
  const cases = [
    ...seeded,
    ...seeded
      .filter((c) => c.template.indicators.filter((i) => !i.levels).length >= 4)
      .slice(0, 6)
      .map(alternatingMaxima),
  ];
  const paths: string[] = [];
  const engine: { results: Results; rows: RowResult[] }[] = [];
  for (const c of cases) {
    const path = join(dir, `case-${c.seed}.xlsx`);
    // Every other case is written in a shuffled order (rows outside their blocks).
    await writeCase(c, path, c.seed % 2 === 1);
    paths.push(path);
    // The engine computes on what the workbook holds, read back from the file.
    const { content } = readWorkbookContent(await openXlsx(path));
    engine.push(computeScores(content, { textNumbers: false }));
  }
  // The first case with a median or trimmed source: AGGREGATE replaced by an unknown function.
  const withAgg = cases.findIndex((c) => c.template.sources.some((s) => s.aggregate !== 'mean'));
  const broken = await openXlsx(paths[withAgg]);
  broken.getWorksheet('汇总')!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula?.includes('AGGREGATE'))
        cell.value = { formula: cell.formula.replace(/_xlfn\.AGGREGATE\(/g, 'NOSUCHFUNCTION(') };
    }),
  );
  const brokenPath = join(dir, 'no-aggregate.xlsx');
  await broken.xlsx.writeFile(brokenPath);
  const outs = await recalcManyWithLibreOffice([...paths, brokenPath]);
  outcomes = cases.map((c, i) => ({ c, fresh: paths[i], ...engine[i], recalculated: outs[i] }));
  noAggregate = { results: engine[withAgg].results, recalculated: outs[cases.length] };
}, 10 * 60_000);

describe('workbook formulas recalculated by LibreOffice equal the engine', () => {
  it('gives the same final, rank and tier for every ratee of every case', async () => {
    expect(outcomes.length).toBeGreaterThan(SEEDS.length);
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

  it('writes the engine figures as cached values: a fresh build, never recalculated, shows them', async () => {
    for (const o of outcomes) {
      const fresh = await openXlsx(o.fresh);
      const fromWorkbook = workbookFigures(fresh);
      for (const [id, e] of engineFigures(o.results))
        expect({ seed: o.c.seed, id, ...fromWorkbook.get(id) }).toEqual({ seed: o.c.seed, id, ...e });
    }
  });

  it('caches in every formula cell the value LibreOffice computes for it', async () => {
    const bad: { seed: number; count: number; first: string[] }[] = [];
    for (const o of outcomes) {
      const m = cachedMismatches(await openXlsx(o.fresh), await openXlsx(o.recalculated));
      if (m.length > 0) bad.push({ seed: o.c.seed, count: m.length, first: m.slice(0, 4) });
    }
    expect(bad).toEqual([]);
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

  it('exercises what the spec asks for: aggregates, levels, bad cells, adjustments, veto, quota ties', async () => {
    const all = outcomes.map((o) => o.results);
    // Both ways the status counts valid plain cells: COUNTIFS per run of equal maxima, SUMPRODUCT for many runs.
    const statusOf = async (o: Outcome) => {
      const wb = await openXlsx(o.fresh);
      const e = readWorkbookContent(wb).stored.layout.entry;
      return String(wb.getWorksheet('评分录入')!.getCell(`${e.validCol}${e.firstRow}`).formula);
    };
    const statuses = await Promise.all(outcomes.map(statusOf));
    expect(statuses.filter((f) => /COUNTIFS\([A-Z]+\d+:[A-Z]+\d+,">=0"/.test(f)).length).toBeGreaterThan(10);
    expect(statuses.filter((f) => /SUMPRODUCT\(\(?-?-?\(?ISNUMBER\(/.test(f)).length).toBeGreaterThan(3);
    const aggregates = new Set(outcomes.flatMap((o) => o.c.template.sources.map((s) => s.aggregate)));
    expect(outcomes.filter((o) => o.c.seed % 2 === 1).length).toBeGreaterThan(5);
    expect([...aggregates].sort()).toEqual(['mean', 'median', 'trimmed']);
    expect(outcomes.some((o) => o.c.template.indicators.some((i) => i.levels))).toBe(true);
    expect(outcomes.some((o) => o.c.template.sources.length > 1)).toBe(true);
    // Sources typed by name (领导) in score sheets and in rater lists, beside ids.
    const byName = (o: Outcome, code: string) =>
      o.c.template.sources.some((s) => s.name === code && s.id !== code);
    expect(outcomes.filter((o) => o.c.entries.some((e) => byName(o, e.source))).length).toBeGreaterThan(12);
    expect(outcomes.some((o) => o.c.raters.some((x) => byName(o, x.source)))).toBe(true);
    const codes = new Set(all.flatMap((r) => r.problems.map((p) => p.code)));
    for (const code of [
      'missing',
      'number-as-text',
      'out-of-range',
      'duplicate-sheet',
      'unknown-ratee',
      'bad-adjustment-kind',
      'other-source-cell',
    ])
      expect(codes).toContain(code);
    const ratees = all.flatMap((r) => r.ratees);
    expect(ratees.some((r) => r.bonus > 0)).toBe(true);
    expect(ratees.some((r) => r.deduction > 0)).toBe(true);
    expect(ratees.some((r) => r.veto)).toBe(true);
    expect(ratees.some((r) => r.notes.some((n) => n.code === 'quota-tie'))).toBe(true);
    // Each case is different.
    expect(new Set(all.map((r) => JSON.stringify(r.ratees.map((x) => x.final)))).size).toBe(outcomes.length);
  });

  it('shows an error in a source score as an error in the final, never as a missing source', async () => {
    const wb = await openXlsx(noAggregate!.recalculated);
    const ids = namedColumn(wb, 'DP_RateeIds');
    const finals = namedColumn(wb, 'DP_Final');
    const errors = finals.filter((f) => typeof f === 'object' && f !== null && 'error' in f);
    // Ratees whose aggregated source needed AGGREGATE show an error; no final is a plausible number
    // computed without that source.
    expect(errors.length).toBeGreaterThan(0);
    const engineFinal = new Map(noAggregate!.results.ratees.map((r) => [r.ratee, r.final]));
    ids.forEach((id, i) => {
      const f = finals[i];
      if (typeof f === 'number') expect({ id, f }).toEqual({ id, f: engineFinal.get(String(id)) });
    });
  });

  it('keeps the public names as one column each, on the same rows', async () => {
    const wb = await openXlsx(outcomes[0].recalculated);
    const lengths = ['DP_RateeIds', 'DP_Final', 'DP_Rank', 'DP_Tier'].map((n) => namedColumn(wb, n).length);
    expect(new Set(lengths).size).toBe(1);
  });
});
