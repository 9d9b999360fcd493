import type { AreaExplanation } from './ranking-types.js';
import { useQuery } from './use-query.js';

/** Why an area has its rank in one ranking. */
export const useRankingAreaQuery = (id: number, code: string) =>
  useQuery<AreaExplanation>(`/api/rankings/${id}/areas/${encodeURIComponent(code)}`);
