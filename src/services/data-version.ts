import type { Kysely, Transaction } from 'kysely';
import { getMeta, setMeta } from '../db/queries/meta-queries.js';
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

export async function bumpDataVersion(trx: Transaction<Database>): Promise<number> {
  const next = (await readDataVersion(trx)) + 1;
  await setMeta(trx, KEY, next);
  return next;
}
