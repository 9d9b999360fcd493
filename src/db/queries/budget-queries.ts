import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredRegion {
  id: number;
  key: string;
  name: string;
  buurtCodes: string[];
}

export interface StoredLine {
  id: number;
  key: string;
  name: string;
}

/** Budget regions with their buurten, by key. */
export async function listRegions(db: Db): Promise<StoredRegion[]> {
  const regions = await db.selectFrom('budget_region').selectAll().orderBy('key').execute();
  const areas = await db
    .selectFrom('budget_region_area')
    .selectAll()
    .orderBy('buurt_code')
    .execute();
  return regions.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    buurtCodes: areas.filter((a) => a.region_id === r.id).map((a) => a.buurt_code),
  }));
}

/** Creates or renames a region and sets its buurten (a buurt moves from another region). */
export async function upsertRegion(
  db: Db,
  region: { key: string; name: string; buurtCodes: readonly string[] },
): Promise<number> {
  const row = await db
    .insertInto('budget_region')
    .values({ key: region.key, name: region.name })
    .onConflict((oc) => oc.column('key').doUpdateSet({ name: region.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('budget_region_area').where('region_id', '=', row.id).execute();
  if (region.buurtCodes.length > 0) {
    await db
      .deleteFrom('budget_region_area')
      .where('buurt_code', 'in', [...region.buurtCodes])
      .execute();
    await db
      .insertInto('budget_region_area')
      .values(region.buurtCodes.map((code) => ({ region_id: row.id, buurt_code: code })))
      .execute();
  }
  return row.id;
}

export async function listLines(db: Db): Promise<StoredLine[]> {
  return db.selectFrom('budget_line').selectAll().orderBy('id').execute();
}

export async function upsertLine(db: Db, line: { key: string; name: string }): Promise<number> {
  const row = await db
    .insertInto('budget_line')
    .values(line)
    .onConflict((oc) => oc.column('key').doUpdateSet({ name: line.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredScenario {
  id: number;
  year: number;
  name: string;
  rankingId: number | null;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  adoptedAt: Date | null;
  adoptedBy: string | null;
  createdBy: string;
  createdAt: Date;
}

function toScenario(r: {
  id: number;
  year: number;
  name: string;
  ranking_id: number | null;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  adopted_at: Date | null;
  adopted_by: string | null;
  created_by: string;
  created_at: Date;
}): StoredScenario {
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    rankingId: r.ranking_id,
    input: r.input,
    result: r.result,
    adoptedAt: r.adopted_at,
    adoptedBy: r.adopted_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertScenario(
  db: Db,
  scenario: {
    year: number;
    name: string;
    rankingId: number | null;
    input: unknown;
    result: unknown;
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('budget_scenario')
    .values({
      year: scenario.year,
      name: scenario.name,
      ranking_id: scenario.rankingId,
      input: JSON.stringify(scenario.input),
      result: JSON.stringify(scenario.result),
      created_by: scenario.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listScenarios(db: Db, year?: number): Promise<StoredScenario[]> {
  let query = db.selectFrom('budget_scenario').selectAll();
  if (year !== undefined) query = query.where('year', '=', year);
  const rows = await query.orderBy('year', 'desc').orderBy('id').execute();
  return rows.map(toScenario);
}

export async function findScenario(db: Db, id: number): Promise<StoredScenario | null> {
  const row = await db
    .selectFrom('budget_scenario')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toScenario(row) : null;
}

export async function findAdoptedScenario(db: Db, year: number): Promise<StoredScenario | null> {
  const row = await db
    .selectFrom('budget_scenario')
    .selectAll()
    .where('year', '=', year)
    .where('adopted_at', 'is not', null)
    .executeTakeFirst();
  return row ? toScenario(row) : null;
}

/** Deletes a scenario; the database refuses an adopted one (trigger). */
export async function removeScenario(db: Db, id: number): Promise<void> {
  await db.deleteFrom('budget_scenario').where('id', '=', id).execute();
}

/** Marks a scenario adopted; false when it is already adopted (the trigger refuses). */
export async function markScenarioAdopted(db: Db, id: number, by: string): Promise<void> {
  await db
    .updateTable('budget_scenario')
    .set({ adopted_at: sql`now()`, adopted_by: by })
    .where('id', '=', id)
    .where('adopted_at', 'is', null)
    .execute();
}

export interface SpendingInput {
  date: string;
  year: number;
  regionId: number | null;
  buurtCode: string | null;
  complexId: number | null;
  lineId: number | null;
  category: string;
  amountCents: number;
  description: string | null;
  coveredByAgreements: boolean | null;
  createdBy: string;
}

export async function insertSpending(
  db: Db,
  rows: readonly SpendingInput[],
  importRunId: number | null,
): Promise<number> {
  const values = rows.map((r) => ({
    date: r.date,
    year: r.year,
    region_id: r.regionId,
    buurt_code: r.buurtCode,
    complex_id: r.complexId,
    line_id: r.lineId,
    category: r.category,
    amount_cents: r.amountCents,
    description: r.description,
    covered_by_agreements: r.coveredByAgreements,
    import_run_id: importRunId,
    created_by: r.createdBy,
  }));
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insertInto('spending')
      .values(values.slice(i, i + 1000))
      .execute();
  return values.length;
}

/** Removes the imported spending lines of a year (lines entered by hand stay). */
export async function deleteImportedSpending(db: Db, year: number): Promise<number> {
  const result = await db
    .deleteFrom('spending')
    .where('year', '=', year)
    .where('created_by', 'like', 'import:%')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface StoredSpending {
  id: number;
  date: string;
  year: number;
  regionKey: string | null;
  buurtCode: string | null;
  complexId: string | null;
  lineKey: string | null;
  category: string;
  amountCents: number;
  description: string | null;
  coveredByAgreements: boolean | null;
}

/** The spending lines of a year, with their targets by key, by date. */
export async function listSpending(db: Db, year: number): Promise<StoredSpending[]> {
  const rows = await db
    .selectFrom('spending as s')
    .leftJoin('budget_region as r', 'r.id', 's.region_id')
    .leftJoin('complex as c', 'c.id', 's.complex_id')
    .leftJoin('budget_line as l', 'l.id', 's.line_id')
    .select([
      's.id',
      sql<string>`s.date::text`.as('date'),
      's.year',
      'r.key as region_key',
      's.buurt_code',
      'c.corporation_id',
      'l.key as line_key',
      's.category',
      's.amount_cents',
      's.description',
      's.covered_by_agreements',
    ])
    .where('s.year', '=', year)
    .orderBy('s.date')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    date: r.date,
    year: r.year,
    regionKey: r.region_key,
    buurtCode: r.buurt_code,
    complexId: r.corporation_id,
    lineKey: r.line_key,
    category: r.category,
    amountCents: Number(r.amount_cents),
    description: r.description,
    coveredByAgreements: r.covered_by_agreements,
  }));
}

/**
 * Removes complexes whose id and regions whose key start with the given prefixes, with every
 * spending line booked on them and the lines written by `createdBy` (the demo's own rows).
 */
export async function deleteBudgetRowsByPrefix(
  db: Db,
  prefixes: { complex: string; region: string; createdBy: string },
): Promise<void> {
  const complexIds = db
    .selectFrom('complex')
    .select('id')
    .where('corporation_id', 'like', `${prefixes.complex}%`);
  const regionIds = db
    .selectFrom('budget_region')
    .select('id')
    .where('key', 'like', `${prefixes.region}%`);
  await db
    .deleteFrom('spending')
    .where((eb) =>
      eb.or([
        eb('created_by', '=', prefixes.createdBy),
        eb('complex_id', 'in', complexIds),
        eb('region_id', 'in', regionIds),
      ]),
    )
    .execute();
  await db.deleteFrom('complex').where('corporation_id', 'like', `${prefixes.complex}%`).execute();
  await db.deleteFrom('budget_region').where('key', 'like', `${prefixes.region}%`).execute();
}

/** How many spending lines of a year were written by `createdBy`. */
export async function countSpendingBy(db: Db, year: number, createdBy: string): Promise<number> {
  const row = await db
    .selectFrom('spending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .where('created_by', '=', createdBy)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
