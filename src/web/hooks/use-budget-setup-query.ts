import { useQuery } from './use-query.js';

/** GET /api/budget/setup: the budget regions (buurten in the viewer's scope) and the lines. */
export interface BudgetSetupView {
  regions: Array<{
    id: number;
    key: string;
    name: string;
    buurtCodes: string[];
    buurten: Array<{ code: string; name: string }>;
  }>;
  lines: Array<{ id: number; key: string; name: string }>;
}

export const useBudgetSetupQuery = () => useQuery<BudgetSetupView>('/api/budget/setup');
