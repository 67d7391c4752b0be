/**
 * Simulated 民主测评 ballots (the built-in democratic-ballot template: 5 items, each marked
 * 好/较好/一般/差 = 100/80/60/40 points). Seeded and deterministic.
 *
 * Honest voter, per ratee j and item i, on the points scale:
 *   x = quality(j) + profile(j, i) + leniency(voter) + impression(voter, j) + noise
 * marked at the nearest level. Panel mean quality 78–88, ratee SD 6–10, item profile SD 4,
 * leniency SD 4, impression SD 5, noise SD 8.
 * Acquiescent voters (a share of the panel, `acquiescent`) mark 好 on each item with probability
 * 0.93–1, otherwise as an honest voter would. They are neither honest nor planted in the study:
 * the promise for them is one flag (flat) and the panel line.
 * Planted patterns: favoritism (one ratee marked 差 on every item: 打压), severe (every mark one
 * level lower), flat (较好 on every item), erratic (marks at random), copied (another honest voter's ballot).
 */
import type { AnalysisSource } from '../raters/types';
import type { EntryRow } from '../types';
import { createRng } from './prng';
import type { PlantedPattern, PlantedRater, SimulatedPanel } from './panel';

export const BALLOT_LEVELS = [
  { label: '好', points: 100 },
  { label: '较好', points: 80 },
  { label: '一般', points: 60 },
  { label: '差', points: 40 },
] as const;

export const BALLOT_PATTERNS: readonly PlantedPattern[] = [
  'favoritism',
  'severe',
  'flat',
  'erratic',
  'copied',
];

export interface BallotOptions {
  ratees: number;
  voters: number;
  /** Share of voters who mark 好 for almost everyone. */
  acquiescent: number;
  plant?: PlantedPattern[];
  items?: number;
}

const nearest = (x: number) => Math.min(100, Math.max(40, Math.round(x / 20) * 20));

export function simulateBallot(options: BallotOptions, seed: number): SimulatedPanel {
  const rng = createRng(seed);
  const nJ = options.ratees;
  const nR = options.voters;
  const nI = options.items ?? 5;
  const plant = options.plant ?? [];
  const nAcq = Math.round(options.acquiescent * nR);
  if (plant.length + nAcq > nR)
    throw new Error('simulateBallot: more planted and acquiescent voters than voters');
  const indicators = Array.from({ length: nI }, (_, i) => ({ id: `M${i + 1}`, max: 100 }));
  const raters = Array.from({ length: nR }, (_, r) => `V${String(r + 1).padStart(2, '0')}`);
  const ratees = Array.from({ length: nJ }, (_, j) => `L${String(j + 1).padStart(2, '0')}`);
  const mu = rng.uniform(78, 88);
  const sdQ = rng.uniform(6, 10);
  const quality = ratees.map(() => mu + sdQ * rng.normal());
  const profile = ratees.map(() => indicators.map(() => 4 * rng.normal()));
  const order = rng.shuffle(raters.map((_, r) => r));
  const role: PlantedRater['role'][] = raters.map(() => 'honest');
  plant.forEach((p, x) => (role[order[x]] = p));
  const acquiescent = new Set(order.slice(plant.length, plant.length + nAcq));
  const honestBallot = (): number[][] => {
    const len = 4 * rng.normal();
    return ratees.map((_, j) => {
      const imp = 5 * rng.normal();
      return indicators.map((_, i) => nearest(quality[j] + profile[j][i] + len + imp + 8 * rng.normal()));
    });
  };
  const marks: number[][][] = new Array(nR);
  const truth: PlantedRater[] = raters.map((rater, r) => ({ rater, role: role[r] }));
  for (let r = 0; r < nR; r++) {
    const base = honestBallot();
    if (acquiescent.has(r)) {
      const p = rng.uniform(0.93, 1);
      marks[r] = base.map((row) => row.map((x) => (rng.next() < p ? 100 : x)));
      truth[r].role = 'acquiescent';
      continue;
    }
    switch (role[r]) {
      case 'favoritism': {
        // 打压: the ratee the voter would have marked highest gets 差 on every item.
        const totals = base.map((row) => row.reduce((a, b) => a + b, 0));
        const j = totals.indexOf(Math.max(...totals));
        base[j] = base[j].map(() => 40);
        truth[r].ratee = ratees[j];
        marks[r] = base;
        break;
      }
      case 'severe':
        marks[r] = base.map((row) => row.map((x) => Math.max(40, x - 20)));
        break;
      case 'flat':
        marks[r] = base.map((row) => row.map(() => 80));
        break;
      case 'erratic':
        marks[r] = base.map((row) => row.map(() => 40 + 20 * rng.int(0, 3)));
        break;
      default:
        marks[r] = base;
    }
  }
  for (let r = 0; r < nR; r++) {
    if (role[r] !== 'copied') continue;
    const candidates = raters.map((_, s) => s).filter((s) => role[s] === 'honest' && !acquiescent.has(s));
    const s = rng.pick(candidates);
    role[s] = 'copy-source';
    truth[s] = { rater: raters[s], role: 'copy-source', other: raters[r] };
    truth[r].other = raters[s];
    marks[r] = marks[s].map((row) => [...row]);
  }
  const entries: EntryRow[] = [];
  const rows: AnalysisSource['rows'] = [];
  for (let r = 0; r < nR; r++)
    for (let j = 0; j < nJ; j++) {
      const values = [...marks[r][j]];
      const cells: Record<string, number | null> = {};
      indicators.forEach((ind, i) => (cells[ind.id] = values[i]));
      entries.push({ source: 'voters', rater: raters[r], ratee: ratees[j], cells });
      rows.push({
        rater: raters[r],
        ratee: ratees[j],
        total: values.reduce((a, b) => a + b, 0) / nI,
        values,
      });
    }
  return {
    indicators,
    entries,
    source: {
      id: 'voters',
      name: 'voters',
      indicators: indicators.map((ind) => ({
        id: ind.id,
        max: 100,
        weight: 1,
        levels: BALLOT_LEVELS.map((l) => l.points),
        levelLabels: BALLOT_LEVELS.map((l) => l.label),
      })),
      rows,
    },
    truth,
  };
}
