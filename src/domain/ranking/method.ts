import { z } from 'zod';
import { AppError } from '../shared/app-error.js';
import {
  DEFAULT_CLASS_LABELS_EN,
  DEFAULT_CLASS_LABELS_NL,
  DEFAULT_METHOD,
} from './default-methods.js';

/**
 * A ranking method ("op vaste criteria"): which indicators, which way is need, how heavy, over
 * which areas, and how the numbers are turned into ranks. A method is stored as JSON, versioned
 * and immutable once a ranking has been published with it (domain.md §9.6): a changed method is
 * a new version, recognised by {@link methodFingerprint}. How the numbers are computed is
 * documented in compute-ranking.ts.
 */

/** Which way an indicator points: for `higher_is_better`, need grows as the value falls. */
export type MethodDirection = 'higher_is_better' | 'higher_is_worse';

/** How an indicator's values become need scores in [0, 1] (compute-ranking.ts explains each). */
export type Normalisation = 'percentile' | 'zscore' | 'minmax';

export interface MethodIndicator {
  /** Catalogue key (`lbm_onv`, `p_hh_li`, …). */
  key: string;
  /** Which way is good; defaults to the catalogue's direction. */
  direction: MethodDirection;
  /** Relative weight, > 0; only ratios matter. */
  weight: number;
  /** The theme the indicator counts in; defaults to the catalogue's theme. */
  theme: string;
}

export interface MethodDefinition {
  /** Stable identifier, lower case with dashes: `leefbaarheid-en-kwetsbaarheid`. */
  key: string;
  /** Name shown to users. */
  name: string;
  /** Why these indicators and weights: the text a board reads before it adopts the method. */
  description: string;
  /**
   * Which areas are ranked against each other. `within`: the whole country, the corporation's
   * working area, or a list of gemeente (GM) or wijk (WK) codes. The caller selects the areas;
   * the computation ranks exactly the areas it is given.
   */
  universe: {
    level: 'buurt' | 'wijk' | 'gemeente';
    within: 'country' | 'working-area' | string[];
  };
  /** Default `percentile` (the SVI choice: robust to outliers and to the unit of a figure). */
  normalisation: Normalisation;
  /**
   * Default false. When true, theme percentiles go through the exponential transform of the
   * English IMD before they are weighted, so that little need in one theme cannot fully make up
   * for much need in another.
   */
  antiCompensation: boolean;
  /** An area is ranked only when the weights of its present indicators reach this share (0.8). */
  completeness: { minWeightShare: number };
  /** Equal-count groups by rank; class 1 holds the most need. Default: five quintiles. */
  classes: { count: number; labelsNl: string[]; labelsEn: string[] };
  /** An indicator is flagged for an area at or above this need percentile (default 0.9). */
  flags: { percentile: number };
  /**
   * The Monte Carlo rank interval: `draws` weight perturbations, each weight multiplied by a
   * uniform factor in [1 − perturbation, 1 + perturbation], from a generator seeded with `seed`.
   */
  uncertainty: { draws: number; perturbation: number; seed: number };
  /** Weight per theme; null: a theme weighs the sum of its indicators' weights. */
  themeWeights: Record<string, number> | null;
  /** At least one; keys unique. */
  indicators: MethodIndicator[];
}

/** What parseMethod needs to know of a catalogue indicator. */
export interface CatalogueEntry {
  direction: string;
  theme: string;
  kind: string;
}

/** The values parseMethod fills in when a file leaves them out. */
export const METHOD_DEFAULTS = {
  description: '',
  normalisation: 'percentile' as Normalisation,
  antiCompensation: false,
  minWeightShare: 0.8,
  classCount: 5,
  flagPercentile: 0.9,
  draws: 1000,
  perturbation: 0.5,
  seed: 1,
} as const;

/** Upper bound on draws: the interval stores one rank per area and draw (2 bytes each). */
export const MAX_DRAWS = 10_000;

/**
 * The full default method as a JSON-ready object: every field a method file can hold, filled.
 * @example parseMethod(JSON.parse(JSON.stringify(METHOD_EXAMPLE)), catalogue) // deep-equals it
 */
export const METHOD_EXAMPLE: MethodDefinition = structuredCopy(DEFAULT_METHOD);

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const GEMEENTE_CODE = /^GM\d{4}$/;
const WIJK_CODE = /^WK\d{4}[0-9A-Z]{2}$/;

const number = (what: string) => z.number({ error: `must be ${what}` });

