/**
 * The day the browser tests walk through: the built-in star-rating template (村（社区）党组织
 * 星级评定: a committee and a residents' panel), 10 ratees, 8 raters per source, scores from the
 * project's seeded panel simulator with one flat rater planted in the committee, and one
 * cell typed the way clerks often do ("18分") that must be reported and fixed.
 */
import { simulatePanel } from '../../src/core/sim/panel';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { Template } from '../../src/core/template';

export const TEMPLATE_ID = 'star-rating';
export const SEED = 20240607;

export interface Scenario {
  template: Template;
  /** Header-less rows: source, rater, ratee, then every indicator of the template. */
  rows: string[][];
  /** The planted flat rater (committee). */
  flatRater: string;
  /** The bad cell: 0-based row in `rows`, the indicator id, what is typed, the fix. */
  bad: { row: number; indicator: string; typed: string; fixed: string };
}

export function scenario(): Scenario {
  const template = getBuiltinTemplate(TEMPLATE_ID);
  if (!template) throw new Error(`built-in template ${TEMPLATE_ID} is missing`);
  const indicators = template.indicators.map((x) => ({ id: x.id, max: x.max }));
  const base = { ratees: 10, raters: 8, indicators, step: 1, blankCellRate: 0, skipRate: 0 };
  const committee = simulatePanel({ ...base, plant: ['flat'], source: 'committee' }, SEED);
  const residents = simulatePanel({ ...base, source: 'residents' }, SEED + 1);
  const flat = committee.truth.find((t) => t.role === 'flat');
  if (!flat) throw new Error('the simulator did not plant a flat rater');
  const ids = template.indicators.map((x) => x.id);
  const rows: string[][] = [];
  for (const [panel, prefix] of [
    [committee, 'C'],
    [residents, 'M'],
  ] as const)
    for (const e of panel.entries)
      rows.push([
        panel.source.id,
        e.rater.replace(/^R/, prefix),
        e.ratee,
        ...ids.map((id) => String(e.cells[id] ?? '')),
      ]);
  const badRow = 13;
  const indicator = ids[1];
  const fixed = rows[badRow][3 + 1];
  rows[badRow][3 + 1] = `${fixed}分`;
  return {
    template,
    rows,
    flatRater: flat.rater.replace(/^R/, 'C'),
    bad: { row: badRow, indicator, typed: `${fixed}分`, fixed },
  };
}

/** The rows as a block copied from Excel: tab separated, CRLF line ends. */
export function asTsv(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
}
