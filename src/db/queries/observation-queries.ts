import { sql, type Kysely, type Transaction } from 'kysely';
import type { Observation, Series } from '../../domain/indicators/observation.js';
import type { SuppressionReason } from '../../domain/privacy/disclosure-rules.js';
import type { ObservationStatus } from '../../domain/shared/observation-status.js';
import type { Database } from '../tables.js';
import { withinParent } from './within-parent.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ObservationInput {
  areaId: number;
  indicatorId: number;
  year: number;
  value: number | null;
  status: ObservationStatus;
  source: string;
  sourceRelease: string | null;
  importRunId: number | null;
}

// 9 parameters a row: 2,000 rows stay far below PostgreSQL's 65,535-parameter limit.
const BATCH = 2000;

/** Insert observations; a figure already stored for (area, indicator, year) is replaced. */
export async function upsertObservations(
  trx: Transaction<Database>,
  observations: readonly ObservationInput[],
  options: { onlyReplaceSource?: string } = {},
): Promise<number> {
  let written = 0;
  for (let i = 0; i < observations.length; i += BATCH) {
    const batch = observations.slice(i, i + BATCH).map((o) => ({
      area_id: o.areaId,
      indicator_id: o.indicatorId,
      data_year: o.year,
      value: o.value,
      status: o.status,
      source: o.source,
      source_release: o.sourceRelease,
      import_run_id: o.importRunId,
    }));
    const result = await trx
      .insertInto('observation')
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(['area_id', 'indicator_id', 'data_year'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            status: eb.ref('excluded.status'),
            source: eb.ref('excluded.source'),
            source_release: eb.ref('excluded.source_release'),
            import_run_id: eb.ref('excluded.import_run_id'),
          }))
          .where((eb) =>
            // The demo replaces its own figures only, never real ones.
            options.onlyReplaceSource === undefined
              ? eb.lit(true)
              : eb('observation.source', '=', options.onlyReplaceSource),
          ),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return written;
}

export async function deleteObservationsBySource(
  trx: Transaction<Database>,
  source: string,
): Promise<number> {
  const result = await trx
    .deleteFrom('observation')
    .where('source', '=', source)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every series of the given areas: area id → series per indicator, years ascending. */
export async function listSeriesOfAreas(
  db: Db,
  areaIds: readonly number[],
): Promise<Map<number, Series[]>> {
  const out = new Map<number, Series[]>();
  if (areaIds.length === 0) return out;
  const rows = await db
    .selectFrom('observation as o')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .leftJoin('suppressed_observation as so', 'so.observation_id', 'o.id')
    .select([
      'o.area_id',
      'i.key',
      'o.data_year',
      'o.value',
      'o.status',
      'o.source',
      'o.source_release',
      'so.reason',
    ])
    .where('o.area_id', 'in', areaIds)
    .orderBy('o.area_id')
    .orderBy('i.id')
    .orderBy('o.data_year')
    .execute();
  for (const r of rows) {
    let list = out.get(r.area_id);
    if (!list) out.set(r.area_id, (list = []));
    let series = list[list.length - 1];
    if (!series || series.indicatorKey !== r.key)
      list.push((series = { indicatorKey: r.key, points: [] }));
    const point: Observation = {
      year: r.data_year,
      value: r.value,
      status: r.status as ObservationStatus,
      // The stored reason; whether it applies depends on the viewer (domain/privacy/disclose).
      suppression: (r.reason as SuppressionReason | null) ?? null,
      source: r.source,
      sourceRelease: r.source_release,
    };
    series.points.push(point);
  }
  return out;
}

/**
 * Data years with at least one observation of an indicator among areas of one level/parent.
 * Candidate years come from the (indicator, year) index; each is then confirmed with an
 * EXISTS that stops at the first hit. A plain DISTINCT over the join took 136 ms nationally.
 */
export async function listYearsOfIndicator(
  db: Db,
  indicatorId: number,
  scope: { boundaryYear: number; level: string; parentCode?: string },
): Promise<number[]> {
  const parent = scope.parentCode;
  const rows = await db
    .selectFrom(
      db
        .selectFrom('observation')
        .select('data_year')
        .distinct()
        .where('indicator_id', '=', indicatorId)
        .as('y'),
    )
    .select('y.data_year')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('observation as o')
          .innerJoin('area as a', 'a.id', 'o.area_id')
          .select('o.id')
          .where('o.indicator_id', '=', indicatorId)
          .whereRef('o.data_year', '=', 'y.data_year')
          .where('a.boundary_year', '=', scope.boundaryYear)
          .where('a.level', '=', scope.level)
          .$if(parent !== undefined, (q) => q.where(withinParent(parent!, 'a'))),
      ),
    )
    .orderBy('y.data_year')
    .execute();
  return rows.map((r) => r.data_year);
}

/** Number of observations per status, for summaries. */
export async function countObservationsByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('observation')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
