import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import type { AreaLevel } from '../../domain/shared/area-code.js';
import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export interface MapLayerParams {
  level: AreaLevel;
  parent: string | null;
  indicator: string;
  year: number | null;
  zoom?: number;
}

export const useMapLayerQuery = (params: MapLayerParams | null) =>
  useQuery<MapLayerResponse>(
    params
      ? apiUrl('/api/map', {
          level: params.level,
          parent: params.parent,
          indicator: params.indicator,
          year: params.year,
          zoom: params.zoom,
        })
      : null,
  );
