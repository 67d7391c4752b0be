/**
 * A reviewer's decision on a flagged rater, recorded in the entry sheet's 复核 column on each of
 * the rater's rows (and its reason in 复核说明): 保留 (keep), 不计入 (set aside), 已核实 (verified).
 * Only 不计入 changes results: the engine and the workbook formulas both leave such rows out of
 * every aggregate (docs/review.md). The mark is ordinary cell text, so it is visible, reversible
 * (clear the cell) and part of the signed content with the rest of the entry rows.
 */
import type { EntryRow, Lang, RawCell } from '../types';
import type { DecisionKind, RaterDecision } from './types';

export type { DecisionKind, RaterDecision } from './types';

/** The words a 复核 cell may hold, per decision; the first is what the tools write. */
export const DECISION_WORDS: Record<DecisionKind, { zh: string; en: string }> = {
  keep: { zh: '保留', en: 'keep' },
  setAside: { zh: '不计入', en: 'set aside' },
  verified: { zh: '已核实', en: 'verified' },
};

/** The header of the review column and of its reason column (matched by the workbook reader). */
export const REVIEW_HEADERS = {
  review: { zh: '复核', en: 'review', id: 'review' },
  note: { zh: '复核说明', en: 'review note', id: 'reviewNote' },
} as const;

/**
 * The decision a 复核 cell holds: any of DECISION_WORDS in either language, spaces trimmed as
 * Excel's TRIM does, letter case ignored (as Excel's `=` compares text); null for a blank cell,
 * any other text, a number or an error value. The workbook's status formula applies the same rule.
 */
export function parseDecision(cell: RawCell): DecisionKind | null {
  if (typeof cell !== 'string') return null;
  // As Excel's TRIM: spaces at the ends dropped, runs of spaces inside made one.
  const t = cell
    .replace(/^ +| +$/g, '')
    .replace(/ {2,}/g, ' ')
    .toLowerCase();
  if (t === '') return null;
  for (const kind of Object.keys(DECISION_WORDS) as DecisionKind[]) {
    const w = DECISION_WORDS[kind];
    if (t === w.zh || t === w.en) return kind;
  }
  return null;
}

/** Whether a 复核 cell sets its row aside (the rule the formulas' status code mirrors). */
export function isSetAside(cell: RawCell): boolean {
  return parseDecision(cell) === 'setAside';
}

const text = (c: RawCell) => (typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : '');

/**
 * Decisions per (source, rater) read off the entry rows: raters with at least one marked row.
 * `single` is the template's only source id, for rows whose source cell is blank.
 */
export function readDecisions(entries: EntryRow[], single: string | null = null): RaterDecision[] {
  const by = new Map<
    string,
    { source: string; rater: string; kinds: (DecisionKind | null)[]; reason?: string }
  >();
  for (const e of entries) {
    const source = text(e.source) || single || '';
    const rater = text(e.rater);
    if (rater === '') continue;
    const key = `${source}\u0000${rater}`;
    const g = by.get(key) ?? { source, rater, kinds: [] };
    g.kinds.push(parseDecision(e.review));
    const note = text(e.reviewNote);
    if (note && g.reason === undefined) g.reason = note;
    by.set(key, g);
  }
  const out: RaterDecision[] = [];
  for (const g of by.values()) {
    const marked = g.kinds.filter((k) => k !== null);
    if (marked.length === 0) continue;
    const same = marked.length === g.kinds.length && marked.every((k) => k === marked[0]);
    out.push({
      source: g.source,
      rater: g.rater,
      decision: same ? marked[0]! : 'mixed',
      marked: marked.length,
      rows: g.kinds.length,
      ...(g.reason !== undefined ? { reason: g.reason } : {}),
    });
  }
  return out;
}

/** The word for a decision in a language. */
export function decisionWord(kind: DecisionKind, lang: Lang): string {
  return DECISION_WORDS[kind][lang];
}
