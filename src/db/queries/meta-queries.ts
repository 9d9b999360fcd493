import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Small facts about this installation (e.g. when the demo was loaded). */
export async function getMeta<T>(db: Db, key: string): Promise<T | null> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (row.value as T) : null;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: new Date() })),
    )
    .execute();
}

export async function deleteMeta(db: Db, key: string): Promise<void> {
  await db.deleteFrom('app_meta').where('key', '=', key).execute();
}
