/**
 * Workbook speed (issue 4): building the plan and writing the .xlsx for 200 ratees × 30 raters ×
 * 20 indicators (6,000 score sheets, every total/rank/tier a live formula), the file size, and
 * LibreOffice's recalculation time next to the engine's time for the same data (a ratio).
 * LibreOffice's start-up is measured on an empty workbook and shown separately.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typedCell } from '../src/cli/commands/build';
import { computeScores } from '../src/core/scoring';
import { openXlsx } from '../src/hosts/xlsx/read';
import { writePlanXlsx } from '../src/hosts/xlsx/write';
import { buildPlan } from '../src/workbook/build';
import { recalcWithLibreOffice } from '../test/helpers/libreoffice';
import { engineFigures, workbookFigures } from '../test/workbook/compare';
import { benchEntries, benchTemplate } from './engine';

const ms = (t: number) => `${t.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const [ratees, raters, indicators] = [200, 30, 20];
  const template = benchTemplate(indicators);
  const entries = benchEntries(template, ratees, raters).map((e) => ({
    ...e,
    cells: Object.fromEntries(Object.entries(e.cells).map(([k, v]) => [k, typedCell(v)])),
  }));
  const rateeList = Array.from({ length: ratees }, (_, j) => ({ id: `U${j}` }));
  const dir = mkdtempSync(join(tmpdir(), 'dp-bench-wb-'));
  const path = join(dir, 'bench.xlsx');

  let t = performance.now();
  const plan = buildPlan({ template, entries, ratees: rateeList });
  const tPlan = performance.now() - t;
  t = performance.now();
  await writePlanXlsx(plan, path);
  const tWrite = performance.now() - t;
  const size = statSync(path).size;

  t = performance.now();
  const { results } = computeScores({ template, entries, ratees: rateeList }, { textNumbers: false });
  const tEngine = performance.now() - t;

  const empty = join(dir, 'empty.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').getCell('A1').value = 1;
  await wb.xlsx.writeFile(empty);
  t = performance.now();
  await recalcWithLibreOffice(empty);
  const tStart = performance.now() - t;
  t = performance.now();
  const out = await recalcWithLibreOffice(path);
  const tLo = performance.now() - t;

  const got = workbookFigures(await openXlsx(out));
  const want = engineFigures(results);
  const equal = [...want].every(([id, f]) => JSON.stringify(got.get(id)) === JSON.stringify(f));

  console.log(
    `workbook ${ratees} ratees × ${raters} raters × ${indicators} indicators (${entries.length} score sheets)`,
  );
  console.log(`  build plan                  ${ms(tPlan)}`);
  console.log(`  write xlsx (exceljs)        ${ms(tWrite)}        target: a few seconds`);
  console.log(`  file size                   ${(size / 2 ** 20).toFixed(1)} MB`);
  console.log(`  engine computeScores        ${ms(tEngine)}`);
  console.log(`  LibreOffice start-up        ${ms(tStart)}  (empty workbook)`);
  console.log(`  LibreOffice load+recalc+save ${ms(tLo)}  (${ms(tLo - tStart)} without start-up)`);
  console.log(`  ratio LibreOffice / engine  ${((tLo - tStart) / tEngine).toFixed(0)}×`);
  console.log(`  DP_Final/DP_Rank/DP_Tier equal to the engine: ${equal ? 'yes' : 'NO'}`);
}
