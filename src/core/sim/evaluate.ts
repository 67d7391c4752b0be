/**
 * The detection study: many simulated panels with planted patterns, run through analyzeRaters,
 * counting how often each planted pattern is found (flag at warn or alert on the planted rater;
 * favoritism must name the planted ratee, copied the rater copied from) and how often an honest
 * rater gets any warn/alert flag. The rater whose sheet was copied is neither planted nor honest.
 */
import { analyzeRaters } from '../raters';
import type { FlagCode, RaterReport } from '../raters/types';
import { createRng } from './prng';
import { drawPlants, PLANTED_PATTERNS, simulatePanel, type PlantedPattern, type PlantedRater } from './panel';

export interface DetectionStudyOptions {
  /** Number of panels. */
  panels: number;
  seed: number;
  /** Template raterSettings to test. */
  settings?: Record<string, number>;
  /** Ratees per panel, inclusive range. Default 8–40. */
  ratees?: [number, number];
  /** Raters per panel, inclusive range. Default 9–30. */
  raters?: [number, number];
  /** Planted patterns per panel, inclusive range. Default 1–3. */
  plants?: [number, number];
}

export interface Tally {
  planted: number;
  found: number;
  honest: number;
  honestFlagged: number;
}

export interface DetectionStudy {
  panels: number;
  patterns: Record<PlantedPattern, { planted: number; found: number; recall: number }>;
  honest: { raters: number; flagged: number; rate: number; byCode: Partial<Record<FlagCode, number>> };
  /** By ratee count: 8–15, 16–25, 26–40 (or whatever the range gives). */
  bySize: { label: string; panels: number; recall: number; honestRate: number; tally: Tally }[];
}

const serious = (r: RaterReport) => r.flags.filter((f) => f.level !== 'info');

/** Whether the planted pattern of `t` shows in its report. */
export function patternFound(t: PlantedRater, report: RaterReport): boolean {
  const flags = serious(report);
  switch (t.role) {
    case 'favoritism':
      return flags.some((f) => f.code === 'favoritism' && f.ratee === t.ratee);
    case 'copied':
      return flags.some(
        (f) =>
          f.code === 'copied' &&
          (f.evidence.other === t.other ||
            String(f.evidence.group ?? '')
              .split(', ')
              .includes(t.other ?? '')),
      );
    case 'honest':
    case 'copy-source':
    case 'acquiescent':
      return false;
    default:
      return flags.some((f) => f.code === t.role);
  }
}

const sizeLabel = (ratees: number) =>
  ratees <= 15 ? '8–15 units' : ratees <= 25 ? '16–25 units' : '26–40 units';

/** Runs the study; deterministic for a seed. */
export function runDetectionStudy(options: DetectionStudyOptions): DetectionStudy {
  const rng = createRng(options.seed);
  const [jMin, jMax] = options.ratees ?? [8, 40];
  const [rMin, rMax] = options.raters ?? [9, 30];
  const [pMin, pMax] = options.plants ?? [1, 3];
  const patterns = Object.fromEntries(
    PLANTED_PATTERNS.map((p) => [p, { planted: 0, found: 0, recall: 0 }]),
  ) as DetectionStudy['patterns'];
  const honest = { raters: 0, flagged: 0, rate: 0, byCode: {} as Partial<Record<FlagCode, number>> };
  const sizes = new Map<string, { panels: number; tally: Tally }>();
  for (let p = 0; p < options.panels; p++) {
    const ratees = rng.int(jMin, jMax);
    const raters = rng.int(rMin, rMax);
    const plant = drawPlants(rng, rng.int(pMin, pMax));
    const panel = simulatePanel({ ratees, raters, plant }, rng.int(0, 2 ** 31 - 1));
    const result = analyzeRaters({ sources: [panel.source] }, { settings: options.settings });
    const byRater = new Map(result.raters.map((r) => [r.rater, r]));
    const label = sizeLabel(ratees);
    const size = sizes.get(label) ?? {
      panels: 0,
      tally: { planted: 0, found: 0, honest: 0, honestFlagged: 0 },
    };
    size.panels++;
    sizes.set(label, size);
    for (const t of panel.truth) {
      const report = byRater.get(t.rater);
      if (!report || t.role === 'copy-source' || t.role === 'acquiescent') continue;
      if (t.role === 'honest') {
        const flags = serious(report);
        honest.raters++;
        size.tally.honest++;
        if (flags.length) {
          honest.flagged++;
          size.tally.honestFlagged++;
          for (const f of new Set(flags.map((f) => f.code))) honest.byCode[f] = (honest.byCode[f] ?? 0) + 1;
        }
        continue;
      }
      const found = patternFound(t, report);
      patterns[t.role].planted++;
      size.tally.planted++;
      if (found) {
        patterns[t.role].found++;
        size.tally.found++;
      }
    }
  }
  for (const p of PLANTED_PATTERNS)
    patterns[p].recall = patterns[p].planted ? patterns[p].found / patterns[p].planted : 0;
  honest.rate = honest.raters ? honest.flagged / honest.raters : 0;
  const bySize = [...sizes.entries()]
    .sort(([a], [b]) => parseInt(a) - parseInt(b))
    .map(([label, s]) => ({
      label,
      panels: s.panels,
      recall: s.tally.planted ? s.tally.found / s.tally.planted : 0,
      honestRate: s.tally.honest ? s.tally.honestFlagged / s.tally.honest : 0,
      tally: s.tally,
    }));
  return { panels: options.panels, patterns, honest, bySize };
}
