/**
 * The corporation's complex list (CSV or XLSX, one row per complex). Columns are found by name,
 * case-insensitively, under Dutch and English aliases (domain/budget/complex-row.ts):
 * complex_id (complexnummer), naam, adres, postcode + huisnummer, x/y or lon/lat (RD New or
 * WGS84, decided by the values), buurtcode (optional), woningen, daeb, bouwjaar.
 */
export { COMPLEX_COLUMNS } from '../../domain/budget/complex-row.js';

/** Columns a complex list must have at least (by one of their aliases). */
export const REQUIRED_COMPLEX_COLUMNS = ['id', 'units', 'daebUnits'] as const;
