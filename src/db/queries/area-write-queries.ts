import { OWN_FIGURES_SOURCE } from '../../domain/indicators/corporation-indicators.js';
import { sql, type Transaction } from 'kysely';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../domain/geometry/bbox.js';
import type { AreaLevel } from '../../domain/shared/area-code.js';
import type { Database } from '../tables.js';

export interface AreaInput {
  code: string;
  boundaryYear: number;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  gemeenteCode: string | null;
  geometry: Polygon | MultiPolygon | null;
  bbox: BBox | null;
  source: string;
}

export interface ShapeInput {
  code: string;
  boundaryYear: number;
  detail: number;
  geojson: string;
}

// Geometry rows are large: keep a batch well under PostgreSQL's 65,535 parameters and a few MB.
const AREA_BATCH = 500;
const SHAPE_BATCH = 1000;

export interface UpsertAreasOptions {
  /**
   * 'replace' (imports): an existing area takes the new name, parent and geometry; an area the
   * demo made becomes the writer's. 'keep-others' (the demo): an area another source wrote is left
   * exactly as it is.
   */
  mode: 'replace' | 'keep-others';
}

/**
 * Insert or update areas by (code, boundary year). A file without geometry never wipes a
 * geometry already stored. Returns code → id for every area given, and which codes were
 * written (in keep-others mode, areas of other sources are not).
 */
export async function upsertAreas(
  trx: Transaction<Database>,
  areas: readonly AreaInput[],
  options: UpsertAreasOptions = { mode: 'replace' },
): Promise<{ ids: Map<string, number>; written: Set<string> }> {
  const ids = new Map<string, number>();
  for (let i = 0; i < areas.length; i += AREA_BATCH) {
    const batch = areas.slice(i, i + AREA_BATCH).map((a) => ({
      code: a.code,
      boundary_year: a.boundaryYear,
      level: a.level,
      name: a.name,
      parent_code: a.parentCode,
      gemeente_code: a.gemeenteCode,
      bbox_west: a.bbox?.[0] ?? null,
      bbox_south: a.bbox?.[1] ?? null,
      bbox_east: a.bbox?.[2] ?? null,
      bbox_north: a.bbox?.[3] ?? null,
      source: a.source,
    }));
    const rows = await trx
      .insertInto('area')
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(['code', 'boundary_year'])
          .doUpdateSet({
            level: (eb) => eb.ref('excluded.level'),
            name: (eb) => eb.ref('excluded.name'),
            parent_code: (eb) => eb.ref('excluded.parent_code'),
            gemeente_code: (eb) => eb.ref('excluded.gemeente_code'),
            bbox_west: sql`coalesce(excluded.bbox_west, area.bbox_west)`,
            bbox_south: sql`coalesce(excluded.bbox_south, area.bbox_south)`,
            bbox_east: sql`coalesce(excluded.bbox_east, area.bbox_east)`,
            bbox_north: sql`coalesce(excluded.bbox_north, area.bbox_north)`,
            // The source stays the area's creator; only a demo-made area passes to real data.
            source: sql`case when area.source = 'demo' then excluded.source else area.source end`,
            updated_at: sql`now()`,
          })
          .where((eb) =>
            options.mode === 'replace'
              ? eb.lit(true)
              : eb('area.source', '=', eb.ref('excluded.source')),
          ),
      )
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) ids.set(r.code, r.id);
  }
  const written = new Set(ids.keys());
  const kept = areas.filter((a) => !written.has(a.code));
  if (kept.length > 0) {
    // Areas left alone (keep-others) return no row: look their ids up, and keep their geometry.
    const byYear = new Map<number, string[]>();
    for (const a of kept)
      byYear.set(a.boundaryYear, [...(byYear.get(a.boundaryYear) ?? []), a.code]);
    for (const [year, codes] of byYear) {
      const found = await trx
        .selectFrom('area')
        .select(['id', 'code'])
        .where('boundary_year', '=', year)
        .where('code', 'in', codes)
        .execute();
      for (const r of found) ids.set(r.code, r.id);
    }
  }
  const geometries = areas.flatMap((a) => {
    if (!written.has(a.code)) return [];
    const id = ids.get(a.code);
    return a.geometry && id !== undefined
      ? [{ area_id: id, geometry: JSON.stringify(a.geometry) }]
      : [];
  });
  for (let i = 0; i < geometries.length; i += AREA_BATCH) {
    await trx
      .insertInto('area_geometry')
      .values(geometries.slice(i, i + AREA_BATCH))
      .onConflict((oc) =>
        oc.column('area_id').doUpdateSet((eb) => ({ geometry: eb.ref('excluded.geometry') })),
      )
      .execute();
  }
  return { ids, written };
}

/** Replace the stored simplifications of the given areas. */
export async function replaceAreaShapes(
  trx: Transaction<Database>,
  areaIds: ReadonlyMap<string, number>,
  shapes: readonly ShapeInput[],
): Promise<void> {
  const ids = [...new Set(shapes.map((s) => areaIds.get(s.code)).filter((id) => id !== undefined))];
  for (let i = 0; i < ids.length; i += SHAPE_BATCH) {
    await trx
      .deleteFrom('area_shape')
      .where('area_id', 'in', ids.slice(i, i + SHAPE_BATCH))
      .execute();
  }
  for (let i = 0; i < shapes.length; i += SHAPE_BATCH) {
    const batch = shapes.slice(i, i + SHAPE_BATCH).flatMap((s) => {
      const areaId = areaIds.get(s.code);
      return areaId === undefined
        ? []
        : [{ area_id: areaId, detail: s.detail, geojson: s.geojson }];
    });
    if (batch.length > 0) await trx.insertInto('area_shape').values(batch).execute();
  }
}

/**
 * Delete the areas one source created, bottom-up, sparing any that other data has come to use
 * (a figure from another source, or a child area that stays).
 */
export async function deleteAreasOfSource(
  trx: Transaction<Database>,
  source: string,
): Promise<number> {
  let deleted = 0;
  for (const level of ['buurt', 'wijk', 'gemeente', 'land'] as const) {
    const result = await trx
      .deleteFrom('area as a')
      .where('a.source', '=', source)
      .where('a.level', '=', level)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('observation as o')
              .select('o.id')
              .whereRef('o.area_id', '=', 'a.id')
              .where('o.source', '<>', source)
              // Figures derived from the corporation's records follow the areas, not the reverse.
              .where('o.source', '<>', OWN_FIGURES_SOURCE),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('area as c')
              .select('c.id')
              .whereRef('c.parent_code', '=', 'a.code')
              .whereRef('c.boundary_year', '=', 'a.boundary_year'),
          ),
        ),
      )
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
