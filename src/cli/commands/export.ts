/**
 * `duanping export BOOK --out COPY.xlsx [--values-only] [--print] [--pdf FILE.pdf]`:
 * a copy to send on — formulas replaced by their values (sign-offs kept), a print sheet
 * (A4, summary fitted to the page width, header with the assessment name, footer with page
 * numbers and the short digest, signature lines), and its PDF via LibreOffice.
 * A book whose sign-offs no longer verify is not exported (exit 1, with the reason).
 */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { describeVerification } from '../../core/signoff';
import { nodeDigester } from '../digester';
import { makeCopy } from '../../hosts/xlsx/copy';
import { PRINT_SHEET } from '../../hosts/xlsx/export';
import { printSheetToPdf } from '../../hosts/xlsx/export-pdf';
import { parseLang, type CliContext } from '../context';
import { loadBook, saveBook } from './signoff';
import { checkDistinct, checkOutput, partsExceljsDrops, writeAtomically } from '../files';
import { existsSync } from 'node:fs';

export interface ExportOptions {
  out: string;
  valuesOnly?: boolean;
  print?: boolean;
  pdf?: string;
  force?: boolean;
  lang?: string;
}

export async function exportCommand(book: string, opts: ExportOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  if (!opts.valuesOnly && !opts.print && !opts.pdf)
    throw new InputError('say what to export: --values-only, --print and/or --pdf FILE.pdf');
  if (!existsSync(book)) throw new InputError(`cannot read ${book}: no such file`);
  checkOutput({ option: '--out', path: opts.out, inputs: [book], force: opts.force });
  if (opts.pdf) {
    checkDistinct({ option: '--out', path: opts.out }, { option: '--pdf', path: opts.pdf });
    checkOutput({ option: '--pdf', path: opts.pdf, inputs: [book], force: opts.force });
  }
  const lost = await partsExceljsDrops(book);
  const wb = await loadBook(book);
  const copy = await makeCopy(
    wb,
    { valuesOnly: !!opts.valuesOnly, print: !!(opts.print || opts.pdf), lang },
    nodeDigester,
  );
  if (!copy.ok) {
    if (copy.reason === 'uncomputed')
      ctx.io.err(
        `duanping: ${copy.cells[0]} (and ${copy.cells.length - 1} more) hold formulas never calculated: open and save ${book} in Excel, WPS or LibreOffice first`,
      );
    else {
      ctx.io.err(`duanping: ${book} is not exported: its sign-offs do not verify`);
      if (copy.reason === 'unreadable') ctx.io.err(copy.message);
      else for (const line of describeVerification(copy.verification, lang)) ctx.io.err(line);
    }
    ctx.exit(1);
    return;
  }
  if (!copy.signed)
    ctx.io.err(
      lang === 'zh' ? '注意：该工作簿尚无有效签核。' : 'Note: this workbook has no active sign-off.',
    );
  await saveBook(wb, opts.out);
  ctx.io.out(`${lang === 'zh' ? '已导出' : 'Exported'} → ${opts.out}`);
  if (lost.length > 0)
    ctx.io.err(
      lang === 'zh'
        ? `注意：副本不含原工作簿中的 ${lost.join('、')}（xlsx 库不保留这些内容；原文件未改动）。`
        : `Note: the copy leaves out ${lost.join(', ')} of the workbook (the xlsx library does not keep them; the original is unchanged).`,
    );
  if (opts.pdf) {
    const pdf = opts.pdf;
    const sheet = copy.printSheet ?? PRINT_SHEET[lang];
    await writeAtomically(pdf, (tmp) => printSheetToPdf(opts.out, sheet, tmp));
    ctx.io.out(`PDF → ${opts.pdf}`);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export a copy to send on: values only, a print sheet (A4) and/or its PDF')
    .argument('<book>', 'a (signed) workbook (.xlsx)')
    .requiredOption('--out <file>', 'the copy to write (.xlsx)')
    .option('--values-only', 'replace every formula by its value (sign-offs kept)')
    .option(
      '--print',
      'add the print sheet: A4, fitted to width, header, footer with digest, signature lines',
    )
    .option('--pdf <file>', 'also write the print sheet as PDF (needs LibreOffice)')
    .option('--force', 'replace --out / --pdf if they exist')
    .option('--lang <zh|en>', 'language of the print sheet and messages', 'zh')
    .action((book: string, opts: ExportOptions) => exportCommand(book, opts, ctx));
}
