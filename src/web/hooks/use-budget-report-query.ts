import { apiUrl } from '../api-client.js';
import type { BudgetReport } from './budget-types.js';
import { useQuery } from './use-query.js';

/**
 * The annual-report table of a year (403 for accounts limited to some areas); with a cap in
 * euros per DAEB dwelling, the columns above it are marked.
 */
export const useBudgetReportQuery = (year: number | null, cap: string | null = null) =>
  useQuery<BudgetReport>(year === null ? null : apiUrl('/api/budget/report', { year, cap }));
