import { apiUrl } from '../api-client.js';
import type { BudgetReport } from './budget-types.js';
import { useQuery } from './use-query.js';

/** The annual-report table of a year (403 for accounts limited to some areas). */
export const useBudgetReportQuery = (year: number | null) =>
  useQuery<BudgetReport>(year === null ? null : apiUrl('/api/budget/report', { year }));
