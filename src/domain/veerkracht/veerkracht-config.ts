import { z } from 'zod';
import { AppError } from '../shared/app-error.js';

/**
 * Settings of the veerkracht (resilience) signal. The defaults follow the Aedes logic
 * (domain.md §2, §9.7) with open figures standing in for the CBS microdata that Aedes uses:
 * the exact Aedes vulnerability composite is not public (domain.md open item 4), so the
 * indicators are configurable rather than hard-coded.
 */
export interface VeerkrachtConfig {
  /**
   * Indicators of the concentration of vulnerable residents, all read as "higher is worse".
   * Default: % households with a low income, % households around the social minimum, social
   * assistance per 1,000 inhabitants. Origin or migration background is never one of them:
   * vulnerability means reduced self-reliance (domain.md §2.2), not where people come from.
   */
  vulnerability: string[];
  /**
   * The nuisance and unsafety indicator and which way is good. Default: the Leefbaarometer
   * dimension `lbm_onv` (a deviation score, higher is better). A caller with its own nuisance
   * figures (e.g. `own_overlast`, higher is worse) passes those instead; the caller decides.
   */
  nuisance: { key: string; direction: 'higher_is_better' | 'higher_is_worse' };
  /**
   * Half-width of the "stable" band in standard deviations: a change with |change| ≤ this
   * counts as stable. Default 0.1 SD, so that small shifts (and rounding in CBS figures) do not
   * move an area into "up" or "down".
   */
  stableBand: number;
  /**
   * Need-percentile thresholds (0–1) of the year-Y2 levels for the focus class. Default 0.8 /
   * 0.8: roughly the fifth of the areas with the most vulnerable residents AND the fifth with
   * the most nuisance, like the Aedes focuskaart.
   */
  focus: { vulnerabilityPercentile: number; nuisancePercentile: number };
}

export const DEFAULT_VEERKRACHT_CONFIG: VeerkrachtConfig = deepFreeze({
  vulnerability: ['p_hh_li', 'p_hh_osm', 'soz_wb_per_1000'],
  nuisance: { key: 'lbm_onv', direction: 'higher_is_better' },
  stableBand: 0.1,
  focus: { vulnerabilityPercentile: 0.8, nuisancePercentile: 0.8 },
});

/**
 * Fragments of the CBS origin (herkomst) and migration-background mnemonics across KWB
 * vintages, and the words for them. A guard against putting origin into the vulnerability
 * index by accident (a copied config, an imported table), not a proof: a new mnemonic that
 * matches none of these still gets through, so the rule is stated in the docs as well.
 */
const ORIGIN_KEY_PATTERN =
  /herkomst|migra|etni|ethni|origin|west_al|n_w_al|marok|ant_?aru|surin|turk|over_nw|nl_all|eur_al|neu_al/i;

const key = z
  .string()
  .trim()
  .min(1, 'an indicator key cannot be empty')
  .max(100, 'an indicator key has at most 100 characters');

const fraction = z
  .number()
  .min(0, 'a percentile between 0 and 1')
  .max(1, 'a percentile between 0 and 1');

const schema = z
  .strictObject({
    vulnerability: z
      .array(
        key.refine((value) => !ORIGIN_KEY_PATTERN.test(value), {
          error: (issue) =>
            `origin or migration background is not a vulnerability indicator (${String(issue.input)})`,
        }),
      )
      .min(1, 'at least one vulnerability indicator')
      .refine((keys) => new Set(keys).size === keys.length, 'each indicator once')
      .default(() => [...DEFAULT_VEERKRACHT_CONFIG.vulnerability]),
    // Key and direction come together: defaulting only the direction would silently read an
    // own "higher is worse" nuisance figure as "higher is better" and flip every signal.
    nuisance: z
      .strictObject({
        key,
        direction: z.enum(['higher_is_better', 'higher_is_worse'], {
          error: 'higher_is_better or higher_is_worse',
        }),
      })
      .default(() => ({ ...DEFAULT_VEERKRACHT_CONFIG.nuisance })),
    stableBand: z
      .number()
      .min(0, 'at least 0 standard deviations')
      .max(10, 'at most 10 standard deviations')
      .default(DEFAULT_VEERKRACHT_CONFIG.stableBand),
    focus: z
      .strictObject({
        vulnerabilityPercentile: fraction.default(
          DEFAULT_VEERKRACHT_CONFIG.focus.vulnerabilityPercentile,
        ),
        nuisancePercentile: fraction.default(DEFAULT_VEERKRACHT_CONFIG.focus.nuisancePercentile),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    // One figure on both axes would correlate the axes by construction.
    const index = config.vulnerability.indexOf(config.nuisance.key);
    if (index !== -1) {
      ctx.addIssue({
        code: 'custom',
        path: ['nuisance', 'key'],
        message: `${config.nuisance.key} is a vulnerability indicator already`,
      });
    }
  });

/**
 * Reads a veerkracht configuration (e.g. from a JSON file or request body); absent fields take
 * the defaults, unknown fields are refused so that a typo does not silently keep a default.
 * @throws AppError('validation_failed', '<path>: <problem>') naming the first problem.
 * @example parseVeerkrachtConfig({ stableBand: 0.2 }).stableBand // 0.2
 */
export function parseVeerkrachtConfig(json: unknown): VeerkrachtConfig {
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || 'config',
      message: issue.message,
    }));
    const first = issues[0] ?? { path: 'config', message: 'invalid' };
    throw new AppError('validation_failed', `${first.path}: ${first.message}`, {
      field: first.path,
      issues,
    });
  }
  return parsed.data;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
