import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Douglas–Peucker simplification of polygon rings, with coordinates rounded to the precision
 * the zoom level can show. Each ring is simplified on its own (like the published files,
 * which were simplified per polygon), so neighbours can show hairline slivers; fine for
 * choropleths, not for area sums. Rings that would collapse keep a minimal valid shape (outer
 * rings) or are dropped (holes smaller than the tolerance), so no area vanishes from the map.
 */

type Ring = Position[];

function perpendicularDistanceSq(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  if (lengthSq === 0) return (px - ax) ** 2 + (py - ay) ** 2;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  return (px - (ax + t * dx)) ** 2 + (py - (ay + t * dy)) ** 2;
}

/** Keep-flags by iterative Douglas–Peucker (no recursion: rings can have 10⁴+ points). */
function douglasPeucker(points: Ring, toleranceSq: number): boolean[] {
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxSq = 0;
    let index = -1;
    for (let i = first + 1; i < last; i += 1) {
      const d = perpendicularDistanceSq(points[i]!, points[first]!, points[last]!);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1 && maxSq > toleranceSq) {
      keep[index] = true;
      stack.push([first, index], [index, last]);
    }
  }
  return keep;
}

function roundPosition(p: Position, factor: number): Position {
  return [Math.round(p[0]! * factor) / factor, Math.round(p[1]! * factor) / factor];
}

/**
 * Simplify one closed ring. The ring is split at its farthest point from the start so that
 * Douglas–Peucker, which keeps both ends, does not pin an arbitrary vertex.
 */
export function simplifyRing(ring: Ring, tolerance: number, decimals: number): Ring | null {
  const factor = 10 ** decimals;
  const open = ring.slice(0, -1);
  if (open.length < 3) return null;
  let far = 0;
  let farSq = -1;
  for (let i = 1; i < open.length; i += 1) {
    const d = (open[i]![0]! - open[0]![0]!) ** 2 + (open[i]![1]! - open[0]![1]!) ** 2;
    if (d > farSq) {
      farSq = d;
      far = i;
    }
  }
  const toleranceSq = tolerance * tolerance;
  const firstHalf = open.slice(0, far + 1);
  const secondHalf = [...open.slice(far), open[0]!];
  const keepA = douglasPeucker(firstHalf, toleranceSq);
  const keepB = douglasPeucker(secondHalf, toleranceSq);
  const out: Ring = [];
  const push = (p: Position) => {
    const r = roundPosition(p, factor);
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== r[0] || prev[1] !== r[1]) out.push(r);
  };
  firstHalf.forEach((p, i) => keepA[i] && push(p));
  secondHalf.forEach((p, i) => i > 0 && i < secondHalf.length - 1 && keepB[i] && push(p));
  if (out.length < 3) return null;
  out.push(out[0]!);
  return out;
}

/**
 * An outer ring that collapsed at this tolerance (a very small area): retry finer, so the
 * area still shows on the map instead of vanishing.
 */
function fallbackRing(ring: Ring, tolerance: number, decimals: number): Ring {
  return (
    simplifyRing(ring, tolerance / 10, decimals + 1) ??
    simplifyRing(ring, 0, 6) ??
    ring.map((p) => [p[0]!, p[1]!])
  );
}

function simplifyPolygon(rings: Ring[], tolerance: number, decimals: number): Ring[] {
  const out: Ring[] = [];
  rings.forEach((ring, index) => {
    const simplified = simplifyRing(ring, tolerance, decimals);
    if (simplified) out.push(simplified);
    else if (index === 0) out.push(fallbackRing(ring, tolerance, decimals));
  });
  return out;
}

/**
 * Simplify a polygon or multipolygon for display.
 * @example simplifyGeometry(geometry, 0.0005, 4) // ~50 m tolerance, coordinates to ~10 m
 */
export function simplifyGeometry(
  geometry: Polygon | MultiPolygon,
  tolerance: number,
  decimals: number,
): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: simplifyPolygon(geometry.coordinates, tolerance, decimals),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      simplifyPolygon(polygon, tolerance, decimals),
    ),
  };
}

/** Number of positions, to measure what simplification saved. */
export function countPositions(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce(
    (sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0),
    0,
  );
}
