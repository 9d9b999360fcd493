import { bendBorders, type BentBorders } from './borders.js';
import { densityPartition } from './partition.js';
import {
  centroid,
  clipHalfPlane,
  convexHull,
  powerCell,
  signedArea,
  type Point,
  type Ring,
} from './planar.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import { buildMesh, unionBoundary } from './topology.js';
import {
  GEMEENTE_PLANS,
  REGION_RADII,
  densityAt,
  urbanityOf,
  type BuurtKind,
  type GemeentePlan,
  type WijkPlan,
} from './world-plan.js';

/** One area of the demo world on the kilometre grid, before projection to lon/lat. */
export interface PlacedArea {
  code: string;
  name: string;
  /** Bent outer ring, counter-clockwise, open. */
  ring: Point[];
  areaKm2: number;
  centroid: Point;
}

export interface PlacedBuurt extends PlacedArea {
  kind: BuurtKind;
  /** Inhabitants per km² at the centroid (shapes populations). */
  density: number;
  urbanity: number;
}

export interface PlacedWijk extends PlacedArea {
  plan: WijkPlan;
  buurten: PlacedBuurt[];
}

export interface PlacedGemeente extends PlacedArea {
  plan: GemeentePlan;
  wijken: PlacedWijk[];
}

export interface DemoGeography {
  gemeenten: PlacedGemeente[];
  /** How many borders stayed straight to avoid a crossing (quality measure for tests). */
  straightBorders: number;
  borders: number;
}

interface WijkDraft {
  code: string;
  plan: WijkPlan;
  buurten: Array<{ code: string; name: string; kind: BuurtKind; cell: Point[] }>;
}

/**
 * Lay out the demo region: three gemeenten as a power diagram of an irregular oval, wijken and
 * buurten as density-weighted centroidal Voronoi cells of their parent, then all borders bent
 * once on a shared mesh so that buurten tile wijken and wijken tile gemeenten exactly.
 * @example buildGeography(20241).gemeenten[0].wijken[0].name // 'Centrum'
 */
export function buildGeography(seed: number): DemoGeography {
  const random = createRandom(deriveSeed(seed, 'geography'));
  const region = regionOutline(random);
  const sites = GEMEENTE_PLANS.map((plan) => plan.site);
  const weights = GEMEENTE_PLANS.map((plan) => plan.weight);

  const drafts = GEMEENTE_PLANS.map((plan, g) => {
    const wijkCells = wijkCellsOf(powerCell(region, sites, weights, g), plan, random);
    const wijken = plan.wijken.map((wijkPlan, w): WijkDraft => {
      const code = `WK${plan.code.slice(2)}${pad2(w + 1)}`;
      const buurtCells = orderFromCentre(
        densityPartition(wijkCells[w]!, wijkPlan.buurtCount, densityAt, random, { exponent: 1.25 }),
        plan.centre,
      );
      const names = buurtNames(wijkPlan);
      return {
        code,
        plan: wijkPlan,
        buurten: buurtCells.map((buurtCell, b) => ({
          code: `BU${code.slice(2)}${pad2(b + 1)}`,
          name: names[b]!.name,
          kind: names[b]!.kind,
          cell: buurtCell,
        })),
      };
    });
    return { plan, wijken };
  });

  const allCells = drafts.flatMap((d) => d.wijken.flatMap((w) => w.buurten.map((b) => b.cell)));
  const mesh = buildMesh(allCells);
  const borders = bendBorders(mesh, deriveSeed(seed, 'borders'));
  let next = 0;
  const idRings = drafts.map((d) => d.wijken.map((w) => w.buurten.map(() => mesh.rings[next++]!)));

  const gemeenten = drafts.map((draft, g): PlacedGemeente => {
    const gemeenteIds = idRings[g]!.flat();
    const wijken = draft.wijken.map((wijk, w): PlacedWijk => {
      const buurten = wijk.buurten.map((buurt, b): PlacedBuurt => {
        const placed = place(buurt.code, buurt.name, expand(idRings[g]![w]![b]!, borders));
        const density = densityAt(placed.centroid);
        return { ...placed, kind: buurt.kind, density, urbanity: urbanityOf(density) };
      });
      const ring = expand(unionBoundary(idRings[g]![w]!), borders);
      return { ...place(wijk.code, wijk.plan.names.name, ring), plan: wijk.plan, buurten };
    });
    const ring = expand(unionBoundary(gemeenteIds), borders);
    return { ...place(draft.plan.code, draft.plan.name, ring), plan: draft.plan, wijken };
  });
  return { gemeenten, straightBorders: borders.straightened, borders: borders.borders };
}

