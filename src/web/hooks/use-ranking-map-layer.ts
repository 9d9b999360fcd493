import { useEffect, useMemo, useState } from 'react';
import type { BBox } from '../../domain/geometry/bbox.js';
import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import { NO_DATA_COLOUR } from '../../domain/map/palettes.js';
import { apiUrl, fetchJson } from '../api-client.js';
import { rankingClassColours } from '../ranking-classes.js';
import type { RankingTable } from './ranking-types.js';

/**
 * A map layer of a ranking by class, for the choropleth: the areas' shapes come from the map
 * endpoint (one layer per gemeente the ranking's visible areas lie in, the way the map page gets
 * them), joined by code with each area's rank and class. Feature `value` is the rank, `class`
 * the ranking class (1 = most need); not-ranked areas have neither and draw grey.
 *
 * (The API has no ranking map endpoint; when it gets one, this hook can ask it instead.)
 */
export interface RankingMapLayer {
  layer: MapLayerResponse | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

// Shapes per URL for the session: switching filters or views does not fetch them again.
const shapes = new Map<string, Promise<MapLayerResponse>>();

export function useRankingMapLayer(
  table: RankingTable | undefined,
  gemeenten: readonly string[],
  zoom: number | undefined,
): RankingMapLayer {
  const [state, setState] = useState<{
    key: string;
    layers?: MapLayerResponse[];
    error?: Error;
  }>({ key: '' });
  const [attempt, setAttempt] = useState(0);
  const urls = useMemo(() => {
    if (!table) return [];
    const { ranking, method } = table;
    const base = {
      level: ranking.level,
      indicator: method.indicators[0]?.key,
      boundaryYear: ranking.boundaryYear,
      zoom,
    };
    // Gemeenten are one national layer; smaller areas come per gemeente.
    return ranking.level === 'gemeente'
      ? [apiUrl('/api/map', base)]
      : [...gemeenten].sort().map((parent) => apiUrl('/api/map', { ...base, parent }));
  }, [table, gemeenten, zoom]);
  const key = `${urls.join(' ')}#${attempt}`;

  useEffect(() => {
    if (urls.length === 0) return;
    let current = true;
    Promise.all(
      urls.map((url) => {
        let pending = shapes.get(url);
        if (!pending) {
          pending = fetchJson<MapLayerResponse>(url);
          shapes.set(url, pending);
          pending.catch(() => shapes.delete(url));
        }
        return pending;
      }),
    ).then(
      (layers) => current && setState({ key, layers }),
      (error: Error) => current && setState({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [urls, key]);

  // The previous layers stay on screen while finer shapes load (no flash of an empty map).
  const [shown, setShown] = useState<MapLayerResponse[] | undefined>(undefined);
  if (state.layers && state.layers !== shown) setShown(state.layers);
  const layer = useMemo(
    () => (table && shown ? rankingLayer(table, shown) : undefined),
    [table, shown],
  );
  return {
    layer,
    error: state.key === key ? state.error : undefined,
    loading: urls.length > 0 && state.key !== key,
    reload: () => setAttempt((n) => n + 1),
  };
}

/** One layer of the ranking's visible areas from the shape layers, by class. */
export function rankingLayer(
  table: RankingTable,
  layers: readonly MapLayerResponse[],
): MapLayerResponse {
  const rows = new Map(table.areas.map((r) => [r.code, r]));
  const { ranking, method } = table;
  const features = layers
    .flatMap((l) => l.features)
    .filter((f) => rows.has(f.properties.code))
    .map((f, id) => {
      const row = rows.get(f.properties.code)!;
      return {
        type: 'Feature' as const,
        id,
        geometry: f.geometry,
        properties: {
          code: row.code,
          name: row.name,
          value: row.rank,
          status: row.ranked ? ('ok' as const) : ('missing' as const),
          year: ranking.dataYear,
          class: row.class,
          source: null,
        },
      };
    });
  const colours = rankingClassColours(method.classes.count);
  const counts = new Map<number, number>();
  for (const f of features)
    if (f.properties.class !== null)
      counts.set(f.properties.class, (counts.get(f.properties.class) ?? 0) + 1);
  const first = layers[0];
  return {
    type: 'FeatureCollection',
    indicator: {
      key: method.key,
      nameNl: method.name,
      nameEn: method.name,
      unit: '',
      decimals: 0,
      direction: 'neutral',
      kind: 'class',
      source: 'Buurtbalans',
    },
    level: first?.level ?? 'buurt',
    parent: null,
    boundaryYear: ranking.boundaryYear,
    year: ranking.dataYear,
    years: [ranking.dataYear],
    detail: Math.min(...layers.map((l) => l.detail)),
    bbox: unionBox(layers.map((l) => l.bbox)),
    classification: {
      method: 'fixed',
      classes: colours.map((colour, i) => ({
        class: i + 1,
        min: null,
        max: null,
        count: counts.get(i + 1) ?? 0,
        colour,
        labelNl: method.classes.labelsNl[i] ?? null,
        labelEn: method.classes.labelsEn[i] ?? null,
      })),
      noDataColour: NO_DATA_COLOUR,
    },
    summary: {
      areas: features.length,
      byStatus: {
        ok: features.filter((f) => f.properties.status === 'ok').length,
        missing: features.filter((f) => f.properties.status === 'missing').length,
      },
    },
    features,
  };
}

function unionBox(boxes: ReadonlyArray<BBox | null>): BBox | null {
  const present = boxes.filter((b): b is BBox => b !== null);
  if (present.length === 0) return null;
  return [
    Math.min(...present.map((b) => b[0])),
    Math.min(...present.map((b) => b[1])),
    Math.max(...present.map((b) => b[2])),
    Math.max(...present.map((b) => b[3])),
  ];
}
