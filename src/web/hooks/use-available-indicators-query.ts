import type { AreaLevel } from '../../domain/shared/area-code.js';
import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export interface AvailableIndicators {
  boundaryYear: number | null;
  indicators: Array<{ key: string; years: number[] }>;
}

/**
 * Indicators with figures for the areas of a level within a parent (null: the country);
 * nothing is asked while `enabled` is false.
 */
export const useAvailableIndicatorsQuery = (
  level: AreaLevel,
  parent: string | null,
  enabled = true,
) =>
  useQuery<AvailableIndicators>(
    enabled ? apiUrl('/api/indicators/available', { level, parent }) : null,
  );
