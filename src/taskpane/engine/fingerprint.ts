/**
 * A cheap fingerprint of what a computation read (template, entries, adjustments, lists): the
 * pane keeps the one its results came from and compares it with the workbook's now, so results
 * older than the entries are marked stale. Not a security digest (the sign-off has those):
 * 53-bit FNV-style hashing of the values in order, with row places left out (a row moved up
 * with the same content is the same content).
 */
import type { RawCell } from '../../core/types';
import type { FingerprintInput } from './protocol';

function cellText(v: RawCell): string {
  if (v === null || v === undefined) return '\u0000';
  if (typeof v === 'object') return `#${v.error}`;
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${v}`;
}

/** Two 32-bit FNV-1a lanes over the text pieces, as 16 hex digits. */
export function fingerprintOf(input: FingerprintInput): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
  };
  add(JSON.stringify(input.template));
  for (const e of input.entries) {
    add(e.source);
    add(e.rater);
    add(e.ratee);
    for (const id of Object.keys(e.cells).sort()) add(id + cellText(e.cells[id]));
    add('\u0001');
  }
  for (const x of input.adjustments ?? [])
    add([x.ratee, cellText(x.kind), cellText(x.points), x.reason ?? '', x.approvedBy ?? ''].join('\u0002'));
  for (const r of input.ratees ?? []) add(`r${r.id}\u0002${r.name ?? ''}\u0002${r.group ?? ''}`);
  for (const r of input.raters ?? []) add(`p${r.id}\u0002${r.source}\u0002${r.name ?? ''}`);
  // Tallies (计票): only when there are any, so the fingerprints of books without them stay as they were.
  for (const t of input.tallies ?? [])
    add(
      `t${t.source}\u0002${t.ratee}\u0002${t.indicator}\u0002` +
        Object.keys(t.counts)
          .sort()
          .map((l) => l + cellText(t.counts[l]))
          .join('\u0002'),
    );
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
