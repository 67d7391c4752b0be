/**
 * exceljs keeps a defined name as the set of its cells (`DP_Entries` at 6,000 score sheets:
 * 300,000 entries) and, to write the workbook, explores that set back into ranges — about a
 * third of a second for a build's names. A name added as one range and not changed since is
 * written from that range instead: the same text, made by exceljs's own `Range` exactly as its
 * exploring makes it. The cells are still added (every other use of the names is exceljs's
 * own); a change to a name (add, remove, rows or columns moved, a new model) drops the shortcut
 * for it. Node only, like ./schema-fixes.ts: the browser uses exceljs's own bundle.
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

  /** Per DefinedNames: name → its one range as exceljs writes it. */
  const known = new WeakMap<object, Map<string, string>>();
  const forget = (self: object, name?: unknown) => {
    if (typeof name === 'string') known.get(self)?.delete(name);
    else known.delete(self);
  };

  const add = proto.add;
  proto.add = function (this: DefinedNamesLike, locStr: unknown, name: unknown) {
    const fresh = typeof name === 'string' && !this.matrixMap[name];
    const out = add.call(this, locStr, name);
    if (fresh && typeof locStr === 'string') {
      const d = decodeEx(locStr);
      const top = d.top ?? d.row;
      const left = d.left ?? d.col;
      if (top !== undefined && left !== undefined) {
        const range = new RangeClass(top, left, d.bottom ?? top, d.right ?? left, d.sheetName);
        let names = known.get(this);
        if (!names) known.set(this, (names = new Map()));
        names.set(name as string, range.$shortRange);
      }
    }
    return out;
  };
  // Changes to one name, then changes to all.
  for (const m of ['addEx', 'remove', 'removeEx']) {
    const original = proto[m];
    proto[m] = function (this: DefinedNamesLike, location: unknown, name: unknown) {
      forget(this, name);
      return original.call(this, location, name);
    };
  }
  for (const m of ['removeAllNames', 'spliceRows', 'spliceColumns']) {
    const original = proto[m];
    proto[m] = function (this: DefinedNamesLike, ...args: unknown[]) {
      forget(this);
      return original.apply(this, args);
    };
  }
  Object.defineProperty(proto, 'model', {
    ...model,
    get(this: DefinedNamesLike) {
      const names = known.get(this);
      if (!names) return model.get!.call(this);
      // exceljs's getter, with a known name's range taken as it is.
      return Object.entries(this.matrixMap)
        .map(([name, matrix]) => {
          const range = names.get(name);
          return range !== undefined ? { name, ranges: [range] } : this.getRanges(name, matrix);
        })
        .filter((d) => d.ranges.length);
    },
    set(this: DefinedNamesLike, value: unknown) {
      forget(this);
      model.set!.call(this, value);
    },
  });
  applied = true;
  return true;
}
