import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables.js';

// Any fixed number, the same for every writer of the corporation's records and of imports.
const WRITE_LOCK = 4_242_025;

/**
 * Makes writes of figures and of the corporation's records take turns, for the rest of the
 * transaction (also across app instances on one PostgreSQL server): a check made after taking
 * it (is this complex still without spending lines?) still holds when the transaction writes,
 * and a refresh of the derived figures sees everything committed before it. Re-entrant: a
 * transaction that holds it may take it again.
 */
export async function takeWriteLock(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
}
