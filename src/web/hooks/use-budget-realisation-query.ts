import { apiUrl } from '../api-client.js';
import type { BudgetRealisation } from './budget-types.js';
import { useQuery } from './use-query.js';

/** Begroting against realisatie per region and line of a year. */
export const useBudgetRealisationQuery = (year: number | null) =>
  useQuery<BudgetRealisation>(year === null ? null : apiUrl('/api/budget/realisation', { year }));
