/**
 * How sign-off records are laid out in a workbook, as plain 2-D values so that both the xlsx
 * writer (exceljs) and the Office.js adapter write and read them the same way.
 *
 * - The visible sign-off sheet (签核) holds what people read: level, reviewer, role, time,
 *   comment, short digest, status and the withdrawal (who, when, why). One row per record,
 *   in signing order, below a header row.
 * - The very hidden sheet `DP_Digests` holds what machines check: the full digests of each
 *   record (same order) and the per-row digests, one row per content row and one digest
 *   column per record.
 * A record is put back together from both, so editing either one is detected by verifyChain.
 */
import type { Lang } from '../types';
import { shortDigest } from './digest';
import { SIGNOFF_SCHEMA, type RowDigest, type RowSection, type SignoffRecord } from './types';

/** The very hidden sheet with the full digests. */
export const DIGESTS_SHEET = 'DP_Digests';

/** A cell value as both hosts give it back (formulas are never used here). */
export type SheetValue = string | number | boolean | null;

/** Column headers of the sign-off table, left to right. */
export const SIGNOFF_HEADERS: Record<Lang, string[]> = {
  zh: [
    '级别',
    '审核人',
    '职务',
    '签核时间',
    '意见',
    '校验码',
    '状态',
    '撤回人',
    '撤回时间',
    '撤回原因',
    '放行理由',
    '放行时的问题',
  ],
  en: [
    'Level',
    'Reviewer',
    'Role',
    'Signed at',
    'Comment',
    'Digest',
    'Status',
    'Withdrawn by',
    'Withdrawn at',
    'Reason',
    'Override reason',
    'Open at signing',
  ],
};

/** Suggested column widths (characters) for the sign-off table. */
export const SIGNOFF_WIDTHS = [6, 12, 12, 26, 30, 11, 8, 12, 26, 30, 30, 30];

const STATUS: Record<Lang, { signed: string; withdrawn: string }> = {
  zh: { signed: '已签核', withdrawn: '已撤回' },
  en: { signed: 'signed', withdrawn: 'withdrawn' },
};

/** The sign-off table below its header: one row per record, in signing order. */
export function signoffTableRows(records: readonly SignoffRecord[], lang: Lang): SheetValue[][] {
  return records.map((r) => [
    r.level,
    r.reviewer,
    r.role,
    r.time,
    r.comment,
    shortDigest(r.digest),
    r.withdrawn ? STATUS[lang].withdrawn : STATUS[lang].signed,
    r.withdrawn?.by ?? '',
    r.withdrawn?.time ?? '',
    r.withdrawn?.reason ?? '',
    r.override ?? '',
    r.overridden ?? '',
  ]);
}

const RECORD_HEADER = ['record', 'digest', 'contentDigest', 'previousDigest', 'withdrawalDigest', 'canon'];
const ROW_HEADER = ['key', 'section', 'sheet', 'row', 'source', 'rater', 'ratee', 'label'];

/** The whole DP_Digests sheet from A1: schema line, record digests, then the row digests. */
export function digestsSheetRows(records: readonly SignoffRecord[]): SheetValue[][] {
  const out: SheetValue[][] = [
    [SIGNOFF_SCHEMA, 'Duanping sign-off digests. Do not edit: `duanping verify` checks them.'],
  ];
  out.push(RECORD_HEADER);
  records.forEach((r, i) =>
    out.push([i + 1, r.digest, r.contentDigest, r.previousDigest, r.withdrawn?.digest ?? '', r.canon ?? '']),
  );
  out.push([]);
  out.push([...ROW_HEADER, ...records.map((_, i) => `record ${i + 1}`)]);
  // One row per key, in the order keys first appear; the place is taken from the latest record.
  const byKey = new Map<string, { place: RowDigest; digests: string[] }>();
  records.forEach((r, i) => {
    for (const d of r.rowDigests) {
      let entry = byKey.get(d.key);
      if (!entry) byKey.set(d.key, (entry = { place: d, digests: records.map(() => '') }));
      entry.place = d;
      entry.digests[i] = d.digest;
    }
  });
  for (const { place: p, digests } of byKey.values()) {
    out.push([
      p.key,
      p.section,
      p.sheet ?? '',
      p.row ?? '',
      p.source ?? '',
      p.rater ?? '',
      p.ratee ?? '',
      p.label ?? '',
      ...digests,
    ]);
  }
  return out;
}

