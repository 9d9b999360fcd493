import { pointInRing, powerCell, type Point, type Ring } from './planar.js';
import type { Random } from './random.js';

export interface Partition {
  sites: Point[];
  /** Convex cells, counter-clockwise, in the order of `sites`; together they tile the parent. */
  cells: Point[][];
}

export interface DensityPartitionOptions {
  /** Sample points used to approximate the density. */
  samples?: number;
  iterations?: number;
  /**
   * Weight = density^exponent. With exponent 1 cells of a centroidal partition end up with
   * areas ∝ density^-½, so dense parts get smaller cells but still more people per cell; a
   * higher exponent evens out the population per cell, as CBS does when drawing buurten.
   */
  exponent?: number;
}

/**
 * Split a convex ring into `count` convex cells, smaller where `density` is high: weighted Lloyd
 * iterations (k-means on weighted sample points) followed by the Voronoi cells of the final sites.
 * @example densityPartition(square, 4, () => 1, createRandom(1)).cells.length // 4
 */
export function densityPartition(
  parent: Ring,
  count: number,
  density: (point: Point) => number,
  random: Random,
  options: DensityPartitionOptions = {},
): Partition {
  const sampleCount = options.samples ?? 1500;
  const iterations = options.iterations ?? 14;
  const exponent = options.exponent ?? 1;
  const samples = samplePoints(parent, sampleCount, random);
  const weights = samples.map((p) => Math.max(density(p), 1e-9) ** exponent);

  let sites = seedSites(samples, weights, count, random);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const sumX = Array.from({ length: count }, () => 0);
    const sumY = Array.from({ length: count }, () => 0);
    const sumW = Array.from({ length: count }, () => 0);
    samples.forEach((p, k) => {
      const nearest = nearestSite(p, sites);
      const w = weights[k]!;
      sumX[nearest]! += w * p[0];
      sumY[nearest]! += w * p[1];
      sumW[nearest]! += w;
    });
    sites = sites.map((site, i) =>
      sumW[i]! > 0 ? ([sumX[i]! / sumW[i]!, sumY[i]! / sumW[i]!] as Point) : site,
    );
  }
  const zeros = sites.map(() => 0);
  return { sites, cells: sites.map((_, i) => powerCell(parent, sites, zeros, i)) };
}

/**
 * Uniform points inside a convex ring by rejection from its bounding box.
 * @example samplePoints(square, 10, createRandom(1)).length // 10
 */
export function samplePoints(ring: Ring, count: number, random: Random): Point[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const points: Point[] = [];
  while (points.length < count) {
    const p: Point = [random.uniform(minX, maxX), random.uniform(minY, maxY)];
    if (pointInRing(p, ring)) points.push(p);
  }
  return points;
}

/** k-means++ style start: spread-out sites, drawn in proportion to weight × squared distance. */
function seedSites(samples: Point[], weights: number[], count: number, random: Random): Point[] {
  const sites: Point[] = [pickWeighted(samples, weights, random)];
  while (sites.length < count) {
    const scores = samples.map((p, k) => {
      const site = sites[nearestSite(p, sites)]!;
      return weights[k]! * ((p[0] - site[0]) ** 2 + (p[1] - site[1]) ** 2);
    });
    sites.push(pickWeighted(samples, scores, random));
  }
  return sites;
}

function pickWeighted(points: Point[], weights: number[], random: Random): Point {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = random.next() * total;
  for (let k = 0; k < points.length; k += 1) {
    target -= weights[k]!;
    if (target < 0) return points[k]!;
  }
  return points[points.length - 1]!;
}

function nearestSite(p: Point, sites: readonly Point[]): number {
  let best = 0;
  let bestDistance = Infinity;
  sites.forEach((site, i) => {
    const distance = (p[0] - site[0]) ** 2 + (p[1] - site[1]) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
