/** Loading the CSV inputs of a command into engine input, with their file-level problems. */
import { readAdjustmentsCsv, readRateesCsv, readRatersCsv, readRatingsCsv } from '../core/csv';
import type { ScoreInput } from '../core/scoring';
import type { Template } from '../core/template';
import type { Lang, Problem } from '../core/types';
import { readText, type CliIO } from './context';
import { basename } from 'node:path';

export interface CsvPaths {
  ratings: string;
  adjustments?: string;
  ratees?: string;
  raters?: string;
}

export function loadCsvInput(
  template: Template,
  paths: CsvPaths,
  lang: Lang,
  io?: CliIO,
): { input: ScoreInput; problems: Problem[] } {
  const ratings = readRatingsCsv(readText(paths.ratings, io), template, basename(paths.ratings), lang);
  const adj = paths.adjustments
    ? readAdjustmentsCsv(readText(paths.adjustments, io), basename(paths.adjustments), lang)
    : { adjustments: [], problems: [] };
  return {
    input: {
      template,
      entries: ratings.entries,
      adjustments: adj.adjustments,
      ratees: paths.ratees ? readRateesCsv(readText(paths.ratees, io), basename(paths.ratees)) : undefined,
      raters: paths.raters ? readRatersCsv(readText(paths.raters, io), basename(paths.raters)) : undefined,
    },
    problems: [...ratings.problems, ...adj.problems],
  };
}
