/**
 * Adjustment rows (加减分事项 / 一票否决): kinds, their accepted spellings, and parsing of points.
 * The workbook's formulas read the same aliases (one list, here).
 */
import type { AdjustmentKind, RawCell } from './types';
import { cellText, isBlank } from './cells';

/** Accepted spellings of each kind; the first is the canonical code written in files. */
export const ADJUSTMENT_KIND_ALIASES: Record<AdjustmentKind, string[]> = {
  bonus: ['bonus', '加分'],
  deduction: ['deduction', '扣分'],
  veto: ['veto', '一票否决'],
};

/**
 * Excel's TRIM: strips the ASCII space (U+0020) only — not a full-width space, a no-break space
 * or a tab. The workbook's formulas compare kinds through TRIM, so the engine does the same: a
 * kind typed as "加分" followed by U+3000 (full-width space) is no kind in either (issue 11, one rule for both).
 */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

export function parseAdjustmentKind(raw: RawCell): AdjustmentKind | null {
  if (typeof raw !== 'string') return null;
  const text = excelTrim(raw).toLowerCase();
  for (const [kind, aliases] of Object.entries(ADJUSTMENT_KIND_ALIASES) as [AdjustmentKind, string[]][]) {
    if (aliases.includes(text)) return kind;
  }
  return null;
}

/** Points of a bonus or deduction: a number >= 0 (numeric text accepted only in text mode). */
export function parseAdjustmentPoints(raw: RawCell, textNumbers: boolean): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  if (!textNumbers || isBlank(raw) || typeof raw !== 'string') return null;
  const text = cellText(raw).trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}
