import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';
import type { SpendingInput } from './budget-queries.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Spending lines one by one, for the list in the web app and lines entered by hand. The bulk
 * writes of the import (insertSpending, deleteImportedSpending) stay in budget-queries.ts.
 */

/** Lines written by an import carry `import:<file name>` as their author; others stay on re-import. */
export const IMPORTED_BY_PREFIX = 'import:';

export interface SpendingLineRow {
  id: number;
  date: string;
  year: number;
  target:
    | { kind: 'region'; key: string; name: string }
    | { kind: 'buurt'; key: string; name: string }
    | { kind: 'complex'; key: string; name: string; buurtCode: string }
    | { kind: 'line'; key: string; name: string };
  category: string;
  amountCents: number;
  description: string | null;
  coveredByAgreements: boolean | null;
  importRunId: number | null;
  createdBy: string;
  createdAt: Date;
}

function lines(db: Db) {
  return db
    .selectFrom('spending as s')
    .leftJoin('budget_region as r', 'r.id', 's.region_id')
    .leftJoin('complex as c', 'c.id', 's.complex_id')
    .leftJoin('budget_line as l', 'l.id', 's.line_id')
    .select([
      's.id',
      sql<string>`s.date::text`.as('date'),
      's.year',
      'r.key as region_key',
      'r.name as region_name',
      's.buurt_code',
      sql<string | null>`(select a.name from area a where a.code = s.buurt_code
        order by a.boundary_year desc limit 1)`.as('buurt_name'),
      'c.corporation_id',
      'c.name as complex_name',
      'c.buurt_code as complex_buurt_code',
      'l.key as line_key',
      'l.name as line_name',
      's.category',
      's.amount_cents',
      's.description',
      's.covered_by_agreements',
      's.import_run_id',
      's.created_by',
      's.created_at',
    ]);
}

type LineRecord = Awaited<ReturnType<ReturnType<typeof lines>['execute']>>[number];

function toLine(r: LineRecord): SpendingLineRow {
  const target: SpendingLineRow['target'] =
    r.region_key !== null
      ? { kind: 'region', key: r.region_key, name: r.region_name ?? r.region_key }
      : r.corporation_id !== null
        ? {
            kind: 'complex',
            key: r.corporation_id,
            name: r.complex_name ?? r.corporation_id,
            buurtCode: r.complex_buurt_code ?? '',
          }
        : r.line_key !== null
          ? { kind: 'line', key: r.line_key, name: r.line_name ?? r.line_key }
          : { kind: 'buurt', key: r.buurt_code ?? '', name: r.buurt_name ?? r.buurt_code ?? '' };
  return {
    id: Number(r.id),
    date: r.date,
    year: r.year,
    target,
    category: r.category,
    amountCents: Number(r.amount_cents),
    description: r.description,
    coveredByAgreements: r.covered_by_agreements,
    importRunId: r.import_run_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The lines of a year with the names of what they are booked on, by date. */
export async function listSpendingLines(db: Db, year: number): Promise<SpendingLineRow[]> {
  const rows = await lines(db)
    .where('s.year', '=', year)
    .orderBy('s.date')
    .orderBy('s.id')
    .execute();
  return rows.map(toLine);
}

export async function findSpendingLine(db: Db, id: number): Promise<SpendingLineRow | null> {
  const row = await lines(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toLine(row) : null;
}

/** One line entered by hand (no import run); returns its id. */
export async function insertSpendingLine(db: Db, line: SpendingInput): Promise<number> {
  const row = await db
    .insertInto('spending')
    .values({
      date: line.date,
      year: line.year,
      region_id: line.regionId,
      buurt_code: line.buurtCode,
      complex_id: line.complexId,
      line_id: line.lineId,
      category: line.category,
      amount_cents: line.amountCents,
      description: line.description,
      covered_by_agreements: line.coveredByAgreements,
      import_run_id: null,
      created_by: line.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Removes one line that no import wrote (the condition is repeated here so an imported line
 * cannot go even past the service); false when there was none.
 */
export async function deleteEnteredSpendingLine(db: Db, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('spending')
    .where('id', '=', id)
    .where('created_by', 'not like', `${IMPORTED_BY_PREFIX}%`)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
