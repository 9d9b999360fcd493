import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';
import type { SuppressionReason } from '../../domain/privacy/disclosure-rules.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The areas of one level in one boundary year: code, name and gemeente (one aggregated row). */
export async function listLevelAreas(
  db: Db,
  boundaryYear: number,
  level: string,
): Promise<Array<{ code: string; name: string; gemeenteCode: string | null }>> {
  const row = await sql<{ areas: string | null }>`
    select json_agg(json_build_array(code, name, gemeente_code) order by code)::text as areas
    from area where boundary_year = ${boundaryYear} and level = ${level}`.execute(db);
  const areas = JSON.parse(row.rows[0]?.areas ?? '[]') as Array<[string, string, string | null]>;
  return areas.map(([code, name, gemeenteCode]) => ({ code, name, gemeenteCode }));
}

/**
 * The newest data year, at most `year`, with figures of an indicator for areas of a level:
 * CBS publishes income two years late, so a ranking of 2024 uses the income of 2022.
 */
export async function findNewestYearAtMost(
  db: Db,
  indicatorKey: string,
  year: number,
  boundaryYear: number,
  level: string,
): Promise<number | null> {
  const row = await sql<{ year: number | null }>`
    select max(o.data_year) as year from observation o
    join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id
    where i.key = ${indicatorKey} and o.data_year <= ${year} and o.value is not null
      and a.boundary_year = ${boundaryYear} and a.level = ${level}`.execute(db);
  return row.rows[0]?.year ?? null;
}

/** The values of one indicator in one year for the areas of a level (missing ones absent). */
export async function listIndicatorValues(
  db: Db,
  indicatorKey: string,
  year: number,
  boundaryYear: number,
  level: string,
): Promise<Map<string, number>> {
  const row = await sql<{ values: string | null }>`
    select json_agg(json_build_array(a.code, o.value))::text as values from observation o
    join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id
    where i.key = ${indicatorKey} and o.data_year = ${year} and o.value is not null
      and a.boundary_year = ${boundaryYear} and a.level = ${level}`.execute(db);
  const values = JSON.parse(row.rows[0]?.values ?? '[]') as Array<[string, number]>;
  return new Map(values);
}

/** The gemeenten of the corporations' working areas (organisation_area of corporations). */
export async function listCorporationWorkingArea(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation_area as oa')
    .innerJoin('organisation as o', 'o.id', 'oa.organisation_id')
    .select('oa.area_code')
    .distinct()
    .where('o.kind', '=', 'corporation')
    .orderBy('oa.area_code')
    .execute();
  return rows.map((r) => r.area_code);
}

/** Values of an indicator for specific areas and one year (any level), e.g. the country. */
export async function listValuesOfCodes(
  db: Db,
  indicatorKey: string,
  year: number,
  boundaryYear: number,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const row = await sql<{ values: string | null }>`
    select json_agg(json_build_array(a.code, o.value))::text as values from observation o
    join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id
    where i.key = ${indicatorKey} and o.data_year = ${year} and o.value is not null
      and a.boundary_year = ${boundaryYear} and a.code = any(${[...codes]}::text[])`.execute(db);
  return new Map(JSON.parse(row.rows[0]?.values ?? '[]') as Array<[string, number]>);
}

/**
 * Which of an area's figures disclosure control hides, as `key|year` → reason: the
 * explanation of a rank shows a restricted viewer no value the map would hide.
 */
export async function listSuppressedFigures(
  db: Db,
  code: string,
  boundaryYear: number,
  figures: ReadonlyArray<{ key: string; year: number }>,
): Promise<Map<string, SuppressionReason>> {
  if (figures.length === 0) return new Map();
  const wanted = figures.map((f) => `${f.key}|${f.year}`);
  const rows = await sql<{ figure: string; reason: string }>`
    select i.key || '|' || o.data_year as figure, so.reason
    from suppressed_observation so join observation o on o.id = so.observation_id
    join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id
    where a.code = ${code} and a.boundary_year = ${boundaryYear}
      and (i.key || '|' || o.data_year) = any(${wanted}::text[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.figure, r.reason as SuppressionReason]));
}

/**
 * The newest boundary year of a level in which any of the indicators has figures for a data
 * year: a series published on its own boundaries (the Leefbaarometer wijk series on 2022 wijken)
 * is read on those, not on a newer vintage that holds no figures of it.
 */
export async function findBoundaryYearWithFigures(
  db: Db,
  indicatorKeys: readonly string[],
  level: string,
  year: number,
): Promise<number | null> {
  const row = await sql<{ year: number | null }>`
    select max(a.boundary_year) as year from observation o
    join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id
    where i.key = any(${[...indicatorKeys]}::text[]) and o.data_year = ${year}
      and o.value is not null and a.level = ${level}`.execute(db);
  return row.rows[0]?.year ?? null;
}
