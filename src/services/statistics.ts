import type { Kysely } from 'kysely';
import { analyzeTables, countModifiedSinceAnalyze } from '../db/queries/statistics-queries.js';
import type { Database } from '../db/tables.js';

/** Call after every bulk write (demo, imports), outside its transaction. */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  await analyzeTables(db);
}

/**
 * At start: analyze when many rows changed since the last ANALYZE (a load that was cut off,
 * or data written by an older version), so the first map request is not the slow one.
 */
export async function refreshStatisticsIfStale(
  db: Kysely<Database>,
  threshold = 1000,
): Promise<boolean> {
  const modified = await countModifiedSinceAnalyze(db);
  if (modified === null || modified < threshold) return false;
  await analyzeTables(db);
  return true;
}
