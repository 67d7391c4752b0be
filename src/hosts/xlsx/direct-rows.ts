/**
 * The cell rows of a sheet's big blocks written as `<row>` XML straight from the plan, instead of
 * as one exceljs cell object per cell (a 6,000-score-sheet entry sheet has ~330,000 cells; their
 * objects, models and XML nodes were most of a build's time and memory). Everything else of the
 * sheet and the workbook — styles.xml, shared strings, tables, validations, conditional formats,
 * merges, names, protection, the zip — is still exceljs's: the rows are rendered inside exceljs's
 * own worksheet writing, with its style registry (`addStyleModel`), shared-string table and
 * shared-formula numbering, and its XML escaping (`xmlEncode`).
 *
 * The cells written are exactly those the cell-by-cell path writes (./write.ts `writeBlock`):
 * the same values, cached results, styles laid over one another in plan order, and shared
 * formulas found by the same check (./shared-formulas.ts). Only `<row>` and `<c>` are written here.
 *
 * A worksheet holding such rows is write-only for them: exceljs does not see their cells. Code
 * that reads or writes cells first turns them into ordinary cells (`settleDirectRows` in
 * ./write.ts); a row of exceljs cells inside the rows written here is refused when the file is
 * written rather than written twice. Node only (exceljs's own classes are patched, as in
 * ./schema-fixes.ts); the add-in never writes files this way.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../core/address';
import { addXlfnPrefixes } from '../../workbook/formula';
import type { Block } from '../../workbook/plan';
import { isMovedBy, rowPattern, type RowPattern } from './shared-formulas';

type Style = Partial<ExcelJS.Style>;

/** A block placed on the sheet, with its exceljs style pieces (null: no style). */
export interface PlacedBlock {
  block: Block;
  row: number;
  col: number;
  rows: number;
  cols: number;
  parts: Style | null;
}

/** The rows `top`…`bottom` of a sheet, cells from its blocks (in plan order). */
export interface DirectRows {
  top: number;
  bottom: number;
  left: number;
  right: number;
  blocks: PlacedBlock[];
  /** A cell's present style with the next block's pieces laid over it (./write.ts). */
  styleOver(present: Style, parts: Style): Style;
}

/** What exceljs gives a worksheet's writer (the parts used here). */
interface PrepareOptions {
  styles: { addStyleModel(style: Style, cellType?: number): number };
  sharedStrings?: { add(value: string): number };
  siFormulae: number;
}

/** exceljs's ValueType numbers (lib/doc/enums.js) for `addStyleModel`'s numFmt default. */
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;

const EMPTY: Style = {};

/** A band of rows covered by the same blocks; per column, what writes its cells. */
interface Band {
  first: number;
  last: number;
  /** Per column (index from `left`): blocks with values or formulas, last written first. */
  content: PlacedBlock[][];
  /** Per column: the style left by every block over it, in plan order. */
  style: Style[];
}

function bands(d: DirectRows): Band[] {
  const cuts = new Set<number>([d.top, d.bottom + 1]);
  for (const b of d.blocks) {
    cuts.add(b.row);
    cuts.add(b.row + b.rows);
  }
  const sorted = [...cuts].filter((x) => x >= d.top && x <= d.bottom + 1).sort((a, b) => a - b);
  const out: Band[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const first = sorted[i];
    const last = sorted[i + 1] - 1;
    const over = d.blocks.filter((b) => b.row <= first && b.row + b.rows - 1 >= last);
    const content: PlacedBlock[][] = [];
    const style: Style[] = [];
    for (let c = d.left; c <= d.right; c++) {
      const here = over.filter((b) => b.col <= c && c < b.col + b.cols);
      content.push(here.filter((b) => b.block.values || b.block.formulas).reverse());
      let s = EMPTY;
      for (const b of here) if (b.parts) s = d.styleOver(s, b.parts);
      style.push(s);
    }
    out.push({ first, last, content, style });
  }
  return out;
}

/**
 * The block that writes cell (r, c): the last with a value there, or a formula other than
 * null (a null formula leaves the cell as it was); null when none does. No object per cell.
 */
function sourceAt(blocks: PlacedBlock[], r: number, c: number): PlacedBlock | null {
  for (const b of blocks) if (b.block.values || b.block.formulas![r - b.row][c - b.col] !== null) return b;
  return null;
}

