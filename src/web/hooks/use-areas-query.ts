import type { Area } from '../../domain/areas/area.js';
import type { AreaLevel } from '../../domain/shared/area-code.js';
import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export const useAreasQuery = (level: AreaLevel, parent?: string) =>
  useQuery<{ boundaryYear: number | null; areas: Area[] }>(apiUrl('/api/areas', { level, parent }));
