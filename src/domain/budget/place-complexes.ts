import type { MultiPolygon, Polygon } from 'geojson';
import { geometryContains } from '../geometry/contains.js';
import type { PlannedComplex } from './complex-row.js';

/** A buurt a complex may be placed in: its code and stored polygon. */
export interface BuurtShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/** A complex in its buurt: the code it gave ('file') or the buurt holding its point ('point'). */
export interface PlacedComplex {
  row: PlannedComplex;
  buurtCode: string;
  by: 'file' | 'point';
}

/**
 * Why a complex could not be placed, without saying where it came from: the caller turns the
 * row index and field into its own terms (the import into a file's line and column, the stock
 * edit into the API's field).
 */
export interface PlacementProblem {
  /** 0-based index of the row in the rows given. */
  index: number;
  /** What is wrong: the buurt code given, or the coordinates (the point). */
  field: 'buurtCode' | 'coordinates';
  message: string;
  expected: string;
}

/**
 * The buurt of every complex: the code of the row when it names one (it must exist in the
 * boundary year), otherwise the buurt whose stored polygon holds the point. A point outside
 * every buurt, or a code the boundary year does not hold, is a problem on that row — never a
 * silent skip. Pure: the known codes and candidate shapes come in. Every row needs a buurt code
 * or a point (validated before).
 */
export function placeComplexes(
  rows: readonly PlannedComplex[],
  lookups: {
    knownCodes: ReadonlySet<string>;
    shapes: readonly BuurtShape[];
    boundaryYear: number;
  },
): { placed: PlacedComplex[]; problems: PlacementProblem[] } {
  const placed: PlacedComplex[] = [];
  const problems: PlacementProblem[] = [];
  rows.forEach((row, index) => {
    if (row.buurtCode !== null) {
      if (!lookups.knownCodes.has(row.buurtCode)) {
        problems.push({
          index,
          field: 'buurtCode',
          message: `unknown buurt ${row.buurtCode}: not a buurt of boundary year ${lookups.boundaryYear}`,
          expected: `a buurt code of ${lookups.boundaryYear} (import its region list and boundaries first)`,
        });
      } else placed.push({ row, buurtCode: row.buurtCode, by: 'file' });
      return;
    }
    const point = row.point!;
    const hit = lookups.shapes.find((shape) => geometryContains(shape.geometry, point));
    if (!hit) {
      problems.push({
        index,
        field: 'coordinates',
        message: `complex ${row.corporationId} at ${point[0]}, ${point[1]} (WGS84) lies outside every buurt of ${lookups.boundaryYear}`,
        expected: 'coordinates inside a buurt with stored boundaries, or a buurt code',
      });
    } else placed.push({ row, buurtCode: hit.code, by: 'point' });
  });
  return { placed, problems };
}

/** The box [west, south, east, north] around the points, or null without points. */
export function boxOfPoints(
  points: readonly [number, number][],
): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
