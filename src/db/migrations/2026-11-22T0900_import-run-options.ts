import { sql, type Kysely } from 'kysely';

/**
 * The options an import ran with (year, level, mapping, …): the same file with other options is
 * another import, so "already imported" compares file and options together.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('import_run')
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_run').dropColumn('options').execute();
}
