/**
 * Shared formulas (ECMA-376 §18.3.1.40, `<f t="shared">`): a column of formulas that are one
 * formula filled down is written once, in its top cell, and every cell below refers to it
 * ("same formula as the top one, moved down by my offset"). Excel, LibreOffice and WPS read them
 * (Excel writes them itself on fill-down); files get ~20× less formula text to write, zip and
 * parse.
 *
 * The writer never takes a plan's word that a column is filled down: a cell joins the formula
 * above it only when its text is exactly that formula with every relative row number moved by
 * the offset, which is what a spreadsheet does with the shared formula. A formula whose
 * references this module cannot follow (structured references `T[col]`, whole rows `3:5`,
 * external books) is never shared.
 */

/** A formula cut at its relative row numbers: `pieces[0] rows[0] pieces[1] … rows[n-1] pieces[n]`. */
export interface RowPattern {
  pieces: string[];
  rows: number[];
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const TOKEN = /[A-Za-z0-9_.$\\]+/y;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Index just past the quoted run starting at `i` (`"…"` or `'…'`, the quote doubled inside). */
function skipQuoted(f: string, i: number): number {
  const q = f[i];
  let j = i + 1;
  for (;;) {
    const k = f.indexOf(q, j);
    if (k < 0) return -1;
    if (f[k + 1] === q) j = k + 2;
    else return k + 1;
  }
}

/**
 * The formula (without its "=") as a pattern of relative row numbers, or null when it holds a
 * reference whose meaning after a move this module does not model.
 */
export function rowPattern(formula: string): RowPattern | null {
  const pieces: string[] = [];
  const rows: number[] = [];
  let piece = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i);
      if (end < 0) return null;
      piece += formula.slice(i, end);
      i = end;
      continue;
    }
    // Structured references (`T[col]`, `[@col]`) and external books: not followed.
    if (ch === '[') return null;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(formula);
    if (!m) {
      piece += ch;
      i++;
      continue;
    }
    const tok = m[0];
    const next = formula[i + tok.length];
    i += tok.length;
    if (/^\$?\d/.test(tok)) {
      // A number, or the start of a whole-row reference (`3:5`), which moves with the rows.
      if (next === ':' && /^\$?\d+$/.test(tok)) return null;
      piece += tok;
      continue;
    }
    const c = CELL.exec(tok);
    if (!c || next === '(' || next === '!') {
      piece += tok;
      continue;
    }
    const row = Number(c[4]);
    if (row < 1 || row > MAX_ROW || columnNumber(c[2]) > MAX_COL) {
      piece += tok; // a name that only looks like a reference
      continue;
    }
    if (c[3] === '$') {
      piece += tok;
      continue;
    }
    pieces.push(piece + c[1] + c[2]);
    rows.push(row);
    piece = '';
  }
  pieces.push(piece);
  return { pieces, rows };
}

/** Whether `formula` is exactly the pattern's formula moved down by `offset` rows. */
export function isMovedBy(p: RowPattern, formula: string, offset: number): boolean {
  let pos = 0;
  for (let k = 0; k < p.rows.length; k++) {
    const piece = p.pieces[k];
    if (!formula.startsWith(piece, pos)) return false;
    pos += piece.length;
    const row = String(p.rows[k] + offset);
    if (!formula.startsWith(row, pos)) return false;
    pos += row.length;
  }
  const last = p.pieces[p.rows.length];
  return formula.length === pos + last.length && formula.endsWith(last);
}

/** The pattern's formula moved down by `offset` rows. */
export function movedBy(p: RowPattern, offset: number): string {
  let out = '';
  for (let k = 0; k < p.rows.length; k++) out += p.pieces[k] + String(p.rows[k] + offset);
  return out + p.pieces[p.rows.length];
}
