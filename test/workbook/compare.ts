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
import type { Case } from './cases';

export interface Figures {
  final: number | null;
  rank: number | null;
  tier: string | null;
}

/** Writes the case as an installed workbook with its scores filled in. */
export async function writeCase(c: Case, path: string): Promise<void> {
  const plan = buildPlan({
    template: c.template,
    ratees: c.ratees,
    raters: c.raters,
    entries: c.entries,
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