/** A formula's text without its "=". */
const formulaText = (f: string) => (f.charCodeAt(0) === 61 ? f.slice(1) : f);

/** Per column, per row of the rows: 0 a plain cell, > 0 the top of a shared formula (its last row), −1 a cell below one. */
function sharedRuns(d: DirectRows, bs: Band[]): Int32Array[] {
  const height = d.bottom - d.top + 1;
  const out: Int32Array[] = [];
  for (let c = d.left; c <= d.right; c++) {
    const marks = new Int32Array(height);
    let pattern: RowPattern | null = null;
    let first = 0;
    let prev = -1; // the row of the run's last cell
    for (const band of bs) {
      const blocks = band.content[c - d.left];
      for (let r = band.first; r <= band.last; r++) {
        const src = blocks.length === 0 ? null : sourceAt(blocks, r, c);
        if (!src?.block.formulas) {
          pattern = null;
          continue;
        }
        const text = formulaText(src.block.formulas[r - src.row][c - src.col]!);
        if (pattern && prev === r - 1 && isMovedBy(pattern, text, r - first)) {
          marks[first - d.top] = r;
          marks[r - d.top] = -1;
          prev = r;
        } else {
          pattern = rowPattern(text);
          first = r;
          prev = r;
        }
      }
    }
    out.push(marks);
  }
  return out;
}

type XmlEncode = (text: string) => string;

/**
 * The `<row>` elements of the rows, registering their styles, strings and shared formulas with
 * exceljs's writer as its own cells do (lib/xlsx/xform/sheet/cell-xform.js).
 */
export function directRowsXml(d: DirectRows, options: PrepareOptions, xmlEncode: XmlEncode): string {
  const bs = bands(d);
  const runs = sharedRuns(d, bs);
  /** A style's ` s="…"` attribute ("" for the default style), registered on first use. */
  const styleAttrs = new Map<Style, string>();
  const styleAttr = (s: Style, cellType: number) => {
    if (s === EMPTY) return '';
    let attr = styleAttrs.get(s);
    if (attr === undefined) {
      const id = options.styles.addStyleModel(s, cellType);
      styleAttrs.set(s, (attr = id ? ` s="${id}"` : ''));
    }
    return attr;
  };
  const letters: string[] = [];
  for (let c = d.left; c <= d.right; c++) letters.push(columnLetter(c - 1));
  /** Per column: the `<f>` of a cell below the top of the column's present shared formula. */
  const below: string[] = letters.map(() => '');
  const out: string[] = [];
  for (const band of bs) {
    for (let r = band.first; r <= band.last; r++) {
      let cells = '';
      for (let k = 0; k < letters.length; k++) {
        const blocks = band.content[k];
        const src = blocks.length === 0 ? null : sourceAt(blocks, r, d.left + k);
        const style = band.style[k];
        const ref = letters[k] + r;
        const formulas = src?.block.formulas;
        if (src && formulas) {
          const i = r - src.row;
          const j = d.left + k - src.col;
          const mark = runs[k][r - d.top];
          let f: string;
          if (mark > 0) {
            const si = options.siFormulae++;
            below[k] = `<f t="shared" si="${si}"/>`;
            f = `<f t="shared" ref="${ref}:${letters[k]}${mark}" si="${si}">${xmlEncode(addXlfnPrefixes(formulaText(formulas[i][j]!)))}</f>`;
          } else if (mark < 0) f = below[k];
          else f = `<f>${xmlEncode(addXlfnPrefixes(formulaText(formulas[i][j]!)))}</f>`;
          const res = src.block.results?.[i]?.[j];
          const attrs = `r="${ref}"${styleAttr(style, NUMBER_TYPE)}`;
          if (res === undefined) cells += `<c ${attrs}>${f}</c>`;
          else if (typeof res === 'number') cells += `<c ${attrs}>${f}<v>${res}</v></c>`;
          else if (typeof res === 'string') cells += `<c ${attrs} t="str">${f}<v>${xmlEncode(res)}</v></c>`;
          else if (typeof res === 'boolean') cells += `<c ${attrs} t="b">${f}<v>${res ? 1 : 0}</v></c>`;
          else cells += `<c ${attrs} t="e">${f}<v>${xmlEncode(res.error)}</v></c>`;
          continue;
        }
        const v = src ? src.block.values![r - src.row][d.left + k - src.col] : null;
        if (v === null) {
          const attr = styleAttr(style, NUMBER_TYPE);
          if (attr) cells += `<c r="${ref}"${attr}/>`;
          continue;
        }
        const attrs = `r="${ref}"${styleAttr(style, typeof v === 'string' ? STRING_TYPE : NUMBER_TYPE)}`;
        if (typeof v === 'number') cells += `<c ${attrs}><v>${v}</v></c>`;
        else if (typeof v === 'boolean') cells += `<c ${attrs} t="b"><v>${v ? 1 : 0}</v></c>`;
        else if (options.sharedStrings)
          cells += `<c ${attrs} t="s"><v>${options.sharedStrings.add(v)}</v></c>`;
        else cells += `<c ${attrs} t="str"><v>${xmlEncode(v)}</v></c>`;
      }
      // One flat string per row (reading it as a number flattens it): the row's pieces die young
      // instead of living on, as a tree of thousands of pieces, until the sheet is joined.
      if (cells) {
        const row = `<row r="${r}" x14ac:dyDescent="0.25">${cells}</row>`;
        Number(row);
        out.push(row);
      }
    }
  }
  return out.join('');
}

