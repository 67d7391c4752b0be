/**
 * A simulator of realistic assessment panels with planted rater patterns (raters.md,
 * "How well it must work"). Seeded and deterministic.
 *
 * Honest model, per indicator i on the 0..1 scale (points / max):
 *   x = quality(ratee) + profile(ratee, i) + leniency(rater) + impression(rater, ratee) + noise(rater, ratee, i)
 * clipped to [0, 1], times max, rounded to the step (0.5 or 1 point), as a clerk would type it.
 * Panel figures are drawn per panel: mean quality 0.72–0.84 (totals around 72–84), ratee spread
 * SD 5–9 points, indicator profile SD 0.05, rater leniency SD 3 points, impression SD 1.5–3.5
 * points, per-cell noise SD 4–8 % of the maximum.
 *
 * Planted patterns, at the strength raters.md calls obvious:
 * - flat: the honest sheet with every indicator's spread around the rater's own mean compressed to a fifth;
 * - lenient / severe: leniency replaced by a push that moves the sheet's mean total 12–18 points up / down
 *   (more than 12–18 before clipping at 0 and max, as a lenient rater near 100 has to push harder);
 * - halo: one level per ratee (the honest overall impression), the same share of max on every indicator;
 * - favoritism: one ratee moved 21–28 points up (or down when there is no room) from the honest sheet;
 * - erratic: every cell drawn uniformly between 50 % and 100 % of the maximum;
 * - copied: another (honest) rater's sheet, either verbatim or with 1–3 % of its cells nudged by one step.
 */
import { rowTotal } from '../scoring';
import type { AnalysisInput, AnalysisSource } from '../raters/types';
import type { EntryRow } from '../types';
import { createRng, type Rng } from './prng';

export type PlantedPattern = 'flat' | 'lenient' | 'severe' | 'halo' | 'favoritism' | 'erratic' | 'copied';

export const PLANTED_PATTERNS: readonly PlantedPattern[] = [
  'flat',
  'lenient',
  'severe',
  'halo',
  'favoritism',
  'erratic',
  'copied',
];

export interface SimIndicator {
  id: string;
  max: number;
}

export interface PanelOptions {
  ratees: number;
  raters: number;
  /** Patterns to plant, one rater each (a pattern may repeat). */
  plant?: PlantedPattern[];
  /** Indicator layout; default: one of the built-in layouts, drawn from the seed. */
  indicators?: SimIndicator[];
  /** Points are typed in steps of this size; default 0.5 or 1, drawn from the seed. */
  step?: number;
  /** Share of sheet rows left with one blank cell (no total). Default 0.01. */
  blankCellRate?: number;
  /** Share of rater × ratee sheets never filled. Default 0.01. */
  skipRate?: number;
  /** Source id and name. Default `sim`. */
  source?: string;
  /** Panel mean quality (share of max) and ratee spread, drawn in these ranges. Default [0.72, 0.84] and [0.05, 0.09]. */
  qualityMean?: [number, number];
  qualitySd?: [number, number];
  /** SD of honest raters' leniency (share of max). Default 0.03 (3 points). */
  leniencySd?: number;
  /** Range of the SD of a rater's overall impression of a ratee (share of max). Default [0.015, 0.035]. */
  impressionSd?: [number, number];
  /** Share of cells left blank, each independently (on top of blankCellRate). Default 0. */
  cellBlankRate?: number;
  /** Copied sheets: share of cells changed by one step, drawn in this range. Default: half verbatim, half 1–3 %. */
  copyChange?: [number, number];
  /** Halo: share of the rater's ratees scored with one level. Default 1. */
  haloShare?: number;
  /** Favoritism: every planted favour goes to the same ratee (a faction). Default false. */
  sameFavourRatee?: boolean;
}

export interface PlantedRater {
  rater: string;
  /** `honest`, a planted pattern, `copy-source` (the rater whose sheet was copied) or
   *  `acquiescent` (a ballot voter who marks 好 for almost everyone). */
  role: PlantedPattern | 'honest' | 'copy-source' | 'acquiescent';
  /** Favoritism: the ratee moved. */
  ratee?: string;
  /** Copied: the rater copied from; copy-source: the copier. */
  other?: string;
}

export interface SimulatedPanel {
  indicators: SimIndicator[];
  /** EntryRow-shaped sheets (`cells` keyed by indicator id; null = blank). */
  entries: EntryRow[];
  /** The same panel as the rater analysis reads it. */
  source: AnalysisSource;
  truth: PlantedRater[];
}

