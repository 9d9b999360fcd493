import type { Area, AreaRef } from '../../domain/areas/area.js';
import type { Series } from '../../domain/indicators/observation.js';
import { useQuery } from './use-query.js';

export interface AreaProfile {
  area: Area;
  /** aggregate: a gemeente or the land around the user's scope; only its own totals. */
  access: 'full' | 'aggregate';
  ancestors: AreaRef[];
  children: AreaRef[];
  series: Series[];
  references: Array<{ area: AreaRef; series: Series[] }>;
  boundaryYears: number[];
}

export const useAreaProfileQuery = (code: string) =>
  useQuery<AreaProfile>(`/api/areas/${encodeURIComponent(code)}`);
