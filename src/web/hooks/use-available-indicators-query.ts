import type { AreaLevel } from '../../domain/shared/area-code.js';
import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export interface AvailableIndicators {
  boundaryYear: number | null;
  indicators: Array<{ key: string; years: number[] }>;
}

/** Indicators with figures for the areas of a level within a parent (null: the country). */
export const useAvailableIndicatorsQuery = (level: AreaLevel, parent: string | null) =>
  useQuery<AvailableIndicators>(apiUrl('/api/indicators/available', { level, parent }));
