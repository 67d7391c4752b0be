/**
 * The sign-off chain: signing, withdrawing and verifying (spec: ../shared/spec/signoff.md).
 *
 * Each record's digest covers its own fields, the content digest and the digest of the
 * active record one level below. A withdrawal is added to a record (who, when, why, with a
 * digest of its own); it never erases the record. Only the top active level can be
 * withdrawn, so the levels below stay valid and the next sign-off takes the freed level.
 */
import { canonicalJson, canonicalText } from './canonical';
import type { Digester } from './digest';
import { contentDigestOf, rowDigestsOf } from './rows';
import { isIsoWithOffset } from './time';
import {
  CANON_VERSION,
  SIGNOFF_SCHEMA,
  type BreakReason,
  type ChangedRow,
  type LevelStatus,
  type RowDigest,
  type RowSection,
  type SignInput,
  type SignoffContent,
  type SignoffRecord,
  type Verification,
  type WithdrawInput,
  type Withdrawal,
} from './types';

/** The digest of a record's own fields (everything but rowDigests and withdrawn). */
export function recordDigest(r: Omit<SignoffRecord, 'digest' | 'rowDigests' | 'withdrawn'>, d: Digester) {
  return d.sha256Hex(
    canonicalJson({
      schema: SIGNOFF_SCHEMA,
      level: r.level,
      reviewer: r.reviewer,
      role: r.role,
      time: r.time,
      comment: r.comment,
      contentDigest: r.contentDigest,
      previousDigest: r.previousDigest,
      // Only present on an overridden sign-off, so the digests of earlier records stay as they were.
      override: r.override || undefined,
      overridden: r.overridden || undefined,
      // Only present from canonical version 2 on, for the same reason.
      canon: r.canon !== undefined && r.canon > 1 ? r.canon : undefined,
    }),
  );
}

function withdrawalDigest(recordDigestHex: string, w: Omit<Withdrawal, 'digest'>, d: Digester) {
  return d.sha256Hex(
    canonicalJson({
      schema: SIGNOFF_SCHEMA,
      withdraws: recordDigestHex,
      by: w.by,
      time: w.time,
      reason: w.reason,
    }),
  );
}

/** The records that are not withdrawn, in signing order. */
export function activeRecords(records: readonly SignoffRecord[]): SignoffRecord[] {
  return records.filter((r) => !r.withdrawn);
}

/** The latest active sign-off, or undefined before the first one. */
export function latestRecord(records: readonly SignoffRecord[]): SignoffRecord | undefined {
  const active = activeRecords(records);
  return active[active.length - 1];
}

export type SignResult =
  | { ok: true; record: SignoffRecord; records: SignoffRecord[] }
  | { ok: false; message: string; verification?: Verification };

/**
 * Signs the content at the next level. Refuses (with a message naming the field or the
 * broken level) when the reviewer is empty, the time is not ISO 8601 with offset, or the
 * existing chain no longer verifies — a reviewer must not sign on top of a broken level.
 */
export async function buildSignoffRecord(
  content: SignoffContent,
  records: readonly SignoffRecord[],
  input: SignInput,
  digester: Digester,
): Promise<SignResult> {
  const reviewer = canonicalText(input.reviewer ?? '');
  if (reviewer === '') return { ok: false, message: 'reviewer: a name is required' };
  if (!isIsoWithOffset(input.time))
    return {
      ok: false,
      message: `time: expected ISO 8601 with offset such as 2025-01-20T15:04:05+08:00 (found "${input.time}")`,
    };
  const current = currentDigests(content, digester);
  const { rows: rowDigests, digest: contentDigest } = await current(CANON_VERSION);
  const verification = await verifyAgainst(current, records, digester);
  if (!verification.ok) {
    return {
      ok: false,
      message: `level ${verification.brokenLevel} no longer verifies (${verification.reason}); withdraw it or restore the content before signing`,
      verification,
    };
  }
  const below = latestRecord(records);
  const fields = {
    level: activeRecords(records).length + 1,
    reviewer,
    role: canonicalText(input.role ?? ''),
    time: input.time,
    comment: canonicalText(input.comment ?? ''),
    contentDigest,
    previousDigest: below?.digest ?? '',
    canon: CANON_VERSION,
    ...(input.override
      ? { override: canonicalText(input.override.reason), overridden: canonicalText(input.override.issues) }
      : {}),
  };
  const record: SignoffRecord = { ...fields, digest: await recordDigest(fields, digester), rowDigests };
  return { ok: true, record, records: [...records, record] };
}

export type WithdrawResult = { ok: true; records: SignoffRecord[] } | { ok: false; message: string };

/**
 * Withdraws the active sign-off at `level`, which must be the top active level. Returns the
 * records with the withdrawal added; the withdrawn record itself stays.
 */
