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

export interface ValidateOptions {
  /**
   * 'error' (default) for a template file a person wrote: a misspelt key is a mistake to name.
   * 'ignore' for a template stored in a workbook by another version, which may know more fields.
   */
  unknownKeys?: 'error' | 'ignore';
}

/** The keys each object of a template may have (spec: scoring.md, "Template fields"). */
export const TEMPLATE_KEYS = {
  template: [
    'schema',
    'id',
    'name',
    'nameEn',
    'description',
    'descriptionEn',
    'indicators',
    'sources',
    'adjustments',
    'tiers',
    'decimals',
    'raterSettings',
  ],
  indicator: [
    'id',
    'name',
    'nameEn',
    'dimension',
    'dimensionEn',
    'max',
    'weight',
    'criteria',
    'criteriaEn',
    'levels',
    'kind',
  ],
  level: ['label', 'points'],
  source: ['id', 'name', 'nameEn', 'weight', 'aggregate', 'trim', 'trimMinRaters', 'indicators'],
  adjustments: ['bonusCap', 'deductionCap'],
  tier: ['name', 'nameEn', 'min', 'maxShare', 'color', 'requires'],
} as const;

/**
 * The entry table's fixed headers in both languages (src/workbook/names.ts FIELD_HEADERS: source,
 * rater, ratee, total, status) and its hidden helper columns: an indicator id is a header of the
 * same table, and Excel makes table headers unique ignoring case (issue 10), so none may equal
 * these. A test holds this list equal to the workbook's headers.
 */
export const RESERVED_HEADERS = [
  'source',
  'rater',
  'ratee',
  'total',
  'status',
  '评价主体',
  '评委',
  '被考核对象',
  '合计',
  '状态',
  '_src',
  '_status',
  '_ratee',
  '_key',
  '_max',
  '_misplaced',
];

/** Largest maximum, weight, cap or tier threshold accepted: far beyond any assessment, far below overflow. */
export const LARGEST_NUMBER = 1e9;
/** Excel keeps at most this many characters in a cell. */
export const CELL_TEXT_LIMIT = 32767;
/** Excel keeps at most this many characters in a page header or footer (the template name goes there). */
export const HEADER_TEXT_LIMIT = 255;
/** A data-validation list given as text holds at most this many characters (items joined by commas). */
export const VALIDATION_LIST_LIMIT = 255;

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
  return d[a.length][b.length];
}

/** The known key nearest to `key`. */
export function nearestKey(key: string, known: readonly string[]): string {
  return known.reduce((best, k) => (distance(key, k) < distance(key, best) ? k : best), known[0]);
}

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
/**
 * Text that Excel turns into a number, date, time, fraction, currency, percentage or truth value
 * when it is written into a cell that is not text-formatted (issue 10, "Text becomes dates").
 */
