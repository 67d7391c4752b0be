/**
 * Workbook speed (issues 4 and 16): building the plan and writing the .xlsx, and LibreOffice's
 * recalculation, at 1,000 / 3,000 / 6,000 / 12,000 score sheets (30 raters, 20 indicators,
 * three sources). LibreOffice runs through its own scripting interface (python3-uno, bench/
 * recalc.py) and reports its CPU seconds: load, calculateAll, save; then one score and one
 * ratee code typed, each followed by calculate().
 *
 * Recalculation cost = whole job (load + recalculate + save) − the same job on a values-only
 * copy of the same plan. Targets (issue 16): the cost grows at most linearly from 3,000 to
 * 12,000 sheets; at 12,000 the whole job is within 3× the values-only job; one edit < 0.5 s.
 * Per formula family (6,000 sheets): the job with that family's formulas replaced by constants.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typedCell } from '../src/cli/commands/build';
import { columnIndex } from '../src/core/address';
import { openXlsx } from '../src/hosts/xlsx/read';
import { writePlanXlsx } from '../src/hosts/xlsx/write';
import { buildPlan } from '../src/workbook/build';
import { cellPosition } from '../src/hosts/xlsx/write';
import type { Block, CachedValue, WorkbookPlan } from '../src/workbook/plan';
import { withSofficeLock } from '../test/helpers/libreoffice';
import { workbookFigures } from '../test/workbook/compare';
import { benchEntries, benchTemplate } from './engine';

const SIZES = [1000, 3000, 6000, 12000];
const RATERS = 30;
const INDICATORS = 20;
const s = (x: number) => `${x.toFixed(2)} s`;

/** A constant formula giving the cached value (what "this family as values" costs nothing to compute). */
function constant(v: CachedValue | undefined): string {
  if (v === undefined || v === '') return '=""';
  if (typeof v === 'object') return '=NA()';
  if (typeof v === 'string') return `="${v.replace(/"/g, '""')}"`;
  if (typeof v === 'boolean') return v ? '=TRUE()' : '=FALSE()';
  return `=${v}`;
}

/** The plan with the formulas of the given columns (sheet key → column letters) replaced by constants. */
function freeze(plan: WorkbookPlan, cols: Record<string, string[]> | 'all'): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map((b): Block => {
        if (!b.formulas) return b;
        const { col } = cellPosition(b.at);
        const picked =
          cols === 'all'
            ? () => true
            : (c: number) => (cols[sheet.key] ?? []).some((x) => columnIndex(x) + 1 === col + c);
        if (cols === 'all')
          return {
            at: b.at,
            values: b.formulas.map((row, r) =>
              row.map((_, c) => {
                const v = b.results?.[r]?.[c];
                return v === undefined || typeof v === 'object' ? null : v;
              }),
            ),
            ...(b.style ? { style: b.style } : {}),
          };
        return {
          ...b,
          formulas: b.formulas.map((row, r) =>
            row.map((f, c) => (f !== null && picked(c) ? constant(b.results?.[r]?.[c]) : f)),
          ),
        };
      }),
    })),
  };
}

interface Timing {
  file: string;
  load: number;
  calc: number;
  save: number;
  edits: Record<string, number>;
}

function runLibreOffice(
  dir: string,
  items: { file: string; sheet: string; edits: object[] }[],
): Promise<Timing[]> {
  return withSofficeLock(async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify(items));
    const profile = join(dir, 'profile');
    mkdirSync(profile, { recursive: true });
    const out = execFileSync('/usr/bin/python3', [join(__dirname, 'recalc.py'), profile, spec], {
      maxBuffer: 1 << 24,
      timeout: 60 * 60_000,
    }).toString();
    return out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Timing);
  });
}

