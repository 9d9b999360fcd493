import type { RankingTable } from './ranking-types.js';
import { useQuery } from './use-query.js';

/** One ranking as a table: the areas in the user's scope, by rank. */
export const useRankingQuery = (id: number | null) =>
  useQuery<RankingTable>(id === null ? null : `/api/rankings/${id}`);
