/**
 * exceljs keeps a defined name as the set of its cells (`DP_Entries` at 6,000 score sheets:
 * 300,000 entries) and, to write the workbook, explores that set back into ranges — about a
 * third of a second for a build's names. A new name added as one range is kept as that range
 * and written from it: the same text, made by exceljs's own `Range` exactly as its exploring
 * makes it. Anything else done with the names (another range for a name, removing, moving rows
 * or columns, looking names up) first turns the kept names into cells as exceljs keeps them, and
 * then is exceljs's own. Node only, like ./schema-fixes.ts: the browser uses exceljs's bundle.
 */

interface Location {
  sheetName?: string;
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
  row?: number;
  col?: number;
}

interface DefinedNamesLike {
  matrixMap: Record<string, unknown>;
  getRanges(name: string, matrix: unknown): { name: string; ranges: string[] };
}

type Method = (this: DefinedNamesLike, ...args: unknown[]) => unknown;

let applied = false;

/** Patches exceljs once (idempotent); returns false where its sources are not reachable. */
export function applyRangeNames(): boolean {
  if (applied) return true;
  let proto: Record<string, Method>;
  let RangeClass: new (t: number, l: number, b: number, r: number, s?: string) => { $shortRange: string };
  let decodeEx: (s: string) => Location;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    proto = require('exceljs/lib/doc/defined-names').prototype;
    RangeClass = require('exceljs/lib/doc/range');
    const colCache = require('exceljs/lib/utils/col-cache');
    decodeEx = (s) => colCache.decodeEx(s);
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return false;
  }
  const model = Object.getOwnPropertyDescriptor(proto, 'model');
  if (!model?.get || !model.set) return false;

  /** Per DefinedNames: the names kept as one range each, not (yet) as cells. */
  const known = new WeakMap<object, Map<string, { range: string; location: Location }>>();
  const addEx = proto.addEx;
  /** Kept names (one, or all) become cells, as exceljs keeps them, before anything else uses them. */
  const settle = (self: DefinedNamesLike, only?: unknown) => {
    const names = known.get(self);
    if (!names) return;
    for (const [name, { location }] of [...names])
      if (only === undefined || name === only) {
        names.delete(name);
        addEx.call(self, location, name);
      }
    if (names.size === 0) known.delete(self);
  };

  const add = proto.add;
  proto.add = function (this: DefinedNamesLike, locStr: unknown, name: unknown) {
    if (typeof name === 'string' && typeof locStr === 'string' && !this.matrixMap[name]) {
      const d = decodeEx(locStr);
      const top = d.top ?? d.row;
      const left = d.left ?? d.col;
      if (top !== undefined && left !== undefined) {
        const location = {
          sheetName: d.sheetName,
          top,
          left,
          bottom: d.bottom ?? top,
          right: d.right ?? left,
        };
        const range = new RangeClass(top, left, location.bottom, location.right, d.sheetName).$shortRange;
        let names = known.get(this);
        if (!names) known.set(this, (names = new Map()));
        names.set(name, { range, location });
        proto.getMatrix.call(this, name); // its place among the names, as exceljs would make it
        return;
      }
    }
    settle(this, name);
    return add.call(this, locStr, name);
  };
  // Changes to one name make that name's cells; the rest of exceljs's uses make them all.
  for (const m of ['addEx', 'remove', 'removeEx']) {
    const original = proto[m];
    proto[m] = function (this: DefinedNamesLike, location: unknown, name: unknown) {
      settle(this, name);
      return original.call(this, location, name);
    };
  }
  const getRanges = proto.getRanges as DefinedNamesLike['getRanges'];
  for (const m of [
    'removeAllNames',
    'forEach',
    'getNames',
    'getNamesEx',
    'getRanges',
    'normaliseMatrix',
    'spliceRows',
    'spliceColumns',
  ]) {
    const original = proto[m];
    proto[m] = function (this: DefinedNamesLike, ...args: unknown[]) {
      settle(this);
      return original.apply(this, args);
    };
  }
  Object.defineProperty(proto, 'model', {
    ...model,
    get(this: DefinedNamesLike) {
      const names = known.get(this);
      if (!names) return model.get!.call(this);
      // exceljs's getter, with a kept name's range taken as it is.
      return Object.entries(this.matrixMap)
        .map(([name, matrix]) => {
          const kept = names.get(name);
          return kept ? { name, ranges: [kept.range] } : getRanges.call(this, name, matrix);
        })
        .filter((d) => d.ranges.length);
    },
    set(this: DefinedNamesLike, value: unknown) {
      known.delete(this);
      model.set!.call(this, value);
    },
  });
  applied = true;
  return true;
}
