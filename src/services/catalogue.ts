import type { Kysely } from 'kysely';
import { BUILT_IN_INDICATORS } from '../domain/indicators/catalogue.js';
import { upsertIndicators } from '../db/queries/indicator-queries.js';
import type { Database } from '../db/tables.js';

/** Make sure every built-in indicator exists with its current definition (run at start). */
export async function ensureBuiltInIndicators(db: Kysely<Database>): Promise<Map<string, number>> {
  return upsertIndicators(db, BUILT_IN_INDICATORS, true);
}
