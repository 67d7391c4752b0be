/**
 * Fixes with consent: the engine proposes a replacement for some cells (`２２` → 22, `18分` → 18);
 * the pane writes one, or all of them, only when the clerk asks, and keeps what each cell held
 * before so the change can be undone until the pane closes.
 */
import type { Problem } from '../../core/types';
import type { CellWrite } from '../../hosts/types';

/** A proposed fix: the cell, the value to write, the problem it answers. */
export interface ProposedFix {
  where: string;
  value: string | number;
  problem: Problem;
}

/** The fixes the engine proposed, one per cell (the first proposal wins), in problem order. */
export function proposedFixes(problems: readonly Problem[]): ProposedFix[] {
  const seen = new Set<string>();
  const out: ProposedFix[] = [];
  for (const p of problems) {
    if (p.fix === undefined || p.fix === '' || !p.where || seen.has(p.where)) continue;
    if (!/![A-Z]+[0-9]+$/.test(p.where)) continue; // one cell only, never a whole row
    seen.add(p.where);
    const n = Number(p.fix);
    out.push({ where: p.where, value: p.fix.trim() !== '' && Number.isFinite(n) ? n : p.fix, problem: p });
  }
  return out;
}

/** The writes of a set of fixes. */
export function fixWrites(fixes: readonly ProposedFix[]): CellWrite[] {
  return fixes.map((f) => ({ where: f.where, value: f.value }));
}

/** A change the pane made, with what the cells held before. */
export interface UndoStep {
  /** What was done, in the clerk's words (for the undo button). */
  label: string;
  previous: CellWrite[];
}
