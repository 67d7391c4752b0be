/**
 * copied (雷同评分表): two raters' sheets identical or nearly so. Share of identical cells among the
 * cells both scored (indicator points; totals when the source has no indicators). Sheets linked by
 * such pairs form a group; each member gets one flag naming its closest partner and the group.
 * Sheets that are mostly one value are not compared (they match without copying).
 */
import { median } from '../../stats/median';
import { fig, type FlagDraft, type SourceContext } from '../context';

/** Number of cells that are not missing (NaN). */
export function filled(a: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) if (!Number.isNaN(a[k])) n++;
  return n;
}

/** Identical share of two raters' cells, or null when fewer than `minCells` are in common or the
 *  share certainly stays below `minShare` (the comparison stops early then). */
export function identicalShare(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  minCells: number,
  minShare: number,
  countA = filled(a),
  countB = filled(b),
): { share: number; common: number } | null {
  const budget = (1 - minShare) * Math.min(countA, countB);
  let common = 0;
  let differ = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    common++;
    if (x !== y && ++differ > budget) return null;
  }
  if (common < minCells) return null;
  return { share: (common - differ) / common, common };
}

/** The code of a missing cell in `sheetCodes`. */
const MISSING = 255;

/** High bit of each byte of `v` set where that byte is not zero. */
function nonZeroBytes(v: number): number {
  return (((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) & 0x80808080;
}

/** The sum of the four bytes of `v`. */
function laneSum(v: number): number {
  return (v & 0xff) + ((v >>> 8) & 0xff) + ((v >>> 16) & 0xff) + (v >>> 24);
}

/** A sheet as one-byte codes, four to a 32-bit word, and which of them are filled. */
export interface CodedSheet {
  words: Uint32Array;
  /** Per word: the high bit of each byte set where that cell is filled. */
  filled: Uint32Array;
  /** Filled cells (filled() of the sheet). */
  count: number;
  /** Occurrences of the sheet's most common value (modeShare × count). */
  modeCount: number;
}

/** Slots of the value → code table: a power of two, at least four times the 255 codes. */
const SLOTS = 1024;
const slotKeys = new Float64Array(SLOTS);
const slotCodes = new Int16Array(SLOTS);
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

/**
 * The sheets with each value replaced by a one-byte code (the same value, the same code; a
 * missing cell MISSING), or null when they hold more than 255 distinct values. Sheets hold
 * points on a step, so this is the usual case; every pair of sheets is compared, four cells
 * at a time. Values are told apart as a Map keys them (SameValueZero: 0 and −0 are one value),
 * through an open-addressing table on the value's bits.
 */
export function sheetCodes(sheets: ArrayLike<number>[]): CodedSheet[] | null {
  slotCodes.fill(-1);
  let codes = 0;
  const out: CodedSheet[] = [];
  const perCode = new Uint32Array(MISSING);
  for (const sheet of sheets) {
    // Whole words; the padding is "missing", like a cell nobody scored.
    const c = new Uint8Array(Math.ceil(sheet.length / 4) * 4).fill(MISSING);
    perCode.fill(0);
    let count = 0;
    let modeCount = 0;
    for (let k = 0; k < sheet.length; k++) {
      const x = sheet[k] + 0; // −0 + 0 is +0
      if (Number.isNaN(x)) continue;
      bits[0] = x;
      let slot = Math.imul(halves[0] ^ halves[1], 0x9e3779b1) >>> 22;
      let v = slotCodes[slot];
      while (v >= 0 && slotKeys[slot] !== x) v = slotCodes[(slot = (slot + 1) & (SLOTS - 1))];
      if (v < 0) {
        if (codes === MISSING) return null;
        slotKeys[slot] = x;
        slotCodes[slot] = v = codes++;
      }
      c[k] = v;
      count++;
      const n = ++perCode[v];
      if (n > modeCount) modeCount = n;
    }
    const words = new Uint32Array(c.buffer);
    const filled = new Uint32Array(words.length);
    for (let k = 0; k < words.length; k++) filled[k] = nonZeroBytes(~words[k]);
    out.push({ words, filled, count, modeCount });
  }
  return out;
}

/** identicalShare on two sheets of sheetCodes (the same result). */
export function identicalShareCoded(
  a: CodedSheet,
  b: CodedSheet,
  minCells: number,
  minShare: number,
  countA: number,
  countB: number,
): { share: number; common: number } | null {
  const budget = (1 - minShare) * Math.min(countA, countB);
  let common = 0;
  let differ = 0;
  const x = a.words;
  const y = b.words;
  const fa = a.filled;
  const fb = b.filled;
  // Per byte lane, ones are added up for up to 127 words (a lane then holds at most 127, the
  // word stays a positive 32-bit integer) before the four lanes are summed.
  for (let start = 0; start < x.length; start += 127) {
    const end = Math.min(x.length, start + 127);
    let both4 = 0;
    let differ4 = 0;
    for (let k = start; k < end; k++) {
      const both = fa[k] & fb[k];
      const d = x[k] ^ y[k];
      both4 = (both4 + (both >>> 7)) | 0;
      differ4 = (differ4 + (((((d & 0x7f7f7f7f) + 0x7f7f7f7f) | d) & both) >>> 7)) | 0;
    }
    common += laneSum(both4);
    differ += laneSum(differ4);
  }
  // The cell-by-cell comparison stops once the differences pass the budget: the same null.
  if (differ > budget || common < minCells) return null;
  return { share: (common - differ) / common, common };
}

/** Share of a sheet's filled cells taken by its most common value. */
export function modeShare(a: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  let n = 0;
  let best = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    if (Number.isNaN(x)) continue;
    n++;
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > best) best = c;
  }
  return n ? best / n : 0;
}