/** The rows of each worksheet that are written here. */
const pending = new WeakMap<ExcelJS.Worksheet, DirectRows>();

export function directRowsOf(ws: ExcelJS.Worksheet): DirectRows | undefined {
  return pending.get(ws);
}

export function setDirectRows(ws: ExcelJS.Worksheet, d: DirectRows | undefined): void {
  if (d) pending.set(ws, d);
  else pending.delete(ws);
}

interface RowModel {
  number: number;
  cells: unknown[];
  /** Set on the stand-in row that holds the rows written here. */
  direct?: DirectRows;
  xml?: string;
}

let applied = false;

/**
 * Patches exceljs once (idempotent): a worksheet's model gets one stand-in row for its direct
 * rows, in row order, and the row writer renders it as those rows' XML. Returns false where
 * exceljs's sources are not reachable.
 */
export function applyDirectRows(): boolean {
  if (applied) return true;
  let Worksheet: { prototype: object };
  let RowXform: {
    prototype: {
      prepare(model: RowModel, options: PrepareOptions): void;
      render(xmlStream: { writeXml(xml: string): void }, model: RowModel, options: unknown): void;
    };
  };
  let xmlEncode: XmlEncode;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    Worksheet = require('exceljs/lib/doc/worksheet');
    RowXform = require('exceljs/lib/xlsx/xform/sheet/row-xform');
    xmlEncode = require('exceljs/lib/utils/utils').xmlEncode;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return false;
  }
  const descriptor = Object.getOwnPropertyDescriptor(Worksheet.prototype, 'model');
  if (!descriptor?.get) return false;
  const getModel = descriptor.get;
  Object.defineProperty(Worksheet.prototype, 'model', {
    ...descriptor,
    get(this: ExcelJS.Worksheet) {
      const model = getModel.call(this) as {
        rows: RowModel[];
        dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
      };
      const d = pending.get(this);
      if (!d) return model;
      // A row exceljs writes itself (cells, a height) inside these rows would be written twice.
      const clash = model.rows.find((r) => r.number >= d.top && r.number <= d.bottom);
      if (clash) throw new Error(`${this.name}: row ${clash.number} was written around its direct rows`);
      const at = model.rows.findIndex((r) => r.number > d.bottom);
      model.rows.splice(at < 0 ? model.rows.length : at, 0, { number: d.top, cells: [], direct: d });
      model.dimensions.expand(d.top, d.left, d.bottom, d.right);
      return model;
    },
  });
  const prepare = RowXform.prototype.prepare;
  RowXform.prototype.prepare = function (model, options) {
    if (model.direct) model.xml = directRowsXml(model.direct, options, xmlEncode);
    else prepare.call(this, model, options);
  };
  const render = RowXform.prototype.render;
  RowXform.prototype.render = function (xmlStream, model, options) {
    if (model.direct) xmlStream.writeXml(model.xml ?? '');
    else render.call(this, xmlStream, model, options);
  };
  applied = true;
  return true;
}
