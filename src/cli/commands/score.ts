/**
 * `duanping score --template T --ratings R [--adjustments A] [--ratees F] [--raters F] [--json]`:
 * totals, ranks, tiers, rater flags and reliability from CSV files (formats.md).
 */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { scoreAndAnalyze } from '../../core/pipeline';
import type { Results } from '../../core/types';
import { loadTemplate, parseLang, type CliContext } from '../context';
import { loadCsvInput } from '../input';
import { scoreBook } from './score-book';
import { problemsReport, ratersReport, resultsTable } from '../report';
import { reviewReport } from '../review-report';

export interface ScoreOptions {
  template?: string;
  ratings?: string;
  adjustments?: string;
  ratees?: string;
  raters?: string;
  json?: boolean;
  lang?: string;
}

/** Prints results as JSON or as the readable report, and settles the exit code (1 with problems). */
export function printResults(
  results: Results,
  opts: { json?: boolean; lang?: string },
  ctx: CliContext,
  decimals = 2,
): void {
  const lang = parseLang(opts.lang);
  if (opts.json) ctx.io.out(JSON.stringify(results, null, 2));
  else {
    const title =
      lang === 'zh'
        ? `考核：${results.template.name}（${results.template.id}）`
        : `Assessment: ${results.template.name} (${results.template.id})`;
    ctx.io.out(
      [
        title,
        '',
        resultsTable(results, lang, decimals),
        '',
        problemsReport(results, lang),
        '',
        ratersReport(results, lang),
        reviewReport(results, lang),
      ]
        .filter((x, i, all) => x !== '' || all[i + 1] !== '')
        .join('\n'),
    );
  }
  ctx.exit(results.problems.length > 0 ? 1 : 0);
}

export function scoreCsv(opts: ScoreOptions, ctx: CliContext): void {
  const lang = parseLang(opts.lang);
  if (!opts.template) throw new InputError('missing required option --template <T>');
  if (!opts.ratings) throw new InputError('missing required option --ratings <R>');
  const template = loadTemplate(opts.template);
  const { input, problems } = loadCsvInput(template, { ...opts, ratings: opts.ratings }, lang);
  const { results } = scoreAndAnalyze(input, { lang, textNumbers: true });
  results.problems = [...problems, ...results.problems];
  printResults(results, opts, ctx, template.decimals);
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--template <T>', 'built-in template id or path to a template .json')
    .option('--ratings <R>', 'ratings CSV: source,rater,ratee,<indicator ids>…')
    .option('--adjustments <A>', 'adjustments CSV: ratee,kind,points,reason')
    .option('--ratees <F>', 'ratee list CSV: id,name[,group]')
    .option('--raters <F>', 'rater list CSV: id,source[,name]')
    .option('--json', 'print duanping.results/1 JSON')
    .option('--lang <zh|en>', 'language of messages', 'zh');
}

export function register(program: Command, ctx: CliContext): void {
  addInputOptions(
    program
      .command('score')
      .description(
        'compute totals, ranks, tiers, rater flags and reliability (from CSV files, or from BOOK.xlsx)',
      )
      .argument('[book]', 'a workbook prepared by `duanping init`/`build` or the add-in'),
  ).action(async (book: string | undefined, opts: ScoreOptions) => {
    if (book === undefined) return scoreCsv(opts, ctx);
    if (opts.template || opts.ratings || opts.adjustments)
      throw new InputError(
        'score BOOK.xlsx reads the template and the scores from the workbook: leave out --template, --ratings and --adjustments',
      );
    await scoreBook(book, opts, ctx);
  });
}