export function detectCopied(ctx: SourceContext): FlagDraft[] {
  const s = ctx.settings;
  const { m } = ctx;
  const nJ = m.ratees.length;
  const width = m.nI > 0 ? nJ * m.nI : nJ;
  const sheet = (r: number): Float64Array =>
    m.nI > 0
      ? m.cells.subarray(r * width, (r + 1) * width)
      : Float64Array.from(m.totals[r], (v) => (v === null ? Number.NaN : v));
  const sheets = m.raters.map((_, r) => sheet(r));
  const coded = sheetCodes(sheets);
  const counts = coded ? coded.map((c) => c.count) : sheets.map(filled);
  // A sheet that is mostly one value (all 好, all 9) matches any other such sheet without copying.
  const uniform = coded
    ? coded.map((c) => (c.count ? c.modeCount / c.count : 0) >= s.copiedUniformShare)
    : sheets.map((x) => modeShare(x) >= s.copiedUniformShare);
  // Every pair's share, so that each sheet's typical share with the others is known: coarse
  // scales (ballots, 5-point items) make honest sheets agree often, and a copy must stand out.
  const nR = sheets.length;
  const shares: (number | null)[][] = sheets.map(() => new Array(nR).fill(null));
  const commons: number[][] = sheets.map(() => new Array(nR).fill(0));
  for (let a = 0; a < nR; a++)
    for (let b = a + 1; b < nR; b++) {
      const hit = coded
        ? identicalShareCoded(coded[a], coded[b], s.copiedMinCells, 0, counts[a], counts[b])
        : identicalShare(sheets[a], sheets[b], s.copiedMinCells, 0, counts[a], counts[b]);
      if (!hit) continue;
      shares[a][b] = shares[b][a] = hit.share;
      commons[a][b] = commons[b][a] = hit.common;
    }
  const typical = shares.map((row) => median(row.filter((v): v is number => v !== null)) ?? 0);
  const pairs: { a: number; b: number; share: number; common: number }[] = [];
  for (let a = 0; a < nR; a++)
    for (let b = a + 1; b < nR; b++) {
      const share = shares[a][b];
      if (share === null || uniform[a] || uniform[b] || share < s.copiedShare) continue;
      if (share - Math.max(typical[a], typical[b]) < s.copiedMinGap) continue;
      pairs.push({ a, b, share, common: commons[a][b] });
    }
  // One flag per rater: sheets linked by near-identical pairs form a group, reported once per member.
  const parent = m.raters.map((_, r) => r);
  const find = (r: number): number => (parent[r] === r ? r : (parent[r] = find(parent[r])));
  for (const p of pairs) parent[find(p.a)] = find(p.b);
  const best = new Map<number, { other: number; share: number; common: number }>();
  for (const p of pairs)
    for (const [self, other] of [
      [p.a, p.b],
      [p.b, p.a],
    ]) {
      const cur = best.get(self);
      if (!cur || p.share > cur.share) best.set(self, { other, share: p.share, common: p.common });
    }
  const out: FlagDraft[] = [];
  for (const [self, hit] of [...best.entries()].sort((x, y) => x[0] - y[0])) {
    const root = find(self);
    const members = m.raters.filter((_, r) => find(r) === root);
    out.push({
      rater: self,
      code: 'copied',
      level: hit.share >= s.copiedAlertShare ? 'alert' : 'warn',
      ratee: null,
      evidence: {
        other: m.raters[hit.other],
        group: members.join(', '),
        identicalShare: fig(hit.share),
        commonCells: hit.common,
      },
    });
  }
  return out;
}