const indicatorSchema = z.strictObject({
  key: z.string({ error: 'must be a catalogue key' }).min(1, 'must not be empty'),
  direction: z
    .enum(['higher_is_better', 'higher_is_worse'], {
      error: "must be 'higher_is_better' or 'higher_is_worse'",
    })
    .optional(),
  weight: number('a number').gt(0, 'must be greater than 0'),
  theme: z
    .string({ error: 'must be a theme name' })
    .min(1, 'must not be empty')
    .max(40, 'must be at most 40 characters')
    // A record drops this key (it sets the prototype), so its theme weight would be lost.
    .refine((theme) => theme !== '__proto__', 'must not be __proto__')
    .optional(),
});

const methodSchema = z.strictObject({
  key: z
    .string({ error: 'must be a string' })
    .regex(
      KEY_PATTERN,
      'must be 2–63 lower-case letters, digits or dashes, not starting with a dash',
    ),
  name: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  description: z
    .string({ error: 'must be a string' })
    .max(10_000, 'must be at most 10,000 characters')
    .default(METHOD_DEFAULTS.description),
  universe: z.strictObject({
    level: z.enum(['buurt', 'wijk', 'gemeente'], {
      error: "must be 'buurt', 'wijk' or 'gemeente'",
    }),
    within: z.union([z.literal('country'), z.literal('working-area'), z.array(z.string())], {
      error: "must be 'country', 'working-area' or a list of gemeente (GM) or wijk (WK) codes",
    }),
  }),
  normalisation: z
    .enum(['percentile', 'zscore', 'minmax'], {
      error: "must be 'percentile', 'zscore' or 'minmax'",
    })
    .default(METHOD_DEFAULTS.normalisation),
  antiCompensation: z
    .boolean({ error: 'must be true or false' })
    .default(METHOD_DEFAULTS.antiCompensation),
  completeness: z
    .strictObject({
      minWeightShare: number('a number')
        .gt(0, 'must be greater than 0')
        .lte(1, 'must be at most 1')
        .default(METHOD_DEFAULTS.minWeightShare),
    })
    .default(() => ({ minWeightShare: METHOD_DEFAULTS.minWeightShare })),
  classes: z
    .strictObject({
      count: number('a whole number')
        .int('must be a whole number')
        .min(2, 'must be at least 2')
        .max(20, 'must be at most 20')
        .default(METHOD_DEFAULTS.classCount),
      labelsNl: z.array(z.string().min(1, 'must not be empty')).optional(),
      labelsEn: z.array(z.string().min(1, 'must not be empty')).optional(),
    })
    .default(() => ({ count: METHOD_DEFAULTS.classCount })),
  flags: z
    .strictObject({
      percentile: number('a number')
        .gt(0, 'must be greater than 0')
        .lte(1, 'must be at most 1')
        .default(METHOD_DEFAULTS.flagPercentile),
    })
    .default(() => ({ percentile: METHOD_DEFAULTS.flagPercentile })),
  uncertainty: z
    .strictObject({
      draws: number('a whole number')
        .int('must be a whole number')
        .min(0, 'must be at least 0')
        .max(MAX_DRAWS, `must be at most ${MAX_DRAWS}`)
        .default(METHOD_DEFAULTS.draws),
      // Below 1, so that every perturbed weight stays positive.
      perturbation: number('a number')
        .min(0, 'must be at least 0')
        .lt(1, 'must be less than 1')
        .default(METHOD_DEFAULTS.perturbation),
      seed: number('a whole number')
        .int('must be a whole number')
        .min(0, 'must be at least 0')
        .max(0xffffffff, 'must be at most 4294967295')
        .default(METHOD_DEFAULTS.seed),
    })
    .default(() => ({
      draws: METHOD_DEFAULTS.draws,
      perturbation: METHOD_DEFAULTS.perturbation,
      seed: METHOD_DEFAULTS.seed,
    })),
  themeWeights: z
    .record(z.string(), number('a number').gt(0, 'must be greater than 0'))
    .nullable()
    .default(null),
  indicators: z.array(indicatorSchema).min(1, 'must list at least one indicator'),
});

/** One problem in a method file: where (a JSON path such as `indicators[2].weight`) and what. */
export interface MethodIssue {
  field: string;
  message: string;
}

/**
 * Validate a method file and fill its defaults. Direction and theme of an indicator default to
 * the catalogue's; a catalogue direction of `neutral` has no default, so the file must say.
 * Throws `AppError('validation_failed')` naming every problem: the first in the message, all in
 * `details.issues`, each with its JSON path.
 * @example
 * parseMethod(
 *   { key: 'onv-haarlem', name: 'Onveiligheid Haarlem',
 *     universe: { level: 'buurt', within: ['GM0392'] },
 *     indicators: [{ key: 'lbm_onv', direction: 'higher_is_better', weight: 1 }] },
 *   catalogue,
 * ).normalisation // 'percentile'
 */
