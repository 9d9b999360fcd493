import { sql, type Kysely } from 'kysely';
import type { BBox } from '../../domain/geometry/bbox.js';
import type { SuppressionReason } from '../../domain/privacy/disclosure-rules.js';
import type { ObservationStatus } from '../../domain/shared/observation-status.js';
import type { Database } from '../tables.js';
import { withinParent } from './within-parent.js';

export interface MapScope {
  boundaryYear: number;
  level: string;
  /** A direct parent or the gemeente; null for the whole country. */
  parentCode: string | null;
}

export interface MapShapeRow {
  code: string;
  name: string;
  /** Pre-serialised GeoJSON geometry at the requested detail, or null for areas without one. */
  geojson: string | null;
  bbox: BBox | null;
}

export interface MapValueRow {
  /** Stored disclosure-control reason (applies to restricted viewers only). */
  suppression: SuppressionReason | null;
  code: string;
  value: number | null;
  status: ObservationStatus;
  source: string;
  classValue: number | null;
}

type AreaQuery = ReturnType<typeof areasOf>;

function areasOf(db: Kysely<Database>, scope: MapScope) {
  const query = db
    .selectFrom('area as a')
    .where('a.boundary_year', '=', scope.boundaryYear)
    .where('a.level', '=', scope.level);
  return scope.parentCode === null ? query : query.where(withinParent(scope.parentCode, 'a'));
}

/**
 * The areas of a map scope with their stored shape at one detail level, ordered by code.
 *
 * Both queries aggregate to a single row: PGlite spends ~7 µs a row and column turning results
 * into JS objects, which for 12,147 buurten cost more than the query itself (values: 100 ms
 * as rows, 35 ms as one aggregate). Geometry stays text, joined with the ASCII record
 * separator, which JSON text never holds raw.
 */
export async function findMapShapes(
  db: Kysely<Database>,
  scope: MapScope,
  detail: number,
): Promise<MapShapeRow[]> {
  // In pages of 2,000 areas: one national aggregate of 12,147 shapes made PGlite's WebAssembly
  // heap grow by several hundred MB, and that memory is never given back.
  const PAGE = 2000;
  const out: MapShapeRow[] = [];
  let after = '';
  for (;;) {
    const page = (areasOf(db, scope) as AreaQuery)
      .leftJoin('area_shape as s', (join) =>
        join.onRef('s.area_id', '=', 'a.id').on('s.detail', '=', detail),
      )
      .select([
        'a.code',
        'a.name',
        'a.bbox_west',
        'a.bbox_south',
        'a.bbox_east',
        'a.bbox_north',
        's.geojson',
      ])
      .where('a.code', '>', after)
      .orderBy('a.code')
      .limit(PAGE)
      .as('p');
    const row = await db
      .selectFrom(page)
      .select([
        sql<
          string | null
        >`json_agg(json_build_array(p.code, p.name, p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north) order by p.code)::text`.as(
          'meta',
        ),
        sql<string | null>`string_agg(coalesce(p.geojson, 'null'), chr(30) order by p.code)`.as(
          'shapes',
        ),
      ])
      .executeTakeFirst();
    if (!row?.meta || row.shapes === null || row.shapes === undefined) break;
    const meta = JSON.parse(row.meta) as Array<
      [string, string, number | null, number | null, number | null, number | null]
    >;
    const shapes = row.shapes.split('\x1e');
    meta.forEach(([code, name, w, so, e, n], i) =>
      out.push({
        code,
        name,
        geojson: shapes[i] === 'null' ? null : shapes[i]!,
        bbox: w === null || so === null || e === null || n === null ? null : [w, so, e, n],
      }),
    );
    if (meta.length < PAGE) break;
    after = meta[meta.length - 1]![0];
  }
  return out;
}

/**
 * One indicator's figures (and their stored class) for the areas of a scope in one year. An
 * area with only a class (the Leefbaarometer WFS publishes kscore without the absolute score)
 * still comes back, with a null value.
 */
export async function findMapValues(
  db: Kysely<Database>,
  scope: MapScope,
  q: { indicatorId: number; classIndicatorId: number | null; year: number },
): Promise<MapValueRow[]> {
  const classId = q.classIndicatorId;
  const row = await (areasOf(db, scope) as AreaQuery)
    .leftJoin('observation as o', (join) =>
      join
        .onRef('o.area_id', '=', 'a.id')
        .on('o.indicator_id', '=', q.indicatorId)
        .on('o.data_year', '=', q.year),
    )
    .leftJoin('observation as c', (join) =>
      join
        .onRef('c.area_id', '=', 'a.id')
        // No class indicator: a condition that never holds keeps the join empty.
        .on('c.indicator_id', '=', classId ?? -1)
        .on('c.data_year', '=', q.year),
    )
    .leftJoin('suppressed_observation as so', 'so.observation_id', 'o.id')
    .leftJoin('suppressed_observation as sc', 'sc.observation_id', 'c.id')
    .where((eb) => eb.or([eb('o.id', 'is not', null), eb('c.id', 'is not', null)]))
    .select(
      sql<
        string | null
      >`json_agg(json_build_array(a.code, o.value, coalesce(o.status, 'missing'), coalesce(o.source, c.source), c.value, coalesce(so.reason, sc.reason)))::text`.as(
        'rows',
      ),
    )
    .executeTakeFirst();
  const rows = JSON.parse(row?.rows ?? '[]') as Array<
    [string, number | null, ObservationStatus, string, number | null, SuppressionReason | null]
  >;
  return rows.map(([code, value, status, source, classValue, suppression]) => ({
    code,
    value,
    status,
    source,
    classValue,
    suppression,
  }));
}

/** Indicators with figures among the areas of a scope, with their years (ascending). */
export async function findIndicatorYearsInScope(
  db: Kysely<Database>,
  scope: MapScope,
): Promise<Map<string, number[]>> {
  const row = await (areasOf(db, scope) as AreaQuery)
    .innerJoin('observation as o', 'o.area_id', 'a.id')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .select(
      sql<string | null>`json_agg(distinct json_build_array(i.key, o.data_year)::text)::text`.as(
        'pairs',
      ),
    )
    .executeTakeFirst();
  const out = new Map<string, number[]>();
  for (const pair of JSON.parse(row?.pairs ?? '[]') as string[]) {
    const [key, year] = JSON.parse(pair) as [string, number];
    out.set(key, [...(out.get(key) ?? []), year]);
  }
  for (const years of out.values()) years.sort((a, b) => a - b);
  return out;
}
