/**
 * Cell parsing: what a clerk typed or pasted into one indicator cell → points, or the reason it
 * is not a score (scoring.md, "Invalid input"). A cell is never rewritten here; habits such as
 * full-width digits (`９０`) or a trailing `分` come back as problems carrying a proposed fix.
 */
import type { Indicator } from './template';
import type { ProblemCode, RawCell } from './types';

export type ParsedCell =
  { ok: true; value: number } | { ok: false; code: ProblemCode; found: string; fix?: string };

export interface ParseOptions {
  /**
   * true for CSV and pasted text: "90" is a number. false for a typed spreadsheet cell (the
   * workbook's formulas do not count text), where "90" stored as text is a problem.
   */
  textNumbers: boolean;
}

/** Excel's error values, as they appear when typed, pasted or exported as text. */
export const ERROR_VALUES = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D]/;

/** Full-width digits, point and signs → ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Blank: null, undefined, or text of spaces only (including the ideographic space). */
export function isBlank(raw: RawCell): boolean {
  return (
    raw === null || raw === undefined || (typeof raw === 'string' && raw.replace(/[\s\u3000]/g, '') === '')
  );
}

/** Renders a raw cell as the text a clerk saw. */
export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object') return raw.error;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

function checkNumber(value: number, ind: Indicator, found: string): ParsedCell {
  if (ind.levels) {
    return ind.levels.some((l) => l.points === value)
      ? { ok: true, value }
      : { ok: false, code: 'not-a-level', found };
  }
  if (!Number.isFinite(value) || value < 0 || value > ind.max)
    return { ok: false, code: 'out-of-range', found };
  return { ok: true, value };
}

/** Proposed repair of a habit (full-width digits, a trailing 分), if the repaired text is a valid score. */
function proposeFix(text: string, ind: Indicator): string | undefined {
  const repaired = toHalfWidth(text)
    .replace(/[\s\u3000]/g, '')
    .replace(/分$/, '');
  if (!PLAIN_NUMBER.test(repaired)) return undefined;
  const parsed = checkNumber(Number(repaired), ind, repaired);
  return parsed.ok ? String(Number(repaired)) : undefined;
}

export function parseCell(raw: RawCell, ind: Indicator, options: ParseOptions): ParsedCell {
  // The common case first: a plain number as text (no spaces to trim, no level labels to try);
  // the same result as the full path below.
  if (typeof raw === 'string' && !ind.levels && PLAIN_NUMBER.test(raw)) {
    if (!options.textNumbers)
      return { ok: false, code: 'number-as-text', found: raw, fix: proposeFix(raw, ind) };
    return checkNumber(Number(raw), ind, raw);
  }
  if (isBlank(raw)) return { ok: false, code: 'missing', found: '' };
  if (typeof raw === 'object' && raw !== null) return { ok: false, code: 'error-value', found: raw.error };
  if (typeof raw === 'boolean') return { ok: false, code: 'not-a-number', found: cellText(raw) };
  if (typeof raw === 'number') return checkNumber(raw, ind, cellText(raw));

  const text = raw as string;
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  // Level labels are matched exactly (after trimming in text mode: CSV cells often carry spaces).
  const label = options.textNumbers ? trimmed : text;
  const level = ind.levels?.find((l) => l.label === label);
  if (level) return { ok: true, value: level.points };
  if (ERROR_VALUES.has(trimmed.toUpperCase())) return { ok: false, code: 'error-value', found: trimmed };
  if (PLAIN_NUMBER.test(trimmed)) {
    if (!options.textNumbers)
      return { ok: false, code: 'number-as-text', found: text, fix: proposeFix(trimmed, ind) };
    return checkNumber(Number(trimmed), ind, trimmed);
  }
  if (FULL_WIDTH.test(trimmed))
    return { ok: false, code: 'full-width-digits', found: text, fix: proposeFix(trimmed, ind) };
  if (/^[+-]?[\d.]+\s*分$/.test(trimmed))
    return { ok: false, code: 'unit-suffix', found: text, fix: proposeFix(trimmed, ind) };
  return { ok: false, code: ind.levels ? 'not-a-level' : 'not-a-number', found: text };
}
