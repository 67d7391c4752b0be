/**
 * Shared by the LibreOffice test and the bench: build a case into an xlsx, and compare the
 * recalculated DP_Final / DP_Rank / DP_Tier with the engine's results.
 */
import type ExcelJS from 'exceljs';
import { computeScores } from '../../src/core/scoring';
import type { RawCell, Results } from '../../src/core/types';
import { namedColumn, openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { buildPlan } from '../../src/workbook/build';
import { rng, type Case } from './cases';

export interface Figures {
  final: number | null;
  rank: number | null;
  tier: string | null;
}

/**
 * Writes the case as an installed workbook with its scores filled in: in block order, or with
 * `shuffled` in a seeded random order, as a clerk may type them.
 */
export async function writeCase(c: Case, path: string, shuffled = false): Promise<void> {
  const entries = [...c.entries];
  if (shuffled) {
    const r = rng(c.seed + 1);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
  }
  const plan = buildPlan({
    keepOrder: shuffled,
    template: c.template,
    ratees: c.ratees,
    raters: c.raters,
    entries,
    adjustments: c.adjustments,
  });
  await writePlanXlsx(plan, path);
}

/** The engine's results for what the workbook holds (read back from the file, strict workbook mode). */
export async function engineResultsOf(path: string): Promise<Results> {
  const wb = await openXlsx(path);
  const { content } = readWorkbookContent(wb);
  return computeScores(content, { textNumbers: false }).results;
}

const asNumber = (v: RawCell): number | null => (typeof v === 'number' ? v : null);
const asText = (v: RawCell): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** DP_Final / DP_Rank / DP_Tier by ratee id, as a spreadsheet computed them. */
export function workbookFigures(wb: ExcelJS.Workbook): Map<string, Figures> {
  const ids = namedColumn(wb, 'DP_RateeIds');
  const finals = namedColumn(wb, 'DP_Final');
  const ranks = namedColumn(wb, 'DP_Rank');
  const tiers = namedColumn(wb, 'DP_Tier');
  const out = new Map<string, Figures>();
  ids.forEach((id, i) => {
    if (id === null || id === '') return;
    out.set(String(id), {
      final: asNumber(finals[i]),
      rank: asNumber(ranks[i]),
      tier: asText(tiers[i]),
    });
  });
  return out;
}

export function engineFigures(results: Results): Map<string, Figures> {
  return new Map(results.ratees.map((r) => [r.ratee, { final: r.final, rank: r.rank, tier: r.tier }]));
}

/** A formula cell's cached result as a comparable value ("" for none, `#N/A` text for an error). */
function resultOf(cell: ExcelJS.Cell): string | number | boolean {
  const r = cell.result as unknown;
  if (r === undefined || r === null) return '';
  if (typeof r === 'object' && 'error' in (r as object)) return String((r as { error: unknown }).error);
  return r as string | number | boolean;
}

/**
 * Every formula cell whose cached result in `fresh` (as written, never recalculated) differs
 * from its result in `recalculated` (the same book after a spreadsheet recalculated it):
 * `Sheet!A1: fresh → recalculated`. Numbers agree to 1e-9 relative.
 */
export function cachedMismatches(fresh: ExcelJS.Workbook, recalculated: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  let formulas = 0;
  fresh.eachSheet((ws) => {
    const other = recalculated.getWorksheet(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== 6 /* ExcelJS.ValueType.Formula */) return;
        formulas++;
        const a = resultOf(cell);
        const b = other ? resultOf(other.getCell(cell.address)) : '(no sheet)';
        const same =
          typeof a === 'number' && typeof b === 'number'
            ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
            : a === b;
        if (!same) out.push(`${ws.name}!${cell.address}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      }),
    );
  });
  if (formulas === 0) out.push('no formula cells');
  return out;
}
