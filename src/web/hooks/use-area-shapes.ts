import { useEffect, useState } from 'react';
import { unionBBox, type BBox } from '../../domain/geometry/bbox.js';
import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import { apiUrl, fetchJson } from '../api-client.js';

export interface AreaShapes {
  features: MapLayerResponse['features'];
  bbox: BBox | null;
}

/**
 * The shapes of the areas of a level inside some parents (null: every area the user may see),
 * read from the map layer endpoint (which serves geometry with an indicator's figures; the
 * figures are not used). One request per parent, so a working area of a few gemeenten never
 * loads the whole country. Nothing is asked while `indicator` is null.
 */
export function useAreaShapes(
  level: 'buurt' | 'wijk',
  parents: readonly string[] | null,
  indicator: string | null,
): { data: AreaShapes | undefined; error: Error | undefined } {
  const urls = indicator
    ? (parents ?? [null]).map((parent) => apiUrl('/api/map', { level, parent, indicator }))
    : [];
  const key = urls.join('|');
  const [state, setState] = useState<{
    key: string;
    data?: AreaShapes;
    error?: Error;
  }>({ key: '' });

  useEffect(() => {
    if (!key) return;
    let live = true;
    Promise.all(key.split('|').map((url) => fetchJson<MapLayerResponse>(url))).then(
      (layers) => {
        if (!live) return;
        const features = layers.flatMap((l) => l.features);
        const bbox = unionBBox(layers.flatMap((l) => (l.bbox ? [l.bbox] : [])));
        setState({ key, data: { features, bbox } });
      },
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  // The previous shapes stay while new ones load (no empty map between levels).
  return { data: state.data, error: state.key === key ? state.error : undefined };
}
