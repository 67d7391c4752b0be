/**
 * Makes exceljs write files that pass the Open XML SDK validator (checked in
 * test/xlsx/validate.test.ts): exceljs writes a `<font>`'s children in its own order
 * (`color, family, scheme, sz, name`), where the schema's CT_Font sequence is
 * `b, i, strike, condense, extend, outline, shadow, u, vertAlign, sz, color, name, family,
 * charset, scheme`. Excel accepts either, the validator (and strict readers) do not.
 *
 * The fix replaces FontXform.render for `<font>` (styles and conditional formats) with one that
 * writes the schema's order; rich-text runs (`<rPr>`, another order) are left as they are.
 * Node only: the browser uses exceljs's own bundle, which this module cannot reach.
 */
interface XmlStream {
  openNode(tag: string): void;
  closeNode(): void;
}
interface FontXformLike {
  options: { tagName: string; fontNameTag: string };
  map: Record<string, { prop: string; xform: { render(s: XmlStream, v: unknown): void } }>;
}

const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];

let applied = false;

/** Patches exceljs once (idempotent); returns false where its sources are not reachable. */
export function applySchemaFixes(): boolean {
  if (applied) return true;
  let FontXform: {
    prototype: { render(this: FontXformLike, s: XmlStream, m: Record<string, unknown>): void };
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    FontXform = require('exceljs/lib/xlsx/xform/style/font-xform');
  } catch {
    return false;
  }
  const original = FontXform.prototype.render;
  FontXform.prototype.render = function render(this: FontXformLike, xmlStream, model) {
    if (this.options.tagName !== 'font') return original.call(this, xmlStream, model);
    xmlStream.openNode('font');
    for (const tag of FONT_ORDER) {
      const defn = this.map[tag];
      if (defn) defn.xform.render(xmlStream, model[defn.prop]);
    }
    xmlStream.closeNode();
  };
  applied = true;
  return true;
}
