/**
 * Level shares (scoring.md, "Ballots: level shares and share rules"): among the counted rows of
 * a source for a ratee, the cells of level-coded indicators holding each level, divided by all
 * such cells; per source and pooled over every source with level-coded indicators as `all`.
 * Tallies (计票) add their counts the same way.
 */
import { toExcelPrecision } from '../round';
import type { Indicator, Template } from '../template';
import type { LevelShares, RawCell } from '../types';

/** The pooled key of `levelShares`. */
export const POOLED = 'all';

/** The level labels of a source's level-coded indicators, in template order (no duplicates). */
export function sourceLevelLabels(template: Template, sourceId: string): string[] {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  const labels: string[] = [];
  const source = template.sources.find((s) => s.id === sourceId);
  for (const id of source?.indicators ?? [])
    for (const l of byId.get(id)?.levels ?? []) if (!labels.includes(l.label)) labels.push(l.label);
  return labels;
}

/** The sources that have level-coded indicators (their shares are pooled as `all`). */
export function levelSources(template: Template): string[] {
  return template.sources.filter((s) => sourceLevelLabels(template, s.id).length > 0).map((s) => s.id);
}

/** The labels of the pooled shares: every label of the level sources, in template order. */
export function pooledLevelLabels(template: Template): string[] {
  const labels: string[] = [];
  for (const s of levelSources(template))
    for (const l of sourceLevelLabels(template, s)) if (!labels.includes(l)) labels.push(l);
  return labels;
}

export function hasLevelIndicators(template: Template): boolean {
  return template.indicators.some((i) => i.levels && i.levels.length > 0);
}

/** The level a valid cell holds: its label when the cell is the label, else the level with those points. */
export function levelOfCell(raw: RawCell, ind: Indicator, value: number): string | undefined {
  if (!ind.levels) return undefined;
  if (typeof raw === 'string') {
    const byLabel = ind.levels.find((l) => l.label === raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    if (byLabel) return byLabel.label;
  }
  return ind.levels.find((l) => l.points === value)?.label;
}

/** Counts of marks per ratee, source and level; turned into shares at the end. */
export class ShareCounter {
  private readonly counts = new Map<string, Map<string, Map<string, number>>>(); // ratee → source → label → n

  constructor(private readonly template: Template) {}

  add(ratee: string, source: string, label: string, n = 1): void {
    if (n === 0) return;
    let bySource = this.counts.get(ratee);
    if (!bySource) this.counts.set(ratee, (bySource = new Map()));
    let byLabel = bySource.get(source);
    if (!byLabel) bySource.set(source, (byLabel = new Map()));
    byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  }

  /** The shares of one ratee (`{}` when it has no level-coded cells at all). */
  shares(ratee: string): LevelShares {
    const out: LevelShares = {};
    const bySource = this.counts.get(ratee);
    if (!bySource) return out;
    const pooled = new Map<string, number>();
    for (const s of levelSources(this.template)) {
      const byLabel = bySource.get(s);
      if (!byLabel) continue;
      const total = [...byLabel.values()].reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      const labels = sourceLevelLabels(this.template, s);
      out[s] = Object.fromEntries(labels.map((l) => [l, toExcelPrecision((byLabel.get(l) ?? 0) / total)]));
      for (const [l, n] of byLabel) pooled.set(l, (pooled.get(l) ?? 0) + n);
    }
    const total = [...pooled.values()].reduce((a, b) => a + b, 0);
    if (total > 0)
      out[POOLED] = Object.fromEntries(
        pooledLevelLabels(this.template).map((l) => [l, toExcelPrecision((pooled.get(l) ?? 0) / total)]),
      );
    return out;
  }
}
