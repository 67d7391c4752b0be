/**
 * Workbook speed (issues 4 and 16): building the plan and writing the .xlsx, and LibreOffice's
 * recalculation, at 1,000 / 3,000 / 6,000 / 12,000 score sheets (30 raters, 20 indicators,
 * three sources). LibreOffice runs through its own scripting interface (python3-uno, bench/
 * recalc.py, a fresh soffice per file) and reports its CPU seconds: load, calculateAll, save;
 * then one score and one ratee code typed, each followed by calculate().
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

/** DP_BENCH_SIZES=1000,3000 runs fewer sizes (the 3,000 → 12,000 targets need both). */
const SIZES = (process.env.DP_BENCH_SIZES ?? '1000,3000,6000,12000').split(',').map(Number);
/** The size whose formula families are timed one by one (DP_BENCH_FAMILY_SIZE=0: none). */
const FAMILY_SIZE = Number(process.env.DP_BENCH_FAMILY_SIZE ?? 6000);
/** LibreOffice passes over all files (medians are printed); DP_BENCH_RUNS=1 for a quick look. */
const RUNS = Number(process.env.DP_BENCH_RUNS ?? 3);
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

export interface Timing {
  file: string;
  load: number;
  calc: number;
  save: number;
  edits: Record<string, number>;
}

