/**
 * `duanping analyze --ratings R [--template T] [--json]`: rater consistency only.
 * Without a template, one is inferred from the CSV header (docs/cli.md): every column after
 * source/rater/ratee is an indicator whose maximum is the largest score found in it.
 */
import type { Command } from 'commander';
import { parseCsv } from '../../core/csv';
import { InputError } from '../../core/errors';
import { scoreAndAnalyze } from '../../core/pipeline';
import { validateTemplate, type Template } from '../../core/template';
import { loadTemplate, parseLang, readText, type CliContext } from '../context';
import { loadCsvInput } from '../input';
import { problemsReport, ratersReport } from '../report';
import { reviewReport } from '../review-report';
import { basename } from 'node:path';

/** A template good enough for rater analysis, read off a ratings file's header and values. */
export function inferTemplate(csvText: string, fileName: string): Template {
  const { header, records } = parseCsv(csvText, fileName);
  const fixed = ['source', 'rater', 'ratee', 'review', 'reviewNote'];
  const ids = header.filter((h) => !fixed.includes(h));
  if (!header.includes('rater') || !header.includes('ratee') || ids.length === 0)
    throw new InputError(
      `${fileName}: without --template the header must be source,rater,ratee,<indicator ids>…`,
    );
  const col = (h: string) => header.indexOf(h);
  const sources = header.includes('source')
    ? [...new Set(records.map((r) => r.fields[col('source')]?.trim()).filter(Boolean))]
    : ['all'];
  const maxOf = (id: string) =>
    Math.max(1, ...records.map((r) => Number(r.fields[col(id)])).filter((x) => Number.isFinite(x) && x > 0));
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: 'inferred',
    name: basename(fileName),
    indicators: ids.map((id) => ({ id, name: id, dimension: '-', max: maxOf(id) })),
    sources: sources.map((id) => ({ id, name: id, weight: 1, aggregate: 'mean' })),
    tiers: [{ name: '-', min: 0 }],
  });
  if (!v.ok) throw new InputError(`${fileName}: cannot infer a template (${v.errors[0]}); pass --template`);
  return v.template;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description('rater consistency only: flags per rater and panel reliability per source')
    .option('--ratings <R>', 'ratings CSV: source,rater,ratee,<indicator ids>…')
    .option('--template <T>', 'built-in template id or path (default: inferred from the header)')
    .option('--json', 'print {schema, raters, reliability, problems} JSON')
    .option('--lang <zh|en>', 'language of messages', 'zh')
    .action((opts: { ratings?: string; template?: string; json?: boolean; lang?: string }) => {
      const lang = parseLang(opts.lang);
      if (!opts.ratings) throw new InputError('missing required option --ratings <R>');
      const template = opts.template
        ? loadTemplate(opts.template, ctx.io)
        : inferTemplate(readText(opts.ratings), opts.ratings);
      const { input, problems } = loadCsvInput(template, { ratings: opts.ratings }, lang, ctx.io);
      // Without a template there are no tiers: no stability to report.
      const { results } = scoreAndAnalyze(input, { lang, review: { stability: !!opts.template } });
      // Only sheet-level problems matter here; missing sources per ratee are the scoring's business.
      results.problems = [...problems, ...results.problems].filter(
        (p) => !['missing-source', 'no-valid-rows', 'no-composite'].includes(p.code),
      );
      if (opts.json) {
        const { schema, template: t, raters, reliability, problems: ps, ratees } = results;
        const tierStability = opts.template
          ? ratees.map((r) => ({ ratee: r.ratee, tierStability: r.tierStability ?? null }))
          : undefined;
        ctx.io.out(
          JSON.stringify(
            { schema, template: t, raters, reliability, problems: ps, ratees: tierStability },
            null,
            2,
          ),
        );
      } else {
        ctx.io.out(
          [ratersReport(results, lang), reviewReport(results, lang), '', problemsReport(results, lang)].join(
            '\n',
          ),
        );
      }
      ctx.exit(results.problems.length > 0 ? 1 : 0);
    });
}
