/**
 * Look-alike codes (issue 11, item 3). Codes are compared exactly, as the workbook's formulas
 * compare them; but a code that equals another once both are folded — Excel's `="…"` wrapper
 * removed, zero-width characters removed, NFKC width folding (`U１` → `U1`), trimmed, Cyrillic
 * and Greek letters that look like Latin ones mapped to them (`а` → `a`) — is reported, with the
 * code points of both texts, and never merged silently.
 */
import { engineT } from './i18n';
import type { ScoreInput } from './scoring';
import type { Lang, Problem } from './types';

/** Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the common ones). */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ԁ: 'd',
  ӏ: 'l',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  // digits and letters often swapped in typed codes are NOT folded (0/O, 1/l are distinct codes)
};

const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;
const EXCEL_WRAPPER = /^\s*="(.*)"\s*$/s;

/** The folded form of a code: what a reader sees, whatever bytes are behind it. */
export function foldCode(code: string): string {
  let s = code;
  const m = EXCEL_WRAPPER.exec(s);
  if (m) s = m[1];
  s = s.replace(ZERO_WIDTH, '').normalize('NFKC').trim();
  return [...s].map((c) => CONFUSABLES[c] ?? c).join('');
}

/** `U１` → `U+0055 U+FF11`. */
export function codePoints(text: string): string {
  return [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

interface Occurrence {
  text: string;
  where: string;
  /** From a list or the template: the reference spelling. */
  reference: boolean;
  count: number;
}

type Field = 'ratee' | 'rater' | 'source';

/**
 * Problems for every code of `input` that looks like another but is not the same text as the
 * engine compares them (`trim`: CSV text is trimmed by the engine, workbook cells are not).
 */
export function lookalikeProblems(input: ScoreInput, lang: Lang = 'zh', trim = true): Problem[] {
  const t = engineT(lang);
  const groups: Record<Field, Map<string, Map<string, Occurrence>>> = {
    ratee: new Map(),
    rater: new Map(),
    source: new Map(),
  };
  const add = (field: Field, text: string | undefined, where: string, reference = false) => {
    if (typeof text !== 'string') return;
    if (trim) text = text.trim();
    if (text === '') return;
    const key = foldCode(text);
    if (key === '') return;
    const g = groups[field].get(key) ?? new Map<string, Occurrence>();
    groups[field].set(key, g);
    const o = g.get(text);
    if (o) {
      o.count++;
      o.reference ||= reference;
    } else g.set(text, { text, where, reference, count: 1 });
  };
  const listWhere = {
    ratee: lang === 'zh' ? '名单' : 'ratee list',
    rater: lang === 'zh' ? '评委名单' : 'rater list',
  };
  for (const s of input.template.sources) {
    add('source', s.id, lang === 'zh' ? '模板' : 'template', true);
    // A source may be typed by its name (领导) too: a look-alike of the name is one of the source.
    const name = s.name.trim();
    if (name !== '' && foldCode(name) !== foldCode(s.id))
      add('source', name, lang === 'zh' ? '模板' : 'template', true);
  }
  for (const r of input.ratees ?? []) add('ratee', r.id, listWhere.ratee, true);
  for (const r of input.raters ?? []) add('rater', r.id, listWhere.rater, true);
  for (const e of input.entries) {
    const at = (f: string) => (e.loc ? `${e.loc.sheet}!${e.loc.columns[f] ?? ''}${e.loc.row}` : '');
    add('source', e.source, at('source'));
    add('rater', e.rater, at('rater'));
    add('ratee', e.ratee, at('ratee'));
  }
  for (const a of input.adjustments ?? []) {
    const at = a.loc ? `${a.loc.sheet}!${a.loc.columns.ratee ?? ''}${a.loc.row}` : '';
    add('ratee', a.ratee, at);
  }
  const problems: Problem[] = [];
  for (const field of ['ratee', 'rater', 'source'] as Field[]) {
    for (const g of groups[field].values()) {
      if (g.size < 2) continue;
      const all = [...g.values()];
      // The reference spelling: the list's or the template's, else the most used one.
      const ref = all.find((o) => o.reference) ?? all.reduce((a, b) => (b.count > a.count ? b : a), all[0]);
      for (const o of all) {
        if (o === ref) continue;
        const field_ = t(`fields.${field}`);
        problems.push({
          code: 'lookalike-code',
          where: o.where || undefined,
          [field]: o.text,
          found: o.text,
          allowed: ref.text,
          message: t('problem.lookalike-code', {
            at: o.where ? t('where', { where: o.where }) : '',
            field: field_,
            found: o.text,
            foundCodes: codePoints(o.text),
            allowed: ref.text,
            allowedCodes: codePoints(ref.text),
            count: o.count,
          }),
        });
      }
    }
  }
  return problems;
}
