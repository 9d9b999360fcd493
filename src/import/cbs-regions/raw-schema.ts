/**
 * The CBS region list of one year, in the two layouts we accept:
 * - StatLine's `WijkenEnBuurten` dimension table (OData, CSV or JSON): Key (right-padded code),
 *   Title, Description ("Wijk 'Centrum' (gemeente Groningen)"), Municipality, DetailRegionCode;
 * - the flat list (as in shared/data kwb2024_regiocodes.csv): regio_code, regio_type,
 *   regio_naam, gm_code, gm_naam, wk_code, wk_naam.
 */
export const ODATA = { code: 'key', name: 'title', municipality: 'municipality' } as const;
export const FLAT = {
  code: 'regio_code',
  name: 'regio_naam',
  type: 'regio_type',
  gemeente: 'gm_code',
  wijk: 'wk_code',
} as const;
