/**
 * The Leefbaarometer 3.0 open-data layouts: the long CSV (one row per area and year:
 * `bu_code|wk_code|gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won`, R's `NA` for no value)
 * and the WFS export (GeoJSON/GeoPackage features with `afw`, the dimensions and the classes
 * `kscore, kafw, kwon, kfys, kvrz, ksoc, konv`; no absolute `lbm`).
 */
export const CODE_FIELDS = ['bu_code', 'wk_code', 'gm_code'] as const;
/**
 * The live WFS layers (lbm3:buurtscore24 …) name code, name and year `id`, `name` and `year`
 * (seen in public client code); exports renamed by hand use the CSV names. Both are accepted.
 */
export const WFS_CODE_FIELDS = ['id', 'code'] as const;
export const YEAR_FIELDS = ['jaar', 'year'] as const;
export const WFS_NAME_FIELDS = ['name', 'naam'] as const;
export const NAME_FIELDS: Record<(typeof CODE_FIELDS)[number], string> = {
  bu_code: 'bu_naam',
  wk_code: 'wk_naam',
  gm_code: 'gm_naam',
};

export const DIMENSIONS = ['won', 'fys', 'vrz', 'soc', 'onv'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Fields every Leefbaarometer file must have, besides a code. */
export const REQUIRED = ['afw', ...DIMENSIONS] as const;

/** The published classes and the indicator each one fills. */
export const CLASS_FIELDS: ReadonlyArray<[field: string, indicator: string]> = [
  ['kscore', 'lbm_score_class'],
  ['kafw', 'lbm_afw_class'],
  ['kwon', 'lbm_won_class'],
  ['kfys', 'lbm_fys_class'],
  ['kvrz', 'lbm_vrz_class'],
  ['ksoc', 'lbm_soc_class'],
  ['konv', 'lbm_onv_class'],
];

/** `afw` must equal the sum of the five dimensions (the publisher's own identity). */
export const SUM_TOLERANCE = 1e-4;
/** `lbm − afw` is the release's fixed reference level; rows may differ by rounding only. */
export const REFERENCE_TOLERANCE = 1e-4;

/** Every indicator a Leefbaarometer release fills: a new release replaces all of them. */
export const LBM_INDICATORS = [
  'lbm_score',
  'lbm_afw',
  ...DIMENSIONS.map((d) => `lbm_${d}`),
  ...CLASS_FIELDS.map(([, key]) => key),
];
