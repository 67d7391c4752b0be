/** Share column headers of the summary end so (`好（%）`, `测评人·好 (%)`); the print sheet finds them by it. */
export const SHARE_HEADER_SUFFIX = { zh: '（%）', en: ' (%)' } as const;

export function shareHeader(text: string, lang: 'zh' | 'en'): string {
  return `${text}${SHARE_HEADER_SUFFIX[lang]}`;
}

/** True for the header of a share column (either language). */
export function isShareHeader(h: unknown): boolean {
  return typeof h === 'string' && (h.endsWith(SHARE_HEADER_SUFFIX.zh) || h.endsWith(SHARE_HEADER_SUFFIX.en));
}
