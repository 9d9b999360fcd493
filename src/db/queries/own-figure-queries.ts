import { sql, type Kysely, type Transaction } from 'kysely';
import type { BuurtMoney } from '../../domain/budget/own-figures.js';
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
 * Removes the derived figures that a refresh writes again: the stock figures of the stock year
 * (earlier years stay, as the stock stood then) and every year of the money figures (spending
 * and begroting are kept with their year, so they are recomputed whole).
 */
export async function deleteOwnFigures(
  trx: Transaction<Database>,
  source: string,
  stock: { indicatorIds: readonly number[]; year: number },
  moneyIndicatorIds: readonly number[],
): Promise<void> {
  await trx
    .deleteFrom('observation')
    .where('source', '=', source)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('indicator_id', 'in', [...stock.indicatorIds]),
          eb('data_year', '=', stock.year),
        ]),
        eb('indicator_id', 'in', [...moneyIndicatorIds]),
      ]),
    )
    .execute();
}
