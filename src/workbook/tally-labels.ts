/** The level labels of the 计票 sheet's count columns (no imports of the layout: layout.ts uses it). */
import { sourceLevelLabels } from '../core/ballots/shares';
import { tallySources } from '../core/ballots/tally';
import type { Template } from '../core/template';

/** Every level label of the sources that can be tallied, in template order. */
export function pooledTallyLabels(template: Template): string[] {
  const labels: string[] = [];
  for (const s of tallySources(template))
    for (const l of sourceLevelLabels(template, s)) if (!labels.includes(l)) labels.push(l);
  return labels;
}
