import { apiUrl } from '../api-client.js';
import type { BudgetCompare } from './budget-types.js';
import { useQuery } from './use-query.js';

/** A year's scenarios side by side. */
export const useBudgetCompareQuery = (year: number | null) =>
  useQuery<BudgetCompare>(year === null ? null : apiUrl('/api/budget/scenarios/compare', { year }));
