/**
 * The four veerkracht quadrants (Aedes logic, domain.md §9.7) and how a pair of changes falls
 * into one.
 *
 * Each axis is read as up, stable or down against the stable band (in standard deviations):
 * - up:     change >  stableBand
 * - down:   change < −stableBand
 * - stable: −stableBand ≤ change ≤ stableBand (the band is closed: a change of exactly the
 *           band width is not yet a rise)
 * A tolerance of 1e-9 SD widens the band so that floating-point noise in sums and means
 * (0.4 − 0.3 = 0.10000000000000003) cannot move an area across an edge.
 *
 * Only a rise in vulnerable residents separates "under pressure" from "resilient"; stable and
 * falling share one quadrant on each axis. A fifth class for "improving" was left out on
 * purpose: it would rest on the same arbitrary band, and the maps ask where attention is
 * needed, not who improved most. The raw changes stay in the result for anyone who wants more.
 */

/** In the order a legend lists them: most attention first. */
export const QUADRANTS = ['onder_druk', 'overlast_stijgt', 'veerkrachtig', 'stabiel'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export type AxisTrend = 'up' | 'stable' | 'down';

/** Absorbs floating-point noise at the band edges; far below any meaningful change. */
export const BAND_TOLERANCE = 1e-9;

export const QUADRANT_LABELS: Record<
  Quadrant,
  { nl: string; en: string; descriptionNl: string; descriptionEn: string }
> = {
  onder_druk: {
    nl: 'Veerkracht onder druk',
    en: 'Resilience under pressure',
    descriptionNl:
      'Het aandeel kwetsbare bewoners nam meer toe dan bij de referentie, en overlast en onveiligheid namen ook meer toe.',
    descriptionEn:
      'The share of vulnerable residents rose more than in the reference, and so did nuisance and unsafety.',
  },
  overlast_stijgt: {
    nl: 'Overlast neemt toe',
    en: 'Nuisance rising',
    descriptionNl:
      'Overlast en onveiligheid namen meer toe dan bij de referentie, terwijl het aandeel kwetsbare bewoners gelijk bleef of daalde.',
    descriptionEn:
      'Nuisance and unsafety rose more than in the reference, while the share of vulnerable residents stayed level or fell.',
  },
  veerkrachtig: {
    nl: 'Veerkrachtig',
    en: 'Resilient',
    descriptionNl:
      'Het aandeel kwetsbare bewoners nam meer toe dan bij de referentie, maar overlast en onveiligheid bleven gelijk of namen af.',
    descriptionEn:
      'The share of vulnerable residents rose more than in the reference, but nuisance and unsafety stayed level or fell.',
  },
  stabiel: {
    nl: 'Stabiel of verbeterend',
    en: 'Stable or improving',
    descriptionNl:
      'Het aandeel kwetsbare bewoners en de overlast en onveiligheid bleven gelijk of daalden ten opzichte van de referentie.',
    descriptionEn:
      'The share of vulnerable residents and nuisance and unsafety stayed level or fell compared with the reference.',
  },
};

/**
 * Reads one axis' change (in SD, + = worse) against the stable band.
 * @example trendOf(0.1, 0.1) // 'stable'
 * @example trendOf(0.11, 0.1) // 'up'
 */
export function trendOf(change: number, stableBand: number): AxisTrend {
  if (change > stableBand + BAND_TOLERANCE) return 'up';
  if (change < -stableBand - BAND_TOLERANCE) return 'down';
  return 'stable';
}

/**
 * The quadrant of an area; null unless both axes are known, since half a signal is shown as
 * such, never classified.
 * @example quadrantOf(0.5, -0.3, 0.1) // 'veerkrachtig'
 */
export function quadrantOf(
  vulnerabilityChange: number | null,
  nuisanceChange: number | null,
  stableBand: number,
): Quadrant | null {
  if (vulnerabilityChange === null || nuisanceChange === null) return null;
  const moreVulnerable = trendOf(vulnerabilityChange, stableBand) === 'up';
  const moreNuisance = trendOf(nuisanceChange, stableBand) === 'up';
  if (moreVulnerable) return moreNuisance ? 'onder_druk' : 'veerkrachtig';
  return moreNuisance ? 'overlast_stijgt' : 'stabiel';
}
