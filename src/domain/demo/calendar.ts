/**
 * Which figures exist in which year: the publication rhythm the demo copies from the real
 * sources, so that gaps in the demo look like the gaps users will meet in real data.
 */

export const BOUNDARY_YEAR = 2024;
export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2024;
export const DATA_YEARS: readonly number[] = Array.from(
  { length: LAST_YEAR - FIRST_YEAR + 1 },
  (_, i) => FIRST_YEAR + i,
);

/** Leefbaarometer measurement years (biennial). */
export const LBM_YEARS: readonly number[] = [2014, 2016, 2018, 2020, 2022, 2024];

/** CBS income figures trail the population figures by two years. */
export const LAST_INCOME_YEAR = 2022;

/** CBS stopped publishing households around the social minimum; the 2024 table has no value. */
export const OSM_MISSING_YEAR = 2024;

/** Reference level of the Leefbaarometer 2024 release: lbm = reference + afw. */
export const LBM_REFERENCE_LEVEL = 4.0456;

export const COUNT_KEYS = ['a_inw', 'a_hh', 'a_woning', 'a_soz_wb'] as const;
export const INCOME_KEYS = ['g_ink_pi', 'p_hh_li', 'p_hh_osm'] as const;
export const DIMENSION_KEYS = ['lbm_won', 'lbm_fys', 'lbm_vrz', 'lbm_soc', 'lbm_onv'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

/** Order of indicators within an area's observations (CBS first, then Leefbaarometer). */
export const INDICATOR_ORDER: readonly string[] = [
  'a_inw',
  'a_hh',
  'a_woning',
  'p_huurw',
  'p_wcorpw',
  'g_wozbag',
  'g_ink_pi',
  'p_hh_li',
  'p_hh_osm',
  'a_soz_wb',
  'soz_wb_per_1000',
  'lbm_score',
  'lbm_score_class',
  'lbm_afw',
  'lbm_afw_class',
  ...DIMENSION_KEYS.flatMap((key) => [key, `${key}_class`]),
];