/** An oval with a slightly irregular radius; the hull keeps it convex for clipping. */
function regionOutline(random: Random): Point[] {
  const corners = 24;
  const points: Point[] = [];
  for (let i = 0; i < corners; i += 1) {
    const angle = (2 * Math.PI * i) / corners;
    const r = 1 + 0.035 * random.normal();
    points.push([REGION_RADII[0] * r * Math.cos(angle), REGION_RADII[1] * r * Math.sin(angle)]);
  }
  return convexHull(points);
}

/**
 * Wijk cells nearest-to-centre first. A rural wijk is cut off first by a straight line, so that
 * the town's wijken stay compact and the polder forms one wide outer wijk, as in real villages.
 */
function wijkCellsOf(cell: Point[], plan: GemeentePlan, random: Random): Point[][] {
  const split = plan.ruralSplit;
  const townCount = split ? plan.wijken.length - 1 : plan.wijken.length;
  let town = cell;
  let polder: Point[] | null = null;
  if (split) [town, polder] = splitByShare(cell, split.direction, 1 - split.share);
  const townCells = orderFromCentre(
    densityPartition(town, townCount, densityAt, random, { exponent: 0.8 }),
    plan.centre,
  );
  return polder ? [...townCells, polder] : townCells;
}

/**
 * Cut a convex ring by a line perpendicular to `direction` so that the part behind the line
 * holds `share` of the area; returns [behind, ahead]. Bisection: the area is monotone in the
 * line's position.
 */
function splitByShare(cell: Point[], direction: Point, share: number): [Point[], Point[]] {
  const [a, b] = direction;
  const positions = cell.map((p) => a * p[0] + b * p[1]);
  let low = Math.min(...positions);
  let high = Math.max(...positions);
  const target = share * signedArea(cell);
  for (let i = 0; i < 60; i += 1) {
    const mid = (low + high) / 2;
    if (signedArea(clipHalfPlane(cell, a, b, mid)) < target) low = mid;
    else high = mid;
  }
  const c = (low + high) / 2;
  return [clipHalfPlane(cell, a, b, c), clipHalfPlane(cell, -a, -b, -c)];
}

/** Cells sorted by the distance of their site to the town centre, nearest first. */
function orderFromCentre(
  partition: { sites: Point[]; cells: Point[][] },
  centre: Point,
): Point[][] {
  const distance = (p: Point): number => Math.hypot(p[0] - centre[0], p[1] - centre[1]);
  return partition.cells
    .map((cell, i) => ({ cell, d: distance(partition.sites[i]!) }))
    .sort((a, b) => a.d - b.d)
    .map((entry) => entry.cell);
}

function buurtNames(plan: WijkPlan): Array<{ name: string; kind: BuurtKind }> {
  const base: BuurtKind = plan.rural ? 'rural' : 'residential';
  const pool = plan.names.buurten.map((name) => ({ name, kind: base }));
  const special = plan.special;
  if (!special) return pool.slice(0, plan.buurtCount);
  const regular = pool.slice(0, plan.buurtCount - 1);
  const entry = { name: special.name, kind: special.kind };
  return special.position === 'first' ? [entry, ...regular] : [...regular, entry];
}

function expand(ids: readonly number[], borders: BentBorders): Point[] {
  const ring: Point[] = [];
  ids.forEach((from, i) => {
    const line = borders.polyline(from, ids[(i + 1) % ids.length]!);
    ring.push(...line.slice(0, -1));
  });
  return ring;
}

function place(code: string, name: string, ring: Ring): PlacedArea {
  return { code, name, ring: [...ring], areaKm2: signedArea(ring), centroid: centroid(ring) };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
