import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredMethod {
  id: number;
  key: string;
  version: number;
  name: string;
  definition: Record<string, unknown>;
  fingerprint: string;
  builtIn: boolean;
  createdBy: string;
  createdAt: Date;
  rankings: number;
}

function selectMethods(db: Db) {
  return db
    .selectFrom('ranking_method as m')
    .select([
      'm.id',
      'm.key',
      'm.version',
      'm.name',
      'm.definition',
      'm.fingerprint',
      'm.built_in',
      'm.created_by',
      'm.created_at',
      sql<number>`(select count(*)::int from ranking r where r.method_id = m.id)`.as('rankings'),
    ]);
}

type MethodRow = Awaited<ReturnType<ReturnType<typeof selectMethods>['execute']>>[number];

function toMethod(r: MethodRow): StoredMethod {
  return {
    id: r.id,
    key: r.key,
    version: r.version,
    name: r.name,
    definition: r.definition,
    fingerprint: r.fingerprint,
    builtIn: r.built_in,
    createdBy: r.created_by,
    createdAt: r.created_at,
    rankings: Number(r.rankings),
  };
}

/** Every version of every method, newest version first per key. */
export async function listMethods(db: Db): Promise<StoredMethod[]> {
  const rows = await selectMethods(db).orderBy('m.key').orderBy('m.version', 'desc').execute();
  return rows.map(toMethod);
}

/** One version, or the newest when no version is given. */
export async function findMethod(
  db: Db,
  key: string,
  version?: number,
): Promise<StoredMethod | null> {
  let query = selectMethods(db).where('m.key', '=', key);
  query =
    version === undefined
      ? query.orderBy('m.version', 'desc').limit(1)
      : query.where('m.version', '=', version);
  const row = await query.executeTakeFirst();
  return row ? toMethod(row) : null;
}

export async function findMethodById(db: Db, id: number): Promise<StoredMethod | null> {
  const row = await selectMethods(db).where('m.id', '=', id).executeTakeFirst();
  return row ? toMethod(row) : null;
}

export async function insertMethod(
  db: Db,
  method: {
    key: string;
    version: number;
    name: string;
    definition: unknown;
    fingerprint: string;
    builtIn: boolean;
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('ranking_method')
    .values({
      key: method.key,
      version: method.version,
      name: method.name,
      definition: JSON.stringify(method.definition),
      fingerprint: method.fingerprint,
      built_in: method.builtIn,
      created_by: method.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredRanking {
  id: number;
  methodId: number;
  methodKey: string;
  methodVersion: number;
  methodName: string;
  dataYear: number;
  boundaryYear: number;
  level: string;
  universe: Record<string, unknown>;
  summary: Record<string, unknown>;
  createdBy: string;
  createdAt: Date;
}

function selectRankings(db: Db) {
  return db
    .selectFrom('ranking as r')
    .innerJoin('ranking_method as m', 'm.id', 'r.method_id')
    .select([
      'r.id',
      'r.method_id',
      'm.key as method_key',
      'm.version as method_version',
      'm.name as method_name',
      'r.data_year',
      'r.boundary_year',
      'r.level',
      'r.universe',
      'r.summary',
      'r.created_by',
      'r.created_at',
    ]);
}

type RankingRow = Awaited<ReturnType<ReturnType<typeof selectRankings>['execute']>>[number];

function toRanking(r: RankingRow): StoredRanking {
  return {
    id: r.id,
    methodId: r.method_id,
    methodKey: r.method_key,
    methodVersion: r.method_version,
    methodName: r.method_name,
    dataYear: r.data_year,
    boundaryYear: r.boundary_year,
    level: r.level,
    universe: r.universe,
    summary: r.summary,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function listRankings(db: Db): Promise<StoredRanking[]> {
  const rows = await selectRankings(db).orderBy('r.id', 'desc').execute();
  return rows.map(toRanking);
}

export async function findRanking(db: Db, id: number): Promise<StoredRanking | null> {
  const row = await selectRankings(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRanking(row) : null;
}

/** The newest ranking with the same method key for an earlier data year ("last year's"). */
export async function findEarlierRanking(
  db: Db,
  methodKey: string,
  dataYear: number,
): Promise<StoredRanking | null> {
  const row = await selectRankings(db)
    .where('m.key', '=', methodKey)
    .where('r.data_year', '<', dataYear)
    .orderBy('r.data_year', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRanking(row) : null;
}

export async function findRankingInputs(db: Db, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('ranking')
    .select('inputs')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.inputs ?? null;
}

export async function insertRanking(
  db: Db,
  ranking: {
    methodId: number;
    dataYear: number;
    boundaryYear: number;
    level: string;
    universe: unknown;
    inputs: string;
    summary: unknown;
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('ranking')
    .values({
      method_id: ranking.methodId,
      data_year: ranking.dataYear,
      boundary_year: ranking.boundaryYear,
      level: ranking.level,
      universe: JSON.stringify(ranking.universe),
      inputs: ranking.inputs,
      summary: JSON.stringify(ranking.summary),
      created_by: ranking.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RankingAreaRow {
  code: string;
  ranked: boolean;
  rank: number | null;
  score: number | null;
  percentile: number | null;
  decile: number | null;
  class: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  flags: string[];
  reason: Record<string, unknown> | null;
  detail: Record<string, unknown>;
}

export async function insertRankingAreas(
  db: Db,
  rankingId: number,
  rows: readonly RankingAreaRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('ranking_area')
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          ranking_id: rankingId,
          area_code: r.code,
          ranked: r.ranked,
          rank: r.rank,
          score: r.score,
          percentile: r.percentile,
          decile: r.decile,
          class: r.class,
          rank_low: r.rankLow,
          rank_high: r.rankHigh,
          flags: JSON.stringify(r.flags),
          reason: r.reason === null ? null : JSON.stringify(r.reason),
          detail: JSON.stringify(r.detail),
        })),
      )
      .execute();
  }
}

/**
 * The areas of a ranking, ranked first by rank, then the not-ranked by code; as one aggregated
 * row (PGlite decodes rows slowly, and a national ranking has 12,000). Without details unless
 * asked: the table needs ranks, the explanation needs one area's details.
 */
export async function listRankingAreas(
  db: Db,
  rankingId: number,
  options: { codes?: readonly string[]; withDetail?: boolean } = {},
): Promise<RankingAreaRow[]> {
  const codes = options.codes ? [...options.codes] : null;
  const row = await sql<{ rows: string | null }>`
    select json_agg(json_build_array(area_code, ranked, rank, score, percentile, decile, class,
      rank_low, rank_high, flags, reason, ${options.withDetail ? sql`detail` : sql`null`})
      order by rank nulls last, area_code)::text as rows
    from ranking_area where ranking_id = ${rankingId}
    ${codes ? sql`and area_code = any(${codes}::text[])` : sql``}`.execute(db);
  const rows = JSON.parse(row.rows[0]?.rows ?? '[]') as Array<
    [
      string,
      boolean,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      string[],
      Record<string, unknown> | null,
      Record<string, unknown> | null,
    ]
  >;
  return rows.map((r) => ({
    code: r[0],
    ranked: r[1],
    rank: r[2],
    score: r[3],
    percentile: r[4],
    decile: r[5],
    class: r[6],
    rankLow: r[7],
    rankHigh: r[8],
    flags: r[9],
    reason: r[10],
    detail: r[11] ?? {},
  }));
}
