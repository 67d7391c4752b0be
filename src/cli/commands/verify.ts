/**
 * `duanping verify BOOK [--json] [--lang zh|en]`: exit 0 when every sign-off still matches the
 * content; exit 1 with the first broken level and the changed rows (sheet, row, rater, ratee),
 * or when the book carries no sign-off at all.
 */
import type { Command } from 'commander';
import { DIGEST_PROVES, describeVerification } from '../../core/signoff';
import { sheetIssueProblem } from '../../core/sheet-issues';
import { nodeDigester } from '../digester';
import { verifyWorkbook } from '../../hosts/xlsx/signoff';
import { parseLang, type CliContext } from '../context';
import { loadBook } from './signoff';

export interface VerifyOptions {
  json?: boolean;
  lang?: string;
}

export async function verifyCommand(book: string, opts: VerifyOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const v = await verifyWorkbook(await loadBook(book), nodeDigester);
  if (v.unreadable !== undefined) {
    ctx.io.err(`duanping: ${book}: the sign-offs cannot be read: ${v.unreadable}`);
    ctx.exit(1);
    return;
  }
  // The visible indicator sheet against the stored template the digests cover: each difference named.
  const differs = v.indicatorSheet.map((i) => sheetIssueProblem(i, lang).message);
  if (opts.json)
    ctx.io.out(
      JSON.stringify(
        { schema: 'duanping.verification/1', ...v, indicatorSheet: differs, proves: DIGEST_PROVES.en },
        null,
        2,
      ),
    );
  else
    ctx.io.out(
      [
        ...describeVerification(v, lang),
        ...(differs.length > 0
          ? [
              lang === 'zh'
                ? `指标表有 ${differs.length} 处与签核所依据的模板不一致（签核覆盖的是保存的模板）：`
                : `The indicator sheet differs from the template the sign-offs cover in ${differs.length} place(s):`,
              ...differs.map((m) => '  ' + m),
            ]
          : []),
        ...(v.signed ? [DIGEST_PROVES[lang]] : []),
      ].join('\n'),
    );
  if (!v.ok || !v.signed || differs.length > 0) ctx.exit(1);
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
