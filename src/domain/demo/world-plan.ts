import {
  DUINRAND_WIJKEN,
  INDUSTRIAL_ESTATE_NAME,
  KREEKZAND_WIJKEN,
  NEW_BUILD_NAME,
  VEENOORD_WIJKEN,
  type WijkNames,
} from './names.js';
import type { Point } from './planar.js';

/**
 * The fixed layout of the demo world on a local kilometre grid centred in the Markermeer
 * (x east, y north). Only the fine shapes are random; sizes, centres and the social map are set
 * here so that every seed gives a recognisable city, town and village.
 */

/**
 * Centre of the local grid. Chosen so that the region stays in open water, about 3 km from the
 * nearest real buurt (Marken, Lelystad-Haven and the Drechterland shore, checked against the
 * Leefbaarometer 2024 buurt polygons), so demo and real areas never overlap on one map.
 */
export const ORIGIN_LON = 5.255;
export const ORIGIN_LAT = 52.55;
export const REGION_RADII: Point = [9.3, 6.8];

export type BuurtKind = 'residential' | 'rural' | 'industrial' | 'new_build';

export interface WijkPlan {
  names: WijkNames;
  buurtCount: number;
  /** Height of the wijk's bump in the latent deprivation field (standard deviations, roughly). */
  deprivation: number;
  /** Number of buurten that deteriorate clearly ("veerkracht onder druk"). */
  underPressure?: number;
  /** Number of buurten that improve clearly through regeneration. */
  regeneration?: number;
  /** The polder wijk: cut off first along the gemeente's `ruralSplit`, always listed last. */
  rural?: boolean;
  /** A buurt with a special role, nearest to (first) or farthest from (last) the town centre. */
  special?: { kind: 'industrial' | 'new_build'; name: string; position: 'first' | 'last' };
}

export interface GemeentePlan {
  code: string;
  name: string;
  /** Power-diagram site and weight; the weight shrinks or grows the cell (km²). */
  site: Point;
  weight: number;
  /** Town centre, where density peaks. */
  centre: Point;
  /** Density bumps around the centre: [peak inhabitants per km², sigma km]. */
  bumps: ReadonlyArray<readonly [number, number]>;
  /** For a gemeente with a rural wijk: where the polder lies, and its share of the land. */
  ruralSplit?: { direction: Point; share: number };
  /** Inhabitants on 1 January 2024, summed over buurten. */
  population2024: number;
  wijken: readonly WijkPlan[];
}

export const GEMEENTE_PLANS: readonly GemeentePlan[] = [
  {
    code: 'GM9901',
    name: 'Duinrand',
    site: [-4.8, 0.2],
    weight: -45,
    centre: [-5.0, 0.4],
    bumps: [
      [9000, 1.1],
      [2600, 2.6],
    ],
    population2024: 90000,
    wijken: [
      { names: DUINRAND_WIJKEN[0]!, buurtCount: 8, deprivation: 0.4 },
      {
        names: DUINRAND_WIJKEN[1]!,
        buurtCount: 7,
        deprivation: 0.9,
        underPressure: 1,
        regeneration: 1,
      },
      { names: DUINRAND_WIJKEN[2]!, buurtCount: 8, deprivation: 1.5, underPressure: 3 },
      { names: DUINRAND_WIJKEN[3]!, buurtCount: 7, deprivation: 0.1 },
      { names: DUINRAND_WIJKEN[4]!, buurtCount: 6, deprivation: -0.5 },
      { names: DUINRAND_WIJKEN[5]!, buurtCount: 6, deprivation: -0.9 },
    ],
  },
  {
    code: 'GM9902',
    name: 'Veenoord',
    site: [3.6, 3.2],
    weight: 0,
    centre: [0.6, 3.5],
    bumps: [
      [3800, 0.9],
      [900, 2.0],
    ],
    ruralSplit: { direction: [1, 0.15], share: 0.5 },
    population2024: 40000,
    wijken: [
      { names: VEENOORD_WIJKEN[0]!, buurtCount: 7, deprivation: 0 },
      {
        names: VEENOORD_WIJKEN[1]!,
        buurtCount: 6,
        deprivation: -0.4,
        special: { kind: 'new_build', name: NEW_BUILD_NAME, position: 'last' },
      },
      { names: VEENOORD_WIJKEN[2]!, buurtCount: 6, deprivation: 0.9, regeneration: 1 },
      { names: VEENOORD_WIJKEN[3]!, buurtCount: 5, deprivation: -0.8, rural: true },
    ],
  },
  {
    code: 'GM9903',
    name: 'Kreekzand',
    site: [4.0, -3.4],
    weight: 0,
    centre: [-0.6, -3.9],
    bumps: [
      [2400, 0.8],
      [300, 1.6],
    ],
    ruralSplit: { direction: [1, 0.25], share: 0.7 },
    population2024: 15000,
    wijken: [
      { names: KREEKZAND_WIJKEN[0]!, buurtCount: 7, deprivation: -0.1 },
      {
        names: KREEKZAND_WIJKEN[1]!,
        buurtCount: 5,
        deprivation: -0.7,
        rural: true,
        special: { kind: 'industrial', name: INDUSTRIAL_ESTATE_NAME, position: 'first' },
      },
    ],
  },
];

/** Inhabitants per km² outside every town: polders with scattered farms. */
export const RURAL_DENSITY = 12;

/**
 * Population density (inhabitants per km²) at a point: the sum of the town bumps plus the rural
 * floor. It shapes the partitions (small buurten where it is high) and the populations.
 * @example densityAt([-5.0, 0.4]) // about 11,600: the centre of Duinrand
 */
export function densityAt(point: Point): number {
  let density = RURAL_DENSITY;
  for (const plan of GEMEENTE_PLANS) {
    const r2 = (point[0] - plan.centre[0]) ** 2 + (point[1] - plan.centre[1]) ** 2;
    for (const [peak, sigma] of plan.bumps) density += peak * Math.exp(-r2 / (2 * sigma * sigma));
  }
  return density;
}

/**
 * Urbanity in [0, 1] from density on a log scale: 0 in the polder, 1 in the city centre.
 * @example urbanityOf(100) // about 0.2
 */
export function urbanityOf(density: number): number {
  const low = Math.log(30);
  const high = Math.log(9000);
  return Math.min(1, Math.max(0, (Math.log(density) - low) / (high - low)));
}
