/**
 * The signed content as rows: each template part, entry row, adjustment and result becomes
 * one canonical row with a stable identity (key) and a digest. The content digest is a
 * digest over the sorted (key, digest) pairs, so it changes exactly when some row's value
 * changes, a row is added or a row is removed — and never when rows are only re-sorted
 * or re-formatted.
 */
import type { RowLocation } from '../types';
import { canonicalCell, canonicalJson, canonicalText, type Canonicalizable } from './canonical';
import type { Digester } from './digest';
import { CANON_VERSION, SIGNOFF_SCHEMA, type RowDigest, type RowPlace, type SignoffContent } from './types';

/** One row of signed content before hashing. */
export interface CanonicalRow extends RowPlace {
  key: string;
  /** The canonical text that is hashed. */
  text: string;
}

/** Hands out keys `[...identity, n]` where n counts earlier rows with the same identity. */
function keyMaker(): (identity: Canonicalizable[]) => Canonicalizable[] {
  const seen = new Map<string, number>();
  return (identity) => {
    const id = canonicalJson(identity);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return [...identity, n];
  };
}

function placeOf(loc: RowLocation | undefined): Pick<RowPlace, 'sheet' | 'row'> {
  return loc ? { sheet: loc.sheet, row: loc.row } : {};
}

function row(place: RowPlace, key: Canonicalizable[], value: Canonicalizable): CanonicalRow {
  const keyText = canonicalJson(key);
  return { ...place, key: keyText, text: canonicalJson({ key, value }) };
}

type Json = { readonly [key: string]: Canonicalizable };
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Canonicalizable): Canonicalizable[] => (Array.isArray(v) ? [...v] : []);
const PARTS = ['indicators', 'sources', 'adjustments', 'tiers'];

/**
 * Canonical version 2: the whole stored template, every field (also fields this version does not
 * know), as one row for its top-level fields, one per indicator, source and tier, and one for
 * the adjustment settings — so a change is still named by its part.
 */
function wholeTemplateRows(content: SignoffContent): CanonicalRow[] {
  const raw = (content.storedTemplate ?? content.template) as Canonicalizable;
  const t: Json = isObj(raw) ? raw : { template: raw };
  const out: CanonicalRow[] = [];
  const meta = Object.fromEntries(Object.entries(t).filter(([k]) => !PARTS.includes(k)));
  out.push(row({ section: 'template', label: 'template' }, ['template', 'meta'], meta));
  const idOf = (x: Canonicalizable, i: number) =>
    isObj(x) && (typeof x.id === 'string' || typeof x.id === 'number')
      ? canonicalText(String(x.id))
      : `#${i}`;
  const parted = (part: 'indicator' | 'source', items: Canonicalizable[]) => {
    const key = keyMaker();
    items.forEach((x, i) => {
      const id = idOf(x, i);
      out.push(row({ section: 'template', label: `${part} ${id}` }, key(['template', part, id]), x));
    });
  };
  parted('indicator', list(t.indicators));
  parted('source', list(t.sources));
  out.push(
    row({ section: 'template', label: 'adjustments' }, ['template', 'adjustments'], t.adjustments ?? null),
  );
  list(t.tiers).forEach((tier, i) => {
    const name = isObj(tier) && typeof tier.name === 'string' ? ` ${tier.name}` : '';
    out.push(row({ section: 'template', label: `tier ${i + 1}${name}` }, ['template', 'tier', i], tier));
  });
  return out;
}

/**
 * Canonical version 1 (records signed before version 2): the template's parts that decide the
 * results; display colours and rater thresholds are left out.
 */
function templateRows(content: SignoffContent): CanonicalRow[] {
  const t = content.template;
  const out: CanonicalRow[] = [];
  const meta = {
    schema: t.schema,
    id: t.id,
    name: t.name,
    nameEn: t.nameEn,
    description: t.description,
    descriptionEn: t.descriptionEn,
    decimals: t.decimals,
  };
  out.push(row({ section: 'template', label: 'template' }, ['template', 'meta'], meta));
  for (const ind of t.indicators) {
    const value = {
      ...ind,
      levels: ind.levels?.map((l) => ({ label: l.label, points: l.points })),
    } as unknown as Canonicalizable;
    out.push(
      row({ section: 'template', label: `indicator ${ind.id}` }, ['template', 'indicator', ind.id], value),
    );
  }
  for (const src of t.sources) {
    out.push(
      row({ section: 'template', label: `source ${src.id}` }, ['template', 'source', src.id], {
        ...src,
        indicators: [...src.indicators],
      }),
    );
  }
  out.push(
    row({ section: 'template', label: 'adjustments' }, ['template', 'adjustments'], {
      bonusCap: t.adjustments.bonusCap,
      deductionCap: t.adjustments.deductionCap,
    }),
  );
  t.tiers.forEach((tier, i) => {
    // Share rules decide tiers too; a tier without them signs as before.
    const value = {
      name: tier.name,
      nameEn: tier.nameEn,
      min: tier.min,
      maxShare: tier.maxShare,
      ...(tier.requires && tier.requires.length > 0
        ? { requires: tier.requires.map((q) => ({ ...q, levels: [...q.levels] })) }
        : {}),
    };
    out.push(
      row({ section: 'template', label: `tier ${i + 1} ${tier.name}` }, ['template', 'tier', i], value),
    );
  });
  return out;
}

