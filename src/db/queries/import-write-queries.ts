import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';
import type { ObservationInput } from './observation-queries.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The newest successful import of exactly this file with these options, if any. */
export async function findSucceededRunBySha(
  db: Db,
  kind: string,
  sha256: string,
  options: Record<string, unknown>,
): Promise<{ id: number; finishedAt: Date | null } | null> {
  const row = await db
    .selectFrom('import_run')
    .select(['id', 'finished_at'])
    .where('kind', '=', kind)
    .where('sha256', '=', sha256)
    .where(sql<boolean>`options = ${JSON.stringify(options)}::jsonb`)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, finishedAt: row.finished_at } : null;
}

// 8 parameters a row: 4,000 rows stay well below PostgreSQL's 65,535-parameter limit.
const STAGE_BATCH = 4000;

/**
 * Write figures through a staging table and merge them in one statement: the batches land in
 * a temporary table first, so the live table changes once, at the end, in the caller's
 * transaction — all or nothing. Returns the number of figures written.
 */
export async function stageAndMergeObservations(
  trx: Transaction<Database>,
  rows: readonly ObservationInput[],
  onBatch: (done: number, total: number) => void = () => {},
): Promise<number> {
  if (rows.length === 0) return 0;
  await sql`create temp table if not exists observation_stage (
      area_id integer not null, indicator_id integer not null, data_year integer not null,
      value float8, status text not null, source text not null, source_release text,
      import_run_id integer) on commit drop`.execute(trx);
  await sql`truncate observation_stage`.execute(trx);
  for (let i = 0; i < rows.length; i += STAGE_BATCH) {
    const batch = rows.slice(i, i + STAGE_BATCH);
    const values = sql.join(
      batch.map(
        (r) =>
          sql`(${r.areaId}, ${r.indicatorId}, ${r.year}, ${r.value}::float8, ${r.status}, ${r.source}, ${r.sourceRelease}, ${r.importRunId}::int)`,
      ),
    );
    await sql`insert into observation_stage values ${values}`.execute(trx);
    onBatch(Math.min(i + STAGE_BATCH, rows.length), rows.length);
  }
  const merged = await sql`
    insert into observation (area_id, indicator_id, data_year, value, status, source, source_release, import_run_id)
    select area_id, indicator_id, data_year, value, status, source, source_release, import_run_id from observation_stage
    on conflict (area_id, indicator_id, data_year) do update set
      value = excluded.value, status = excluded.status, source = excluded.source,
      source_release = excluded.source_release, import_run_id = excluded.import_run_id`.execute(
    trx,
  );
  return Number(merged.numAffectedRows ?? 0n);
}

/** Releases that one source's figures of these indicators hold at one level, with their counts. */
export async function listReleasesAtLevel(
  db: Db,
  indicatorIds: readonly number[],
  level: string,
  source: string,
): Promise<Array<{ release: string | null; count: number }>> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('observation as o')
    .innerJoin('area as a', 'a.id', 'o.area_id')
    .select(['o.source_release', sql<number>`count(*)`.as('n')])
    .where('o.indicator_id', 'in', indicatorIds)
    .where('a.level', '=', level)
    .where('o.source', '=', source)
    .groupBy('o.source_release')
    .execute();
  return rows.map((r) => ({ release: r.source_release, count: r.n }));
}

/**
 * Delete every figure of one source for these indicators at one level that belongs to another
 * release. Only that source's: the demo's or a table's figures are never touched.
 */
export async function deleteOtherReleases(
  trx: Transaction<Database>,
  indicatorIds: readonly number[],
  level: string,
  keepRelease: string,
  source: string,
): Promise<number> {
  if (indicatorIds.length === 0) return 0;
  const result = await trx
    .deleteFrom('observation as o')
    .where('o.indicator_id', 'in', indicatorIds)
    .where('o.source', '=', source)
    .where((eb) =>
      eb.or([eb('o.source_release', '<>', keepRelease), eb('o.source_release', 'is', null)]),
    )
    .where('o.area_id', 'in', (eb) => eb.selectFrom('area').select('id').where('level', '=', level))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function upsertSourceRelease(
  trx: Transaction<Database>,
  release: {
    key: string;
    source: string;
    label: string;
    details: Record<string, unknown>;
    importRunId: number | null;
  },
): Promise<void> {
  await trx
    .insertInto('source_release')
    .values({
      key: release.key,
      source: release.source,
      label: release.label,
      details: JSON.stringify(release.details),
      import_run_id: release.importRunId,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        // Merged: a release's gemeente file must not wipe what its buurt file recorded.
        details: sql`source_release.details || excluded.details`,
        import_run_id: eb.ref('excluded.import_run_id'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** Areas of one boundary year: code → id, level, name, parent, whether a shape is stored. */
export async function findAreasOfYear(
  db: Db,
  boundaryYear: number,
): Promise<
  Map<
    string,
    { id: number; level: string; name: string; parentCode: string | null; hasGeometry: boolean }
  >
> {
  const rows = await db
    .selectFrom('area as a')
    .leftJoin('area_geometry as g', 'g.area_id', 'a.id')
    .select([
      'a.id',
      'a.code',
      'a.level',
      'a.name',
      'a.parent_code',
      sql<boolean>`g.area_id is not null`.as('has_geometry'),
    ])
    .where('a.boundary_year', '=', boundaryYear)
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: r.id,
        level: r.level,
        name: r.name,
        parentCode: r.parent_code,
        hasGeometry: r.has_geometry,
      },
    ]),
  );
}

/** Names the given codes have in other boundary years, the nearest year first. */
export async function findNamesInOtherYears(
  db: Db,
  codes: readonly string[],
  boundaryYear: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db
      .selectFrom('area')
      .select(['code', 'name', 'boundary_year'])
      .where('code', 'in', codes.slice(i, i + 5000))
      .where('boundary_year', '<>', boundaryYear)
      .orderBy(sql`abs(boundary_year - ${boundaryYear})`)
      .execute();
    for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.name);
  }
  return out;
}
