/**
 * Sign-off shapes (spec: ../shared/spec/signoff.md).
 *
 * A sign-off record covers a digest of the signed content (template, entry rows,
 * adjustments, results) and the digest of the previous active sign-off, so each level
 * covers the ones below it. Per-row digests let a later check name the rows that changed.
 */
import type { AdjustmentRow, EntryRow, RawCell, RowLocation, TallyRow } from '../types';
import type { Template } from '../template';

export const SIGNOFF_SCHEMA = 'duanping.signoff/1';

/**
 * Versions of the canonical content (docs/signoff.md, "What a digest covers"):
 * 1: the template's parts known when it was written (a fixed list of fields);
 * 2: the whole stored template, every field, also fields added later or unknown to this version.
 * A record carries the version it was signed with (absent: 1) and is verified with it, so
 * records signed before version 2 still verify; new sign-offs use CANON_VERSION.
 */
export const CANON_VERSION = 2;

/** One row of the summary as it stands in the workbook (values, not formulas). */
export interface ResultRow {
  ratee: string;
  final: RawCell;
  rank: RawCell;
  tier: RawCell;
  loc?: RowLocation;
}

/** Everything a sign-off covers, read from a workbook (or built from files). */
export interface SignoffContent {
  template: Template;
  entries: EntryRow[];
  adjustments: AdjustmentRow[];
  results: ResultRow[];
  /**
   * The ratee list (名单): each result row is signed with the ratee's name, so that swapping two
   * names (which moves a result to the wrong unit on the print sheet) breaks the digest
   * (signoff.md, Additions). A ratee without a name signs as before.
   */
  ratees?: readonly { id: string; name?: string }[];
  /** Ballot tallies typed on the 计票 sheet: signed as entry rows (absent: the digests are as before). */
  tallies?: TallyRow[];
  /**
   * The template as stored in the workbook (DP_Template), every field kept, also fields this
   * version does not know: canonical version 2 signs this whole object. Absent: `template`.
   */
  storedTemplate?: unknown;
}

export type RowSection = 'template' | 'entry' | 'adjustment' | 'result';

/** Where a signed row is and whose it is, for naming it in a report. */
export interface RowPlace {
  section: RowSection;
  /** Sheet name and 1-based row, when the row lives in a sheet. */
  sheet?: string;
  row?: number;
  source?: string;
  rater?: string;
  ratee?: string;
  /** For template parts: `indicator A3`, `source leader`, `tier 1`, `adjustments`, `template`. */
  label?: string;
}

/** The digest of one signed row, with the identity used to match it later. */
export interface RowDigest extends RowPlace {
  /** Identity of the row within its section (canonical JSON array), stable under sorting. */
  key: string;
  /** SHA-256 (hex) of the row's canonical text. */
  digest: string;
}

export interface Withdrawal {
  by: string;
  /** ISO 8601 with offset. */
  time: string;
  reason: string;
  /** SHA-256 over the withdrawn record's digest and the three fields above. */
  digest: string;
}

export interface SignoffRecord {
  /** 1, 2, … among the sign-offs that are not withdrawn. */
  level: number;
  reviewer: string;
  role: string;
  /** ISO 8601 with offset, e.g. `2025-01-20T15:04:05+08:00`. */
  time: string;
  comment: string;
  /** SHA-256 over the row digests of the signed content. */
  contentDigest: string;
  /** The canonical-content version signed (CANON_VERSION when signed now); absent: 1. */
  canon?: number;
  /** The digest of the active sign-off one level below; '' for level 1. */
  previousDigest: string;
  /**
   * Signed although the gate found open problems (./gate.ts): the reviewer's reason, and what was
   * open at the time. Both are covered by `digest`; absent on an ordinary sign-off.
   */
  override?: string;
  overridden?: string;
  /** SHA-256 over all fields above: the record's own digest, shown short (8 hex digits). */
  digest: string;
  rowDigests: RowDigest[];
  withdrawn?: Withdrawal;
}

export type RowChange = 'changed' | 'added' | 'removed';

export interface ChangedRow extends RowPlace {
  change: RowChange;
}

/** Why a level does not verify. */
export type BreakReason =
  /** The content differs from what was signed (changedRows names the rows). */
  | 'content-changed'
  /** The record's own fields were edited after signing. */
  | 'record-altered'
  /** The record does not point at the sign-off below it (a level removed or replaced). */
  | 'chain-broken'
  /** The stored row digests no longer add up to the signed content digest. */
  | 'row-digests-altered'
  /** A withdrawal record was edited after the fact. */
  | 'withdrawal-altered';

/** What every level status repeats from its record. */
export interface LevelInfo {
  level: number;
  reviewer: string;
  role: string;
  time: string;
  /** The record's digest (show the first 8 hex digits). */
  digest: string;
}

export type LevelStatus =
  | (LevelInfo & { state: 'valid' })
  | (LevelInfo & { state: 'withdrawn'; withdrawn: Withdrawal })
  | (LevelInfo & { state: 'broken'; reason: BreakReason });

export type Verification =
  | { ok: true; signed: boolean; levels: LevelStatus[] }
  | {
      ok: false;
      signed: true;
      levels: LevelStatus[];
      /** The first broken level, counting from 1. */
      brokenLevel: number;
      reason: BreakReason;
      /** Rows that differ from the signed content (for 'content-changed'). */
      changedRows: ChangedRow[];
    };

export interface SignInput {
  reviewer: string;
  role?: string;
  comment?: string;
  /** ISO 8601 with offset; use isoWithOffset(new Date(), offset). */
  time: string;
  /** Why the reviewer signs despite open problems (the gate's override), and what was open. */
  override?: { reason: string; issues: string };
}

export interface WithdrawInput {
  by: string;
  reason: string;
  time: string;
}
