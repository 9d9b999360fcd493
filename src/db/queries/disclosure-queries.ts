import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface DisclosureIndicator {
  id: number;
  key: string;
  kind: 'count' | 'percentage' | 'rate';
  builtIn: boolean;
  baseIndicatorId: number | null;
  numeratorIndicatorId: number | null;
}

/** Counts, shares and rates under disclosure control: the indicators it looks at. */
export async function listDisclosureIndicators(db: Db): Promise<DisclosureIndicator[]> {
  const rows = await db
    .selectFrom('indicator as i')
    .leftJoin('indicator as b', 'b.key', 'i.base_indicator_key')
    .leftJoin('indicator as n', 'n.key', 'i.numerator_indicator_key')
    .select(['i.id', 'i.key', 'i.kind', 'i.built_in', 'b.id as base_id', 'n.id as numerator_id'])
    .where('i.kind', 'in', ['count', 'percentage', 'rate'])
    .where('i.disclosure_control', '=', true)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind as DisclosureIndicator['kind'],
    builtIn: r.built_in,
    baseIndicatorId: r.base_id,
    numeratorIndicatorId: r.numerator_id,
  }));
}

/** The figures of one indicator and year that are hidden, as boundary year|code. */
export async function listSuppressedCodes(
  db: Db,
  indicatorId: number,
  year: number,
): Promise<Set<string>> {
  const row = await sql<{ codes: string | null }>`
    select json_agg(a.boundary_year || '|' || a.code)::text as codes
    from suppressed_observation so join observation o on o.id = so.observation_id
    join area a on a.id = o.area_id
    where o.indicator_id = ${indicatorId} and o.data_year = ${year}`.execute(db);
  return new Set(JSON.parse(row.rows[0]?.codes ?? '[]') as string[]);
}

/** Every (indicator, data year) with figures, for the given indicators. */
export async function listIndicatorYears(
  db: Db,
  indicatorIds: readonly number[],
): Promise<Array<{ indicatorId: number; year: number }>> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('observation')
    .select(['indicator_id', 'data_year'])
    .distinct()
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  return rows.map((r) => ({ indicatorId: r.indicator_id, year: r.data_year }));
}

export interface FigureCell {
  observationId: number;
  code: string;
  boundaryYear: number;
  value: number | null;
}

/**
 * The figures of one indicator in one year, as one aggregated row: PGlite decodes a row per
 * object slowly, and a national year has 18,000 of them.
 */
export async function listFiguresOfYear(
  db: Db,
  indicatorId: number,
  year: number,
): Promise<FigureCell[]> {
  const row = await sql<{ cells: string | null }>`
    select json_agg(json_build_array(o.id, a.code, a.boundary_year, o.value))::text as cells
    from observation o join area a on a.id = o.area_id
    where o.indicator_id = ${indicatorId} and o.data_year = ${year}`.execute(db);
  const cells = JSON.parse(row.rows[0]?.cells ?? '[]') as Array<
    [number, string, number, number | null]
  >;
  return cells.map(([observationId, code, boundaryYear, value]) => ({
    observationId,
    code,
    boundaryYear,
    value,
  }));
}

/** The areas of one boundary year with their parents: the shape of the sums. */
export async function listAreaTree(
  db: Db,
  boundaryYear: number,
): Promise<Array<{ code: string; parentCode: string | null }>> {
  const row = await sql<{ areas: string | null }>`
    select json_agg(json_build_array(code, parent_code))::text as areas
    from area where boundary_year = ${boundaryYear}`.execute(db);
  const areas = JSON.parse(row.rows[0]?.areas ?? '[]') as Array<[string, string | null]>;
  return areas.map(([code, parentCode]) => ({ code, parentCode }));
}

/** Replace what is hidden for one indicator and year. */
export async function replaceSuppressions(
  db: Db,
  indicatorId: number,
  year: number,
  rows: ReadonlyArray<{ observationId: number; reason: string }>,
): Promise<void> {
  await sql`delete from suppressed_observation where observation_id in (
    select id from observation where indicator_id = ${indicatorId} and data_year = ${year})`.execute(
    db,
  );
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    await db
      .insertInto('suppressed_observation')
      .values(batch.map((r) => ({ observation_id: r.observationId, reason: r.reason })))
      .execute();
  }
}
