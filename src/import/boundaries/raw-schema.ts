/**
 * Attribute names for codes and their names across the boundary files in use: CBS/PDOK wijk- en
 * buurtkaart (buurtcode/buurtnaam, wijkcode/wijknaam, gemeentecode/gemeentenaam,
 * statcode/statnaam), older CBS shapes (BU_CODE …), the Leefbaarometer geometry (bu_code,
 * bu_naam) and shared/data files (wk_code, wk_naam). Each code field comes with its own name
 * field: a wijk file that also carries gm_naam must never name its wijken after the gemeente.
 * Matched case-insensitively, most specific level first.
 */
export const CODE_AND_NAME_FIELDS: ReadonlyArray<[code: string, name: string]> = [
  ['bu_code', 'bu_naam'],
  ['buurtcode', 'buurtnaam'],
  ['wk_code', 'wk_naam'],
  ['wijkcode', 'wijknaam'],
  ['gm_code', 'gm_naam'],
  ['gemeentecode', 'gemeentenaam'],
  ['statcode', 'statnaam'],
  ['code', 'naam'],
];
