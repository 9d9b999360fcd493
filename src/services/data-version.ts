import { sql, type Kysely, type Transaction } from 'kysely';
import { getMeta } from '../db/queries/meta-queries.js';
import type { Database } from '../db/tables.js';

/**
 * A counter that every write of areas or figures raises, inside its own transaction. Caches of
 * derived responses (map layers) key on it, so several app instances sharing one database
 * never serve a layer older than the data.
 */
const KEY = 'data_version';

export async function readDataVersion(
  db: Kysely<Database> | Transaction<Database>,
): Promise<number> {
  return (await getMeta<number>(db, KEY)) ?? 0;
}

/** Raise the version in one statement, so two concurrent writers never both write N+1. */
export async function bumpDataVersion(trx: Transaction<Database>): Promise<number> {
  const result = await sql<{ value: number }>`
    insert into app_meta (key, value) values (${KEY}, '1'::jsonb)
    on conflict (key) do update set value = to_jsonb((app_meta.value #>> '{}')::int8 + 1), updated_at = now()
    returning (value #>> '{}')::int8 as value`.execute(trx);
  return result.rows[0]!.value;
}