export function parseMethod(
  json: unknown,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
): MethodDefinition {
  const parsed = methodSchema.safeParse(json);
  const issues: MethodIssue[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => zodIssue(issue, json));
  // Semantic checks run on the raw input too, so that one pass reports every problem.
  issues.push(...semanticIssues(json, catalogue));
  if (!parsed.success || issues.length > 0) throw methodError(dedupe(issues));

  const raw = parsed.data;
  const indicators: MethodIndicator[] = raw.indicators.map((indicator) => {
    const entry = catalogue.get(indicator.key)!;
    return {
      key: indicator.key,
      direction: indicator.direction ?? (entry.direction as MethodDirection),
      weight: indicator.weight,
      theme: indicator.theme ?? entry.theme,
    };
  });
  const count = raw.classes.count;
  return {
    key: raw.key,
    name: raw.name,
    description: raw.description,
    universe: {
      level: raw.universe.level,
      within: Array.isArray(raw.universe.within) ? [...raw.universe.within] : raw.universe.within,
    },
    normalisation: raw.normalisation,
    antiCompensation: raw.antiCompensation,
    completeness: { minWeightShare: raw.completeness.minWeightShare },
    classes: {
      count,
      labelsNl: raw.classes.labelsNl ?? [...DEFAULT_CLASS_LABELS_NL],
      labelsEn: raw.classes.labelsEn ?? [...DEFAULT_CLASS_LABELS_EN],
    },
    flags: { percentile: raw.flags.percentile },
    uncertainty: { ...raw.uncertainty },
    themeWeights: raw.themeWeights === null ? null : { ...raw.themeWeights },
    indicators,
  };
}

/**
 * A canonical JSON string (object keys sorted, indicators by key, universe codes sorted) of
 * everything that affects the numbers of a ranking. Name, description and class labels are
 * left out: editing them changes no number. Two methods with the same fingerprint give the same
 * ranking on the same data; a different fingerprint means a new method version.
 * @example methodFingerprint(a) === methodFingerprint({ ...a, name: 'Nieuwe naam' }) // true
 */
export function methodFingerprint(def: MethodDefinition): string {
  return canonicalJson({
    universe: {
      level: def.universe.level,
      within: Array.isArray(def.universe.within)
        ? [...def.universe.within].sort()
        : def.universe.within,
    },
    normalisation: def.normalisation,
    antiCompensation: def.antiCompensation,
    completeness: def.completeness.minWeightShare,
    classCount: def.classes.count,
    flagPercentile: def.flags.percentile,
    uncertainty: def.uncertainty,
    themeWeights: def.themeWeights,
    indicators: [...def.indicators]
      .sort((a, b) => compareStrings(a.key, b.key))
      .map(({ key, direction, weight, theme }) => ({ key, direction, weight, theme })),
  });
}

