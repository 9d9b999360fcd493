import { segmentsIntersect, type Point } from './planar.js';
import { hashUnit } from './random.js';
import type { Mesh } from './topology.js';

/** Relative bend of the first midpoint; finer levels bend less, so borders read as organic. */
const FIRST_BEND = 0.14;
const BEND_DECAY = 0.7;
const MAX_LEVELS = 6;
/** Sub-segments shorter than this (km) are not bent further. */
const MIN_SEGMENT = 0.08;
/** Angle kept free around every vertex (radians), so bent borders never touch near a corner. */
const ANGLE_MARGIN = 0.06;

export interface BentBorders {
  /** The bent border from vertex `from` to vertex `to`, both ends included. */
  polyline(from: number, to: number): Point[];
  /** Borders left straight because bending them would have crossed another border. */
  straightened: number;
  borders: number;
}

/**
 * Bend every mesh edge once by recursive midpoint displacement. The offsets depend only on the
 * seed and the rounded midpoint, and each edge is bent from its lower to its higher vertex id,
 * so both neighbours of a border get the identical polyline (one reversed). The bend at each end
 * stays inside a cone narrower than half the smallest angle at that vertex; any border that would
 * still cross another is left straight, which keeps the tiling valid for every seed.
 * @example bendBorders(mesh, 7).polyline(0, 1) // [[x0, y0], …, [x1, y1]]
 */
export function bendBorders(mesh: Mesh, seed: number): BentBorders {
  const edges = uniqueEdges(mesh);
  const freeAngle = smallestAngles(mesh, edges);
  const worstCone = Array.from({ length: MAX_LEVELS }, (_, k) =>
    Math.atan(2 * FIRST_BEND * BEND_DECAY ** k),
  ).reduce((sum, a) => sum + a, 0);

  const lines = new Map<string, Point[]>();
  for (const [lo, hi] of edges) {
    const room = Math.min(freeAngle[lo]!, freeAngle[hi]!) / 2 - ANGLE_MARGIN;
    const scale = Math.min(1, Math.max(0, room / worstCone));
    const a = mesh.vertices[lo]!;
    const b = mesh.vertices[hi]!;
    lines.set(`${lo},${hi}`, [a, ...bend(a, b, 0, scale, seed), b]);
  }

  let straightened = 0;
  for (const key of crossingBorders(lines)) {
    const line = lines.get(key)!;
    lines.set(key, [line[0]!, line[line.length - 1]!]);
    straightened += 1;
  }
  // Straight borders of a valid mesh cannot cross each other; one more pass catches a bent
  // border that crossed two others of which only one was straightened.
  for (const key of crossingBorders(lines)) {
    const line = lines.get(key)!;
    lines.set(key, [line[0]!, line[line.length - 1]!]);
    straightened += 1;
  }

  return {
    straightened,
    borders: edges.length,
    polyline(from, to) {
      const forward = lines.get(`${from},${to}`);
      if (forward) return forward;
      const backward = lines.get(`${to},${from}`);
      if (!backward) throw new Error(`Demo geometry: no border between ${from} and ${to}`);
      return [...backward].reverse();
    },
  };
}

/** Interior points of the bent segment a→b, without the ends. */
function bend(a: Point, b: Point, level: number, scale: number, seed: number): Point[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (scale === 0 || level >= MAX_LEVELS || length < MIN_SEGMENT) return [];
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const offset =
    (2 * hashUnit(seed, Math.round(mx * 1e4), Math.round(my * 1e4)) - 1) *
    FIRST_BEND *
    BEND_DECAY ** level *
    scale *
    length;
  const mid: Point = [mx - (dy / length) * offset, my + (dx / length) * offset];
  return [...bend(a, mid, level + 1, scale, seed), mid, ...bend(mid, b, level + 1, scale, seed)];
}

function uniqueEdges(mesh: Mesh): Array<[number, number]> {
  const seen = new Set<string>();
  const edges: Array<[number, number]> = [];
  for (const ring of mesh.rings) {
    ring.forEach((from, i) => {
      const to = ring[(i + 1) % ring.length]!;
      const lo = Math.min(from, to);
      const hi = Math.max(from, to);
      if (seen.has(`${lo},${hi}`)) return;
      seen.add(`${lo},${hi}`);
      edges.push([lo, hi]);
    });
  }
  return edges;
}

/** Per vertex, the smallest angle between two of its edges (2π for a vertex with one edge). */
function smallestAngles(mesh: Mesh, edges: ReadonlyArray<readonly [number, number]>): number[] {
  const directions: number[][] = mesh.vertices.map(() => []);
  for (const [lo, hi] of edges) {
    const a = mesh.vertices[lo]!;
    const b = mesh.vertices[hi]!;
    directions[lo]!.push(Math.atan2(b[1] - a[1], b[0] - a[0]));
    directions[hi]!.push(Math.atan2(a[1] - b[1], a[0] - b[0]));
  }
  return directions.map((angles) => {
    const sorted = [...angles].sort((x, y) => x - y);
    let smallest = 2 * Math.PI;
    sorted.forEach((angle, i) => {
      const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 2 * Math.PI;
      if (sorted.length > 1) smallest = Math.min(smallest, next - angle);
    });
    return smallest;
  });
}

/**
 * Keys of bent borders that cross or touch another border (or themselves) anywhere other than
 * at a shared end vertex.
 * @example crossingBorders(lines) // ['3,8'] when border 3–8 was bent across border 8–11
 */
export function crossingBorders(lines: ReadonlyMap<string, Point[]>): string[] {
  const entries = [...lines.entries()].map(([key, line]) => ({ key, line, box: boxOf(line) }));
  const bad = new Set<string>();
  for (let i = 0; i < entries.length; i += 1) {
    const p = entries[i]!;
    if (hasSelfCrossing(p.line)) bad.add(p.key);
    for (let j = i + 1; j < entries.length; j += 1) {
      const q = entries[j]!;
      if (bad.has(p.key) && bad.has(q.key)) continue;
      if (!boxesOverlap(p.box, q.box)) continue;
      if (linesCross(p.line, q.line)) {
        // Straighten the more bent one; a straight border has only two points.
        bad.add(p.line.length >= q.line.length ? p.key : q.key);
      }
    }
  }
  return [...bad];
}

function linesCross(p: Point[], q: Point[]): boolean {
  for (let s = 0; s + 1 < p.length; s += 1) {
    for (let t = 0; t + 1 < q.length; t += 1) {
      const [a, b, c, d] = [p[s]!, p[s + 1]!, q[t]!, q[t + 1]!];
      if (sharesEnd(a, b, c, d)) continue;
      if (segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

function hasSelfCrossing(line: Point[]): boolean {
  for (let s = 0; s + 1 < line.length; s += 1) {
    for (let t = s + 2; t + 1 < line.length; t += 1) {
      if (segmentsIntersect(line[s]!, line[s + 1]!, line[t]!, line[t + 1]!)) return true;
    }
  }
  return false;
}

/** Segments meeting at a mesh vertex share an identical end point; that touch is allowed. */
function sharesEnd(a: Point, b: Point, c: Point, d: Point): boolean {
  return a === c || a === d || b === c || b === d;
}

type Box = [number, number, number, number];

function boxOf(line: Point[]): Box {
  const xs = line.map((p) => p[0]);
  const ys = line.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
