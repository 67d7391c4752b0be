/**
 * Sign-off times as a clerk reads them: the signer's own wall-clock time from the stored
 * ISO 8601 text (`2026-12-03T15:19:00+08:00` → `12月3日 15:19`), the year added when it is not
 * this year. The record keeps the full ISO text with its offset; this is display only.
 */
import type { Lang } from '../../core/types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

export function displayTime(iso: string, lang: Lang, now: Date = new Date()): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const sameYear = Number(y) === now.getFullYear();
  if (lang === 'zh') return `${sameYear ? '' : `${y}年`}${Number(mo)}月${Number(d)}日 ${h}:${mi}`;
  return `${sameYear ? '' : `${y}-`}${mo}-${d} ${h}:${mi}`;
}
