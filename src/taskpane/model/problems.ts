/**
 * The problem list of the 计算 tab: problems in reading order (sheet, row, column) so the clerk
 * can work down the sheet, and a count per kind for the headline.
 */
import type { Problem, ProblemCode } from '../../core/types';
import { parseAddress } from './address';

/** Problems sorted by where they are: by sheet (first seen first), row, column; problems without a cell last. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const sheetOrder = new Map<string, number>();
  const keyed = problems.map((p, i) => {
    const a = p.where ? parseAddress(p.where) : null;
    if (a && !sheetOrder.has(a.sheet)) sheetOrder.set(a.sheet, sheetOrder.size);
    return { p, a, i };
  });
  keyed.sort((x, y) => {
    if (!x.a || !y.a) return (x.a ? 0 : 1) - (y.a ? 0 : 1) || x.i - y.i;
    return (
      sheetOrder.get(x.a.sheet)! - sheetOrder.get(y.a.sheet)! ||
      x.a.row - y.a.row ||
      (x.a.col ?? -1) - (y.a.col ?? -1) ||
      x.i - y.i
    );
  });
  return keyed.map((k) => k.p);
}

/** How many problems of each code, most frequent first. */
export function countByCode(problems: readonly Problem[]): { code: ProblemCode; count: number }[] {
  const counts = new Map<ProblemCode, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
}

/** Distinct score sheets (sheet rows) that have at least one problem: they are left out of the totals. */
export function rowsWithProblems(problems: readonly Problem[]): number {
  const rows = new Set<string>();
  for (const p of problems) {
    const a = p.where ? parseAddress(p.where) : null;
    if (a) rows.add(`${a.sheet}\u0000${a.row}`);
  }
  return rows.size;
}

/**
 * The engine's sentence without its leading `where：` (the list shows the address on its own,
 * as a link-like label), so the address is not read twice.
 */
export function messageWithoutWhere(p: Problem): string {
  if (!p.where || !p.message.startsWith(p.where)) return p.message;
  return p.message.slice(p.where.length).replace(/^\s*[：:]\s*/, '');
}

/** No score typed on any sheet (the rows may carry raters and ratees prefilled at install). */
export function noScores(entries: readonly { cells: Record<string, unknown> }[]): boolean {
  return entries.every((e) =>
    Object.values(e.cells).every(
      (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
    ),
  );
}