const COERCED: RegExp[] = [
  /^[+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?%?$/, // 12, 1.5, 1e3, 50%
  /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/, // 1,000
  /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/, // 1-2, 2024-01, 3/4, 2024.1.2
  /^\d+ \d+\/\d+$/, // 1 1/2
  /^\d{1,2}:\d{1,2}(:\d{1,2}(\.\d+)?)?(\s*[ap]m?)?$/i, // 12:30, 9:05 am
  /^\d{1,2}\s*[ap]m$/i, // 9am
  /^\(\s*[\d.,]+\s*\)$/, // (5)
  /^[-+]?[¥￥$€£]\s*[\d.,]+$/, // ¥5, $5
  /^(\d{1,4}年)?\d{1,2}月(\d{1,2}日)?$/, // 3月5日, 2024年3月
  /^\d{1,4}年\d{1,2}月\d{1,2}日$/,
  new RegExp(`^(\\d{1,2}[- /])?(${MONTHS})([- /]\\d{1,4})?$`, 'i'), // 5-Mar, Mar-24
  /^(true|false)$/i,
];

/** True when Excel would read `text` typed into a general-format cell as something other than text. */
export function excelWouldCoerce(text: string): boolean {
  const t = text.trim();
  return COERCED.some((re) => re.test(t));
}

const ID_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,24}$/;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Validates parsed JSON as a template and fills in every default. Never throws. */
export function validateTemplate(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: string[] = [];
  const err = (m: string) => errors.push(m);
  if (!isObj(input)) return { ok: false, errors: ['the template must be a JSON object'] };
  const keys = (path: string, o: Obj, known: readonly string[]) => {
    if (options.unknownKeys === 'ignore') return;
    for (const k of Object.keys(o))
      if (!known.includes(k))
        err(
          `${path ? `${path}.` : ''}${k} is not a template field (did you mean "${nearestKey(k, known)}"?); allowed: ${known.join(', ')}`,
        );
  };
  /** A finite number no larger in size than LARGEST_NUMBER (1e308 would overflow every sum). */
  const big = (path: string, v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) > LARGEST_NUMBER) {
      err(`${path} is ${v}: at most ${LARGEST_NUMBER} is allowed (larger numbers overflow the totals)`);
      return true;
    }
    return false;
  };
  const longText = (path: string, v: unknown, limit = CELL_TEXT_LIMIT, where = 'a cell') => {
    if (typeof v === 'string' && v.length > limit)
      err(`${path} has ${v.length} characters: Excel keeps at most ${limit} in ${where}`);
  };
  const coerced = (path: string, v: string, what: string) => {
    if (excelWouldCoerce(v))
      err(
        `${path} "${v}" would be turned by Excel into a number, date, time or truth value; ${what} must read as text — add a letter, e.g. "X${v}"`,
      );
  };
  keys('', input, TEMPLATE_KEYS.template);
  longText('name', input.name, HEADER_TEXT_LIMIT, 'a page header');
  longText('nameEn', input.nameEn, HEADER_TEXT_LIMIT, 'a page header');
  longText('description', input.description);
  longText('descriptionEn', input.descriptionEn);

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
    const seenLower = new Map<string, number>();
    input.indicators.forEach((raw, i) => {
      const p = `indicators[${i}]`;
      if (!isObj(raw)) return err(`${p} must be an object`);
      keys(p, raw, TEMPLATE_KEYS.indicator);
      for (const k of ['name', 'nameEn', 'dimension', 'dimensionEn', 'criteria', 'criteriaEn'])
        longText(`${p}.${k}`, raw[k]);
      const iid = str(`${p}.id`, raw.id);
      if (iid !== undefined) {
        const lower = iid.toLowerCase();
        if (!ID_PATTERN.test(iid)) err(`${p}.id must be 1–24 letters, digits, "-" or "_" (found "${iid}")`);
        else coerced(`${p}.id`, iid, 'an indicator id');
        if (seen.has(iid)) err(`${p}.id "${iid}" is used twice`);
        else if (seenLower.has(lower))
          err(
            `${p}.id "${iid}" differs from indicators[${seenLower.get(lower)}].id only in upper/lower case; Excel treats the two column headers as the same — choose another id`,
          );
        const reserved = RESERVED_HEADERS.find((h) => h.toLowerCase() === lower);
        if (reserved !== undefined || lower.startsWith('_p_') || lower.startsWith('dp_'))
          err(
            `${p}.id "${iid}" is reserved: the score sheet already has a column "${reserved ?? iid}" (reserved: ${RESERVED_HEADERS.join(', ')}, _p_…, DP_…)`,
          );
        seen.add(iid);
        if (!seenLower.has(lower)) seenLower.set(lower, i);
      }
      if (!isFiniteNumber(raw.max) || raw.max <= 0) err(`${p}.max must be a number greater than 0`);
      const maxTooBig = big(`${p}.max`, raw.max);
      const max = isFiniteNumber(raw.max) && !maxTooBig ? raw.max : 1;
      let weight = max;
      if (raw.weight !== undefined) {
        if (!isFiniteNumber(raw.weight) || raw.weight < 0) err(`${p}.weight must be a number >= 0`);
        else if (!big(`${p}.weight`, raw.weight)) weight = raw.weight;
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
            keys(lp, lv, TEMPLATE_KEYS.level);
            const label = str(`${lp}.label`, lv.label);
            if (label !== undefined) {
              if (/^[+-]?[\d.]/.test(label))
                err(`${lp}.label must not start with a digit (found "${label}")`);
              else coerced(`${lp}.label`, label, 'a level label');
              if (label.includes(','))
                err(
                  `${lp}.label "${label}" contains a comma: Excel's drop-down list splits on commas — use "、" or "，" instead`,
                );
              if (labels.has(label)) err(`${lp}.label "${label}" is used twice`);
              labels.add(label);
            }
            if (!isFiniteNumber(lv.points) || lv.points < 0 || lv.points > max)
              err(`${lp}.points must be a number between 0 and ${p}.max (${max})`);
            if (label !== undefined && isFiniteNumber(lv.points)) levels!.push({ label, points: lv.points });
          });
          const list = levels.map((l) => l.label).join(',');
          if (list.length > VALIDATION_LIST_LIMIT)
            err(
              `${p}.levels: the labels joined by commas are ${list.length} characters; Excel's drop-down list keeps at most ${VALIDATION_LIST_LIMIT} — shorten the labels`,
            );
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
    const seenLower = new Map<string, number>();
    input.sources.forEach((raw, s) => {
      const p = `sources[${s}]`;
      if (!isObj(raw)) return err(`${p} must be an object`);
      keys(p, raw, TEMPLATE_KEYS.source);
      longText(`${p}.name`, raw.name);
      longText(`${p}.nameEn`, raw.nameEn);
      const sid = str(`${p}.id`, raw.id);
      if (sid !== undefined) {
        if (!ID_PATTERN.test(sid)) err(`${p}.id must be 1–24 letters, digits, "-" or "_" (found "${sid}")`);
        else coerced(`${p}.id`, sid, 'a source id');
        const lower = sid.toLowerCase();
        if (seen.has(sid)) err(`${p}.id "${sid}" is used twice`);
        else if (seenLower.has(lower))
          err(
            `${p}.id "${sid}" differs from sources[${seenLower.get(lower)}].id only in upper/lower case; Excel's drop-down list treats them as one — choose another id`,
          );
        seen.add(sid);
        if (!seenLower.has(lower)) seenLower.set(lower, s);
      }
      if (!isFiniteNumber(raw.weight) || raw.weight <= 0) err(`${p}.weight must be a number greater than 0`);
      else big(`${p}.weight`, raw.weight);
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
    // A source may be typed by its name (领导) as well as its id: a name must stand for one source only.
    sources.forEach((src, s) => {
      const name = src.name.trim();
      if (name === '') return;
      const lower = name.toLowerCase();
      sources.forEach((other, o) => {
        if (o === s) return;
        if (other.id.toLowerCase() === lower)
          err(
            `sources[${s}].name "${src.name}" is the id of sources[${o}] ("${other.id}"); a typed "${name}" would stand for two sources — rename one`,
          );
        else if (o < s && other.name.trim().toLowerCase() === lower)
          err(
            `sources[${s}].name "${src.name}" is also the name of sources[${o}]; a typed "${name}" would stand for two sources — rename one`,
          );
      });
    });
    const list = sources.map((x) => x.id).join(',');
    if (list.length > VALIDATION_LIST_LIMIT)
      err(
        `sources: the ids joined by commas are ${list.length} characters; Excel's drop-down list keeps at most ${VALIDATION_LIST_LIMIT} — shorten the ids`,
      );
  }

  // Adjustments
  const adjustments: AdjustmentSettings = { bonusCap: 0, deductionCap: null };
  if (input.adjustments !== undefined) {
    if (!isObj(input.adjustments)) err('adjustments must be an object');
    else {
      const a = input.adjustments;
      keys('adjustments', a, TEMPLATE_KEYS.adjustments);
      if (a.bonusCap !== undefined) {
        if (!isFiniteNumber(a.bonusCap) || a.bonusCap < 0) err('adjustments.bonusCap must be a number >= 0');
        else if (!big('adjustments.bonusCap', a.bonusCap)) adjustments.bonusCap = a.bonusCap;
      }
      if (a.deductionCap !== undefined && a.deductionCap !== null) {
        if (!isFiniteNumber(a.deductionCap) || a.deductionCap < 0)
          err('adjustments.deductionCap must be a number >= 0 or null (no cap)');
        else if (!big('adjustments.deductionCap', a.deductionCap)) adjustments.deductionCap = a.deductionCap;
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
      keys(p, raw, TEMPLATE_KEYS.tier);
      longText(`${p}.name`, raw.name);
      longText(`${p}.nameEn`, raw.nameEn);
      const tname = str(`${p}.name`, raw.name);
      if (tname !== undefined) {
        if (names.has(tname)) err(`${p}.name "${tname}" is used twice`);
        names.add(tname);
      }
      if (!isFiniteNumber(raw.min)) err(`${p}.min must be a number`);
      else big(`${p}.min`, raw.min);
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

/**
 * What a typed source code stands for: a source's id, or its name (`领导` for `leader`), matched
 * exactly; template validation makes sure no text stands for two sources. Codes not in the map
 * are unknown sources.
 */
export function sourceCodes(t: { sources: readonly Pick<Source, 'id' | 'name'>[] }): Map<string, string> {
  const codes = new Map<string, string>();
  for (const s of t.sources) {
    const name = s.name.trim();
    if (name !== '' && !codes.has(name)) codes.set(name, s.id);
  }
  for (const s of t.sources) codes.set(s.id, s.id);
  return codes;
}

/** A typed source code as its source id (unchanged when it names no source). */
export function resolveSource(codes: Map<string, string>, code: string): string {
  return codes.get(code) ?? code;
}
