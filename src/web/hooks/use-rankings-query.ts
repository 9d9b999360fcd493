import type { RankingSummary } from './ranking-types.js';
import { useQuery } from './use-query.js';

/** The stored rankings, newest first. */
export const useRankingsQuery = () => useQuery<{ rankings: RankingSummary[] }>('/api/rankings');
