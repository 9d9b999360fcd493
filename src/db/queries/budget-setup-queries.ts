import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What keeps a budget region or line from being removed: spending booked on it, and adopted
 * begrotingen (frozen scenarios) that divided money over it. The writes are in
 * budget-queries.ts (upsertRegion, upsertLine); removal is here, next to its checks.
 */

/** Spending lines and their years (ascending). */
export interface SpendingUse {
  lines: number;
  years: number[];
}

const use = (rows: { year: number; n: number | string | bigint }[]): SpendingUse => ({
  lines: rows.reduce((s, r) => s + Number(r.n), 0),
  years: rows.map((r) => r.year),
});

export async function findRegionByKey(
  db: Db,
  key: string,
): Promise<{ id: number; key: string; name: string; buurtCodes: string[] } | null> {
  const region = await db
    .selectFrom('budget_region')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!region) return null;
  const areas = await db
    .selectFrom('budget_region_area')
    .select('buurt_code')
    .where('region_id', '=', region.id)
    .orderBy('buurt_code')
    .execute();
  return { ...region, buurtCodes: areas.map((a) => a.buurt_code) };
}

export async function findLineByKey(
  db: Db,
  key: string,
): Promise<{ id: number; key: string; name: string } | null> {
  const line = await db
    .selectFrom('budget_line')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return line ?? null;
}

/** Spending booked on the region itself (region-wide lines). */
export async function findSpendingOnRegion(db: Db, regionId: number): Promise<SpendingUse> {
  const rows = await db
    .selectFrom('spending')
    .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region_id', '=', regionId)
    .groupBy('year')
    .orderBy('year')
    .execute();
  return use(rows);
}

/**
 * Spending booked on these buurten or on complexes in them: the realisation counts it under
 * whichever region holds the buurt, so it has no region once the buurt has none.
 */
export async function findSpendingInBuurten(
  db: Db,
  buurtCodes: readonly string[],
): Promise<SpendingUse> {
  if (buurtCodes.length === 0) return { lines: 0, years: [] };
  const rows = await db
    .selectFrom('spending as s')
    .leftJoin('complex as c', 'c.id', 's.complex_id')
    .select(['s.year as year', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.or([eb('s.buurt_code', 'in', [...buurtCodes]), eb('c.buurt_code', 'in', [...buurtCodes])]),
    )
    .groupBy('s.year')
    .orderBy('s.year')
    .execute();
  return use(rows);
}

export async function findSpendingOnLine(db: Db, lineId: number): Promise<SpendingUse> {
  const rows = await db
    .selectFrom('spending')
    .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('line_id', '=', lineId)
    .groupBy('year')
    .orderBy('year')
    .execute();
  return use(rows);
}

/**
 * Years whose adopted begroting names this key: among its regions (`result.regions[].regionKey`)
 * or its fixed lines (`result.fixedLines[].key`). Containment (@>) on the stored result.
 */
export async function findAdoptedYearsUsing(
  db: Db,
  kind: 'region' | 'line',
  key: string,
): Promise<number[]> {
  const probe =
    kind === 'region'
      ? sql`result->'regions' @> ${JSON.stringify([{ regionKey: key }])}::jsonb`
      : sql`result->'fixedLines' @> ${JSON.stringify([{ key }])}::jsonb`;
  const rows = await sql<{ year: number }>`
    select year from budget_scenario where adopted_at is not null and ${probe}
    order by year`.execute(db);
  return rows.rows.map((r) => r.year);
}

/** Removes a region; its buurten lose it (cascade). Spending on it must be gone (foreign key). */
export async function deleteRegionRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('budget_region').where('id', '=', id).execute();
}

export async function deleteLineRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('budget_line').where('id', '=', id).execute();
}
