/**
 * Plane geometry on a local kilometre grid (x east, y north). Rings are open (last point is not
 * repeated) and counter-clockwise; GeoJSON closing happens only at projection time.
 */

export type Point = readonly [number, number];
export type Ring = readonly Point[];

/**
 * Signed area by the shoelace formula; positive for a counter-clockwise ring. Works on open and
 * closed rings alike (a repeated first point adds a zero term).
 * @example signedArea([[0, 0], [1, 0], [1, 1], [0, 1]]) // 1
 */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * Area-weighted centroid of a simple ring.
 * @example centroid([[0, 0], [2, 0], [2, 2], [0, 2]]) // [1, 1]
 */
export function centroid(ring: Ring): Point {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/**
 * The part of a convex ring where a·x + b·y ≤ c (one Sutherland–Hodgman step). Clipping a
 * convex ring keeps it convex and keeps its orientation.
 * @example clipHalfPlane([[0, 0], [2, 0], [2, 2], [0, 2]], 1, 0, 1) // the left half
 */
export function clipHalfPlane(ring: Ring, a: number, b: number, c: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i += 1) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const sp = a * p[0] + b * p[1] - c;
    const sq = a * q[0] + b * q[1] - c;
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return dropNearDuplicates(out);
}

function dropNearDuplicates(ring: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-9) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (
    out.length > 1 &&
    first &&
    last &&
    Math.hypot(first[0] - last[0], first[1] - last[1]) <= 1e-9
  ) {
    out.pop();
  }
  return out;
}

/**
 * The power-diagram cell of site `index` inside a convex parent: the points whose power distance
 * |x − s|² − w to that site is smallest. With all weights 0 this is the Voronoi cell. Cells are
 * convex and neighbouring cells share their bisector exactly.
 * @example powerCell(square, [[0.5, 1], [1.5, 1]], [0, 0], 0) // the left half of a 2×2 square
 */
export function powerCell(
  parent: Ring,
  sites: readonly Point[],
  weights: readonly number[],
  index: number,
): Point[] {
  const site = sites[index]!;
  const weight = weights[index] ?? 0;
  let cell: Point[] = [...parent];
  for (let j = 0; j < sites.length && cell.length > 0; j += 1) {
    if (j === index) continue;
    const other = sites[j]!;
    const otherWeight = weights[j] ?? 0;
    const a = 2 * (other[0] - site[0]);
    const b = 2 * (other[1] - site[1]);
    const c = other[0] ** 2 + other[1] ** 2 - site[0] ** 2 - site[1] ** 2 - otherWeight + weight;
    cell = clipHalfPlane(cell, a, b, c);
  }
  return cell;
}

/**
 * Even–odd point-in-ring test.
 * @example pointInRing([0.5, 0.5], [[0, 0], [1, 0], [1, 1], [0, 1]]) // true
 */
export function pointInRing(point: Point, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Twice the signed area of triangle pqr: positive when r lies left of p→q.
 * @example orient([0, 0], [1, 0], [0, 1]) // 1
 */
export function orient(p: Point, q: Point, r: Point): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

/**
 * Whether closed segments ab and cd have any point in common (touching and overlapping count).
 * @example segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0]) // true
 */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  return (
    (d1 === 0 && onSegment(c, d, a)) ||
    (d2 === 0 && onSegment(c, d, b)) ||
    (d3 === 0 && onSegment(a, b, c)) ||
    (d4 === 0 && onSegment(a, b, d))
  );
}

function onSegment(p: Point, q: Point, r: Point): boolean {
  return (
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1])
  );
}

/**
 * Distance from point p to segment ab, and the position t ∈ [0, 1] of the nearest point.
 * @example distanceToSegment([1, 1], [0, 0], [2, 0]) // { distance: 1, t: 0.5 }
 */
export function distanceToSegment(p: Point, a: Point, b: Point): { distance: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const raw = lengthSquared === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared;
  const t = Math.min(1, Math.max(0, raw));
  return { distance: Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)), t };
}

/**
 * Convex hull (Andrew's monotone chain), counter-clockwise, without collinear points.
 * @example convexHull([[0, 0], [1, 0], [0.5, 0.2], [1, 1], [0, 1]]) // the unit square
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const half = (input: Point[]): Point[] => {
    const chain: Point[] = [];
    for (const p of input) {
      while (
        chain.length >= 2 &&
        orient(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0
      ) {
        chain.pop();
      }
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}
