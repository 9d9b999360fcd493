/**
 * Spending lines (realisatie) of one budget year, CSV or XLSX, one row per booking: datum,
 * exactly one of regio / buurtcode / complex / post (a line without an area), categorie,
 * bedrag, omschrijving, prestatieafspraken. Columns are found by name, case-insensitively,
 * under Dutch and English aliases (domain/budget/spending-row.ts).
 */
export { SPENDING_COLUMNS } from '../../domain/budget/spending-row.js';

/** Columns a spending file must have at least (by one of their aliases). */
export const REQUIRED_SPENDING_COLUMNS = ['date', 'category', 'amount'] as const;
