/**
 * The indicator template (`duanping.template/1`): its types, its defaults and its validation.
 * Spec: ../shared/spec/scoring.md, "Template fields".
 *
 * `validateTemplate` takes anything (parsed JSON) and returns either a normalized template
 * (every default filled in) or a list of messages, each naming the bad field
 * (`tiers[2].maxShare must be between 0 and 1`).
 */

import { validateTierRequires, type Requirement } from './ballots/schema';

export const TEMPLATE_SCHEMA = 'duanping.template/1';

export type Aggregate = 'mean' | 'trimmed' | 'median';

export interface Level {
  label: string;
  points: number;
}

export interface Indicator {
  id: string;
  name: string;
  nameEn?: string;
  dimension: string;
  dimensionEn?: string;
  max: number;
  /** Defaults to `max`. */
  weight: number;
  criteria?: string;
  criteriaEn?: string;
  /** Categorical scoring: a cell may hold the label or its points. */
  levels?: Level[];
  /** 'required' (必答) or 'bonus' (加分项) for duty reports; informational. */
  kind?: 'required' | 'bonus' | 'focus' | 'standard';
}

export interface Source {
  id: string;
  name: string;
  nameEn?: string;
  weight: number;
  aggregate: Aggregate;
  /** For `trimmed`: how many highest and how many lowest rows to drop (default 1). */
  trim: number;
  /** For `trimmed`: trim only with at least this many valid rows (default 5). */
  trimMinRaters: number;
  /** Indicator ids this source scores (default: all, in template order). */
  indicators: string[];
}

export interface AdjustmentSettings {
  /** Default 0: no bonus allowed. */
  bonusCap: number;
  /** Default: no cap (null). */
  deductionCap: number | null;
}

export interface Tier {
  name: string;
  nameEn?: string;
  min: number;
  /** Cumulative share (0..1) of ratees allowed at this tier or better. */
  maxShare?: number;
  /** Display colour for the summary sheet (hex `#RRGGBB`), optional. */
  color?: string;
  /** Share rules (scoring.md "Ballots"); checked in ./ballots/schema.ts. */
  requires?: Requirement[];
}

/** Thresholds of the rater analysis (raters.md); every field is optional in the file. */
export type RaterSettings = Record<string, number>;

export interface Template {
  schema: typeof TEMPLATE_SCHEMA;
  id: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  indicators: Indicator[];
  sources: Source[];
  adjustments: AdjustmentSettings;
  tiers: Tier[];
  decimals: number;
  raterSettings?: RaterSettings;
}

export type ValidationResult = { ok: true; template: Template } | { ok: false; errors: string[] };