export async function withdrawSignoff(
  records: readonly SignoffRecord[],
  level: number,
  input: WithdrawInput,
  digester: Digester,
): Promise<WithdrawResult> {
  const active = activeRecords(records);
  const target = active.find((r) => r.level === level);
  if (!target) {
    const levels = active.map((r) => r.level).join(', ') || 'none';
    return { ok: false, message: `level ${level} is not an active sign-off (active levels: ${levels})` };
  }
  const top = active[active.length - 1];
  if (target !== top)
    return {
      ok: false,
      message: `level ${level} has level ${top.level} signed on top of it; withdraw level ${top.level} first`,
    };
  const by = canonicalText(input.by ?? '');
  const reason = canonicalText(input.reason ?? '');
  if (by === '') return { ok: false, message: 'by: the name of the person withdrawing is required' };
  if (reason === '') return { ok: false, message: 'reason: a reason for the withdrawal is required' };
  if (!isIsoWithOffset(input.time))
    return {
      ok: false,
      message: `time: expected ISO 8601 with offset such as 2025-01-20T15:04:05+08:00 (found "${input.time}")`,
    };
  const w = { by, time: input.time, reason };
  const withdrawn: Withdrawal = { ...w, digest: await withdrawalDigest(target.digest, w, digester) };
  return { ok: true, records: records.map((r) => (r === target ? { ...r, withdrawn } : r)) };
}

const SECTION_ORDER: Record<RowSection, number> = { template: 0, entry: 1, adjustment: 2, result: 3 };

/** The rows whose digest differs between what was signed and what is there now. */
export function diffRows(signed: readonly RowDigest[], current: readonly RowDigest[]): ChangedRow[] {
  const strip = ({ key: _k, digest: _d, ...place }: RowDigest) => place;
  const now = new Map(current.map((r) => [r.key, r]));
  const then = new Map(signed.map((r) => [r.key, r]));
  const out: ChangedRow[] = [];
  for (const s of signed) {
    const c = now.get(s.key);
    if (!c) out.push({ ...strip(s), change: 'removed' });
    else if (c.digest !== s.digest) out.push({ ...strip(c), change: 'changed' });
  }
  for (const c of current) if (!then.has(c.key)) out.push({ ...strip(c), change: 'added' });
  return out.sort(
    (a, b) =>
      SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0),
  );
}

/**
 * Recomputes the digests and checks every record in signing order: the record's own digest,
 * its link to the level below, its stored row digests, and the content. Returns all valid,
 * or the first broken level with the reason and (for a content change) the changed rows.
 */
export async function verifyChain(
  content: SignoffContent,
  records: readonly SignoffRecord[],
  digester: Digester,
): Promise<Verification> {
  return verifyAgainst(currentDigests(content, digester), records, digester);
}

type Current = (canon: number) => Promise<{ rows: RowDigest[]; digest: string }>;

/** The content's row digests and content digest per canonical version, each computed once. */
function currentDigests(content: SignoffContent, digester: Digester): Current {
  const done = new Map<number, Promise<{ rows: RowDigest[]; digest: string }>>();
  return (canon) => {
    let p = done.get(canon);
    if (!p) {
      p = rowDigestsOf(content, digester, canon).then(async (rows) => ({
        rows,
        digest: await contentDigestOf(rows, digester),
      }));
      done.set(canon, p);
    }
    return p;
  };
}

/** verifyChain on the content's digests (each record checked in the canonical version it was signed with). */
async function verifyAgainst(
  current: Current,
  records: readonly SignoffRecord[],
  digester: Digester,
): Promise<Verification> {
  const levels: LevelStatus[] = [];
  let first: { level: number; reason: BreakReason; changedRows: ChangedRow[] } | undefined;
  let below: SignoffRecord | undefined;
  let activeCount = 0;

  for (const r of records) {
    const base = { level: r.level, reviewer: r.reviewer, role: r.role, time: r.time, digest: r.digest };
    let reason: BreakReason | undefined;
    let changedRows: ChangedRow[] = [];
    if ((await recordDigest(r, digester)) !== r.digest) reason = 'record-altered';
    else if (r.withdrawn) {
      const { digest, ...w } = r.withdrawn;
      if ((await withdrawalDigest(r.digest, w, digester)) !== digest) reason = 'withdrawal-altered';
    } else if (r.level !== activeCount + 1 || r.previousDigest !== (below?.digest ?? ''))
      reason = 'chain-broken';
    else if ((await contentDigestOf(r.rowDigests, digester)) !== r.contentDigest)
      reason = 'row-digests-altered';
    else {
      const now = await current(r.canon ?? 1);
      if (r.contentDigest !== now.digest) {
        reason = 'content-changed';
        changedRows = diffRows(r.rowDigests, now.rows);
      }
    }
    if (!r.withdrawn) {
      activeCount++;
      below = r;
    }
    if (reason) {
      levels.push({ ...base, state: 'broken', reason });
      first ??= { level: r.level, reason, changedRows };
    } else if (r.withdrawn) levels.push({ ...base, state: 'withdrawn', withdrawn: r.withdrawn });
    else levels.push({ ...base, state: 'valid' });
  }
  if (!first) return { ok: true, signed: activeCount > 0, levels };
  return {
    ok: false,
    signed: true,
    levels,
    brokenLevel: first.level,
    reason: first.reason,
    changedRows: first.changedRows,
  };
}
