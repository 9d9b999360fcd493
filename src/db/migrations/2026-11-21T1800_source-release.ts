import { sql, type Kysely } from 'kysely';

/**
 * Releases of a source (a Leefbaarometer measurement, a CBS table): which figures belong
 * together and what was known about them at import (the Leefbaarometer's reference level,
 * a CBS table id). Observations name their release by key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source_release')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('import_run_id', 'integer', (c) =>
      c.references('import_run.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('import_run_sha_idx')
    .on('import_run')
    .columns(['kind', 'sha256'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_run_sha_idx').ifExists().execute();
  await db.schema.dropTable('source_release').ifExists().execute();
}