const ID_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,24}$/;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Validates parsed JSON as a template and fills in every default. Never throws. */
export function validateTemplate(input: unknown): ValidationResult {
  const errors: string[] = [];
  const err = (m: string) => errors.push(m);
  if (!isObj(input)) return { ok: false, errors: ['the template must be a JSON object'] };

  if (input.schema !== TEMPLATE_SCHEMA)
    err(`schema must be "${TEMPLATE_SCHEMA}" (found ${JSON.stringify(input.schema ?? null)})`);
  const str = (path: string, v: unknown, required = true): string | undefined => {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      err(`${path} must be a non-empty string`);
      return undefined;
    }
    return v.trim();
  };
  const optStr = (path: string, v: unknown) => (v === undefined ? undefined : str(path, v));

  const id = str('id', input.id) ?? '';
  if (id && !/^[A-Za-z0-9_.-]{1,64}$/.test(id)) err('id must use letters, digits, "-", "_" or "." only');
  const name = str('name', input.name) ?? '';

  // Indicators
  const indicators: Indicator[] = [];
  if (!Array.isArray(input.indicators) || input.indicators.length === 0) {
    err('indicators must be a non-empty array');
  } else {
    const seen = new Set<string>();
    input.indicators.forEach((raw, i) => {
      const p = `indicators[${i}]`;
      if (!isObj(raw)) return err(`${p} must be an object`);
      const iid = str(`${p}.id`, raw.id);
      if (iid !== undefined) {
        if (!ID_PATTERN.test(iid)) err(`${p}.id must be 1–24 letters, digits, "-" or "_" (found "${iid}")`);
        if (seen.has(iid)) err(`${p}.id "${iid}" is used twice`);
        seen.add(iid);
      }
      if (!isFiniteNumber(raw.max) || raw.max <= 0) err(`${p}.max must be a number greater than 0`);
      const max = isFiniteNumber(raw.max) ? raw.max : 1;
      let weight = max;
      if (raw.weight !== undefined) {
        if (!isFiniteNumber(raw.weight) || raw.weight < 0) err(`${p}.weight must be a number >= 0`);
        else weight = raw.weight;
      }
      let levels: Level[] | undefined;
      if (raw.levels !== undefined) {
        if (!Array.isArray(raw.levels) || raw.levels.length === 0) {
          err(`${p}.levels must be a non-empty array of {label, points}`);
        } else {
          levels = [];
          const labels = new Set<string>();
          raw.levels.forEach((lv, k) => {
            const lp = `${p}.levels[${k}]`;
            if (!isObj(lv)) return err(`${lp} must be an object`);
            const label = str(`${lp}.label`, lv.label);
            if (label !== undefined) {
              if (/^[+-]?[\d.]/.test(label))
                err(`${lp}.label must not start with a digit (found "${label}")`);
              if (labels.has(label)) err(`${lp}.label "${label}" is used twice`);
              labels.add(label);
            }
            if (!isFiniteNumber(lv.points) || lv.points < 0 || lv.points > max)
              err(`${lp}.points must be a number between 0 and ${p}.max (${max})`);
            if (label !== undefined && isFiniteNumber(lv.points)) levels!.push({ label, points: lv.points });
          });
        }
      }
      const kind = raw.kind;
      if (kind !== undefined && !['required', 'bonus', 'focus', 'standard'].includes(kind as string))
        err(`${p}.kind must be one of required, bonus, focus, standard`);
      indicators.push({
        id: iid ?? `?${i}`,
        name: str(`${p}.name`, raw.name) ?? '',
        nameEn: optStr(`${p}.nameEn`, raw.nameEn),
        dimension: str(`${p}.dimension`, raw.dimension) ?? '',
        dimensionEn: optStr(`${p}.dimensionEn`, raw.dimensionEn),
        max,
        weight,
        criteria: optStr(`${p}.criteria`, raw.criteria),
        criteriaEn: optStr(`${p}.criteriaEn`, raw.criteriaEn),
        levels,
        kind: kind as Indicator['kind'],
      });
    });
  }
  const indicatorIds = new Set(indicators.map((x) => x.id));

  // Sources
  const sources: Source[] = [];
  if (!Array.isArray(input.sources) || input.sources.length === 0) {
    err('sources must be a non-empty array');
  } else {
    const seen = new Set<string>();
    input.sources.forEach((raw, s) => {
      const p = `sources[${s}]`;
      if (!isObj(raw)) return err(`${p} must be an object`);
      const sid = str(`${p}.id`, raw.id);
      if (sid !== undefined) {
        if (!ID_PATTERN.test(sid)) err(`${p}.id must be 1–24 letters, digits, "-" or "_" (found "${sid}")`);
        if (seen.has(sid)) err(`${p}.id "${sid}" is used twice`);
        seen.add(sid);
      }
      if (!isFiniteNumber(raw.weight) || raw.weight <= 0) err(`${p}.weight must be a number greater than 0`);
      const aggregate = (raw.aggregate ?? 'mean') as Aggregate;
      if (!['mean', 'trimmed', 'median'].includes(aggregate))
        err(`${p}.aggregate must be one of mean, trimmed, median (found ${JSON.stringify(raw.aggregate)})`);
      let trim = 1;
      if (raw.trim !== undefined) {
        if (!Number.isInteger(raw.trim) || (raw.trim as number) < 1)
          err(`${p}.trim must be a whole number >= 1`);
        else trim = raw.trim as number;
      }
      let trimMinRaters = 5;
      if (raw.trimMinRaters !== undefined) {
        if (!Number.isInteger(raw.trimMinRaters)) err(`${p}.trimMinRaters must be a whole number`);
        else trimMinRaters = raw.trimMinRaters as number;
      }
      if (aggregate === 'trimmed' && trimMinRaters < 2 * trim + 1)
        err(
          `${p}.trimMinRaters must be at least 2 × trim + 1 (${2 * trim + 1}) so that a row is left after trimming`,
        );
      let subset = indicators.map((x) => x.id);
      if (raw.indicators !== undefined) {
        if (!Array.isArray(raw.indicators) || raw.indicators.length === 0) {
          err(`${p}.indicators must be a non-empty array of indicator ids`);
        } else {
          raw.indicators.forEach((x, k) => {
            if (typeof x !== 'string' || !indicatorIds.has(x))
              err(`${p}.indicators[${k}] must be an indicator id (found ${JSON.stringify(x)})`);
          });
          const wanted = new Set(raw.indicators as string[]);
          subset = indicators.map((x) => x.id).filter((x) => wanted.has(x));
        }
      }
      const weightSum = indicators.filter((x) => subset.includes(x.id)).reduce((a, x) => a + x.weight, 0);
      if (indicators.length > 0 && weightSum <= 0) err(`${p}: the weights of its indicators add up to 0`);
      sources.push({
        id: sid ?? `?${s}`,
        name: str(`${p}.name`, raw.name) ?? '',
        nameEn: optStr(`${p}.nameEn`, raw.nameEn),
        weight: isFiniteNumber(raw.weight) ? raw.weight : 1,
        aggregate,
        trim,
        trimMinRaters,
        indicators: subset,
      });
    });
  }

  // Adjustments
  const adjustments: AdjustmentSettings = { bonusCap: 0, deductionCap: null };
  if (input.adjustments !== undefined) {
    if (!isObj(input.adjustments)) err('adjustments must be an object');
    else {
      const a = input.adjustments;
      if (a.bonusCap !== undefined) {
        if (!isFiniteNumber(a.bonusCap) || a.bonusCap < 0) err('adjustments.bonusCap must be a number >= 0');
        else adjustments.bonusCap = a.bonusCap;
      }
      if (a.deductionCap !== undefined && a.deductionCap !== null) {
        if (!isFiniteNumber(a.deductionCap) || a.deductionCap < 0)
          err('adjustments.deductionCap must be a number >= 0 or null (no cap)');
        else adjustments.deductionCap = a.deductionCap;
      }
    }
  }

  // Tiers
  const tiers: Tier[] = [];
  if (!Array.isArray(input.tiers) || input.tiers.length === 0) {
    err('tiers must be a non-empty array, best tier first');
  } else {
    const names = new Set<string>();
    input.tiers.forEach((raw, t) => {
      const p = `tiers[${t}]`;
      if (!isObj(raw)) return err(`${p} must be an object`);
      const tname = str(`${p}.name`, raw.name);
      if (tname !== undefined) {
        if (names.has(tname)) err(`${p}.name "${tname}" is used twice`);
        names.add(tname);
      }
      if (!isFiniteNumber(raw.min)) err(`${p}.min must be a number`);
      if (
        raw.maxShare !== undefined &&
        (!isFiniteNumber(raw.maxShare) || raw.maxShare < 0 || raw.maxShare > 1)
      )
        err(`${p}.maxShare must be between 0 and 1`);
      if (raw.color !== undefined && (typeof raw.color !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(raw.color)))
        err(`${p}.color must be a colour like "#2E7D32"`);
      tiers.push({
        name: tname ?? '',
        nameEn: optStr(`${p}.nameEn`, raw.nameEn),
        min: isFiniteNumber(raw.min) ? raw.min : 0,
        maxShare: isFiniteNumber(raw.maxShare) ? raw.maxShare : undefined,
        color: typeof raw.color === 'string' ? raw.color : undefined,
      });
    });
    for (let t = 1; t < tiers.length; t++) {
      if (tiers[t].min > tiers[t - 1].min)
        err(
          `tiers[${t}].min (${tiers[t].min}) must not be above tiers[${t - 1}].min (${tiers[t - 1].min}): best tier first`,
        );
    }
  }

  validateTierRequires(input.tiers, tiers, indicators, sources, err);

  let decimals = 2;
  if (input.decimals !== undefined) {
    if (!Number.isInteger(input.decimals) || (input.decimals as number) < 0 || (input.decimals as number) > 6)
      err('decimals must be a whole number from 0 to 6');
    else decimals = input.decimals as number;
  }

  let raterSettings: RaterSettings | undefined;
  if (input.raterSettings !== undefined) {
    if (!isObj(input.raterSettings)) err('raterSettings must be an object of numbers');
    else {
      raterSettings = {};
      for (const [k, v] of Object.entries(input.raterSettings)) {
        if (!isFiniteNumber(v)) err(`raterSettings.${k} must be a number`);
        else raterSettings[k] = v;
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    template: {
      schema: TEMPLATE_SCHEMA,
      id,
      name,
      nameEn: optStr('nameEn', input.nameEn),
      description: optStr('description', input.description),
      descriptionEn: optStr('descriptionEn', input.descriptionEn),
      indicators,
      sources,
      adjustments,
      tiers,
      decimals,
      raterSettings,
    },
  };
}

/** Parses template JSON text; a message names the line/column problem or the bad field. */
export function parseTemplateJson(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`the template is not valid JSON: ${(e as Error).message}`] };
  }
  return validateTemplate(data);
}

export function indicatorById(t: Template): Map<string, Indicator> {
  return new Map(t.indicators.map((x) => [x.id, x]));
}

export function sourceById(t: Template): Map<string, Source> {
  return new Map(t.sources.map((x) => [x.id, x]));
}
