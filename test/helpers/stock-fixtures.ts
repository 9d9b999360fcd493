import type { MultiPolygon, Polygon } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';
import { bboxOf } from '../../src/domain/geometry/bbox.js';
import { geometryContains } from '../../src/domain/geometry/contains.js';

/** A complex as POST/PUT /api/stock/complexes answer it (the fields the tests read). */
export interface ApiComplex {
  id: number;
  corporationId: string;
  buurtCode: string;
  buurtName: string;
  placedBy: 'file' | 'point';
  units: number;
  daebUnits: number;
  lon: number | null;
  yearBuilt: number | null;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** The fields of a valid complex but its id and place. */
export const COMPLEX_BASE = {
  name: 'Testcomplex',
  address: 'Dorpsstraat 1',
  units: 20,
  daebUnits: 15,
};

/** A buurt of GM9901 and one of GM9902 in the demo, and a point well inside the first. */
export async function demoPlaces(
  db: Kysely<Database>,
): Promise<{ buurt1: string; buurt2: string; inside: [number, number] }> {
  const shapes = await sql<{ code: string; geometry: Polygon | MultiPolygon }>`
    select a.code, g.geometry from area a join area_geometry g on g.area_id = a.id
    where a.level = 'buurt' and a.code like 'BU9901%' order by a.code limit 1`.execute(db);
  const other = await sql<{ code: string }>`
    select code from area where level = 'buurt' and code like 'BU9902%' order by code limit 1`.execute(
    db,
  );
  const shape = shapes.rows[0]!;
  return { buurt1: shape.code, buurt2: other.rows[0]!.code, inside: interiorPoint(shape.geometry) };
}

/** A point well inside a polygon: probes a grid over its box for one whose neighbours are in too. */
export function interiorPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const [west, south, east, north] = bboxOf(geometry);
  const step = Math.min(east - west, north - south) / 20;
  for (let y = south + step; y < north; y += step)
    for (let x = west + step; x < east; x += step)
      if (
        [
          [0, 0],
          [step, 0],
          [-step, 0],
          [0, step],
          [0, -step],
        ].every(([dx, dy]) => geometryContains(geometry, [x + dx!, y + dy!]))
      )
        return [Number(x.toFixed(6)), Number(y.toFixed(6))];
  throw new Error('no interior point');
}