/**
 * Every row of the signed content in canonical form (template parts first, then sheets in
 * order), in the given canonical version (types.ts, CANON_VERSION).
 */
export function canonicalRows(content: SignoffContent, canon: number = CANON_VERSION): CanonicalRow[] {
  const out = canon >= 2 ? wholeTemplateRows(content) : templateRows(content);
  const entryKey = keyMaker();
  for (const e of content.entries) {
    const ids = {
      source: canonicalText(e.source),
      rater: canonicalText(e.rater),
      ratee: canonicalText(e.ratee),
    };
    const cells: Record<string, Canonicalizable> = {};
    for (const [id, v] of Object.entries(e.cells)) {
      const c = canonicalCell(v);
      if (c !== null) cells[canonicalText(id)] = c;
    }
    const key = entryKey(['entry', ids.source, ids.rater, ids.ratee]);
    // A reviewer's decision (复核) and its reason are signed with the row; absent when blank, so
    // a book without decisions keeps the digests it had (docs/review.md).
    const review = canonicalCell(e.review);
    const reviewNote = canonicalCell(e.reviewNote);
    const value = {
      ...ids,
      cells,
      ...(review !== null ? { review } : {}),
      ...(reviewNote !== null ? { reviewNote } : {}),
    };
    out.push(row({ section: 'entry', ...placeOf(e.loc), ...ids }, key, value));
  }
  // Ballot tallies (计票): entry rows keyed by source, ratee and indicator, each count by its level.
  for (const x of content.tallies ?? []) {
    const ids = {
      source: canonicalText(x.source),
      ratee: canonicalText(x.ratee),
      indicator: canonicalText(x.indicator),
    };
    const counts: Record<string, Canonicalizable> = {};
    for (const [label, v] of Object.entries(x.counts)) {
      const c = canonicalCell(v);
      if (c !== null) counts[canonicalText(label)] = c;
    }
    const key = entryKey(['tally', ids.source, ids.ratee, ids.indicator]);
    out.push(
      row({ section: 'entry', ...placeOf(x.loc), source: ids.source, ratee: ids.ratee }, key, {
        ...ids,
        counts,
      }),
    );
  }
  const adjKey = keyMaker();
  for (const a of content.adjustments) {
    const ratee = canonicalText(a.ratee);
    const value = {
      ratee,
      kind: canonicalCell(a.kind),
      points: canonicalCell(a.points),
      reason: canonicalCell(a.reason),
      approvedBy: canonicalCell(a.approvedBy),
    };
    out.push(row({ section: 'adjustment', ...placeOf(a.loc), ratee }, adjKey(['adjustment', ratee]), value));
  }
  const resKey = keyMaker();
  const names = new Map((content.ratees ?? []).map((x) => [canonicalText(x.id), x.name]));
  for (const r of content.results) {
    const ratee = canonicalText(r.ratee);
    const name = names.get(ratee);
    const value = {
      ratee,
      name: name === undefined ? undefined : canonicalCell(name),
      final: canonicalCell(r.final),
      rank: canonicalCell(r.rank),
      tier: canonicalCell(r.tier),
    };
    out.push(row({ section: 'result', ...placeOf(r.loc), ratee }, resKey(['result', ratee]), value));
  }
  return out;
}

/** Hashes every canonical row. */
export async function digestRows(rows: CanonicalRow[], digester: Digester): Promise<RowDigest[]> {
  const digests = await Promise.all(rows.map((r) => digester.sha256Hex(r.text)));
  return rows.map(({ text: _text, ...place }, i) => ({ ...place, digest: digests[i] }));
}

/** The per-row digests of a content, in the given canonical version. */
export function rowDigestsOf(
  content: SignoffContent,
  digester: Digester,
  canon: number = CANON_VERSION,
): Promise<RowDigest[]> {
  return digestRows(canonicalRows(content, canon), digester);
}

/** The digest over a set of row digests: independent of row order and of where the rows are. */
export function contentDigestOf(rows: readonly RowDigest[], digester: Digester): Promise<string> {
  const pairs = rows.map((r) => [r.key, r.digest] as [string, string]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return digester.sha256Hex(canonicalJson({ schema: SIGNOFF_SCHEMA, rows: pairs }));
}
