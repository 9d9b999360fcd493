import type { Polygon } from 'geojson';
import type { Point } from './planar.js';
import { ORIGIN_LAT, ORIGIN_LON } from './world-plan.js';

// Kilometres per degree at the origin's latitude (WGS84, good to well under 0.1% over 20 km).
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/**
 * A kilometre-grid point as WGS84 [lon, lat], rounded to 6 decimals (about 0.1 m). Rounding is a
 * pure function of the point, so a vertex shared by two areas stays identical in both.
 * @example toLonLat([0, 0]) // [5.255, 52.55]
 */
export function toLonLat(point: Point): [number, number] {
  return [
    round6(ORIGIN_LON + point[0] / KM_PER_DEGREE_LON),
    round6(ORIGIN_LAT + point[1] / KM_PER_DEGREE_LAT),
  ];
}

/**
 * A GeoJSON Polygon from an open counter-clockwise kilometre ring: closed (first = last) and
 * counter-clockwise in lon/lat as RFC 7946 asks (the projection keeps orientation: both axes
 * scale by a positive factor).
 * @example toPolygon([[0, 0], [1, 0], [0, 1]]).coordinates[0].length // 4
 */
export function toPolygon(ring: readonly Point[]): Polygon {
  const coordinates = ring.map(toLonLat);
  coordinates.push([...coordinates[0]!]);
  return { type: 'Polygon', coordinates: [coordinates] };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
