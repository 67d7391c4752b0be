/**
 * Thresholds of the rater analysis. A template may override any of them in `raterSettings`;
 * docs/raters.md explains each one. Defaults were tuned on the project's simulator
 * (src/core/sim) so that honest raters are flagged at most 3 % of the time.
 */

export const DEFAULT_RATER_SETTINGS = {
  /** Fewer ratees than this in a source (or scored by a rater) → "insufficient data". */
  minRatees: 5,
  /** Fewer raters than this in a source → "insufficient data". */
  minRaters: 5,
  /** A sheet with blank cells still counts for the flags, with its total prorated over the filled
   *  cells, when these carry at least this share of the weight (scores and reliability never prorate). */
  partialSheetShare: 0.7,

  /** flat: rater's SD of totals ÷ the panel's median SD at or below this → warn. */
  flatSdRatio: 0.45,
  /** flat: … at or below this → alert. */
  flatAlertRatio: 0.25,
  /** flat: and the rater's SD must be at least this many points below the panel's median SD. */
  flatMinPoints: 3,
  /** flat: … or, when the panel's own spread is small, this share of the panel's median SD (the floor scales). */
  flatMinShare: 0.4,

  /** lenient/severe: robust z of the rater's mean gap to the consensus, over raters. */
  lenientZ: 2.5,
  /** lenient/severe: and the gap (relative to the panel's median gap) must reach this many points. */
  lenientMinPoints: 11,
  /** lenient/severe: … or this many times the panel's median SD of totals, when that is smaller (the floor scales). */
  lenientMinShare: 2,
  /** lenient/severe: a gap of this many points or more → alert. */
  lenientAlertPoints: 12,
  /** lenient/severe: floor of the robust scale of the gaps, in points. */
  lenientScaleFloor: 1.5,

  /** favoritism: robust z of a rater × ratee residual over all cells of the source. */
  favoritismZ: 4.5,
  /** favoritism: and the residual must reach this many points. */
  favoritismMinPoints: 13,
  /** favoritism: and the residual must be this many times the rater's own robust scatter. */
  favoritismOwnZ: 3,
  /** favoritism: a residual of this many points or more → alert. */
  favoritismAlertPoints: 20,
  /** favoritism: floor of the robust scale of the residuals, in points. */
  favoritismScaleFloor: 2,

  /** erratic: only judged when the panel's median rater–consensus correlation is at least this. */
  erraticPanelMin: 0.25,
  /** erratic: the rater's correlation with the consensus at or below this → warn (practical floor). */
  erraticMaxCorr: 0.3,
  /** erratic: at or below this → alert. */
  erraticAlertCorr: 0.1,
  /** erratic: and the Fisher-z test against the panel's median correlation must reach this z. */
  erraticZ: 3,

  /** halo: a ratee counts as "one level on every indicator" when the rater's spread across indicators
   *  is at most this share of the other raters' median spread for that ratee. */
  haloCellRatio: 0.5,
  /** halo: share of the rater's ratees scored that way → warn. */
  haloShare: 0.4,
  /** halo: share → alert. */
  haloAlertShare: 0.9,
  /** halo: and the share must exceed the panel's median share by at least this much. */
  haloMinGap: 0.3,

  /** copied: share of identical cells of two sheets → warn. */
  copiedShare: 0.8,
  /** copied: share → alert. */
  copiedAlertShare: 0.99,
  /** copied: the two sheets must have at least this many cells in common. */
  copiedMinCells: 20,
  /** copied: a sheet whose most common value fills at least this share of its cells is not compared. */
  copiedUniformShare: 0.9,
  /** copied: and the share must exceed both sheets' typical (median) share with the other sheets by this much. */
  copiedMinGap: 0.3,

  /** ballots (level-coded sources): a voter who marked the top level (好) on at least this share of
   *  the items is reported in the panel line and flagged flat once, and judged on nothing else. */
  ballotTopShare: 0.9,
};

export type RaterSettingsResolved = typeof DEFAULT_RATER_SETTINGS;
export type RaterSettingKey = keyof RaterSettingsResolved;

/** Defaults with the template's overrides applied (unknown keys are ignored here; see validate). */
export function resolveRaterSettings(overrides?: Record<string, number>): RaterSettingsResolved {
  const out = { ...DEFAULT_RATER_SETTINGS };
  for (const [k, v] of Object.entries(overrides ?? {}))
    if (k in out && typeof v === 'number' && Number.isFinite(v)) out[k as RaterSettingKey] = v;
  return out;
}

/** Which settings are shares/correlations (0..1) rather than counts or points. */
const UNIT_INTERVAL: readonly RaterSettingKey[] = [
  'flatSdRatio',
  'flatAlertRatio',
  'erraticPanelMin',
  'erraticMaxCorr',
  'erraticAlertCorr',
  'haloCellRatio',
  'haloShare',
  'haloAlertShare',
  'haloMinGap',
  'copiedShare',
  'copiedAlertShare',
  'ballotTopShare',
  'partialSheetShare',
  'copiedUniformShare',
  'flatMinShare',
  'copiedMinGap',
];

/**
 * Problems with a template's `raterSettings`, one sentence each naming the key, what was found and
 * what is allowed. Empty when all is well. For the template validation to call.
 */
export function validateRaterSettings(settings: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = Object.keys(DEFAULT_RATER_SETTINGS);
  for (const [k, v] of Object.entries(settings)) {
    if (!(k in DEFAULT_RATER_SETTINGS)) {
      problems.push(`raterSettings.${k} is not a known setting (known: ${known.join(', ')})`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push(`raterSettings.${k} must be a number (found ${JSON.stringify(v)})`);
      continue;
    }
    const key = k as RaterSettingKey;
    if (UNIT_INTERVAL.includes(key) && !(v >= 0 && v <= 1))
      problems.push(`raterSettings.${k} must be between 0 and 1 (found ${v})`);
    else if ((key === 'minRatees' || key === 'minRaters') && !(Number.isInteger(v) && v >= 3))
      problems.push(`raterSettings.${k} must be a whole number of at least 3 (found ${v})`);
    else if (!UNIT_INTERVAL.includes(key) && v < 0)
      problems.push(`raterSettings.${k} must not be negative (found ${v})`);
  }
  return problems;
}
