import { apiUrl } from '../api-client.js';
import type {
  SpendingLineView,
  SpendingList,
  SpendingTargetKind,
} from '../../domain/budget/spending-view.js';
import { useQuery } from './use-query.js';

/** GET /api/budget/spending: the year's lines (SpendingLine: one of them) and totals. */
export type { SpendingLineView as SpendingLine, SpendingList, SpendingTargetKind };

/** What a line can be booked on: GET /api/budget/setup and GET /api/stock/complexes. */
export interface SpendingSetup {
  regions: { key: string; name: string; buurten: { code: string; name: string }[] }[];
  lines: { key: string; name: string }[];
}
export interface SpendingComplexes {
  complexes: { corporationId: string; name: string | null; buurtCode: string }[];
}

/** The year's spending lines as the user may see them. */
export const useBudgetSpendingQuery = (year: number | null) =>
  useQuery<SpendingList>(year === null ? null : apiUrl('/api/budget/spending', { year }));

/** Regions, buurten, lines and complexes for the entry form; nothing is fetched when off. */
export function useSpendingTargetsQuery(enabled: boolean) {
  const setup = useQuery<SpendingSetup>(enabled ? '/api/budget/setup' : null);
  const complexes = useQuery<SpendingComplexes>(enabled ? '/api/stock/complexes' : null);
  return {
    setup: setup.data,
    complexes: complexes.data?.complexes,
    error: setup.error ?? complexes.error,
    reload: () => {
      setup.reload();
      complexes.reload();
    },
  };
}
