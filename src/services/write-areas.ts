import type { MultiPolygon, Polygon } from 'geojson';
import type { Transaction } from 'kysely';
import { prepareShapes } from '../domain/geometry/prepare-shapes.js';
import { gemeenteCodeOf, type AreaLevel } from '../domain/shared/area-code.js';
import {
  replaceAreaShapes,
  upsertAreas,
  type AreaInput,
  type ShapeInput,
  type UpsertAreasOptions,
} from '../db/queries/area-write-queries.js';
import type { Database } from '../db/tables.js';

export interface AreaToWrite {
  code: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon | null;
}

/**
 * Store areas of one boundary year with their bounding boxes and display shapes, in the
 * caller's transaction. Returns code → id.
 */
export async function writeAreas(
  trx: Transaction<Database>,
  boundaryYear: number,
  source: string,
  areas: readonly AreaToWrite[],
  options: UpsertAreasOptions = { mode: 'replace' },
): Promise<Map<string, number>> {
  const inputs: AreaInput[] = [];
  const shapes: ShapeInput[] = [];
  for (const area of areas) {
    const prepared = area.geometry ? prepareShapes(area.geometry) : null;
    inputs.push({
      code: area.code,
      boundaryYear,
      level: area.level,
      name: area.name,
      parentCode: area.parentCode,
      gemeenteCode: gemeenteCodeOf(area.code),
      geometry: area.geometry,
      bbox: prepared?.bbox ?? null,
      source,
    });
    for (const shape of prepared?.shapes ?? []) {
      shapes.push({ code: area.code, boundaryYear, detail: shape.detail, geojson: shape.geojson });
    }
  }
  const { ids, written } = await upsertAreas(trx, inputs, options);
  // Shapes only for the areas this write changed (keep-others leaves other sources' alone).
  await replaceAreaShapes(
    trx,
    ids,
    shapes.filter((shape) => written.has(shape.code)),
  );
  return ids;
}
