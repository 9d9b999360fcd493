import type { BudgetScenarioSummary } from './budget-types.js';
import { useQuery } from './use-query.js';

/** Every allocation scenario, newest year first. */
export const useBudgetScenariosQuery = () =>
  useQuery<{ scenarios: BudgetScenarioSummary[] }>('/api/budget/scenarios');
