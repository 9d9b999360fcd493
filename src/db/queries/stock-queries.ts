import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { MultiPolygon, Polygon } from 'geojson';
import type { StoredComplex } from '../../domain/budget/stock-types.js';
import type { ComplexTable, Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export type { StoredComplex };

export type ComplexInput = Omit<StoredComplex, 'id'>;

function toValues(c: ComplexInput, importRunId: number | null) {
  return {
    corporation_id: c.corporationId,
    name: c.name,
    address: c.address,
    postcode: c.postcode,
    house_number: c.houseNumber,
    house_number_addition: c.houseNumberAddition,
    lon: c.lon,
    lat: c.lat,
    buurt_code: c.buurtCode,
    boundary_year: c.boundaryYear,
    placed_by: c.placedBy,
    units: c.units,
    daeb_units: c.daebUnits,
    year_built: c.yearBuilt,
    import_run_id: importRunId,
  };
}

/** Every complex (optionally only those in the given buurten), by corporation id. */
export async function listComplexes(
  db: Db,
  filter: { buurtCodes?: readonly string[] } = {},
): Promise<StoredComplex[]> {
  if (filter.buurtCodes && filter.buurtCodes.length === 0) return [];
  let query = db.selectFrom('complex').selectAll();
  if (filter.buurtCodes) query = query.where('buurt_code', 'in', [...filter.buurtCodes]);
  const rows = await query.orderBy('corporation_id').execute();
  return rows.map(toStored);
}

function toStored(r: Selectable<ComplexTable>): StoredComplex {
  return {
    id: r.id,
    corporationId: r.corporation_id,
    name: r.name,
    address: r.address,
    postcode: r.postcode,
    houseNumber: r.house_number,
    houseNumberAddition: r.house_number_addition,
    lon: r.lon,
    lat: r.lat,
    buurtCode: r.buurt_code,
    boundaryYear: r.boundary_year,
    placedBy: r.placed_by as 'file' | 'point',
    units: r.units,
    daebUnits: r.daeb_units,
    yearBuilt: r.year_built,
  };
}

/** One complex by its database id, or null. */
export async function findComplex(db: Db, id: number): Promise<StoredComplex | null> {
  const row = await db.selectFrom('complex').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

/**
 * The complex with this corporation id, compared trimmed and case-insensitively as the unique
 * index does ("c-12" and "C-12" are one complex); null when there is none.
 */
export async function findComplexByCorporationId(
  db: Db,
  corporationId: string,
): Promise<StoredComplex | null> {
  const row = await db
    .selectFrom('complex')
    .selectAll()
    .where(sql<string>`upper(corporation_id)`, '=', corporationId.trim().toUpperCase())
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Adds one complex; returns its database id. */
export async function insertComplex(db: Db, complex: ComplexInput): Promise<number> {
  const row = await db
    .insertInto('complex')
    .values(toValues(complex, null))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes one complex; false when there was none. */
export async function deleteComplex(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('complex').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many spending lines are booked on a complex, and in which years (ascending). */
export async function findSpendingOfComplex(
  db: Db,
  complexId: number,
): Promise<{ lines: number; years: number[] }> {
  const rows = await db
    .selectFrom('spending')
    .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('complex_id', '=', complexId)
    .groupBy('year')
    .orderBy('year')
    .execute();
  return {
    lines: rows.reduce((s, r) => s + Number(r.n), 0),
    years: rows.map((r) => r.year),
  };
}

/**
 * Inserts new complexes and updates existing ones (matched on the corporation id,
 * case-insensitively). Returns how many of each.
 */
export async function upsertComplexes(
  db: Db,
  complexes: readonly ComplexInput[],
  importRunId: number | null,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const existing = new Map(
    (await db.selectFrom('complex').select(['id', 'corporation_id']).execute()).map((r) => [
      r.corporation_id.trim().toUpperCase(),
      r.id,
    ]),
  );
  for (const complex of complexes) {
    const id = existing.get(complex.corporationId.trim().toUpperCase());
    if (id === undefined) {
      await db.insertInto('complex').values(toValues(complex, importRunId)).execute();
      created += 1;
    } else {
      await db
        .updateTable('complex')
        .set({ ...toValues(complex, importRunId), updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
      updated += 1;
    }
  }
  return { created, updated };
}

/** Changes one complex (by its database id); false when there is none. */
export async function updateComplex(db: Db, id: number, complex: ComplexInput): Promise<boolean> {
  const result = await db
    .updateTable('complex')
    .set({ ...toValues(complex, null), updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Buurt codes of a boundary year that exist (of the given ones). */
export async function findExistingBuurtCodes(
  db: Db,
  boundaryYear: number,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('area')
    .select('code')
    .where('boundary_year', '=', boundaryYear)
    .where('level', '=', 'buurt')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** The newest boundary year holding buurten with geometry, or null. */
export async function findLatestBuurtGeometryYear(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('area as a')
    .innerJoin('area_geometry as g', 'g.area_id', 'a.id')
    .where('a.level', '=', 'buurt')
    .select((eb) => eb.fn.max('a.boundary_year').as('year'))
    .executeTakeFirst();
  return row?.year ?? null;
}

/**
 * The stored (WGS84) geometry of the buurten of a boundary year whose bounding box meets the
 * box [west, south, east, north]: the candidates for point-in-polygon.
 */
export async function findBuurtGeometriesInBox(
  db: Db,
  boundaryYear: number,
  box: [number, number, number, number],
): Promise<{ code: string; geometry: Polygon | MultiPolygon }[]> {
  const [west, south, east, north] = box;
  const rows = await db
    .selectFrom('area as a')
    .innerJoin('area_geometry as g', 'g.area_id', 'a.id')
    .select(['a.code', 'g.geometry'])
    .where('a.boundary_year', '=', boundaryYear)
    .where('a.level', '=', 'buurt')
    .where('a.bbox_west', '<=', east)
    .where('a.bbox_east', '>=', west)
    .where('a.bbox_south', '<=', north)
    .where('a.bbox_north', '>=', south)
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({ code: r.code, geometry: r.geometry }));
}

/** Names of buurten (any boundary year, the newest name wins). */
export async function findAreaNames(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('area')
    .select(['code', 'name', 'boundary_year'])
    .where('code', 'in', [...codes])
    .orderBy('boundary_year')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The newest figure of an indicator per area (up to a data year), with its status: the
 * dwellings of a buurt (a_woning) for the share the corporation owns. Areas without any
 * figure are absent; a secret or missing figure comes back as null with its status.
 */
export async function findNewestFigures(
  db: Db,
  indicatorKey: string,
  codes: readonly string[],
  upToYear: number,
): Promise<
  Map<string, { year: number; value: number | null; status: string; suppressed: boolean }>
> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('observation as o')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .innerJoin('area as a', 'a.id', 'o.area_id')
    .leftJoin('suppressed_observation as so', 'so.observation_id', 'o.id')
    .select(['a.code', 'o.data_year', 'o.value', 'o.status', 'so.reason'])
    .where('i.key', '=', indicatorKey)
    .where('a.code', 'in', [...codes])
    .where('o.data_year', '<=', upToYear)
    .orderBy('a.code')
    .orderBy('o.data_year')
    .orderBy('a.boundary_year')
    .execute();
  const newest = new Map<
    string,
    { year: number; value: number | null; status: string; suppressed: boolean }
  >();
  for (const r of rows)
    newest.set(r.code, {
      year: r.data_year,
      value: r.value,
      status: r.status,
      // Hidden from restricted viewers by disclosure control.
      suppressed: r.reason !== null,
    });
  return newest;
}