/** Runs bench/recalc.py over the files (one LibreOffice at a time): load, calculateAll, edits, save. */
export function runLibreOffice(
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
  const items: {
    file: string;
    sheet: string;
    edits: { name: string; cell: string; value: number | string }[];
    size: number;
    kind: string;
  }[] = [];
  console.log(
    `workbook: ${RATERS} raters × ${INDICATORS} indicators, 3 sources; score sheets = ratees × raters`,
  );
  console.log('  sheets   plan     write    file      (write target: 6,000 sheets ≤ 3 s)');
  let check: { file: string; size: number } | null = null;
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
    if (n === FAMILY_SIZE) {
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
        // Only level-coded and partly scored indicators have one (none in this template).
        ['points columns', { entry: Object.values(e.pointCols) }],
        ['row total + status text', { entry: [e.totalCol, e.statusCol] }],
      ];
      for (const [name, cols] of families) {
        if (Object.values(cols).every((c) => c.length === 0)) continue;
        const f = join(dir, `family-${items.length}.xlsx`);
        await writePlanXlsx(freeze(plan, cols), f);
        items.push({ file: f, sheet: e.sheet, edits, size: n, kind: `family:${name}` });
      }
    }
    if (n === 3000 || (check === null && n === Math.min(...SIZES))) check = { file, size: n };
  }

  if (!hasUno()) {
    console.log('  LibreOffice with python3-uno not found: recalculation table skipped');
    return;
  }
  // Every file RUNS times (interleaved, so a busy moment of the shared machine hits all alike); medians.
  const runs: Timing[][] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await runLibreOffice(dir, items));
  const median = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const times: Timing[] = items.map((it, i) => ({
    file: it.file,
    load: median(runs.map((t) => t[i].load)),
    calc: median(runs.map((t) => t[i].calc)),
    save: median(runs.map((t) => t[i].save)),
    edits: Object.fromEntries(it.edits.map((e) => [e.name, median(runs.map((t) => t[i].edits[e.name]))])),
  }));
  const job = (x: Timing) => x.load + x.calc + x.save;
  const by = (size: number, kind: string) =>
    times[items.findIndex((i) => i.size === size && i.kind === kind)];
  const cell = (x: number, w = 8) => s(x).padStart(w);
  console.log(
    `\n  LibreOffice 7.4 (python3-uno, soffice CPU s, median of ${RUNS} run${RUNS > 1 ? 's' : ''}): whole job = load + calculateAll + save`,
  );
  console.log(
    '  sheets     load   calcAll      save     whole    values   recalc cost   whole/values   edit score   edit code',
  );
  const cost: Record<number, number> = {};
  for (const n of SIZES) {
    const w = by(n, 'whole');
    const v = by(n, 'values');
    cost[n] = job(w) - job(v);
    console.log(
      `  ${String(n).padStart(6)} ${cell(w.load)} ${cell(w.calc)} ${cell(w.save)} ${cell(job(w))} ${cell(job(v))}   ${cell(cost[n], 11)}   ${`${(job(w) / job(v)).toFixed(2)}×`.padStart(12)}   ${cell(w.edits.score, 10)}   ${cell(w.edits.code, 9)}`,
    );
  }
  console.log(
    '  (recalc cost = whole − values-only: parsing the formulas on load, calculateAll, writing them on save)',
  );
  if (check) {
    const got = workbookFigures(await openXlsx(`${check.file}.lo.xlsx`));
    const cached = workbookFigures(await openXlsx(check.file));
    const equal = [...cached].every(([id, f]) => JSON.stringify(got.get(id)) === JSON.stringify(f));
    console.log(
      `\n  ${check.size} sheets: LibreOffice's DP_Final/DP_Rank/DP_Tier equal the cached (engine) values: ${equal ? 'yes' : 'NO'}`,
    );
  }
  const target = (ok: boolean) => (ok ? 'met' : 'NOT met');
  if (3000 in cost && 12000 in cost) {
    const growth = cost[12000] / cost[3000];
    console.log(
      `  growth of the recalculation cost 3,000 → 12,000: ×${growth.toFixed(2)} for ×4 the rows (target ≤ ×4: ${target(growth <= 4)})`,
    );
    const calcGrowth = by(12000, 'whole').calc / by(3000, 'whole').calc;
    console.log(`  growth of calculateAll alone 3,000 → 12,000: ×${calcGrowth.toFixed(2)}`);
    // For reading the cost's growth: the values-only job grows slower than its rows (start-up).
    const jobGrowth = (kind: string) => (job(by(12000, kind)) / job(by(3000, kind))).toFixed(2);
    console.log(
      `  growth of the whole job 3,000 → 12,000: ×${jobGrowth('whole')}; of the values-only job: ×${jobGrowth('values')}`,
    );
  }
  const big = Math.max(...SIZES);
  const ratio = job(by(big, 'whole')) / job(by(big, 'values'));
  console.log(
    `  ${big} sheets: whole job ${ratio.toFixed(2)}× the values-only job (target at 12,000 ≤ 3×: ${target(ratio <= 3)})`,
  );
  const eb = by(big, 'whole').edits;
  console.log(
    `  ${big} sheets: edit one score ${s(eb.score)} (target < 0.5 s: ${target(eb.score < 0.5)}), one ratee code ${s(eb.code)} (target < 0.5 s: ${target(eb.code < 0.5)})`,
  );
  const fam = items.filter((i) => i.kind.startsWith('family:'));
  if (fam.length > 0) {
    const w = by(FAMILY_SIZE, 'whole');
    console.log(
      `\n  per formula family, ${FAMILY_SIZE} sheets: that family's formulas replaced by constants (saving against the whole book)`,
    );
    console.log(`    ${'family'.padEnd(44)}     load   calcAll      save   edit score   edit code`);
    console.log(
      `    ${'(none: the whole book)'.padEnd(44)} ${cell(w.load)} ${cell(w.calc)} ${cell(w.save)}   ${cell(w.edits.score, 10)}   ${cell(w.edits.code, 9)}`,
    );
    for (const it of fam) {
      const t = by(it.size, it.kind);
      // Time saved by the constants: "−0.32" is 0.32 s less; a family that cost nothing shows "+0.01" (noise).
      const d = (a: number, b: number) =>
        `${a - b >= 0 ? '−' : '+'}${Math.abs(a - b).toFixed(2)}`.padStart(8);
      console.log(
        `    ${it.kind.slice(7).padEnd(44)} ${d(w.load, t.load)} ${d(w.calc, t.calc)} ${d(w.save, t.save)}   ${d(w.edits.score, t.edits.score).padStart(10)}   ${d(w.edits.code, t.edits.code).padStart(9)}`,
      );
    }
  }

  if (process.env.DP_BENCH_KEEP) return console.log(`  files kept in ${dir}`);
  rmSync(dir, { recursive: true, force: true });
}
