/**
 * The canonical text of signed content (spec: ../shared/spec/signoff.md, "Canonical content").
 *
 * Values, not formatting: JSON with sorted keys, numbers with at most 15 significant digits,
 * text in Unicode NFC with trimmed ends. The same value read back after a save in Excel, WPS
 * or LibreOffice gives the same text, so the digest over it survives such a save.
 */
import type { RawCell } from '../types';

/** A value canonicalJson accepts: what JSON can hold (undefined object fields are left out). */
export type Canonicalizable =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Canonicalizable[]
  | { readonly [key: string]: Canonicalizable };

/**
 * A finite number as text with at most 15 significant digits (as Excel keeps them):
 * `0.1 + 0.2` → `"0.3"`, `-0` → `"0"`. Applying it to its own output gives the same text,
 * so a value a spreadsheet program rewrote with 15 or 17 digits keeps its canonical form.
 * Throws a RangeError for NaN and ±Infinity, which no cell can hold.
 */
export function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot sign a non-finite number (${n})`);
  const x = Number(n.toPrecision(15));
  // Above 1.79769313486231e308 rounding overflows; no spreadsheet cell holds such a number.
  if (!Number.isFinite(x)) return String(n);
  return String(x === 0 ? 0 : x);
}

/** Text in Unicode NFC with leading and trailing white space removed. */
export function canonicalText(s: string): string {
  return s.normalize('NFC').trim();
}

/**
 * The value of one spreadsheet or CSV cell as it is signed: numbers and text as above,
 * an empty or blank cell as null (a cell holding "" and an empty cell are the same thing
 * after a save), an error value as `{error: "#N/A"}`.
 */
export function canonicalCell(v: RawCell): Canonicalizable {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = canonicalText(v);
    return t === '' ? null : t;
  }
  return { error: canonicalText(String(v.error)) };
}

/**
 * Canonical JSON: object keys sorted by code unit, no white space, undefined fields left out,
 * numbers through canonicalNumber, string values through canonicalText. Keys are written as
 * they are (callers pass ids already through canonicalText), so two keys never merge.
 */
export function canonicalJson(value: Canonicalizable): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return canonicalNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(canonicalText(value));
  if (Array.isArray(value)) {
    return '[' + value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',') + ']';
  }
  const obj = value as { readonly [key: string]: Canonicalizable };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}
