/**
 * `duanping signoff BOOK --reviewer NAME [--role ROLE] [--comment C] [--password P] --out SIGNED.xlsx`
 * and `duanping withdraw BOOK --level N --by NAME --reason R --out OUT.xlsx`.
 * Spec: ../shared/spec/signoff.md. The password only feeds Excel's salted hash; it is never stored.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import {
  DIGEST_PROVES,
  describeVerification,
  isIsoWithOffset,
  nowWithOffset,
  shortDigest,
} from '../../core/signoff';
import { nodeDigester } from '../digester';
import { repairForWrite, signWorkbook, withdrawInWorkbook } from '../../hosts/xlsx/signoff';
import { parseLang, type CliContext } from '../context';
import { checkOutput, refuseIfPartsWouldBeLost, writeAtomically } from '../files';

/** Reads an .xlsx file; a missing or damaged file is a one-line InputError. */
export async function loadBook(path: string): Promise<ExcelJS.Workbook> {
  if (!existsSync(path)) throw new InputError(`cannot read ${path}: no such file`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InputError(
      `cannot read ${path}: not an .xlsx workbook (${(e as Error).message.split('\n')[0]})`,
    );
  }
  return wb;
}

/**
 * Writes an .xlsx file through a temporary file renamed into place (a failure leaves nothing
 * half-written); an unwritable path is a one-line InputError.
 */
export async function saveBook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  repairForWrite(wb);
  await writeAtomically(path, (tmp) => wb.xlsx.writeFile(tmp));
}

/** The checks before a command rewrites BOOK into `--out`: never the input, never silently over a file, nothing exceljs drops. */
export async function checkRewrite(
  book: string,
  out: string,
  force: boolean | undefined,
  what: string,
): Promise<void> {
  checkOutput({ option: '--out', path: out, inputs: [book], force });
  await refuseIfPartsWouldBeLost(book, what);
}

/**
 * `--time` only with `--allow-backdate` (re-creating records kept on paper): otherwise anyone
 * could sign in a reviewer's name at any past time. Default: now, local time with its offset.
 */
function signTime(time: string | undefined, allowBackdate?: boolean): string {
  if (time !== undefined && !allowBackdate)
    throw new InputError(
      '--time sets the recorded time of a sign-off: allowed only with --allow-backdate, for re-creating records kept on paper (leave it out to record now)',
    );
  if (time === undefined) return nowWithOffset();
  if (!isIsoWithOffset(time))
    throw new InputError(
      `--time must be ISO 8601 with offset, e.g. 2025-01-20T15:04:05+08:00 (found "${time}")`,
    );
  return time;
}

export interface SignoffOptions {
  reviewer: string;
  role?: string;
  comment?: string;
  password?: string;
  time?: string;
  allowBackdate?: boolean;
  /** Sign despite open problems (input problems, results older than the entries, nothing counted). */
  override?: string;
  out: string;
  force?: boolean;
  lang?: string;
}

/** Signs BOOK into `--out`; exit 1 (with the reason) when the book cannot be signed as it is. */
export async function signoffCommand(book: string, opts: SignoffOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const time = signTime(opts.time, opts.allowBackdate);
  if (!existsSync(book)) throw new InputError(`cannot read ${book}: no such file`);
  await checkRewrite(book, opts.out, opts.force, 'sign');
  const wb = await loadBook(book);
  const r = await signWorkbook(
    wb,
    {
      reviewer: opts.reviewer,
      role: opts.role,
      comment: opts.comment,
      time,
      password: opts.password,
      override: opts.override,
      lang,
    },
    nodeDigester,
  );
  if (!r.ok) {
    if (r.gate) {
      ctx.io.err(`duanping: ${r.message}`);
      ctx.exit(1);
      return;
    }
    ctx.io.err(`duanping: cannot sign ${book}: ${r.message}`);
    if (r.verification) for (const line of describeVerification(r.verification, lang)) ctx.io.err(line);
    ctx.exit(1);
    return;
  }
  await saveBook(wb, opts.out);
  const rec = r.record;
  ctx.io.out(
    lang === 'zh'
      ? `已签核：第${rec.level}级 ${rec.reviewer}${rec.role ? `（${rec.role}）` : ''} ${rec.time}，校验码 ${shortDigest(rec.digest)} → ${opts.out}`
      : `Signed: level ${rec.level} ${rec.reviewer}${rec.role ? ` (${rec.role})` : ''} ${rec.time}, checksum ${shortDigest(rec.digest)} → ${opts.out}`,
  );
  if (rec.override)
    ctx.io.out(
      lang === 'zh'
        ? `注意：签核时仍有未解决的问题（${rec.overridden}），放行理由“${rec.override}”已记入签核记录。`
        : `Note: signed with open problems (${rec.overridden}); the override reason "${rec.override}" is kept in the record.`,
    );
  ctx.io.out(DIGEST_PROVES[lang]);
}

