import { sql, type Kysely } from 'kysely';

/**
 * Ranking methods (versioned, never changed in place), stored rankings with their inputs and
 * per-area results (immutable), so a ranking can be recomputed and compared years later.
 * Typed Kysely<any> and free of app imports, as migrations must keep working when the app
 * code moves on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ranking_method')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().check(sql`key ~ '^[a-z0-9][a-z0-9-]{1,62}$'`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    // The full definition with every default filled in: what the numbers depend on.
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    // Canonical JSON of what affects the numbers: the same content never makes a new version.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('built_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('ranking_method_key_version', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('ranking')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // No cascade: a method version with a ranking cannot go away.
    .addColumn('method_id', 'integer', (c) => c.notNull().references('ranking_method.id'))
    .addColumn('data_year', 'integer', (c) =>
      c.notNull().check(sql`data_year between 1900 and 2100`),
    )
    .addColumn('boundary_year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('gemeente','wijk','buurt')`))
    // The universe as resolved (area codes the ranking was made within) and as asked.
    .addColumn('universe', 'jsonb', (c) => c.notNull())
    // Per indicator: the data year used. Per area and indicator: the value. Stored as one text
    // (columnar JSON), so recomputing from stored inputs reads exactly what was ranked.
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('ranking_area')
    .addColumn('ranking_id', 'integer', (c) =>
      c.notNull().references('ranking.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('ranked', 'boolean', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('score', 'float8')
    .addColumn('percentile', 'float8')
    .addColumn('decile', 'smallint')
    .addColumn('class', 'smallint')
    .addColumn('rank_low', 'integer')
    .addColumn('rank_high', 'integer')
    .addColumn('flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reason', 'jsonb')
    // Theme and indicator contributions, values and years: the explanation of this area.
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('ranking_area_pk', ['ranking_id', 'area_code'])
    .addCheckConstraint('ranking_area_ranked_has_rank', sql`ranked = (rank is not null)`)
    .execute();
  await db.schema
    .createIndex('ranking_area_rank_idx')
    .on('ranking_area')
    .columns(['ranking_id', 'rank'])
    .execute();

  // Methods and rankings are records of decisions: never edited in place (a new method version
  // or a new ranking instead), also not by a stray UPDATE.
  await sql`create function ranking_frozen() returns trigger language plpgsql as $$
    begin
      raise exception '% is not changed in place; make a new version or ranking', tg_table_name
        using errcode = '42501';
    end $$`.execute(db);
  for (const table of ['ranking_method', 'ranking', 'ranking_area'])
    await sql`create trigger ${sql.raw(`${table}_frozen`)} before update on ${sql.table(table)}
      for each row execute function ranking_frozen()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ranking_area').execute();
  await db.schema.dropTable('ranking').execute();
  await db.schema.dropTable('ranking_method').execute();
  await sql`drop function ranking_frozen()`.execute(db);
}
