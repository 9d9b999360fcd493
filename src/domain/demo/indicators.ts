import {
  DATA_YEARS,
  FIRST_YEAR,
  INCOME_KEYS,
  LAST_INCOME_YEAR,
  OSM_MISSING_YEAR,
} from './calendar.js';
import type { PlacedBuurt } from './geography.js';
import type { BuurtLatent, TrendRole } from './latent.js';
import { nationalTrend } from './national.js';
import type { ObservationTable } from './observation-table.js';
import { clamp, round5, type BuurtPopulation } from './population.js';
import type { Random } from './random.js';

/**
 * CBS suppresses income and benefit figures of small buurten ("."); the real threshold differs
 * per measure, 200 inhabitants is a typical one.
 */
export const SUPPRESSION_THRESHOLD = 200;

const BENEFIT_KEYS = ['a_soz_wb', 'soz_wb_per_1000'];
const SUPPRESSED_KEYS = [...INCOME_KEYS, ...BENEFIT_KEYS];

/** Per-buurt deviations that stay the same over the years. */
interface Traits {
  rent: number;
  corporation: number;
  woz: number;
  income: number;
  lowIncome: number;
  socialMinimum: number;
  assistance: number;
}

/**
 * Write the CBS figures of one buurt for every data year. Housing stock follows the 2014
 * deprivation (stock changes slowly, except where it is renewed); income and benefits follow the
 * yearly deprivation path. Income figures stop at 2022; p_hh_osm is 'missing' in 2024.
 * @example writeBuurtFigures(table, buurt, population, latent, random) // ~120 observations
 */
export function writeBuurtFigures(
  table: ObservationTable,
  buurt: PlacedBuurt,
  population: BuurtPopulation,
  latent: BuurtLatent,
  random: Random,
): void {
  const traits: Traits = {
    rent: 0.35 * random.normal(),
    corporation: 0.3 * random.normal(),
    woz: 0.08 * random.normal(),
    income: 0.06 * random.normal(),
    lowIncome: 2.5 * random.normal(),
    socialMinimum: 0.15 * random.normal(),
    assistance: 0.18 * random.normal(),
  };
  const u = buurt.urbanity;
  const d0 = latent.baseDeprivation;
  const code = buurt.code;

  for (const year of DATA_YEARS) {
    const index = year - FIRST_YEAR;
    const share = index / 10;
    const d = latent.deprivation[index]!;
    const inhabitants = population.inhabitants[index]!;
    table.set(code, 'a_inw', year, inhabitants);
    table.set(code, 'a_hh', year, population.households[index]!);
    table.set(code, 'a_woning', year, population.dwellings[index]!);

    const drift = tenureDrift(latent.role, share);
    const rented = 100 * logistic(-0.35 + 1.05 * d0 + 1.3 * (u - 0.5) + traits.rent + drift.rent);
    const corporationShare = logistic(
      0.55 + 0.9 * d0 - 0.9 * (u - 0.5) + traits.corporation + drift.corporation,
    );
    // rented × share < rented and Math.round is monotone, so p_wcorpw ≤ p_huurw survives rounding.
    table.set(code, 'p_huurw', year, Math.round(rented));
    table.set(code, 'p_wcorpw', year, Math.round(rented * corporationShare));
    table.set(
      code,
      'g_wozbag',
      year,
      Math.round(
        215 *
          Math.exp(-0.2 * d0 + traits.woz) *
          nationalTrend.woz(year) *
          wozRole(latent.role, share),
      ),
    );

    {
      const rate =
        24 *
        Math.exp(0.55 * d + traits.assistance + 0.03 * random.normal()) *
        nationalTrend.socialAssistance(year);
      const assistance = round5((rate * inhabitants) / 1000);
      table.set(code, 'a_soz_wb', year, assistance);
      if (inhabitants > 0)
        table.set(code, 'soz_wb_per_1000', year, (assistance / inhabitants) * 1000);
      if (year <= LAST_INCOME_YEAR) {
        const income = 24.8 * Math.exp(-0.17 * d + traits.income) * nationalTrend.income(year);
        const lowIncome = 40 + 11 * d + traits.lowIncome + 0.7 * random.normal();
        const socialMinimum =
          7.5 * Math.exp(0.42 * d + traits.socialMinimum) * nationalTrend.socialMinimum(year) +
          0.3 * random.normal();
        table.set(code, 'g_ink_pi', year, Math.round(income * 10) / 10);
        table.set(code, 'p_hh_li', year, Math.round(clamp(lowIncome, 8, 85)));
        table.set(code, 'p_hh_osm', year, Math.round(clamp(socialMinimum, 2, 30)));
      }
    }
    if (year === OSM_MISSING_YEAR) table.setWithout(code, 'p_hh_osm', year, 'missing');
  }
}

/** Shifts (logit units) in the rented and corporation shares by role, growing over the decade. */
function tenureDrift(role: TrendRole, share: number): { rent: number; corporation: number } {
  switch (role) {
    case 'regeneration':
      // Demolition and sale of corporation dwellings, replaced by owner-occupied new build.
      return { rent: -0.5 * share, corporation: -0.9 * share };
    case 'under_pressure':
      // Private landlords buy up dwellings ("verkamering").
      return { rent: 0.2 * share, corporation: -0.15 * share };
    case 'new_build':
      return { rent: -0.6, corporation: 0 };
    default:
      return { rent: -0.08 * share, corporation: 0 };
  }
}

function wozRole(role: TrendRole, share: number): number {
  if (role === 'regeneration') return 1 + 0.25 * share;
  if (role === 'under_pressure') return 1 - 0.12 * share;
  if (role === 'new_build') return 1.25;
  return 1;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Hide the income and benefit figures of small buurten, as CBS does ("."), after their parents
 * have been aggregated: CBS totals for a wijk include the figures it suppresses per buurt, so
 * leaving a hidden buurt out of its parent would bias the parent (e.g. too few on bijstand).
 * @example suppressSmallBuurten(table, ['BU99030201'])
 */
export function suppressSmallBuurten(table: ObservationTable, codes: readonly string[]): void {
  for (const code of codes) {
    for (const year of DATA_YEARS) {
      const inhabitants = table.value(code, 'a_inw', year);
      if (inhabitants === undefined || inhabitants >= SUPPRESSION_THRESHOLD) continue;
      const keys = year <= LAST_INCOME_YEAR ? SUPPRESSED_KEYS : BENEFIT_KEYS;
      for (const key of keys)
        if (table.get(code, key, year)) table.setWithout(code, key, year, 'secret');
    }
  }
}
