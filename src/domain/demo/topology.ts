import { distanceToSegment, type Point, type Ring } from './planar.js';

/**
 * The leaf cells as one planar mesh: every corner is a shared vertex id, so that two neighbours
 * walk the same vertices (in opposite directions) along their common border. This is what keeps
 * the tiling exact once borders are bent: a border is bent once, by its vertex ids, and both
 * sides use the result.
 */
export interface Mesh {
  vertices: Point[];
  /** Per cell: counter-clockwise ring of vertex ids, open. */
  rings: number[][];
}

/**
 * Merge the corners of separately clipped convex cells into shared vertices and resolve
 * T-junctions: where a cell of one parent ends on the straight border of another parent's cell,
 * the vertex is inserted into that border too (otherwise bending would open a gap there).
 * @example buildMesh([leftHalf, rightHalf]).vertices.length // 6 for two halves of a square
 */
export function buildMesh(cells: readonly Ring[], tolerance = 1e-7): Mesh {
  const vertices: Point[] = [];
  const idOf = (p: Point): number => {
    const found = vertices.findIndex(
      (v) => Math.abs(v[0] - p[0]) <= tolerance && Math.abs(v[1] - p[1]) <= tolerance,
    );
    if (found >= 0) return found;
    vertices.push(p);
    return vertices.length - 1;
  };
  const rawRings = cells.map((cell) => dropRepeats(cell.map(idOf)));

  const rings = rawRings.map((ring) => {
    const out: number[] = [];
    ring.forEach((from, i) => {
      const to = ring[(i + 1) % ring.length]!;
      out.push(from);
      const a = vertices[from]!;
      const b = vertices[to]!;
      const between: Array<{ id: number; t: number }> = [];
      vertices.forEach((v, id) => {
        if (id === from || id === to) return;
        const { distance, t } = distanceToSegment(v, a, b);
        if (distance <= tolerance * 10 && t > 0 && t < 1) between.push({ id, t });
      });
      between.sort((x, y) => x.t - y.t);
      for (const { id } of between) out.push(id);
    });
    return dropRepeats(out);
  });
  return { vertices, rings };
}

function dropRepeats(ids: number[]): number[] {
  const out = ids.filter((id, i) => id !== ids[(i + ids.length - 1) % ids.length]);
  return out.length > 0 ? out : ids.slice(0, 1);
}

/**
 * The outer boundary of a group of mesh rings that together form one simple polygon (a wijk from
 * its buurten, a gemeente from its wijken): the directed edges whose reverse is not in the group,
 * chained head to tail. Counter-clockwise because the rings are.
 * @example unionBoundary([[0, 1, 4], [1, 2, 4]]) // [0, 1, 2, 4]
 */
export function unionBoundary(rings: readonly (readonly number[])[]): number[] {
  const directed = new Set<string>();
  const edges: Array<[number, number]> = [];
  for (const ring of rings) {
    ring.forEach((from, i) => {
      const to = ring[(i + 1) % ring.length]!;
      directed.add(`${from},${to}`);
      edges.push([from, to]);
    });
  }
  const next = new Map<number, number>();
  for (const [from, to] of edges) {
    if (directed.has(`${to},${from}`)) continue;
    if (next.has(from)) throw new Error(`Demo geometry: boundary touches itself at vertex ${from}`);
    next.set(from, to);
  }
  const start = Math.min(...next.keys());
  const boundary: number[] = [start];
  let at = next.get(start);
  while (at !== start) {
    if (at === undefined || boundary.length > next.size) {
      throw new Error('Demo geometry: boundary is not one closed ring');
    }
    boundary.push(at);
    at = next.get(at);
  }
  if (boundary.length !== next.size) throw new Error('Demo geometry: boundary has several rings');
  return boundary;
}
