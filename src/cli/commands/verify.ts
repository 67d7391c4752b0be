/**
 * `duanping verify BOOK [--json] [--lang zh|en]`: exit 0 when every sign-off still matches the
 * content; exit 1 with the first broken level and the changed rows (sheet, row, rater, ratee),
 * or when the book carries no sign-off at all.
 */
import type { Command } from 'commander';
import { DIGEST_PROVES, describeVerification } from '../../core/signoff';
import { nodeDigester } from '../digester';
import { readSignoffBook } from '../../hosts/xlsx/signoff-book';
import { verifyWorkbook } from '../../hosts/xlsx/signoff';
import { parseLang, type CliContext } from '../context';
import { loadBook } from './signoff';

export interface VerifyOptions {
  json?: boolean;
  lang?: string;
}

export async function verifyCommand(book: string, opts: VerifyOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const v = await verifyWorkbook(await loadBook(book), readSignoffBook, nodeDigester);
  if (v.unreadable !== undefined) {
    ctx.io.err(`duanping: ${book}: the sign-offs cannot be read: ${v.unreadable}`);
    ctx.exit(1);
    return;
  }
  if (opts.json)
    ctx.io.out(
      JSON.stringify({ schema: 'duanping.verification/1', ...v, proves: DIGEST_PROVES.en }, null, 2),
    );
  else ctx.io.out([...describeVerification(v, lang), ...(v.signed ? [DIGEST_PROVES[lang]] : [])].join('\n'));
  if (!v.ok || !v.signed) ctx.exit(1);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description(
      'check every sign-off against the current content; exit 1 naming the first broken level and changed rows',
    )
    .argument('<book>', 'a signed workbook (.xlsx)')
    .option('--json', 'print the verification as JSON')
    .option('--lang <zh|en>', 'language of messages', 'zh')
    .action((book: string, opts: VerifyOptions) => verifyCommand(book, opts, ctx));
}
