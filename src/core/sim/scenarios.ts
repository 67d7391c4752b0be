/**
 * Named scenarios of real panels (raters.md, "Real panels"): each draws panels of one kind, plants
 * patterns at the strengths raters.md names, and counts, with 95 % Wilson intervals, how often each
 * planted pattern is found and how often an honest rater is flagged (warn/alert). Deterministic per seed.
 */
import { analyzeRaters } from '../raters';
import type { AnalyzeOptions } from '../raters';
import type { FlagCode, RaterReport } from '../raters/types';
import { BALLOT_PATTERNS, simulateBallot } from './ballot';
import { patternFound } from './evaluate';
import { createRng, type Rng } from './prng';
import {
  drawPlants,
  simulatePanel,
  type PanelOptions,
  type PlantedPattern,
  type SimulatedPanel,
} from './panel';

export interface Scenario {
  name: string;
  /** What it models, in one line. */
  about: string;
  /** Panels the benchmark runs. */
  panels: number;
  draw(rng: Rng): SimulatedPanel;
}

/** A proportion with its 95 % Wilson score interval. */
export interface Proportion {
  k: number;
  n: number;
  rate: number;
  lower: number;
  upper: number;
}

/** The Wilson score interval (z = 1.959964) of k successes in n trials. */
export function wilson(k: number, n: number, z = 1.959963984540054): Proportion {
  if (n === 0) return { k, n, rate: Number.NaN, lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { k, n, rate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export interface ScenarioResult {
  name: string;
  about: string;
  panels: number;
  recall: Partial<Record<PlantedPattern, Proportion>>;
  honest: Proportion;
  honestByCode: Partial<Record<FlagCode, number>>;
  /** Ballots: acquiescent voters with anything but one flat flag, and panels with the panel line. */
  acquiescent?: { voters: number; extraFlags: Proportion; notFlat: Proportion; panelLine: Proportion };
  ms: number;
}

const serious = (r: RaterReport) => r.flags.filter((f) => f.level !== 'info');

/** Panels of 8–40 units × 9–30 raters with 1–3 distinct planted patterns, options added. */
function general(extra: Partial<PanelOptions> = {}, plants?: (rng: Rng, raters: number) => PlantedPattern[]) {
  return (rng: Rng): SimulatedPanel => {
    const ratees = extra.ratees ?? rng.int(8, 40);
    const raters = extra.raters ?? rng.int(9, 30);
    const plant = plants ? plants(rng, raters) : drawPlants(rng, rng.int(1, 3));
    return simulatePanel({ ...extra, ratees, raters, plant }, rng.int(0, 2 ** 31 - 1));
  };
}

const ballots = (share: number) => (rng: Rng) =>
  simulateBallot(
    {
      ratees: rng.int(8, 20),
      voters: rng.int(20, 40),
      acquiescent: share,
      plant: rng.shuffle(BALLOT_PATTERNS).slice(0, rng.int(1, 2)),
    },
    rng.int(0, 2 ** 31 - 1),
  );

/** The scenarios `npm run bench -- raters` runs. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'baseline',
    about: 'the original simulator: 8–40 units, 9–30 raters',
    panels: 200,
    draw: general(),
  },
  {
    name: 'ballot-20',
    about: '民主测评 ballots, 20 % of voters mark 好 for almost everyone',
    panels: 200,
    draw: ballots(0.2),
  },
  { name: 'ballot-40', about: 'ballots, 40 % acquiescent voters', panels: 200, draw: ballots(0.4) },
  { name: 'ballot-60', about: 'ballots, 60 % acquiescent voters', panels: 200, draw: ballots(0.6) },
  {
    name: 'ceiling',
    about: 'true scores 80–98 (mean 85–92, unit SD 3–5 points)',
    panels: 200,
    draw: general({ qualityMean: [0.85, 0.92], qualitySd: [0.03, 0.05] }),
  },
  { name: 'blanks-10', about: '10 % of cells blank', panels: 200, draw: general({ cellBlankRate: 0.1 }) },
  { name: 'blanks-20', about: '20 % of cells blank', panels: 200, draw: general({ cellBlankRate: 0.2 }) },
  {
    name: 'small',
    about: '8 units, 9 raters',
    panels: 300,
    draw: general({ ratees: 8, raters: 9 }, (rng) => drawPlants(rng, rng.int(1, 2))),
  },
  {
    name: 'faction-lenient',
    about: '30 % of the raters lenient together (+12–18 points)',
    panels: 200,
    draw: general({}, (_, raters) => new Array<PlantedPattern>(Math.round(0.3 * raters)).fill('lenient')),
  },
  {
    name: 'faction-favour',
    about: '30 % of the raters favour the same unit (+21–28 points)',
    panels: 200,
    draw: general({ sameFavourRatee: true }, (_, raters) =>
      new Array<PlantedPattern>(Math.round(0.3 * raters)).fill('favoritism'),
    ),
  },
  {
    name: 'honest-spread',
    about: 'honest leniency SD 4 points, impression SD 3–5 points',
    panels: 200,
    draw: general({ leniencySd: 0.04, impressionSd: [0.03, 0.05] }),
  },
  {
    name: 'near-copy-5',
    about: 'copied sheets with 5 % of cells changed by one step',
    panels: 200,
    draw: general(
      { copyChange: [0.05, 0.05] },
      (rng) => ['copied', ...drawPlants(rng, rng.int(0, 2))].slice(0, 3) as PlantedPattern[],
    ),
  },
  {
    name: 'near-copy-15',
    about: 'copied sheets with 15 % of cells changed by one step',
    panels: 200,
    draw: general({ copyChange: [0.15, 0.15] }, () => ['copied']),
  },
  {
    name: 'half-halo',
    about: 'halo on half of the units',
    panels: 200,
    draw: general({ haloShare: 0.5 }, () => ['halo']),
  },
];

/** Runs one scenario over `panels` panels (default the scenario's own count). */
export function runScenario(
  sc: Scenario,
  seed: number,
  options: AnalyzeOptions = {},
  panels = sc.panels,
): ScenarioResult {
  const t0 = Date.now();
  const rng = createRng(seed);
  const planted = new Map<PlantedPattern, [number, number]>();
  let honest = 0;
  let honestFlagged = 0;
  const byCode: Partial<Record<FlagCode, number>> = {};
  let acq = 0;
  let acqExtra = 0;
  let acqNotFlat = 0;
  let ballotPanels = 0;
  let lines = 0;
  for (let p = 0; p < panels; p++) {
    const panel = sc.draw(rng);
    const out = analyzeRaters({ sources: [panel.source] }, options);
    const byRater = new Map(out.raters.map((r) => [r.rater, r]));
    const hasAcq = panel.truth.some((t) => t.role === 'acquiescent');
    if (hasAcq) {
      ballotPanels++;
      if ((out.reliability[panel.source.id].notes ?? []).some((n) => n.code === 'all-top')) lines++;
    }
    for (const t of panel.truth) {
      const rep = byRater.get(t.rater);
      if (!rep || t.role === 'copy-source') continue;
      const flags = serious(rep);
      if (t.role === 'acquiescent') {
        acq++;
        if (flags.length > 1 || flags.some((f) => f.code !== 'flat')) acqExtra++;
        if (!flags.some((f) => f.code === 'flat')) acqNotFlat++;
        continue;
      }
      if (t.role === 'honest') {
        honest++;
        if (flags.length) {
          honestFlagged++;
          for (const c of new Set(flags.map((f) => f.code))) byCode[c] = (byCode[c] ?? 0) + 1;
        }
        continue;
      }
      const cur = planted.get(t.role) ?? [0, 0];
      cur[1]++;
      if (patternFound(t, rep)) cur[0]++;
      planted.set(t.role, cur);
    }
  }
  const recall: ScenarioResult['recall'] = {};
  for (const [p, [k, n]] of planted) recall[p] = wilson(k, n);
  return {
    name: sc.name,
    about: sc.about,
    panels,
    recall,
    honest: wilson(honestFlagged, honest),
    honestByCode: byCode,
    acquiescent: ballotPanels
      ? {
          voters: acq,
          extraFlags: wilson(acqExtra, acq),
          notFlat: wilson(acqNotFlat, acq),
          panelLine: wilson(lines, ballotPanels),
        }
      : undefined,
    ms: Date.now() - t0,
  };
}
