import {
  DATA_YEARS,
  FIRST_YEAR,
  LAST_INCOME_YEAR,
  LBM_YEARS,
  OSM_MISSING_YEAR,
} from './calendar.js';
import { writeLbmSet, type DimensionValues } from './leefbaarometer.js';
import type { ObservationTable } from './observation-table.js';
import { round5 } from './population.js';

/**
 * Reference figures for NL00 in the demo, 2014–2024. They are rounded, approximate versions of
 * the national figures (so the demo's comparisons "against the Netherlands" look sensible), but
 * like everything in the demo they are not a source: never quote them as CBS figures.
 */
const INHABITANTS = [
  16_829_000, 16_901_000, 16_979_000, 17_082_000, 17_181_000, 17_282_000, 17_408_000, 17_475_000,
  17_591_000, 17_811_000, 17_943_000,
];
const HOUSEHOLDS = [
  7_588_000, 7_665_000, 7_736_000, 7_795_000, 7_863_000, 7_931_000, 8_015_000, 8_077_000, 8_115_000,
  8_159_000, 8_198_000,
];
const DWELLINGS = [
  7_535_000, 7_589_000, 7_641_000, 7_686_000, 7_741_000, 7_815_000, 7_892_000, 7_966_000, 8_046_000,
  8_126_000, 8_202_000,
];
const RENTED_PERCENT = [43, 43, 42, 42, 42, 42, 42, 42, 41, 41, 41];
const CORPORATION_PERCENT = [30, 30, 29, 29, 29, 29, 29, 29, 28, 28, 28];
/** Mean WOZ value, × €1,000: the strong rise of the decade with the 2023–2024 plateau. */
const WOZ = [206, 204, 209, 217, 230, 248, 270, 290, 316, 355, 360];
/** Mean income per inhabitant, × €1,000, for 2014–2022 (income trails by two years). */
const INCOME = [24.3, 25.0, 25.8, 26.5, 27.4, 28.4, 29.6, 30.9, 32.8];
const LOW_INCOME_PERCENT = [40, 40, 40, 40, 40, 40, 40, 40, 40];
const SOCIAL_MINIMUM_PERCENT = [8, 8, 8, 8, 8, 7, 7, 7, 7];
const SOCIAL_ASSISTANCE = [
  430_000, 452_000, 468_000, 474_000, 466_000, 451_000, 456_000, 441_000, 422_000, 417_000, 424_000,
];

/** National Leefbaarometer dimensions per measurement year (mean afw drifts upwards). */
const LBM: Record<number, DimensionValues> = {
  2014: { lbm_won: 0.024, lbm_fys: 0.004, lbm_vrz: -0.056, lbm_soc: 0.031, lbm_onv: 0.027 },
  2016: { lbm_won: 0.025, lbm_fys: 0.004, lbm_vrz: -0.055, lbm_soc: 0.032, lbm_onv: 0.03 },
  2018: { lbm_won: 0.027, lbm_fys: 0.005, lbm_vrz: -0.055, lbm_soc: 0.032, lbm_onv: 0.032 },
  2020: { lbm_won: 0.028, lbm_fys: 0.005, lbm_vrz: -0.054, lbm_soc: 0.033, lbm_onv: 0.033 },
  2022: { lbm_won: 0.03, lbm_fys: 0.005, lbm_vrz: -0.054, lbm_soc: 0.033, lbm_onv: 0.037 },
  2024: { lbm_won: 0.031, lbm_fys: 0.005, lbm_vrz: -0.054, lbm_soc: 0.034, lbm_onv: 0.041 },
};

const at = (series: readonly number[], year: number): number => series[year - FIRST_YEAR]!;

/** National trends that buurt figures follow, as factors relative to 2014. */
export const nationalTrend = {
  /** WOZ index: 1 in 2014. */
  woz: (year: number): number => at(WOZ, year) / WOZ[0]!,
  /** Income index: 1 in 2014. */
  income: (year: number): number => at(INCOME, year) / INCOME[0]!,
  /** Social-assistance rate index: 1 in 2014. */
  socialAssistance: (year: number): number =>
    at(SOCIAL_ASSISTANCE, year) / at(INHABITANTS, year) / (SOCIAL_ASSISTANCE[0]! / INHABITANTS[0]!),
  /** Households around the social minimum, index: 1 in 2014. */
  socialMinimum: (year: number): number =>
    at(SOCIAL_MINIMUM_PERCENT, year) / SOCIAL_MINIMUM_PERCENT[0]!,
  /** National Leefbaarometer dimensions of a measurement year. */
  lbm: (year: number): DimensionValues => LBM[year]!,
};

/**
 * Write the NL00 reference series into the table.
 * @example writeNational(table); table.value('NL00', 'a_inw', 2024) // 17943000
 */
export function writeNational(table: ObservationTable): void {
  const code = 'NL00';
  for (const year of DATA_YEARS) {
    const inhabitants = round5(at(INHABITANTS, year));
    const assistance = round5(at(SOCIAL_ASSISTANCE, year));
    table.set(code, 'a_inw', year, inhabitants);
    table.set(code, 'a_hh', year, round5(at(HOUSEHOLDS, year)));
    table.set(code, 'a_woning', year, at(DWELLINGS, year));
    table.set(code, 'p_huurw', year, at(RENTED_PERCENT, year));
    table.set(code, 'p_wcorpw', year, at(CORPORATION_PERCENT, year));
    table.set(code, 'g_wozbag', year, at(WOZ, year));
    table.set(code, 'a_soz_wb', year, assistance);
    table.set(code, 'soz_wb_per_1000', year, (assistance / inhabitants) * 1000);
    if (year <= LAST_INCOME_YEAR) {
      table.set(code, 'g_ink_pi', year, at(INCOME, year));
      table.set(code, 'p_hh_li', year, at(LOW_INCOME_PERCENT, year));
      table.set(code, 'p_hh_osm', year, at(SOCIAL_MINIMUM_PERCENT, year));
    }
    if (year === OSM_MISSING_YEAR) table.setWithout(code, 'p_hh_osm', year, 'missing');
  }
  for (const year of LBM_YEARS) writeLbmSet(table, code, year, LBM[year]!);
}
