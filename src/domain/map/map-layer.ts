import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../geometry/bbox.js';
import type { Direction, ValueKind } from '../indicators/indicator.js';
import type { AreaLevel } from '../shared/area-code.js';
import type { SuppressionReason } from '../privacy/disclosure-rules.js';
import type { FigureStatus } from '../shared/observation-status.js';
import type { Classification } from './classify.js';

/**
 * The map endpoint's contract, shared by server and web: a GeoJSON FeatureCollection whose
 * legend travels as foreign members next to `features`.
 */
export interface MapFeatureProperties {
  code: string;
  name: string;
  value: number | null;
  status: FigureStatus;
  /** Only when disclosure control hides the figure from this viewer (status suppressed). */
  suppression?: SuppressionReason;
  year: number | null;
  /** 1-based class of the legend, null without a value. */
  class: number | null;
  source: string | null;
}

export interface MapLayerMeta {
  type: 'FeatureCollection';
  indicator: {
    key: string;
    nameNl: string;
    nameEn: string;
    unit: string;
    decimals: number;
    direction: Direction;
    kind: ValueKind;
    source: string;
  };
  level: AreaLevel;
  parent: { code: string; name: string; level: AreaLevel } | null;
  boundaryYear: number;
  year: number | null;
  years: number[];
  detail: number;
  bbox: BBox | null;
  classification: Classification & { noDataColour: string };
  summary: { areas: number; byStatus: Record<string, number> };
}

export interface MapLayerResponse extends MapLayerMeta {
  features: Array<{
    type: 'Feature';
    id: number;
    properties: MapFeatureProperties;
    geometry: Polygon | MultiPolygon | null;
  }>;
}
