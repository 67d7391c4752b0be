/**
 * What exceljs 4.4 cannot write or keep, for a table that grows (issue 16, docs/workbook.md
 * "Capacity"):
 *
 * - **Calculated columns.** A table column whose cells are one formula filled down is stored
 *   with `<calculatedColumnFormula>` (ISO/IEC 29500-1 §18.5.1.1, the formula of the first data
 *   row): Excel fills it into a row the table gains. exceljs's TableColumnXform knows only name,
 *   totals and dxf; the patch writes the element from a column's `calculatedColumnFormula` and
 *   reads it back (so a sign-off or upgrade that reads and rewrites a file keeps it).
 * - **Names that are not cell ranges.** A defined name such as `DP_EntryKey` =
 *   `DP_EntryTable[_key]` (a structured reference, which follows the table when it grows):
 *   exceljs keeps names as sets of cells and drops any text it cannot parse as a range, on
 *   writing (`definedNames.add` throws or mangles) and on reading. The patch keeps such names
 *   as their text beside the cell names.
 *
 * Node only, like ./schema-fixes.ts: the add-in writes through Office.js, not exceljs.
 */
import { columnIndex } from '../../core/address';
import { addXlfnPrefixes } from '../../workbook/formula';
import { blockSize, type Block, type SheetPlan } from '../../workbook/plan';
import { applyRangeNames } from './range-names';
import { isMovedBy, rowPattern } from './shared-formulas';

interface XmlStream {
  openNode(tag: string, attrs?: Record<string, unknown>): void;
  leafNode(tag: string, attrs?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}
interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}
interface ColumnXform {
  model: ColumnModel;
  inFormula?: string[] | null;
}
type NameModel = { name: string; ranges: string[]; localSheetId?: number };
interface NamesLike {
  formulaNames?: Map<string, string>;
}

/** A cell or range with a sheet, as exceljs keeps names: `'评分录入'!$K$3:$K$302`. */
const PLAIN_RANGE = /^(?:'(?:[^']|'')+'|[^'!]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

/** True when a defined name's text is not a plain range (a structured reference, a formula). */
export function isFormulaName(text: string): boolean {
  return !PLAIN_RANGE.test(text) && text.includes('[');
}

let applied = false;

