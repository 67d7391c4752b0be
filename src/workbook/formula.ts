/**
 * Small pieces for writing formulas: quoting, absolute references, and the `_xlfn.` prefix that
 * newer functions need inside an xlsx file (plans keep plain Excel syntax; see plan.ts).
 */
import { columnIndex, columnLetter } from '../core/address';

/**
 * Functions newer than Excel 2007 that a file must spell `_xlfn.NAME` (ECMA-376 future
 * functions). Without the prefix Excel, WPS and LibreOffice show #NAME?. Only the ones Duanping
 * writes or might write are listed.
 */
export const XLFN_FUNCTIONS = [
  'AGGREGATE',
  'RANK.EQ',
  'RANK.AVG',
  'STDEV.P',
  'STDEV.S',
  'PERCENTILE.INC',
  'QUARTILE.INC',
  'MAXIFS',
  'MINIFS',
  'IFS',
  'SWITCH',
  'CONCAT',
  'TEXTJOIN',
  'FLOOR.MATH',
  'CEILING.MATH',
];

const XLFN_PATTERN = new RegExp(
  `(^|[^A-Za-z0-9_.])(${XLFN_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\(`,
  'gi',
);

/** Adds `_xlfn.` before newer functions, leaving text in double quotes untouched. */
export function addXlfnPrefixes(formula: string): string {
  return splitOutsideStrings(formula, (code) =>
    code.replace(XLFN_PATTERN, (_m, pre: string, name: string) => `${pre}_xlfn.${name.toUpperCase()}(`),
  );
}

/** Removes `_xlfn.` prefixes (a file's formula → the plain syntax Office.js takes). */
export function removeXlfnPrefixes(formula: string): string {
  return splitOutsideStrings(formula, (code) => code.replace(/_xlfn\./gi, ''));
}

/** Applies `fn` to the parts of a formula outside string literals ("..." with "" as a quote). */
function splitOutsideStrings(formula: string, fn: (code: string) => string): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts.map((p, i) => (i % 2 === 1 ? p : fn(p))).join('');
}

/** A sheet name as it must appear in a reference: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A text constant in a formula: `"a""b"`. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** An inline array constant of texts or numbers: `{"a","b"}`, `{1,2}`. */
export function arrayConst(items: (string | number)[]): string {
  return `{${items.map((x) => (typeof x === 'number' ? num(x) : str(x))).join(',')}}`;
}

/** A number as formula text (no exponent surprises for ordinary values). */
export function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(x).replace(/^0\./, '0.');
}

/** `$A$3:$A$102` for a column between two rows. */
export function absColumn(col: string, first: number, last: number): string {
  return `$${col}$${first}:$${col}$${last}`;
}

/** `'Sheet'!$A$3:$A$102`. */
export function sheetColumn(sheet: string, col: string, first: number, last: number): string {
  return `${quoteSheet(sheet)}!${absColumn(col, first, last)}`;
}

/** The column `offset` places right of `col`. */
export function shiftCol(col: string, offset: number): string {
  return columnLetter(columnIndex(col) + offset);
}

export { columnIndex, columnLetter };

/** The entry sheet's Excel table (docs/workbook.md "Capacity": the names read its columns). */
export const ENTRY_TABLE = 'DP_EntryTable';

/** Characters that make Excel want a column specifier in its own brackets (`T[[a b]]`). */
const SPECIAL_HEADER = /[\s,:.[\]#'"{}$^&*+=\-<>/]/;

/**
 * A table column's header as a structured-reference column specifier: `[合计]`, or `[[a b]]`
 * when the header holds a character Excel's syntax rules name (`[`, `]`, `#`, `'` escaped with `'`).
 */
export function columnSpecifier(header: string): string {
  return SPECIAL_HEADER.test(header) ? `[${bracketed(header)}]` : bracketed(header);
}

/** A header in one pair of brackets, as inside `T[[#All],[a]:[b]]` (`[`, `]`, `#`, `'` escaped). */
export function bracketed(header: string): string {
  return `[${header.replace(/['#[\]]/g, "'$&")}]`;
}

/**
 * `DP_EntryTable[_key]`: the data rows of a table column, by its header (a structured reference).
 * It follows the table when the table grows, where `'评分录入'!$K$3:$K$302` stays where it is.
 */
export function tableColumn(table: string, header: string): string {
  return `${table}${columnSpecifier(header)}`;
}

/** A structured reference to table columns, as the names of ./build.ts write them. */
export interface StructuredRef {
  table: string;
  /** `[#All]`: the header row (and a totals row) too; else the data rows only. */
  all: boolean;
  /** First and last column header (equal for one column), unescaped. */
  from: string;
  to: string;
}

const unescapeHeader = (h: string) => h.replace(/'(.)/g, '$1');

/**
 * Parses `T[col]`, `T[[col]]` and `T[[#All],[a]:[b]]` (a leading "=" allowed); null for any
 * other text. The inverse of `tableColumn` and `columnSpecifier`.
 */
export function parseStructured(text: string): StructuredRef | null {
  const m = /^=?([A-Za-z_\\][\w.]*)\[(.*)\]$/.exec(text.trim());
  if (!m) return null;
  const inner = m[2];
  const col = (s: string) => /^\[((?:[^'\]]|'.)*)\]$/.exec(s)?.[1];
  const all = /^\[#All\],(.*)$/i.exec(inner);
  const spec = all ? all[1] : inner;
  const range = /^(\[(?:[^'\]]|'.)*\]):(\[(?:[^'\]]|'.)*\])$/.exec(spec);
  const from = range ? col(range[1]) : (col(spec) ?? (/^[^[\]#]*$/.test(spec) ? spec : undefined));
  const to = range ? col(range[2]) : from;
  if (from === undefined || to === undefined) return null;
  return { table: m[1], all: !!all, from: unescapeHeader(from), to: unescapeHeader(to) };
}
