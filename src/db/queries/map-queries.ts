import { sql, type Kysely } from 'kysely';
import type { ObservationStatus } from '../../domain/shared/observation-status.js';
import type { Database } from '../tables.js';

export interface MapRow {
  code: string;
  name: string;
  /** Pre-serialised GeoJSON geometry at the requested detail, or null for areas without one. */
  geojson: string | null;
  value: number | null;
  status: ObservationStatus | null;
  source: string | null;
  classValue: number | null;
}

export interface MapQuery {
  boundaryYear: number;
  level: string;
  parentCode: string | null;
  indicatorId: number;
  classIndicatorId: number | null;
  year: number;
  detail: number;
}

/**
 * Areas of one level (within a parent) with their stored shape and the indicator's value for
 * one year. One statement; geometry comes out as text to be spliced into the response.
 */
export async function findMapRows(db: Kysely<Database>, q: MapQuery): Promise<MapRow[]> {
  let query = db
    .selectFrom('area as a')
    .leftJoin('area_shape as s', (join) =>
      join.onRef('s.area_id', '=', 'a.id').on('s.detail', '=', q.detail),
    )
    .leftJoin('observation as o', (join) =>
      join
        .onRef('o.area_id', '=', 'a.id')
        .on('o.indicator_id', '=', q.indicatorId)
        .on('o.data_year', '=', q.year),
    )
    .select(['a.code', 'a.name', 's.geojson', 'o.value', 'o.status', 'o.source'])
    .where('a.boundary_year', '=', q.boundaryYear)
    .where('a.level', '=', q.level);
  if (q.parentCode) {
    const parent = q.parentCode;
    query = query.where((eb) =>
      eb.or([eb('a.parent_code', '=', parent), eb('a.gemeente_code', '=', parent)]),
    );
  }
  const rows = await (
    q.classIndicatorId === null
      ? query.select(sql<number | null>`null::float8`.as('class_value'))
      : query
          .leftJoin('observation as c', (join) =>
            join
              .onRef('c.area_id', '=', 'a.id')
              .on('c.indicator_id', '=', q.classIndicatorId!)
              .on('c.data_year', '=', q.year),
          )
          .select('c.value as class_value')
  )
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    geojson: r.geojson,
    value: r.value,
    status: r.status as ObservationStatus | null,
    source: r.source,
    classValue: r.class_value,
  }));
}
