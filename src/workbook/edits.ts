/**
 * The task pane's edits of an installed workbook, written once over the grid port (./port.ts):
 * fixes the clerk agreed to (and their undo), the ratee list filled from the results, and
 * selecting or highlighting rows a reviewer is sent to. None of them writes a cell it was not
 * asked to, and none writes into a signed (protected) sheet's contents.
 */
import { columnIndex, columnLetter } from '../core/address';
import { InputError } from '../core/errors';
import type { RateeInfo, RawCell } from '../core/types';
import { formatAddress, parseAddress } from './a1';
import { requireStored } from './operations';
import type { Block } from './plan';
import type { GridPort } from './port';

/** One cell to write, `Sheet!A1`, and its value (null clears it). */
export interface CellWrite {
  where: string;
  value: string | number | boolean | null;
}

const blank = (v: RawCell) => v === null || v === undefined || v === '';

/** A cell read back as a value to write again (an error value as its text, empty as null). */
function writable(v: RawCell): CellWrite['value'] {
  if (blank(v)) return null;
  if (typeof v === 'object' && v !== null) return v.error;
  return v as string | number | boolean;
}

/**
 * Writes the cells named and nothing else, in one write; refuses, changing nothing, when a
 * sheet is missing or protected. Returns each cell's previous value, in order, for an undo.
 */
export async function writeCells(port: GridPort, cells: CellWrite[]): Promise<CellWrite[]> {
  const parsed = cells.map((c) => {
    const p = parseAddress(c.where);
    if (!p || p.sheet === undefined || p.row !== p.lastRow || p.col !== p.lastCol)
      throw new InputError(`"${c.where}" is not one cell like 评分录入!F12`);
    return { sheet: p.sheet, cell: formatAddress(p), value: c.value };
  });
  if (parsed.length === 0) return [];
  const sheets = [...new Set(parsed.map((c) => c.sheet))];
  const states = await port.sheetStates(sheets);
  const missing = sheets.find((n) => !states.some((s) => s.name === n));
  if (missing !== undefined)
    throw new InputError(`the workbook has no sheet "${missing}": nothing was changed`);
  const locked = states.find((s) => s.protected);
  if (locked) throw new InputError(`the sheet ${locked.name} is protected (signed off): nothing was changed`);
  const before = await port.readCells(parsed);
  await port.writeBlocks(
    sheets.map((sheet) => ({
      sheet,
      blocks: parsed
        .filter((p) => p.sheet === sheet)
        .map((p): Block => ({ at: p.cell, values: [[p.value]] })),
    })),
  );
  return cells.map((c, i) => ({ where: c.where, value: writable(before[i]) }));
}

/**
 * Writes ratees into an EMPTY ratee list (名单), from its first row, as text; refuses, changing
 * nothing, when any ratee cell there holds something or the list has no room.
 */
export async function fillRateeList(port: GridPort, ratees: RateeInfo[]): Promise<void> {
  if (ratees.length === 0) return;
  const l = requireStored(await port.info()).layout.lists;
  const room = l.lastRow - l.firstRow + 1;
  if (ratees.length > room)
    throw new InputError(
      `${l.sheet} has room for ${room} ratees below its header, not ${ratees.length}: upgrade the installation with the ratee list instead`,
    );
  const cols = [l.rateeIdCol, l.rateeNameCol, l.rateeGroupCol].map(columnIndex);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const grid = (await port.readGrids([l.sheet]))[l.sheet] ?? [];
  for (let r = l.firstRow; r <= l.lastRow; r++)
    for (let c = first; c <= last; c++)
      if (!blank(grid[r - 1]?.[c]))
        throw new InputError(`${l.sheet} row ${r} already holds a ratee: the list is left as it is`);
  const values = ratees.map((r) => {
    const row: (string | null)[] = Array(last - first + 1).fill(null);
    row[columnIndex(l.rateeIdCol) - first] = r.id;
    row[columnIndex(l.rateeNameCol) - first] = r.name ?? null;
    row[columnIndex(l.rateeGroupCol) - first] = r.group ?? null;
    return row;
  });
  await port.writeBlocks([
    {
      sheet: l.sheet,
      blocks: [{ at: `${columnLetter(first)}${l.firstRow}`, values, style: { numFmt: '@' } }],
    },
  ]);
}

/** Selects a cell given as `Sheet!A1` so the clerk sees it. */
export async function selectCell(port: GridPort, where: string): Promise<void> {
  const p = parseAddress(where);
  if (!p || p.sheet === undefined) throw new InputError(`"${where}" is not a cell like 评分录入!F12`);
  await port.sheetOps([{ op: 'select', sheet: p.sheet, cell: formatAddress(p) }]);
}

/** Sorted distinct rows, refused unless each is a row number (from 1). */
function checkedRows(rows: number[]): number[] {
  const bad = rows.find((r) => !Number.isInteger(r) || r < 1);
  if (bad !== undefined) throw new InputError(`row numbers start at 1 (found ${bad})`);
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** Runs of consecutive rows, `[first, last]`. */
function runsOf(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Shows the sheet and selects the first run of consecutive rows, from the smallest. */
export async function selectRows(port: GridPort, sheet: string, rows: number[]): Promise<void> {
  const sorted = checkedRows(rows);
  if (sorted.length === 0) return;
  const [first, last] = runsOf(sorted)[0];
  await port.sheetOps([{ op: 'select', sheet, cell: `${first}:${last}` }]);
}

/**
 * Fills the rows (1-based, across the sheet's used columns) with a highlight colour, or takes
 * the fill away with null. A signed sheet allows formatting, so it is not unprotected for this.
 */
export async function highlightRows(
  port: GridPort,
  sheet: string,
  rows: number[],
  color: string | null,
): Promise<void> {
  if (color !== null && !/^#[0-9A-Fa-f]{6}$/.test(color))
    throw new InputError(`highlight colour must be #RRGGBB (found "${color}")`);
  const sorted = checkedRows(rows);
  if (sorted.length === 0) return;
  const [state] = await port.sheetStates([sheet]);
  if (!state) throw new InputError(`the workbook has no sheet "${sheet}"`);
  const cols = Math.max(1, state.lastCol);
  const blocks = runsOf(sorted).map(([a, b]): Block => ({
    at: `A${a}`,
    rows: b - a + 1,
    cols,
    style: { fill: color },
  }));
  await port.writeBlocks([{ sheet, blocks }]);
}
