/**
 * Ballot workbooks (issue 15): what the level-share columns of the summary cost LibreOffice to
 * recalculate. The democratic-ballot template (4 items, share rules), 30 voters per ratee,
 * at DP_BENCH_BALLOT_SIZES ratees (default 50,100,200 → 1,500 / 3,000 / 6,000 ballots):
 * calculateAll CPU seconds of the whole book and of the same book with the share columns as
 * constants; the difference is the shares' cost, per ratee.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnIndex } from '../src/core/address';
import { mulberry32 } from '../src/core/sim/prng';
import { getBuiltinTemplate } from '../src/core/templates';
import type { EntryRow } from '../src/core/types';
import { cellPosition, writePlanXlsx } from '../src/hosts/xlsx/write';
import { ballotColumns, ballotStart, shareColumnList } from '../src/workbook/ballots';
import { buildPlan } from '../src/workbook/build';
import type { Block, CachedValue, WorkbookPlan } from '../src/workbook/plan';
import { runLibreOffice } from './workbook';

const SIZES = (process.env.DP_BENCH_BALLOT_SIZES ?? '50,100,200').split(',').map(Number);
const VOTERS = 30;

function constant(v: CachedValue | undefined): string {
  if (v === undefined || v === '') return '=""';
  if (typeof v === 'object') return '=NA()';
  if (typeof v === 'string') return `="${v.replace(/"/g, '""')}"`;
  return `=${String(v)}`;
}

/** The plan with the summary's share columns as constants (their cached values). */
function sharesFrozen(plan: WorkbookPlan): WorkbookPlan {
  const cols = new Set(
    shareColumnList(plan.template, ballotColumns(plan.template, ballotStart(plan.layout))).map(
      ([, , c]) => columnIndex(c) + 1,
    ),
  );
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) =>
      sheet.key !== 'summary'
        ? sheet
        : {
            ...sheet,
            blocks: sheet.blocks.map((b): Block => {
              if (!b.formulas) return b;
              const { col } = cellPosition(b.at);
              return {
                ...b,
                formulas: b.formulas.map((row, r) =>
                  row.map((f, c) => (cols.has(col + c) ? constant(b.results?.[r]?.[c]) : f)),
                ),
              };
            }),
          },
    ),
  };
}

export async function run(): Promise<void> {
  const template = getBuiltinTemplate('democratic-ballot')!;
  const labels = template.indicators[0].levels!.map((l) => l.label);
  const dir = mkdtempSync(join(tmpdir(), 'dp-bench-ballots-'));
  const items: { file: string; sheet: string; edits: object[]; n: number; kind: string }[] = [];
  for (const n of SIZES) {
    const r = mulberry32(n);
    const ratees = Array.from({ length: n }, (_, j) => ({ id: `U${String(j + 1).padStart(3, '0')}` }));
    const entries: EntryRow[] = ratees.flatMap((j) =>
      Array.from({ length: VOTERS }, (_, v) => ({
        source: 'voters',
        rater: `V${v}`,
        ratee: j.id,
        cells: Object.fromEntries(template.indicators.map((i) => [i.id, labels[Math.floor(r() * 4)]])),
      })),
    );
    const plan = buildPlan({ template, ratees, entries });
    const sheet = plan.layout.entry.sheet;
    for (const [kind, p] of [
      ['whole', plan],
      ['shares as values', sharesFrozen(plan)],
    ] as const) {
      const file = join(dir, `${kind.replace(/ /g, '-')}-${n}.xlsx`);
      await writePlanXlsx(p, file);
      items.push({ file, sheet, edits: [], n, kind });
    }
  }
  const times = await runLibreOffice(dir, items);
  console.log(`ballots: democratic-ballot, ${VOTERS} voters per ratee; LibreOffice calculateAll CPU s`);
  console.log('  ratees  ballots   whole    shares as values   shares cost   per ratee');
  for (const n of SIZES) {
    const w = times[items.findIndex((i) => i.n === n && i.kind === 'whole')].calc;
    const v = times[items.findIndex((i) => i.n === n && i.kind === 'shares as values')].calc;
    console.log(
      `  ${String(n).padStart(6)}  ${String(n * VOTERS).padStart(7)}   ${w.toFixed(2)} s   ${v.toFixed(2)} s             ${(w - v).toFixed(2)} s        ${(((w - v) / n) * 1000).toFixed(1)} ms`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