export type ParsedSignoffs = { ok: true; records: SignoffRecord[] } | { ok: false; message: string };

const text = (v: SheetValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const opt = (v: SheetValue | undefined): string | undefined => text(v) || undefined;
const SECTIONS: RowSection[] = ['template', 'entry', 'adjustment', 'result'];

/**
 * Puts the records back together from the sign-off table rows (below the header; blank rows
 * are skipped) and the DP_Digests sheet values (from A1). A mismatch between the two — a row
 * removed from one of them — is reported in one sentence naming both sheets.
 */
export function parseSignoffs(
  tableRows: readonly SheetValue[][],
  digestRows: readonly SheetValue[][],
): ParsedSignoffs {
  const visible = tableRows.filter((r) => r.some((c) => text(c) !== ''));
  if (visible.length === 0 && digestRows.length === 0) return { ok: true, records: [] };
  if (text(digestRows[0]?.[0]) !== SIGNOFF_SCHEMA)
    return {
      ok: false,
      message: `${DIGESTS_SHEET}!A1 must read "${SIGNOFF_SCHEMA}" (found "${text(digestRows[0]?.[0])}")`,
    };
  const keyHeader = digestRows.findIndex((r) => text(r[0]) === 'key');
  if (keyHeader < 0)
    return { ok: false, message: `${DIGESTS_SHEET}: the row-digest header (key, section, …) is missing` };
  const recordRows = digestRows.slice(2, keyHeader).filter((r) => text(r[0]) !== '');
  if (recordRows.length !== visible.length)
    return {
      ok: false,
      message: `the sign-off sheet lists ${visible.length} sign-off(s) but ${DIGESTS_SHEET} holds ${recordRows.length}: a sign-off row was removed or added by hand`,
    };
  const rowDigests: RowDigest[][] = visible.map(() => []);
  for (const r of digestRows.slice(keyHeader + 1)) {
    const key = text(r[0]);
    if (key === '') continue;
    const section = text(r[1]) as RowSection;
    if (!SECTIONS.includes(section))
      return { ok: false, message: `${DIGESTS_SHEET}: unknown section "${section}" for key ${key}` };
    const rowNumber = Number(text(r[3]));
    const place = {
      key,
      section,
      sheet: opt(r[2]),
      row: text(r[3]) !== '' && Number.isInteger(rowNumber) ? rowNumber : undefined,
      source: opt(r[4]),
      rater: opt(r[5]),
      ratee: opt(r[6]),
      label: opt(r[7]),
    };
    visible.forEach((_, i) => {
      const digest = text(r[ROW_HEADER.length + i]);
      if (digest !== '') rowDigests[i].push(stripUndefined({ ...place, digest }));
    });
  }
  const records = visible.map((row, i): SignoffRecord => {
    const d = recordRows[i];
    const levelNumber = Number(text(row[0]));
    const record: SignoffRecord = {
      // A level that is not a whole number cannot match the record digest: verifyChain says record-altered.
      level: Number.isInteger(levelNumber) ? levelNumber : 0,
      reviewer: text(row[1]),
      role: text(row[2]),
      time: text(row[3]),
      comment: text(row[4]),
      contentDigest: text(d[2]),
      previousDigest: text(d[3]),
      digest: text(d[1]),
      rowDigests: rowDigests[i],
    };
    // The canonical version signed (absent in records written before version 2: version 1).
    const canon = Number(text(d[5]));
    if (text(d[5]) !== '') record.canon = Number.isInteger(canon) ? canon : 0;
    if (text(row[10]) !== '' || text(row[11]) !== '') {
      record.override = text(row[10]);
      record.overridden = text(row[11]);
    }
    const by = text(row[7]);
    if (by !== '' || text(d[4]) !== '')
      record.withdrawn = { by, time: text(row[8]), reason: text(row[9]), digest: text(d[4]) };
    return record;
  });
  return { ok: true, records };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
