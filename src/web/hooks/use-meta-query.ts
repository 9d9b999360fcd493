import { useQuery } from './use-query.js';

export interface Meta {
  product: 'Buurtbalans';
  engine: 'pglite' | 'postgres';
  demo: { loadedAt: string; areas: number; observations: number } | null;
  organisations: Array<{
    key: string;
    name: string;
    kind: string;
    isDemo: boolean;
    workingArea: string[];
  }>;
  basemap: { url: string; attribution: string | null } | null;
  areaCounts: Record<string, number>;
  /** Disclosure control for restricted viewers: counts below minCount show as "<minCount". */
  privacy: { minCount: number; minBase: number; roundCountsTo: number };
}

export const useMetaQuery = () => useQuery<Meta>('/api/meta');
