import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Point-in-polygon on GeoJSON (planar lon/lat, which is exact enough at buurt scale): a point
 * is inside a polygon when it is inside the outer ring and in none of its holes (even–odd
 * crossings per ring). A point exactly on an edge may fall either way; buurten tile the land,
 * so it lands in one of its neighbours.
 * @example geometryContains({ type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,1],[0,0]]] }, [0.5, 0.5]) // true
 */
export function geometryContains(
  geometry: Polygon | MultiPolygon,
  point: readonly [number, number],
): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    (rings) =>
      rings.length > 0 &&
      ringContains(rings[0]!, point) &&
      !rings.slice(1).some((hole) => ringContains(hole, point)),
  );
}

function ringContains(ring: readonly Position[], [x, y]: readonly [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