export interface WithdrawOptions {
  level: string;
  by: string;
  reason: string;
  time?: string;
  allowBackdate?: boolean;
  out: string;
  force?: boolean;
  lang?: string;
}

/** Withdraws the top active sign-off of BOOK into `--out`; the record stays, marked withdrawn. */
export async function withdrawCommand(book: string, opts: WithdrawOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const level = Number(opts.level);
  if (!Number.isInteger(level) || level < 1)
    throw new InputError(`--level must be a whole number >= 1 (found "${opts.level}")`);
  if (!existsSync(book)) throw new InputError(`cannot read ${book}: no such file`);
  await checkRewrite(book, opts.out, opts.force, 'withdraw a sign-off in');
  const wb = await loadBook(book);
  const r = await withdrawInWorkbook(
    wb,
    level,
    { by: opts.by, reason: opts.reason, time: signTime(opts.time, opts.allowBackdate) },
    nodeDigester,
  );
  if (!r.ok) {
    ctx.io.err(`duanping: cannot withdraw level ${level} in ${book}: ${r.message}`);
    ctx.exit(1);
    return;
  }
  await saveBook(wb, opts.out);
  ctx.io.out(
    lang === 'zh' ? `已撤回第${level}级签核 → ${opts.out}` : `Withdrew sign-off level ${level} → ${opts.out}`,
  );
  if (r.active === 0)
    ctx.io.out(
      lang === 'zh'
        ? '已无有效签核：评分录入、加减分、汇总和签核表已解除保护，可以修改后重新签核。'
        : 'No active sign-off is left: the entry, adjustment, summary and sign-off sheets are unprotected for corrections.',
    );
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('signoff')
    .description(
      'record a sign-off: digest of scores, adjustments, results and template; protects the signed sheets',
    )
    .argument('<book>', 'a prepared workbook (.xlsx)')
    .requiredOption('--reviewer <name>', 'who signs')
    .option('--role <role>', 'the reviewer’s role, e.g. 科长')
    .option('--comment <text>', 'a comment recorded with the sign-off')
    .option('--password <p>', 'sheet-protection password (never stored)')
    .option('--time <iso>', 'sign-off time, ISO 8601 with offset (default: now); needs --allow-backdate')
    .option('--allow-backdate', 'allow --time, for re-creating sign-offs kept on paper')
    .option(
      '--override <reason>',
      'sign despite input problems, results older than the entries or no counted sheet; the record keeps the reason',
    )
    .requiredOption('--out <file>', 'the signed workbook to write (never the input)')
    .option('--force', 'replace --out if it exists')
    .option('--lang <zh|en>', 'language of messages', 'zh')
    .action((book: string, opts: SignoffOptions) => signoffCommand(book, opts, ctx));

  program
    .command('withdraw')
    .description('withdraw the top sign-off level; the record stays with who, when and why')
    .argument('<book>', 'a signed workbook (.xlsx)')
    .requiredOption('--level <n>', 'the level to withdraw (the top active one)')
    .requiredOption('--by <name>', 'who withdraws')
    .requiredOption('--reason <text>', 'why')
    .option('--time <iso>', 'withdrawal time, ISO 8601 with offset (default: now); needs --allow-backdate')
    .option('--allow-backdate', 'allow --time, for re-creating records kept on paper')
    .requiredOption('--out <file>', 'the workbook to write (never the input)')
    .option('--force', 'replace --out if it exists')
    .option('--lang <zh|en>', 'language of messages', 'zh')
    .action((book: string, opts: WithdrawOptions) => withdrawCommand(book, opts, ctx));
}
