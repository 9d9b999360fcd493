import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type BBox } from './bbox.js';
import { DETAIL_LEVELS } from './detail-levels.js';
import { simplifyGeometry } from './simplify.js';

export interface PreparedShape {
  detail: number;
  /** GeoJSON geometry text, ready to splice into a FeatureCollection. */
  geojson: string;
}

/**
 * Bounding box and the three display simplifications of one geometry, computed once when the
 * geometry is stored so that no map request simplifies or re-encodes anything.
 * @example prepareShapes(polygon).shapes.map((s) => s.detail) // [0, 1, 2]
 */
export function prepareShapes(geometry: Polygon | MultiPolygon): {
  bbox: BBox;
  shapes: PreparedShape[];
} {
  return {
    bbox: bboxOf(geometry),
    shapes: DETAIL_LEVELS.map((level) => ({
      detail: level.detail,
      geojson: JSON.stringify(simplifyGeometry(geometry, level.tolerance, level.decimals)),
    })),
  };
}
