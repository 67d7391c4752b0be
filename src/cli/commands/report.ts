/**
 * `duanping report BOOK.xlsx --out report.pdf|report.xlsx [--force] [--lang zh|en]`: the printable
 * 评委分析 report (src/workbook/report.ts) of a workbook, computed from what the clerk typed (the
 * 复核 decisions included). `.pdf` goes through headless LibreOffice; `.xlsx` writes the report
 * sheet alone. An existing file is never overwritten without --force; the book is never changed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { scoreAndAnalyze } from '../../core/pipeline';
import { printSheetToPdf } from '../../hosts/xlsx/export-pdf';
import { readWorkbookContent } from '../../hosts/xlsx/read';
import { addSheet, newWorkbook } from '../../hosts/xlsx/write';
import { reviewReportPlan } from '../../workbook/report';
import { parseLang, type CliContext } from '../context';
import { loadBook, saveBook } from './signoff';

export interface ReportOptions {
  out: string;
  force?: boolean;
  lang?: string;
}

export async function reportCommand(book: string, opts: ReportOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const kind = extname(opts.out).toLowerCase();
  if (kind !== '.pdf' && kind !== '.xlsx')
    throw new InputError(`--out must name a .pdf or an .xlsx file (found "${opts.out}")`);
  if (existsSync(opts.out) && !opts.force)
    throw new InputError(`${opts.out} exists; pass --force to overwrite it`);
  const wb = await loadBook(book);
  const { content } = readWorkbookContent(wb, basename(book));
  const { results, rows } = scoreAndAnalyze(content, { lang, textNumbers: false });
  const plan = reviewReportPlan({ template: content.template, results, rows, lang });
  const out = newWorkbook();
  addSheet(out, plan);
  if (kind === '.xlsx') {
    await saveBook(out, opts.out);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'dp-report-'));
    try {
      const tmp = join(dir, 'report.xlsx');
      await saveBook(out, tmp);
      await printSheetToPdf(tmp, plan.name, opts.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  ctx.io.out(`${lang === 'zh' ? '评委分析报告' : 'Rater review report'} → ${opts.out}`);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description(
      'the printable rater review (评委分析): reliability, raters to review with decisions, impact, tier stability, totals against consensus',
    )
    .argument('<book>', 'a workbook prepared by `duanping init`/`build` or the add-in')
    .requiredOption('--out <file>', 'report.pdf (through LibreOffice) or report.xlsx')
    .option('--force', 'overwrite --out if it exists')
    .option('--lang <zh|en>', 'language of the report', 'zh')
    .action((book: string, opts: ReportOptions) => reportCommand(book, opts, ctx));
}
