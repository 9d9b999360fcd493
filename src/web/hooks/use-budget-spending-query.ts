import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export type SpendingTargetKind = 'region' | 'buurt' | 'complex' | 'line';

/** One line of GET /api/budget/spending (services/spending.ts SpendingLineView). */
export interface SpendingLine {
  id: number;
  /** yyyy-mm-dd. */
  date: string;
  year: number;
  /** key: the region or line key, the buurt code or the complex id. */
  target: { kind: SpendingTargetKind; key: string; name: string };
  category: string;
  amountCents: number;
  description: string | null;
  prestatieafspraken: 'yes' | 'no' | 'unknown';
  /** Only lines entered by hand can be deleted. */
  source: 'import' | 'demo' | 'entered';
  importFile: string | null;
  /** null for readers who may not change budgets. */
  createdBy: string | null;
  createdAt: string;
}

export interface SpendingList {
  year: number;
  lines: SpendingLine[];
  totals: {
    kind: SpendingTargetKind;
    key: string;
    name: string;
    lines: number;
    amountCents: number;
  }[];
  totalCents: number;
}

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
