import type { Position } from 'geojson';
import type { BBox } from '../../domain/geometry/bbox.js';

/**
 * A simple map projection for small SVG maps: longitude scaled by cos(latitude) so shapes keep
 * their proportions at Dutch latitudes, north up, fitted into `size` units on the long side.
 * @example svgProjection([5, 52, 5.1, 52.1], 300).project([5, 52.1]) // '0.0,0.0'
 */
export function svgProjection(bbox: BBox, size: number) {
  const [west, south, east, north] = bbox;
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const width = (east - west) * kx;
  const height = north - south;
  const scale = size / Math.max(width, height, 1e-9);
  return {
    width: width * scale,
    height: height * scale,
    project: (p: Position) =>
      `${((p[0]! - west) * kx * scale).toFixed(1)},${((north - p[1]!) * scale).toFixed(1)}`,
  };
}
