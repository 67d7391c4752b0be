/**
 * `duanping init --template T [--ratees F] [--raters F] [--lang zh|en] --out BOOK.xlsx [--on-clash upgrade|rename]`:
 * a workbook laid out exactly as the add-in installs it, ready for typing. When BOOK.xlsx exists
 * the installation goes into it; its own sheets are never overwritten (see src/workbook/install.ts).
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { readRateesCsv, readRatersCsv } from '../../core/csv';
import { InputError } from '../../core/errors';
import type { ClashChoice } from '../../hosts/types';
import { installXlsxFile, type XlsxInstallOptions } from '../../hosts/xlsx/install';
import { loadTemplate, parseLang, readText, type CliContext } from '../context';
import { checkOutput, refuseIfPartsWouldBeLost, writeAtomically } from '../files';
import { existsSync } from 'node:fs';

export interface InitOptions {
  template?: string;
  ratees?: string;
  raters?: string;
  out?: string;
  onClash?: string;
  force?: boolean;
  lang?: string;
}

/**
 * The checks before installing into `--out`: an existing book needs --force (it is installed
 * into, its own sheets kept) and must hold nothing exceljs would drop; no input may be the output.
 */
export async function checkInstallTarget(
  out: string,
  inputs: (string | undefined)[],
  force: boolean | undefined,
): Promise<void> {
  checkOutput({
    option: '--out',
    path: out,
    inputs: inputs.filter((x): x is string => !!x),
    force,
    intoExisting: true,
  });
  await refuseIfPartsWouldBeLost(out, 'install into');
}

/** `--on-clash` as a choice, or a one-line error. */
export function parseClash(value: string | undefined): ClashChoice | undefined {
  if (value === undefined) return undefined;
  if (value === 'upgrade' || value === 'rename') return value;
  throw new InputError(`--on-clash must be upgrade or rename (found "${value}")`);
}

/** Installs and reports what was done in one or two lines. */
export async function installAndReport(out: string, o: XlsxInstallOptions, ctx: CliContext): Promise<void> {
  let result: Awaited<ReturnType<typeof installXlsxFile>> | undefined;
  await writeAtomically(out, async (tmp) => {
    result = await installXlsxFile(existsSync(out) ? out : tmp, o, tmp);
  });
  const { report, plan } = result!;
  const zh = (o.lang ?? 'zh') === 'zh';
  const e = plan.layout.entry;
  ctx.io.out(
    zh
      ? `已写入 ${out}：${report.sheets.filter((s) => !s.startsWith('DP_')).join('、')}；评分录入表可录 ${e.lastRow - e.firstRow + 1} 行。`
      : `wrote ${out}: ${report.sheets.filter((s) => !s.startsWith('DP_')).join(', ')}; the entry sheet takes ${e.lastRow - e.firstRow + 1} rows.`,
  );
  const renamed = Object.entries(report.renamed);
  if (renamed.length > 0)
    ctx.io.out(
      (zh ? '为避免覆盖已有工作表而改名：' : 'renamed to keep existing sheets: ') +
        renamed.map(([a, b]) => `${a} → ${b}`).join(', '),
    );
  if (report.keptEntries > 0)
    ctx.io.out(
      zh
        ? `已保留原有评分表 ${report.keptEntries} 行。`
        : `kept ${report.keptEntries} existing score sheet rows.`,
    );
}

export async function init(opts: InitOptions, ctx: CliContext): Promise<void> {
  if (!opts.template) throw new InputError('missing required option --template <T>');
  if (!opts.out) throw new InputError('missing required option --out <BOOK.xlsx>');
  const lang = parseLang(opts.lang);
  const template = loadTemplate(opts.template, ctx.io);
  await checkInstallTarget(
    opts.out,
    [opts.template, opts.ratees, opts.raters],
    opts.force || opts.onClash !== undefined,
  );
  await installAndReport(
    opts.out,
    {
      template,
      lang,
      ratees: opts.ratees ? readRateesCsv(readText(opts.ratees, ctx.io), basename(opts.ratees)) : undefined,
      raters: opts.raters ? readRatersCsv(readText(opts.raters, ctx.io), basename(opts.raters)) : undefined,
      onClash: parseClash(opts.onClash),
    },
    ctx,
  );
  ctx.exit(0);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('write a workbook ready for typing scores (or install into an existing one)')
    .option('--template <T>', 'built-in template id or path to a template .json')
    .option('--ratees <F>', 'ratee list CSV: id,name[,group]')
    .option('--raters <F>', 'rater list CSV: id,source[,name]')
    .option('--out <BOOK>', 'the .xlsx to write (an existing workbook is installed into)')
    .option(
      '--on-clash <upgrade|rename>',
      'when sheets of the same name exist: upgrade in place keeping entries, or rename',
    )
    .option('--force', 'install into --out when it exists (its own sheets are kept)')
    .option('--lang <zh|en>', 'language of the sheets', 'zh')
    .action((opts: InitOptions) => init(opts, ctx));
}