/** Realistic 100-point layouts: maxima of the indicators. */
const LAYOUTS: readonly number[][] = [
  [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
  [15, 15, 10, 10, 10, 10, 10, 10, 5, 5],
  [20, 20, 20, 20, 20],
  [25, 25, 20, 15, 15],
  [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 10, 10],
  [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Row total on the 0..100 scale with weight = max, through the engine's own step 1 (`rowTotal`);
 * null when a cell is blank.
 */
export function simRowTotal(
  values: readonly (number | null)[],
  indicators: readonly SimIndicator[],
): number | null {
  if (values.some((v) => v === null)) return null;
  return rowTotal(
    values as number[],
    indicators.map((i) => ({ id: i.id, name: i.id, dimension: '', max: i.max, weight: i.max })),
  );
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));
const roundTo = (x: number, step: number) => Math.round(x / step) * step;

/** One simulated source. The same options and seed always give the same panel. */
export function simulatePanel(options: PanelOptions, seed: number): SimulatedPanel {
  const rng = createRng(seed);
  const nJ = options.ratees;
  const nR = options.raters;
  if (!(nJ >= 1 && nR >= 1))
    throw new Error(`simulatePanel: needs at least one ratee and one rater (got ${nJ} × ${nR})`);
  const indicators =
    options.indicators ?? rng.pick(LAYOUTS).map((max, i) => ({ id: `I${pad(i + 1, 2)}`, max }));
  const step = options.step ?? rng.pick([0.5, 1]);
  const nI = indicators.length;
  const raters = Array.from({ length: nR }, (_, r) => `R${pad(r + 1, 2)}`);
  const ratees = Array.from({ length: nJ }, (_, j) => `U${pad(j + 1, 3)}`);
  const plant = options.plant ?? [];
  if (plant.length > nR)
    throw new Error(`simulatePanel: ${plant.length} patterns to plant but only ${nR} raters`);

  // Panel-level figures.
  const mu = rng.uniform(...(options.qualityMean ?? [0.72, 0.84]));
  const sdQuality = rng.uniform(...(options.qualitySd ?? [0.05, 0.09]));
  const quality = ratees.map(() => mu + sdQuality * rng.normal());
  const profile = ratees.map(() => indicators.map(() => 0.05 * rng.normal()));

  // Who carries which pattern.
  const order = rng.shuffle(raters.map((_, r) => r));
  const role: PlantedRater['role'][] = raters.map(() => 'honest');
  plant.forEach((p, x) => (role[order[x]] = p));

  /** The honest sheet of rater r with leniency `offset`, on the 0..1 scale (unclipped). */
  const honestSheet = (offset: number): number[][] => {
    const impressionSd = rng.uniform(...(options.impressionSd ?? [0.015, 0.035]));
    const noiseSd = rng.uniform(0.04, 0.08);
    return ratees.map((_, j) => {
      const impression = impressionSd * rng.normal();
      return indicators.map(
        (_, i) => quality[j] + profile[j][i] + offset + impression + noiseSd * rng.normal(),
      );
    });
  };
  const toPoints = (sheet: number[][]) =>
    sheet.map((row) => row.map((x, i) => roundTo(clip01(x) * indicators[i].max, step)));

  const points: number[][][] = new Array(nR);
  let favourRatee: number | undefined;
  const truth: PlantedRater[] = raters.map((rater, r) => ({ rater, role: role[r] }));
  for (let r = 0; r < nR; r++) {
    const leniency = (options.leniencySd ?? 0.03) * rng.normal();
    switch (role[r]) {
      case 'lenient':
      case 'severe': {
        // The shift must show on the sheet: near 100 (or 0) clipping eats part of it, so push
        // until the sheet's mean total moves by the drawn 12–18 points (or the push reaches 35).
        const sign = role[r] === 'lenient' ? 1 : -1;
        const target = rng.uniform(0.12, 0.18);
        const sheet = honestSheet(0);
        const meanTotal = (rows: number[][]) =>
          rows.reduce((sum, row) => sum + (simRowTotal(row, indicators) as number), 0) / nJ / 100;
        const base = meanTotal(toPoints(sheet));
        let shift = target;
        let shifted = toPoints(sheet.map((row) => row.map((x) => x + sign * shift)));
        while (Math.abs(meanTotal(shifted) - base) < target && shift < 0.35) {
          shift += 0.01;
          shifted = toPoints(sheet.map((row) => row.map((x) => x + sign * shift)));
        }
        points[r] = shifted;
        break;
      }
      case 'flat': {
        const sheet = honestSheet(leniency).map((row) => row.map(clip01));
        const means = indicators.map((_, i) => sheet.reduce((s, row) => s + row[i], 0) / nJ);
        points[r] = toPoints(sheet.map((row) => row.map((x, i) => means[i] + 0.2 * (x - means[i]))));
        break;
      }
      case 'halo': {
        const sheet = honestSheet(leniency);
        const share = options.haloShare ?? 1;
        const which =
          share >= 1 ? null : new Set(rng.shuffle(ratees.map((_, j) => j)).slice(0, Math.round(share * nJ)));
        points[r] = toPoints(
          sheet.map((row, j) =>
            which && !which.has(j) ? row : row.map(() => row.reduce((s, x) => s + x, 0) / nI),
          ),
        );
        break;
      }
      case 'erratic':
        points[r] = ratees.map(() => indicators.map((ind) => roundTo(rng.uniform(0.5, 1) * ind.max, step)));
        break;
      case 'favoritism': {
        const sheet = toPoints(honestSheet(leniency));
        const drawn = rng.int(0, nJ - 1);
        const j = options.sameFavourRatee ? (favourRatee ??= drawn) : drawn;
        const total = simRowTotal(sheet[j], indicators) as number;
        const delta = rng.uniform(21, 28);
        sheet[j] =
          total + delta <= 99
            ? sheet[j].map((x, i) => roundTo(x + (delta / (100 - total)) * (indicators[i].max - x), step))
            : sheet[j].map((x) => roundTo(x * (1 - delta / total), step));
        points[r] = sheet;
        truth[r].ratee = ratees[j];
        break;
      }
      default:
        points[r] = toPoints(honestSheet(leniency));
    }
  }
  // Copies last, so that they copy a finished honest sheet.
  for (let r = 0; r < nR; r++) {
    if (role[r] !== 'copied') continue;
    const candidates = raters.map((_, s) => s).filter((s) => role[s] === 'honest');
    if (candidates.length === 0)
      throw new Error('simulatePanel: a copied sheet needs an honest rater to copy');
    const s = rng.pick(candidates);
    role[s] = 'copy-source';
    truth[s] = { rater: raters[s], role: 'copy-source', other: raters[r] };
    truth[r].other = raters[s];
    const copy = points[s].map((row) => [...row]);
    if (options.copyChange) {
      // Distinct cells, each moved one step.
      const all = rng.shuffle(Array.from({ length: nJ * nI }, (_, k) => k));
      const changes = Math.max(1, Math.round(rng.uniform(...options.copyChange) * nJ * nI));
      for (const k of all.slice(0, changes)) {
        const j = Math.floor(k / nI);
        const i = k % nI;
        const up = rng.next() < 0.5 ? copy[j][i] + step <= indicators[i].max : copy[j][i] - step < 0;
        copy[j][i] += up ? step : -step;
      }
    } else if (rng.next() < 0.5) {
      const nudges = Math.max(1, Math.round(rng.uniform(0.01, 0.03) * nJ * nI));
      for (let x = 0; x < nudges; x++) {
        const j = rng.int(0, nJ - 1);
        const i = rng.int(0, nI - 1);
        const up = copy[j][i] + step <= indicators[i].max;
        copy[j][i] += up ? step : -step;
      }
    }
    points[r] = copy;
  }

  // Gaps a clerk meets: sheets never filled, blank cells.
  const blankCellRate = options.blankCellRate ?? 0.01;
  const skipRate = options.skipRate ?? 0.01;
  const cellBlankRate = options.cellBlankRate ?? 0;
  const sourceId = options.source ?? 'sim';
  const entries: EntryRow[] = [];
  const rows: AnalysisSource['rows'] = [];
  for (let r = 0; r < nR; r++)
    for (let j = 0; j < nJ; j++) {
      // A planted favour stays on the sheet: a favour that was never typed in cannot be found.
      const keep = truth[r].ratee === ratees[j];
      if (rng.next() < skipRate && !keep) continue;
      const values: (number | null)[] = [...points[r][j]];
      if (rng.next() < blankCellRate && !keep) values[rng.int(0, nI - 1)] = null;
      if (cellBlankRate > 0 && !keep)
        for (let i = 0; i < nI; i++) if (rng.next() < cellBlankRate) values[i] = null;
      const cells: Record<string, number | null> = {};
      indicators.forEach((ind, i) => (cells[ind.id] = values[i]));
      entries.push({ source: sourceId, rater: raters[r], ratee: ratees[j], cells });
      rows.push({ rater: raters[r], ratee: ratees[j], total: simRowTotal(values, indicators), values });
    }
  return {
    indicators,
    entries,
    source: {
      id: sourceId,
      name: sourceId,
      indicators: indicators.map((ind) => ({ id: ind.id, max: ind.max, weight: ind.max })),
      rows,
    },
    truth,
  };
}

/** Wraps simulated panels as the input of analyzeRaters. */
export function toAnalysisInput(panels: readonly SimulatedPanel[]): AnalysisInput {
  return { sources: panels.map((p) => p.source) };
}

/** Draws `count` distinct patterns for one panel (used by the detection study). */
export function drawPlants(rng: Rng, count: number): PlantedPattern[] {
  return rng.shuffle(PLANTED_PATTERNS).slice(0, count);
}