/** JSON with object keys in code-unit order at every depth, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort(compareStrings)
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Checks that need the catalogue or more than one field. They look only at well-typed parts of
// the raw input: shape errors are zod's to report.
function semanticIssues(json: unknown, catalogue: ReadonlyMap<string, CatalogueEntry>) {
  const issues: MethodIssue[] = [];
  if (!isRecord(json)) return issues;
  const indicatorThemes = new Set<string>();
  const indicators = Array.isArray(json.indicators) ? json.indicators : [];
  const firstIndex = new Map<string, number>();
  indicators.forEach((item: unknown, i) => {
    if (!isRecord(item) || typeof item.key !== 'string' || item.key === '') return;
    const at = `indicators[${i}]`;
    const entry = catalogue.get(item.key);
    const earlier = firstIndex.get(item.key);
    if (earlier !== undefined) {
      issues.push({ field: `${at}.key`, message: `duplicate of indicators[${earlier}]` });
    } else firstIndex.set(item.key, i);
    if (!entry) {
      issues.push({ field: `${at}.key`, message: `unknown indicator '${item.key}'` });
      if (typeof item.theme === 'string') indicatorThemes.add(item.theme);
      return;
    }
    if (entry.kind === 'count') {
      // A count grows with the size of an area: ranking on it ranks size, not need.
      issues.push({
        field: `${at}.key`,
        message: `'${item.key}' is a count, which measures size rather than need; use a share or rate`,
      });
    }
    if (item.direction === undefined && !isMethodDirection(entry.direction)) {
      issues.push({
        field: `${at}.direction`,
        message: `is required: the catalogue gives '${item.key}' no direction (${entry.direction})`,
      });
    }
    indicatorThemes.add(typeof item.theme === 'string' ? item.theme : entry.theme);
  });

  if (isRecord(json.themeWeights)) {
    for (const theme of Object.keys(json.themeWeights)) {
      if (!indicatorThemes.has(theme)) {
        issues.push({
          field: `themeWeights.${theme}`,
          message: `no indicator has theme '${theme}'`,
        });
      }
    }
    for (const theme of [...indicatorThemes].sort(compareStrings)) {
      // Own keys only: `in` also sees Object.prototype, so a theme named 'constructor' or
      // 'toString' without a weight passed here and failed later, in prepareModel.
      if (!Object.hasOwn(json.themeWeights, theme)) {
        // A theme without its own weight would mix a weight sum with the other themes' weights.
        issues.push({
          field: 'themeWeights',
          message: `misses theme '${theme}': give every theme of the indicators a weight, or set themeWeights to null`,
        });
      }
    }
  }

  if (isRecord(json.classes)) {
    const count = json.classes.count ?? METHOD_DEFAULTS.classCount;
    if (typeof count === 'number' && Number.isInteger(count)) {
      for (const field of ['labelsNl', 'labelsEn'] as const) {
        const labels = json.classes[field];
        if (Array.isArray(labels) && labels.length !== count) {
          issues.push({
            field: `classes.${field}`,
            message: `has ${labels.length} labels for ${count} classes`,
          });
        } else if (labels === undefined && count !== METHOD_DEFAULTS.classCount) {
          issues.push({
            field: `classes.${field}`,
            message: `is required for ${count} classes (the default labels are for ${METHOD_DEFAULTS.classCount})`,
          });
        }
      }
    }
  }

  if (isRecord(json.universe) && Array.isArray(json.universe.within)) {
    const level = json.universe.level;
    const within: unknown[] = json.universe.within;
    if (within.length === 0) {
      issues.push({ field: 'universe.within', message: 'must list at least one code' });
    }
    const seen = new Set<string>();
    within.forEach((code, i) => {
      const field = `universe.within[${i}]`;
      if (typeof code !== 'string') return;
      if (seen.has(code)) issues.push({ field, message: `duplicate code '${code}'` });
      seen.add(code);
      if (WIJK_CODE.test(code)) {
        if (level === 'gemeente') {
          issues.push({ field, message: `a wijk code ('${code}') holds no gemeenten` });
        }
      } else if (!GEMEENTE_CODE.test(code)) {
        issues.push({
          field,
          message: `'${code}' is not a gemeente (GM0000) or wijk (WK000000) code`,
        });
      }
    });
  }
  return issues;
}

function zodIssue(issue: z.core.$ZodIssue, json: unknown): MethodIssue[] {
  const at = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: at === '$' ? key : `${at}.${key}`,
      message: 'is not a method field',
    }));
  }
  // A missing field is "required", whatever kind of value zod expected there (also a union).
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    issue.path.length > 0 &&
    valueAt(json, issue.path) === undefined
  ) {
    return [{ field: at, message: 'is required' }];
  }
  return [{ field: at, message: issue.message }];
}

/** `['indicators', 2, 'weight']` → `indicators[2].weight`; the root is `$`. */
function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '$' : out;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function methodError(issues: MethodIssue[]): AppError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError('validation_failed', `${first.field}: ${first.message}${more}`, {
    field: first.field,
    issues,
  });
}

function dedupe(issues: MethodIssue[]): MethodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.field}\u0000${issue.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function isMethodDirection(value: unknown): value is MethodDirection {
  return value === 'higher_is_better' || value === 'higher_is_worse';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A universe as typed on a command line or in a query string: `country`, `working-area`, or
 * gemeente/wijk codes separated by commas. Null when it is none of these, with the bad code.
 * @example parseUniverseText('GM0392, GM0375') // { within: ['GM0392', 'GM0375'] }
 */
export function parseUniverseText(
  raw: string,
): { within: 'country' | 'working-area' | string[] } | { bad: string } {
  if (raw === 'country' || raw === 'working-area') return { within: raw };
  const codes = raw
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) return { bad: raw };
  const bad = codes.find((c) => !GEMEENTE_CODE.test(c) && !WIJK_CODE.test(c));
  return bad === undefined ? { within: codes } : { bad };
}
