import type { MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north] in WGS84 degrees, as GeoJSON and MapLibre use it. */
export type BBox = [number, number, number, number];

/**
 * Bounding box of a polygon or multipolygon.
 * @example bboxOf({ type: 'Polygon', coordinates: [[[4, 52], [5, 52], [5, 53], [4, 52]]] }) // [4, 52, 5, 53]
 */
export function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    const [x, y] = p as [number, number];
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  return box;
}

/** The box around several boxes; null for none. */
export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}