/** Patches exceljs once (idempotent); returns false where its sources are not reachable. */
export function applyTableParts(): boolean {
  if (applied) return true;
  // ./range-names.ts patches the same DefinedNames methods: it goes first, whoever imports first,
  // so that a structured name never reaches its range parsing.
  applyRangeNames();
  /* eslint-disable @typescript-eslint/no-require-imports */
  let TableColumnXform: { prototype: Record<string, unknown> };
  let DefinedNameXform: { prototype: Record<string, unknown> };
  let DefinedNames: { prototype: object };
  try {
    TableColumnXform = require('exceljs/lib/xlsx/xform/table/table-column-xform');
    DefinedNameXform = require('exceljs/lib/xlsx/xform/book/defined-name-xform');
    DefinedNames = require('exceljs/lib/doc/defined-names');
  } catch {
    return false;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */

  // <tableColumn> with an optional <calculatedColumnFormula> child.
  const render = TableColumnXform.prototype.render as (
    this: ColumnXform,
    s: XmlStream,
    m: ColumnModel,
  ) => void;
  const parseOpen = TableColumnXform.prototype.parseOpen as (
    this: ColumnXform,
    n: { name: string },
  ) => boolean;
  TableColumnXform.prototype.render = function (this: ColumnXform, xmlStream: XmlStream, model: ColumnModel) {
    if (!model.calculatedColumnFormula) return render.call(this, xmlStream, model);
    xmlStream.openNode('tableColumn', {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    });
    xmlStream.leafNode('calculatedColumnFormula', undefined, model.calculatedColumnFormula);
    xmlStream.closeNode();
    return true;
  };
  TableColumnXform.prototype.parseOpen = function (this: ColumnXform, node: { name: string }) {
    if (node.name === 'calculatedColumnFormula') {
      this.inFormula = [];
      return true;
    }
    this.inFormula = null;
    return parseOpen.call(this, node);
  };
  TableColumnXform.prototype.parseText = function (this: ColumnXform, text: string) {
    if (this.inFormula) this.inFormula.push(text);
  };
  TableColumnXform.prototype.parseClose = function (this: ColumnXform, name: string) {
    if (name === 'calculatedColumnFormula' && this.inFormula) {
      this.model.calculatedColumnFormula = this.inFormula.join('');
      this.inFormula = null;
      return true;
    }
    return false;
  };

  // <definedName> whose text is not a range: kept as its text.
  const nameClose = DefinedNameXform.prototype.parseClose as (this: { model: NameModel }) => boolean;
  DefinedNameXform.prototype.parseClose = function (this: { model: NameModel; _parsedText: string[] }) {
    const text = this._parsedText.join('');
    const out = nameClose.call(this);
    if (isFormulaName(text)) this.model.ranges = [text];
    return out;
  };
  const proto = DefinedNames.prototype as Record<string, unknown>;
  const add = proto.add as (this: NamesLike, loc: string, name: string) => void;
  proto.add = function (this: NamesLike, locStr: string, name: string) {
    if (!isFormulaName(locStr)) return add.call(this, locStr, name);
    (this.formulaNames ??= new Map()).set(name, locStr);
  };
  const desc = Object.getOwnPropertyDescriptor(proto, 'model')!;
  Object.defineProperty(proto, 'model', {
    configurable: true,
    get(this: NamesLike) {
      const cells = desc.get!.call(this) as NameModel[];
      const names = [...(this.formulaNames ?? new Map<string, string>())];
      return [...cells, ...names.map(([name, text]) => ({ name, ranges: [text] }))];
    },
    set(this: NamesLike, value: NameModel[]) {
      const formula = value.filter((d) => d.ranges.length === 1 && isFormulaName(d.ranges[0]));
      desc.set!.call(
        this,
        value.filter((d) => !formula.includes(d)),
      );
      this.formulaNames = new Map(formula.map((d) => [d.name, d.ranges[0]]));
    },
  });
  applied = true;
  return true;
}

/**
 * `{ calculatedColumnFormula }` for a table column (1-based `col`) whose data rows `first`…`last`
 * the plan fills with one formula filled down — the same check as for shared formulas
 * (./shared-formulas.ts): each row's formula is the first one with its relative rows moved, and
 * no later block writes over the column's rows; `{}` otherwise. Read from the plan, not from the
 * worksheet: big blocks may go straight to XML (./direct-rows.ts).
 */
export function calculatedColumn(
  sheet: SheetPlan,
  col: number,
  first: number,
  last: number,
): { calculatedColumnFormula?: string } {
  if (last <= first) return {};
  let found: { block: Block; row: number; col: number } | null = null;
  for (const block of sheet.blocks) {
    if (!block.formulas && !block.values) continue;
    const at = /^([A-Z]+)(\d+)$/.exec(block.at);
    if (!at) return {};
    const { rows, cols } = blockSize(block);
    const top = Number(at[2]);
    const left = columnIndex(at[1]) + 1;
    if (col < left || col >= left + cols || last < top || first > top + rows - 1) continue;
    // The last block over the column's data rows decides; it must cover all of them.
    found = block.formulas && top <= first && top + rows - 1 >= last ? { block, row: top, col: left } : null;
  }
  if (!found) return {};
  const column = found.block.formulas!.map((line) => line[col - found.col]);
  const text = (r: number) => {
    const f = column[r - found.row];
    return f === null || f === undefined ? null : f.replace(/^=/, '');
  };
  const top = text(first);
  const p = top === null ? null : rowPattern(top);
  if (!p) return {};
  for (let r = first + 1; r <= last; r++) {
    const f = text(r);
    if (f === null || !isMovedBy(p, f, r - first)) return {};
  }
  return { calculatedColumnFormula: addXlfnPrefixes(top!) };
}
