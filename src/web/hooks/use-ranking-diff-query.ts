import { apiUrl } from '../api-client.js';
import type { RankingDiff } from './ranking-types.js';
import { useQuery } from './use-query.js';

/** Rank changes from ranking a to ranking b, split into a data part and a method part. */
export const useRankingDiffQuery = (a: number | null, b: number | null) =>
  useQuery<RankingDiff>(a === null || b === null ? null : apiUrl('/api/rankings/diff', { a, b }));
