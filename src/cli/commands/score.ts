/**
 * `duanping score --template T --ratings R [--adjustments A] [--ratees F] [--raters F] [--json]`:
 * totals, ranks, tiers, rater flags and reliability from CSV files (formats.md).
 */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { scoreAndAnalyze } from '../../core/pipeline';
import { loadTemplate, parseLang, type CliContext } from '../context';
import { loadCsvInput } from '../input';
import { scoreBook } from './score-book';
import { printResults } from '../report';
import { loadTallies } from '../tally';

export interface ScoreOptions {
  template?: string;
  ratings?: string;
  adjustments?: string;
  ratees?: string;
  raters?: string;
  tally?: string;
  json?: boolean;
  lang?: string;
}

export function scoreCsv(opts: ScoreOptions, ctx: CliContext): void {
  const lang = parseLang(opts.lang);
  if (!opts.template) throw new InputError('missing required option --template <T>');
  if (!opts.ratings && !opts.tally)
    throw new InputError('missing required option --ratings <R> (or --tally <F>)');
  const template = loadTemplate(opts.template, ctx.io);
  const tally = opts.tally ? loadTallies(opts.tally, template, lang, ctx.io) : { tallies: [], problems: [] };
  const { input, problems } = opts.ratings
    ? loadCsvInput(template, { ...opts, ratings: opts.ratings }, lang, ctx.io)
    : { input: { template, entries: [] }, problems: [] };
  input.tallies = tally.tallies;
  const { results } = scoreAndAnalyze(input, { lang, textNumbers: true });
  results.problems = [...problems, ...tally.problems, ...results.problems];
  printResults(results, opts, ctx, template.decimals);
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--template <T>', 'built-in template id or path to a template .json')
    .option('--ratings <R>', 'ratings CSV: source,rater,ratee,<indicator ids>…')
    .option('--adjustments <A>', 'adjustments CSV: ratee,kind,points,reason')
    .option('--ratees <F>', 'ratee list CSV: id,name[,group]')
    .option('--raters <F>', 'rater list CSV: id,source[,name]')
    .option('--tally <F>', 'ballot tally CSV (计票): source,ratee,indicator,<level labels>…')
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
    const ignored = (['template', 'ratings', 'adjustments', 'ratees', 'raters', 'tally'] as const).filter(
      (k) => opts[k] !== undefined,
    );
    if (ignored.length > 0)
      throw new InputError(
        `score BOOK.xlsx reads the template, scores, adjustments and lists from the workbook: leave out ${ignored.map((k) => `--${k}`).join(', ')} (it would be ignored)`,
      );
    await scoreBook(book, opts, ctx);
  });
}
