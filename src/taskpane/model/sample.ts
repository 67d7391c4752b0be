/**
 * 载入示例: the sample a first-time clerk can try everything on — the built-in star-rating
 * template (村（社区）党组织星级评定), ten villages, eight committee members and eight residents'
 * representatives, scores from the project's seeded panel simulator (one committee member
 * gives everyone about the same, for the 评委 tab to find).
 */
import { simulatePanel } from '../../core/sim/panel';
import type { Template } from '../../core/template';
import { getBuiltinTemplate } from '../../core/templates';
import type { RateeInfo, RaterInfo } from '../../core/types';

export interface Sample {
  template: Template;
  ratees: RateeInfo[];
  raters: RaterInfo[];
  /** Scores by `source|rater|ratee`, indicator id → points. */
  scores: Map<string, Record<string, number>>;
}

const VILLAGES = [
  '东关村',
  '西岭村',
  '南湖社区',
  '北山村',
  '青石村',
  '柳河村',
  '城关社区',
  '杏花村',
  '桥头村',
  '新华社区',
];
const SEED = 20240607;

export const sampleKey = (source: string, rater: string, ratee: string) => `${source}|${rater}|${ratee}`;

export function sampleData(): Sample {
  const template = getBuiltinTemplate('star-rating');
  if (!template) throw new Error('the built-in star-rating template is missing');
  const indicators = template.indicators.map((x) => ({ id: x.id, max: x.max }));
  const base = { ratees: VILLAGES.length, raters: 8, indicators, step: 1, blankCellRate: 0, skipRate: 0 };
  const scores = new Map<string, Record<string, number>>();
  const ratees = new Map<string, RateeInfo>();
  const raters: RaterInfo[] = [];
  template.sources.forEach((source, k) => {
    const panel = simulatePanel({ ...base, plant: k === 0 ? ['flat'] : [], source: source.id }, SEED + k);
    const prefix = k === 0 ? 'C' : 'M';
    for (const e of panel.entries) {
      const rater = e.rater.replace(/^R/, prefix);
      const index = Number(e.ratee.replace(/\D/g, '')) - 1;
      if (!ratees.has(e.ratee)) ratees.set(e.ratee, { id: e.ratee, name: VILLAGES[index] ?? e.ratee });
      if (!raters.some((r) => r.id === rater)) raters.push({ id: rater, source: source.id });
      const cells: Record<string, number> = {};
      for (const ind of template.indicators) cells[ind.id] = Number(e.cells[ind.id] ?? 0);
      scores.set(sampleKey(source.id, rater, e.ratee), cells);
    }
  });
  return { template, ratees: [...ratees.values()], raters, scores };
}
