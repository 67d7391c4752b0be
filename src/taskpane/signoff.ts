/**
 * The 签核导出 tab's work over a WorkbookHost: check, sign, withdraw, print sheet and values-only
 * copy. The signing steps are the shared ones of src/workbook/signoff.ts (the command
 * line runs the same); this file adds the pane's checks in the pane's language and the file
 * exports. The xlsx copy code (exceljs) is loaded only when a copy is asked for.
 */
import {
  describeGateIssue,
  describeVerification,
  latestRecord,
  nowWithOffset,
  webCryptoDigester,
  type GateReport,
} from '../core/signoff';
import type { Lang } from '../core/types';
import type { SaveOutcome, WorkbookHost } from '../hosts/types';
import {
  gateOfBook,
  signBook,
  verifyRecords,
  withdrawBook,
  type BookVerification,
} from '../workbook/signoff';
import { installed } from './workflow';

/** A sentence for the pane, in the pane's language. */
export type Say = (key: string, values?: Record<string, string | number>) => string;

/** A host call in a workbook that may have no installation: the pane's sentence if so. */
function inBook<T>(call: () => Promise<T>, say: Say): Promise<T> {
  return installed(call, say('signoff.notInstalled'));
}

export interface SignoffCheck {
  verification: BookVerification;
  /** What would refuse a sign-off now (input problems, results older than the entries, nothing counted). */
  gate: GateReport | null;
}

/** All sign-offs checked against the workbook as it is now, and the sign-off gate, from one read. */
export async function checkSignoffs(host: WorkbookHost, say: Say, lang: Lang): Promise<SignoffCheck> {
  const book = await inBook(() => host.signoffStore().read(), say);
  const gate = gateOfBook(book, lang);
  if (!book.records.ok) return { verification: { ok: false, unreadable: book.records.message }, gate };
  return { verification: await verifyRecords(book, book.records.records, webCryptoDigester()), gate };
}

export interface SignForm {
  reviewer: string;
  role: string;
  comment: string;
  password: string;
  /** Why to sign although there are open problems (kept in the record); '' for none. */
  override: string;
}

export type PaneOutcome =
  /** `verification`: the chain after a sign or withdraw (known without reading the book again). */
  | { ok: true; message: string; verification?: BookVerification }
  | { ok: false; message: string; details?: string[] };

/** Signs at the next level (time: now, with this computer's UTC offset). */
export async function signNow(
  host: WorkbookHost,
  form: SignForm,
  lang: Lang,
  say: Say,
): Promise<PaneOutcome> {
  if (form.reviewer.trim() === '') return { ok: false, message: say('signoff.sign.reviewerMissing') };
  const r = await inBook(
    () =>
      signBook(
        host.signoffStore(),
        {
          reviewer: form.reviewer,
          role: form.role,
          comment: form.comment,
          time: nowWithOffset(),
          password: form.password || undefined,
          override: form.override.trim() || undefined,
          lang,
        },
        webCryptoDigester(),
      ),
    say,
  );
  if (!r.ok) {
    if (r.gate)
      return {
        ok: false,
        message: say('signoff.gate.refused'),
        details: r.gate.map((i) => describeGateIssue(i, lang)),
      };
    if (r.verification && !r.verification.ok)
      return {
        ok: false,
        message: say('signoff.sign.blocked'),
        details: describeVerification(r.verification, lang, 20),
      };
    return { ok: false, message: r.message };
  }
  const done = say('signoff.sign.done', {
    level: r.record.level,
    reviewer: r.record.reviewer,
    digest: r.record.digest.slice(0, 8),
  });
  return {
    ok: true,
    message: r.record.override
      ? `${done} ${say('signoff.gate.kept', { reason: r.record.override, issues: r.record.overridden ?? '' })}`
      : done,
    verification: r.verification,
  };
}

export interface WithdrawForm {
  by: string;
  reason: string;
  password: string;
}

/** Withdraws the top active level; with none left, the sheets are unprotected again. */
export async function withdrawNow(
  host: WorkbookHost,
  level: number,
  form: WithdrawForm,
  say: Say,
): Promise<PaneOutcome> {
  if (form.by.trim() === '' || form.reason.trim() === '')
    return { ok: false, message: say('signoff.withdraw.missing') };
  const r = await inBook(
    () =>
      withdrawBook(
        host.signoffStore(),
        level,
        { by: form.by, reason: form.reason, time: nowWithOffset() },
        webCryptoDigester(),
        form.password || undefined,
      ),
    say,
  );
  if (!r.ok) return { ok: false, message: r.message };
  const done = say('signoff.withdraw.done', { level });
  return {
    ok: true,
    message: r.active === 0 ? `${done} ${say('signoff.withdraw.unlocked')}` : done,
    verification: r.verification,
  };
}

/**
 * Writes the print sheet (打印版) and shows it; the message says how to make a PDF of it in Excel.
 *
 * The pane never makes the PDF itself: the PDF Excel gives add-ins (`getFileAsync(Office.FileType.Pdf)`)
 * is "the entire document" (https://learn.microsoft.com/en-us/javascript/api/office/office.filetype),
 * every visible sheet with every rater's scores, not the print sheet; and a task pane of Excel
 * for Windows cannot download it ("Directly downloading blobs as PDF files in an add-in isn't
 * supported with EdgeHTML or WebView2",
 * https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * Excel's own export of the active sheet gives exactly the print layout.
 */
export async function writePrint(host: WorkbookHost, say: Say): Promise<string> {
  const sheet = await inBook(() => host.writePrintLayout(), say);
  return say('signoff.export.printDone', { sheet });
}

/** A file name without characters Windows or macOS refuse. */
export function safeFileName(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'duanping';
}

function savedMessage(outcome: SaveOutcome, name: string, say: Say): string {
  return say(`signoff.export.${outcome}`, { name });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The values-only copy: the workbook file from the host, checked and turned into values with a
 * print sheet by the same code as `duanping export`, then handed to the user.
 */
export async function exportCopy(
  host: WorkbookHost,
  lang: Lang,
  say: Say,
  report?: (step: string) => void,
): Promise<PaneOutcome> {
  report?.(say('signoff.export.reading'));
  const bytes = await host.getFile();
  report?.(say('signoff.export.making'));
  const { copyFromBytes } = await import(/* webpackChunkName: "xlsx-copy" */ '../hosts/xlsx/copy');
  const copy = await inBook(
    () => copyFromBytes(bytes, { valuesOnly: true, print: true }, webCryptoDigester()),
    say,
  );
  if (!copy.ok) {
    if (copy.reason === 'not-verified')
      return {
        ok: false,
        message: say('signoff.export.refused'),
        details: describeVerification(copy.verification, lang, 20),
      };
    if (copy.reason === 'uncomputed')
      return { ok: false, message: say('signoff.export.refused'), details: copy.cells };
    return { ok: false, message: say('signoff.export.refused'), details: [copy.message] };
  }
  const top = latestRecord(copy.records);
  const signedWord = lang === 'zh' ? '签核' : 'signed';
  const name = `${safeFileName(copy.title)}${top ? `-${signedWord}${top.level}-${top.digest.slice(0, 8)}` : ''}.xlsx`;
  const outcome = await host.saveFile({ name, type: XLSX_TYPE, bytes: copy.bytes! });
  const message = savedMessage(outcome, name, say);
  return { ok: true, message: copy.signed ? message : `${message} ${say('signoff.export.unsigned')}` };
}
