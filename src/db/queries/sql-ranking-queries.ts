import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The need ranking of compute-ranking.ts without Monte Carlo, computed by PostgreSQL itself
 * with `percent_rank()` window functions: the baseline of the ranking benchmark
 * (bench/ranking.ts), and a second, independent implementation of the method's steps 2–6
 * (percentile normalisation, completeness, theme means, re-ranked with anti-compensation,
 * weighted total, rank) to check the engine against. Percentile normalisation only.
 *
 * The data sits in its own schema, `ranking_bench`, never in the application's tables: a
 * benchmark creates it, loads it, ranks and drops it again.
 *
 * Same numbers to the last digit: `percent_rank()` is `(rank − 1)/(N − 1)` with ties at the
 * lowest rank, exactly the engine's percentile; `sum(float8)` adds in input order, so every sum
 * is ordered as the engine orders it (indicators by key, themes by name, code-unit order, hence
 * `collate "C"`), and the products and quotients are the same IEEE operations. Only the IMD
 * transform of anti-compensation can differ in the last digit (see rankByPercentRank).
 */

const SCHEMA = 'ranking_bench';

/** One indicator of the method: which theme, how heavy, which way need grows. */
export interface SqlRankingIndicator {
  key: string;
  theme: string;
  weight: number;
  direction: 'higher_is_better' | 'higher_is_worse';
}

/** One row of the ranking: rank 1 = most need; ties share the lowest rank. */
export interface SqlRankingRow {
  code: string;
  total: number;
  rank: number;
}

/** Create the benchmark schema and its two tables (dropping an earlier one first). */
export async function createRankingBenchSchema(db: Db): Promise<void> {
  await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  await sql.raw(`create schema ${SCHEMA}`).execute(db);
  await sql
    .raw(
      `create table ${SCHEMA}.indicator (
        key text primary key, theme text not null, weight float8 not null, sign float8 not null)`,
    )
    .execute(db);
  await sql
    .raw(
      `create table ${SCHEMA}.value (
        area_code text not null, indicator_key text not null, value float8 not null,
        primary key (indicator_key, area_code))`,
    )
    .execute(db);
}

/**
 * Load the method's indicators and the values (present values only: a missing value is no
 * row), then ANALYZE so the planner knows the sizes. Values go in chunks as arrays through
 * `unnest`; a JavaScript number passes as its shortest round-trip text, so float8 holds exactly
 * the engine's double.
 */
export async function loadRankingBenchData(
  db: Db,
  indicators: readonly SqlRankingIndicator[],
  values: { codes: readonly string[]; keys: readonly string[]; values: readonly number[] },
): Promise<void> {
  for (const indicator of indicators) {
    await sql`insert into ${sql.table(`${SCHEMA}.indicator`)} (key, theme, weight, sign)
      values (${indicator.key}, ${indicator.theme}, ${indicator.weight},
        ${indicator.direction === 'higher_is_better' ? -1 : 1})`.execute(db);
  }
  const CHUNK = 50_000;
  for (let start = 0; start < values.codes.length; start += CHUNK) {
    const end = Math.min(values.codes.length, start + CHUNK);
    await sql`insert into ${sql.table(`${SCHEMA}.value`)} (area_code, indicator_key, value)
      select * from unnest(${values.codes.slice(start, end)}::text[],
        ${values.keys.slice(start, end)}::text[], ${values.values.slice(start, end)}::float8[])`.execute(
      db,
    );
  }
  await sql.raw(`analyze ${SCHEMA}.indicator, ${SCHEMA}.value`).execute(db);
}

/**
 * The deterministic ranking (no draws) of every area in the loaded values, by need:
 *
 * 1. need per indicator: `percent_rank()` over the areas with a value, ordered by the value
 *    oriented to need (`higher_is_better` negated); a single area 0.5.
 * 2. ranked: the weights of the present indicators reach `minWeightShare` of all weight (with
 *    the engine's 1e-9 tolerance for shares that are sums).
 * 3. theme score: the weighted mean of the need of the theme's present indicators (a theme of
 *    one indicator: its need as is). With `antiCompensation` the means are re-ranked with
 *    `percent_rank()` over the ranked areas that have the theme (a single area 0.5) and go
 *    through the IMD transform `−23·ln(1 − R·(1 − e^(−100/23)))/100`. PostgreSQL has no log1p,
 *    which the engine uses, so these scores can differ from the engine's in the last digit.
 * 4. total: weighted mean of the theme scores present, a theme weighing the sum of its
 *    indicators' weights; rank = `rank() over (order by total desc)`.
 *
 * Returns the ranked areas by rank, then code.
 */
export async function rankByPercentRank(
  db: Db,
  options: { minWeightShare: number; antiCompensation: boolean },
): Promise<SqlRankingRow[]> {
  const themeScore = options.antiCompensation
    ? sql`-23 * ln(1 - (case when count(*) over (partition by theme) = 1 then 0.5::float8
          else percent_rank() over (partition by theme order by raw) end)
        * (1 - exp(-100 / 23::float8))) / 100`
    : sql`raw`;
  const result = await sql<SqlRankingRow>`
    with need as (
      select v.area_code, v.indicator_key, i.theme, i.weight,
        case when count(*) over (partition by v.indicator_key) = 1 then 0.5::float8
          else percent_rank() over (partition by v.indicator_key order by i.sign * v.value)
        end as need
      from ${sql.table(`${SCHEMA}.value`)} v
      join ${sql.table(`${SCHEMA}.indicator`)} i on i.key = v.indicator_key
    ),
    total_weight as (
      select sum(weight order by key collate "C") as weight
      from ${sql.table(`${SCHEMA}.indicator`)}
    ),
    ranked as (
      select n.area_code from need n cross join total_weight t
      group by n.area_code, t.weight
      having sum(n.weight order by n.indicator_key collate "C") / t.weight
        >= ${options.minWeightShare}::float8 - 1e-9
    ),
    theme as (
      select theme, count(*) as indicators, sum(weight order by key collate "C") as weight
      from ${sql.table(`${SCHEMA}.indicator`)} group by theme
    ),
    theme_raw as (
      select n.area_code, n.theme,
        case when min(t.indicators) = 1 then min(n.need)
          else sum(n.weight * n.need order by n.indicator_key collate "C")
            / sum(n.weight order by n.indicator_key collate "C")
        end as raw
      from need n join ranked r on r.area_code = n.area_code join theme t on t.theme = n.theme
      group by n.area_code, n.theme
    ),
    theme_score as (
      select area_code, theme, ${themeScore} as score from theme_raw
    ),
    total as (
      select s.area_code,
        sum(t.weight * s.score order by s.theme collate "C")
          / sum(t.weight order by s.theme collate "C") as total
      from theme_score s join theme t on t.theme = s.theme
      group by s.area_code
    )
    select area_code as code, total, rank() over (order by total desc)::int4 as rank
    from total order by rank, area_code collate "C"`.execute(db);
  return result.rows;
}

/** Drop the benchmark schema and everything in it. */
export async function dropRankingBenchSchema(db: Db): Promise<void> {
  await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
}