function hasUno(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' });
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function run(): Promise<void> {
  const template = benchTemplate(INDICATORS);
  const dir = mkdtempSync(join(tmpdir(), 'dp-bench-wb-'));
  const items: { file: string; sheet: string; edits: object[]; size: number; kind: string }[] = [];
  console.log(
    `workbook: ${RATERS} raters × ${INDICATORS} indicators, 3 sources; score sheets = ratees × raters`,
  );
  console.log('  sheets   plan     write    file      (write target: 6,000 sheets ≤ 3 s)');
  let check: { file: string } | null = null;
  for (const n of SIZES) {
    const ratees = n / RATERS;
    const entries = benchEntries(template, ratees, RATERS).map((e) => ({
      ...e,
      cells: Object.fromEntries(Object.entries(e.cells).map(([k, v]) => [k, typedCell(v)])),
    }));
    const rateeList = Array.from({ length: ratees }, (_, j) => ({ id: `U${j}` }));
    let t = performance.now();
    const plan = buildPlan({ template, entries, ratees: rateeList });
    const tPlan = (performance.now() - t) / 1000;
    const file = join(dir, `whole-${n}.xlsx`);
    t = performance.now();
    await writePlanXlsx(plan, file);
    const tWrite = (performance.now() - t) / 1000;
    console.log(
      `  ${String(n).padStart(6)}   ${s(tPlan)}   ${s(tWrite)}   ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`,
    );
    const e = plan.layout.entry;
    const mid = e.firstRow + Math.floor(n / 2);
    const edits = [
      { name: 'score', cell: `${e.indicatorCols[template.indicators[0].id]}${mid}`, value: 7 },
      { name: 'code', cell: `${e.rateeCol}${mid}`, value: 'U0' },
    ];
    items.push({ file, sheet: e.sheet, edits, size: n, kind: 'whole' });
    const values = join(dir, `values-${n}.xlsx`);
    await writePlanXlsx(freeze(plan, 'all'), values);
    items.push({ file: values, sheet: e.sheet, edits: [], size: n, kind: 'values' });
    if (n === 6000) {
      const sm = plan.layout.summary;
      const families: [string, Record<string, string[]>][] = [
        ['entry status (incl. duplicate check)', { entry: [e.validCol] }],
        [
          'source scores (+ block bounds)',
          {
            summary: [
              ...Object.values(sm.sourceCols),
              ...Object.values(sm.blockCols).flatMap((b) => [b.first, b.last, b.misplaced]),
            ],
          },
        ],
        ['membership (ratee position)', { entry: [e.rateeIndexCol] }],
        ['block keys (key, running max, misplaced)', { entry: [e.keyCol, e.maxKeyCol, e.misplacedCol] }],
      ];
      for (const [name, cols] of families) {
        const f = join(dir, `family-${items.length}.xlsx`);
        await writePlanXlsx(freeze(plan, cols), f);
        items.push({ file: f, sheet: e.sheet, edits: [], size: n, kind: `family:${name}` });
      }
    }
    if (n === 3000) check = { file };
  }

  if (!hasUno()) {
    console.log('  LibreOffice with python3-uno not found: recalculation table skipped');
    return;
  }
  const times = await runLibreOffice(dir, items);
  const job = (x: Timing) => x.load + x.calc + x.save;
  const by = (size: number, kind: string) =>
    times[items.findIndex((i) => i.size === size && i.kind === kind)];
  console.log('\n  LibreOffice 7 (python3-uno, CPU s): whole job = load + calculateAll + save');
  console.log(
    '  sheets   whole    values   recalc cost   calculateAll   whole/values   edit score   edit code',
  );
  const cost: Record<number, number> = {};
  for (const n of SIZES) {
    const w = by(n, 'whole');
    const v = by(n, 'values');
    cost[n] = job(w) - job(v);
    console.log(
      `  ${String(n).padStart(6)}   ${s(job(w))}   ${s(job(v))}   ${s(cost[n]).padStart(8)}      ${s(w.calc).padStart(8)}       ${(job(w) / job(v)).toFixed(2)}×          ${s(w.edits.score)}       ${s(w.edits.code)}`,
    );
  }
  const growth = cost[12000] / cost[3000];
  console.log(
    `  growth of the recalculation cost 3,000 → 12,000: ×${growth.toFixed(2)} for ×4 the rows (target ≤ ×4: ${growth <= 4 ? 'met' : 'NOT met'})`,
  );
  const ratio = job(by(12000, 'whole')) / job(by(12000, 'values'));
  console.log(
    `  12,000 sheets: whole job ${ratio.toFixed(2)}× the values-only job (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'})`,
  );
  const e12 = by(12000, 'whole').edits;
  console.log(
    `  12,000 sheets: edit one score ${s(e12.score)}, one ratee code ${s(e12.code)} (target < 0.5 s: ${e12.score < 0.5 && e12.code < 0.5 ? 'met' : 'NOT met'})`,
  );
  console.log('\n  per formula family, 6,000 sheets: whole job with that family as constants (saving)');
  const w6 = job(by(6000, 'whole'));
  for (const it of items.filter((i) => i.kind.startsWith('family:'))) {
    const t = job(by(it.size, it.kind));
    console.log(`    ${it.kind.slice(7).padEnd(44)} ${s(t)}  (saves ${s(w6 - t)})`);
  }

  if (check) {
    const got = workbookFigures(await openXlsx(`${check.file}.lo.xlsx`));
    const cached = workbookFigures(await openXlsx(check.file));
    const equal = [...cached].every(([id, f]) => JSON.stringify(got.get(id)) === JSON.stringify(f));
    console.log(
      `\n  3,000 sheets: LibreOffice's DP_Final/DP_Rank/DP_Tier equal the cached (engine) values: ${equal ? 'yes' : 'NO'}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
