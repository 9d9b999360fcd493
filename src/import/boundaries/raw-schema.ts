/**
 * Attribute names for codes and names across the boundary files in use: CBS/PDOK wijk- en
 * buurtkaart (buurtcode, wijkcode, gemeentecode, statcode), older CBS shapes (BU_CODE …), the
 * Leefbaarometer geometry (bu_code, bu_naam), and the shared/data files (wk_code, wk_naam).
 * Matched case-insensitively, most specific level first.
 */
export const CODE_FIELDS = [
  'bu_code',
  'buurtcode',
  'wk_code',
  'wijkcode',
  'gm_code',
  'gemeentecode',
  'statcode',
  'code',
];
export const NAME_FIELDS = [
  'bu_naam',
  'buurtnaam',
  'wk_naam',
  'wijknaam',
  'gm_naam',
  'gemeentenaam',
  'statnaam',
  'naam',
  'name',
];
