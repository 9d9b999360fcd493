import { sql, type Kysely, type Transaction } from 'kysely';
import type { BuurtMoney, StoredOwnFigure } from '../../domain/budget/own-figures.js';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Spending booked on a buurt or on a complex (counted in the complex's buurt), summed per year
 * and buurt in SQL: a ledger has many lines, the map needs one sum per buurt.
 */
export async function sumSpendingPerBuurt(db: Db): Promise<BuurtMoney[]> {
  const row = await sql<{ sums: string | null }>`
    select json_agg(json_build_array(year, buurt_code, cents))::text as sums from (
      select s.year, coalesce(s.buurt_code, c.buurt_code) as buurt_code,
             sum(s.amount_cents)::float8 as cents
      from spending s left join complex c on c.id = s.complex_id
      where s.buurt_code is not null or s.complex_id is not null
      group by 1, 2) t`.execute(db);
  const sums = JSON.parse(row.rows[0]?.sums ?? '[]') as Array<[number, string, number]>;
  return sums.map(([year, buurtCode, cents]) => ({ year, buurtCode, cents }));
}

/** Years with at least one spending line, wherever booked. */
export async function listSpendingYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('spending').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** Per adopted scenario, the amount each buurt got (from its stored allocation). */
export async function listAdoptedBuurtAmounts(db: Db): Promise<BuurtMoney[]> {
  const row = await sql<{ amounts: string | null }>`
    select json_agg(json_build_array(s.year, b->>'code', (b->>'totalCents')::float8))::text as amounts
    from budget_scenario s, jsonb_array_elements(s.result->'buurten') b
    where s.adopted_at is not null`.execute(db);
  const amounts = JSON.parse(row.rows[0]?.amounts ?? '[]') as Array<[number, string, number]>;
  return amounts.map(([year, buurtCode, cents]) => ({ year, buurtCode, cents }));
}

/**
 * The derived figures a refresh recomputes, as stored: the stock figures of the stock year
 * (earlier years stay, as the stock stood then) and every year of the money figures. One
 * aggregated row: PGlite turns rows into objects slowly, and a large corporation has ~36,000.
 */
export async function listOwnFigures(
  db: Db,
  source: string,
  stock: { indicatorIds: readonly number[]; year: number },
  moneyIndicatorIds: readonly number[],
): Promise<StoredOwnFigure[]> {
  const stockIds = stock.indicatorIds.length > 0 ? [...stock.indicatorIds] : [-1];
  const moneyIds = moneyIndicatorIds.length > 0 ? [...moneyIndicatorIds] : [-1];
  const row = await sql<{ figures: string | null }>`
    select json_agg(json_build_array(id, area_id, indicator_id, data_year, value, status))::text
      as figures
    from observation
    where source = ${source}
      and ((indicator_id in (${sql.join(stockIds)}) and data_year = ${stock.year})
        or indicator_id in (${sql.join(moneyIds)}))`.execute(db);
  const figures = JSON.parse(row.rows[0]?.figures ?? '[]') as Array<
    [number, number, number, number, number | null, string]
  >;
  return figures.map(([observationId, areaId, indicatorId, year, value, status]) => ({
    observationId,
    areaId,
    indicatorId,
    year,
    value,
    status,
  }));
}

/** Removes observations by id (figures a refresh no longer wants). */
export async function deleteObservationsById(
  trx: Transaction<Database>,
  ids: readonly number[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000)
    await trx
      .deleteFrom('observation')
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
}

/** Observation ids of one indicator and year from one source, by area id. */
export async function findObservationIds(
  db: Db,
  source: string,
  indicatorId: number,
  year: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('observation')
    .select(['id', 'area_id'])
    .where('source', '=', source)
    .where('indicator_id', '=', indicatorId)
    .where('data_year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.area_id, r.id]));
}
