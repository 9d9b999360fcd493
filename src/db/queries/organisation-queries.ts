import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Organisation {
  key: string;
  name: string;
  kind: string;
  isDemo: boolean;
  workingArea: string[];
}

export async function insertOrganisations(
  trx: Transaction<Database>,
  organisations: readonly Omit<Organisation, 'isDemo'>[],
  isDemo: boolean,
): Promise<void> {
  for (const org of organisations) {
    const { id } = await trx
      .insertInto('organisation')
      .values({ key: org.key, name: org.name, kind: org.kind, is_demo: isDemo })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('organisation_area').where('organisation_id', '=', id).execute();
    if (org.workingArea.length > 0) {
      await trx
        .insertInto('organisation_area')
        .values(org.workingArea.map((code) => ({ organisation_id: id, area_code: code })))
        .execute();
    }
  }
}

export async function deleteDemoOrganisations(trx: Transaction<Database>): Promise<void> {
  await trx.deleteFrom('organisation').where('is_demo', '=', true).execute();
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation_area as oa', 'oa.organisation_id', 'o.id')
    .select(['o.key', 'o.name', 'o.kind', 'o.is_demo', 'oa.area_code'])
    .orderBy('o.id')
    .orderBy('oa.area_code')
    .execute();
  const byKey = new Map<string, Organisation>();
  for (const r of rows) {
    let org = byKey.get(r.key);
    if (!org)
      byKey.set(
        r.key,
        (org = { key: r.key, name: r.name, kind: r.kind, isDemo: r.is_demo, workingArea: [] }),
      );
    if (r.area_code) org.workingArea.push(r.area_code);
  }
  return [...byKey.values()];
}

export async function findOrganisation(db: Db, key: string): Promise<{ id: number } | null> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ?? null;
}

/** One (real, not demo) organisation with its working area. */
export async function insertOrganisation(
  trx: Transaction<Database>,
  org: Omit<Organisation, 'isDemo'>,
): Promise<void> {
  await insertOrganisations(trx, [org], false);
}
