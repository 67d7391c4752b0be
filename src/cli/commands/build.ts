/**
 * `duanping build --template T --ratings R [--adjustments A] [--ratees F] [--raters F] --out BOOK.xlsx`:
 * the workbook of `init` with the score sheets and adjustments filled in; every total, rank and
 * tier is a live formula. CSV text becomes typed cells: trimmed, and plain numbers become numbers
 * (what a clerk's spreadsheet holds); anything else stays text so the workbook flags it.
 */
import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { excelTrim } from '../../core/adjustments';
import { computeScores } from '../../core/scoring';
import type { AdjustmentRow, EntryRow, RawCell } from '../../core/types';
import { loadTemplate, parseLang, type CliContext } from '../context';
import { loadCsvInput } from '../input';
import { checkInstallTarget, installAndReport, parseClash } from './init';

export interface BuildOptions {
  template?: string;
  ratings?: string;
  adjustments?: string;
  ratees?: string;
  raters?: string;
  out?: string;
  onClash?: string;
  force?: boolean;
  lang?: string;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A CSV field as a clerk's typed cell: blank → empty, plain number → number, else trimmed text. */
export function typedCell(raw: RawCell): RawCell {
  if (typeof raw !== 'string') return raw;
  const t = raw.trim();
  if (t === '') return null;
  return PLAIN_NUMBER.test(t) ? Number(t) : t;
}

function typedEntry(e: EntryRow): EntryRow {
  const cells = Object.fromEntries(Object.entries(e.cells).map(([k, v]) => [k, typedCell(v)]));
  return { ...e, source: e.source.trim(), rater: e.rater.trim(), ratee: e.ratee.trim(), cells };
}

function typedAdjustment(a: AdjustmentRow): AdjustmentRow {
  return {
    ...a,
    ratee: a.ratee.trim(),
    // Kinds keep what Excel's TRIM keeps (a full-width space stays, and is flagged in both).
    kind: typeof a.kind === 'string' && excelTrim(a.kind) !== '' ? excelTrim(a.kind) : typedCell(a.kind),
    points: typedCell(a.points),
    loc: undefined,
  };
}

export async function build(opts: BuildOptions, ctx: CliContext): Promise<void> {
  if (!opts.template) throw new InputError('missing required option --template <T>');
  if (!opts.ratings) throw new InputError('missing required option --ratings <R>');
  if (!opts.out) throw new InputError('missing required option --out <BOOK.xlsx>');
  const lang = parseLang(opts.lang);
  const template = loadTemplate(opts.template, ctx.io);
  await checkInstallTarget(
    opts.out,
    [opts.template, opts.ratings, opts.adjustments, opts.ratees, opts.raters],
    opts.force || opts.onClash !== undefined,
  );
  const { input, problems } = loadCsvInput(template, { ...opts, ratings: opts.ratings }, lang, ctx.io);
  // Without a ratee list the ratees are those of the score sheets, as the engine orders them.
  const { results } = computeScores(input, { lang });
  const ratees = input.ratees ?? results.ratees.map((r) => ({ id: r.ratee }));
  await installAndReport(
    opts.out,
    {
      template,
      lang,
      ratees,
      raters: input.raters,
      entries: input.entries.map(typedEntry),
      adjustments: (input.adjustments ?? []).map(typedAdjustment),
      onClash: parseClash(opts.onClash),
    },
    ctx,
  );
  const n = problems.length + results.problems.length;
  if (n > 0)
    ctx.io.out(
      lang === 'zh'
        ? `输入有 ${n} 个问题，工作簿中已标出；用 duanping score ${opts.out} 查看。`
        : `${n} input problem${n === 1 ? '' : 's'}, marked in the workbook; see them with duanping score ${opts.out}.`,
    );
  ctx.exit(n > 0 ? 1 : 0);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('build')
    .description('write a workbook with the scores filled in and live formulas')
    .option('--template <T>', 'built-in template id or path to a template .json')
    .option('--ratings <R>', 'ratings CSV: source,rater,ratee,<indicator ids>…')
    .option('--adjustments <A>', 'adjustments CSV: ratee,kind,points,reason')
    .option('--ratees <F>', 'ratee list CSV: id,name[,group]')
    .option('--raters <F>', 'rater list CSV: id,source[,name]')
    .option('--out <BOOK>', 'the .xlsx to write')
    .option(
      '--on-clash <upgrade|rename>',
      'when sheets of the same name exist: upgrade in place keeping entries, or rename',
    )
    .option('--force', 'install into --out when it exists (its own sheets are kept)')
    .option('--lang <zh|en>', 'language of the sheets and messages', 'zh')
    .action((opts: BuildOptions) => build(opts, ctx));
}
