/**
 * `duanping export BOOK --out COPY.xlsx [--values-only] [--print] [--pdf FILE.pdf]`:
 * a copy to send on — formulas replaced by their values (sign-offs kept), a print sheet
 * (A4, summary fitted to the page width, header with the assessment name, footer with page
 * numbers and the short digest, signature lines), and its PDF via LibreOffice.
 * A book whose sign-offs no longer verify is not exported (exit 1, with the reason).
 */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { describeVerification, webCryptoDigester } from '../../core/signoff';
import { PRINT_SHEET, addPrintLayout, replaceFormulasByValues } from '../../hosts/xlsx/export';
import { printSheetToPdf } from '../../hosts/xlsx/export-pdf';
import { readSignoffBook } from '../../hosts/xlsx/signoff-book';
import { readSignoffRecords, verifyWorkbook } from '../../hosts/xlsx/signoff';
import { parseLang, type CliContext } from '../context';
import { loadBook, saveBook } from './signoff';

export interface ExportOptions {
  out: string;
  valuesOnly?: boolean;
  print?: boolean;
  pdf?: string;
  lang?: string;
}

export async function exportCommand(book: string, opts: ExportOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  if (!opts.valuesOnly && !opts.print && !opts.pdf)
    throw new InputError('say what to export: --values-only, --print and/or --pdf FILE.pdf');
  const wb = await loadBook(book);
  const v = await verifyWorkbook(wb, readSignoffBook, webCryptoDigester());
  if (v.unreadable !== undefined || !v.ok) {
    ctx.io.err(`duanping: ${book} is not exported: its sign-offs do not verify`);
    if (v.unreadable !== undefined) ctx.io.err(v.unreadable);
    else for (const line of describeVerification(v, lang)) ctx.io.err(line);
    ctx.exit(1);
    return;
  }
  if (!v.signed)
    ctx.io.err(
      lang === 'zh' ? '注意：该工作簿尚无有效签核。' : 'Note: this workbook has no active sign-off.',
    );

  const bookContent = readSignoffBook(wb);
  const uncomputed = bookContent.uncomputed ?? [];
  if (uncomputed.length > 0) {
    ctx.io.err(
      `duanping: ${uncomputed[0]} (and ${uncomputed.length - 1} more) hold formulas never calculated: open and save ${book} in Excel, WPS or LibreOffice first`,
    );
    ctx.exit(1);
    return;
  }
  // Formulas without a cached value computed "" (spreadsheets store no value for it): left empty.
  if (opts.valuesOnly) replaceFormulasByValues(wb);
  if (opts.print || opts.pdf) {
    const rows = bookContent.content.results.map((r) => r.loc?.row ?? 0).filter((n) => n > 0);
    const stored = readSignoffRecords(wb, bookContent.sheets.signoff);
    const firstRow = rows.length > 0 ? Math.min(...rows) : (bookContent.summaryHeaderRow ?? 1) + 1;
    addPrintLayout(
      wb,
      {
        summarySheet: bookContent.sheets.summary,
        headerRow: bookContent.summaryHeaderRow ?? firstRow - 1,
        firstRow,
        lastRow: rows.length > 0 ? Math.max(...rows) : firstRow - 1,
        title: bookContent.title,
        lang,
      },
      stored.ok ? stored.records : [],
    );
  }
  await saveBook(wb, opts.out);
  ctx.io.out(`${lang === 'zh' ? '已导出' : 'Exported'} → ${opts.out}`);
  if (opts.pdf) {
    await printSheetToPdf(opts.out, PRINT_SHEET[lang], opts.pdf);
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
    .option('--lang <zh|en>', 'language of the print sheet and messages', 'zh')
    .action((book: string, opts: ExportOptions) => exportCommand(book, opts, ctx));
}
