import { sql, type Kysely } from 'kysely';

/**
 * The corporation's own stock (complexes, placed in a buurt), budget regions and lines without
 * an area, allocation scenarios (adopted ones frozen) and spending lines (realisatie). Typed
 * Kysely<any> and free of app imports, as migrations must keep working when the app code moves on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complex')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // The corporation's own complex number, as the file spells it; unique case-insensitively.
    .addColumn('corporation_id', 'text', (c) => c.notNull().check(sql`corporation_id <> ''`))
    .addColumn('name', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('house_number', 'integer')
    .addColumn('house_number_addition', 'text')
    // WGS84; both or neither.
    .addColumn('lon', 'float8')
    .addColumn('lat', 'float8')
    .addColumn('buurt_code', 'text', (c) => c.notNull())
    .addColumn('boundary_year', 'integer', (c) => c.notNull())
    // How the buurt was found: given in the file, or by point-in-polygon on the coordinates.
    .addColumn('placed_by', 'text', (c) => c.notNull().check(sql`placed_by in ('file','point')`))
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units >= 1`))
    .addColumn('daeb_units', 'integer', (c) => c.notNull().check(sql`daeb_units >= 0`))
    .addColumn('year_built', 'integer')
    .addColumn('import_run_id', 'integer', (c) =>
      c.references('import_run.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('complex_daeb_within_units', sql`daeb_units <= units`)
    .addCheckConstraint('complex_lon_lat_together', sql`(lon is null) = (lat is null)`)
    .execute();
  await sql`create unique index complex_corporation_id_unique on complex (upper(corporation_id))`.execute(
    db,
  );
  await db.schema.createIndex('complex_buurt_idx').on('complex').column('buurt_code').execute();

  await db.schema
    .createTable('budget_region')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`key ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('budget_region_area')
    .addColumn('region_id', 'integer', (c) =>
      c.notNull().references('budget_region.id').onDelete('cascade'),
    )
    // A buurt belongs to one region at most: its money must not count twice.
    .addColumn('buurt_code', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('budget_region_area_pk', ['region_id', 'buurt_code'])
    .execute();
  await db.schema
    .createTable('budget_line')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`key ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('budget_scenario')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1900 and 2100`))
    .addColumn('name', 'text', (c) => c.notNull())
    // No cascade: a ranking a scenario was computed from cannot go away.
    .addColumn('ranking_id', 'integer', (c) => c.references('ranking.id'))
    // The scenario as given (amounts in cents) and its allocation with every step.
    .addColumn('input', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('adopted_at', 'timestamptz')
    .addColumn('adopted_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('budget_scenario_year_name', ['year', 'name'])
    .execute();
  // One begroting per year.
  await sql`create unique index budget_scenario_one_adopted on budget_scenario (year)
    where adopted_at is not null`.execute(db);
  // The adopted scenario is the year's begroting: a record of a decision, never changed or
  // removed, also not by a stray UPDATE or DELETE.
  await sql`create function budget_scenario_frozen() returns trigger language plpgsql as $$
    begin
      if old.adopted_at is not null then
        raise exception 'budget scenario % is adopted and cannot be changed', old.id
          using errcode = '42501';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger budget_scenario_frozen before update or delete on budget_scenario
    for each row execute function budget_scenario_frozen()`.execute(db);

  await db.schema
    .createTable('spending')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_id', 'integer', (c) => c.references('budget_region.id'))
    .addColumn('buurt_code', 'text')
    .addColumn('complex_id', 'integer', (c) => c.references('complex.id'))
    .addColumn('line_id', 'integer', (c) => c.references('budget_line.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('covered_by_agreements', 'boolean')
    .addColumn('import_run_id', 'integer', (c) =>
      c.references('import_run.id').onDelete('set null'),
    )
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('spending_year_of_date', sql`year = extract(year from date)::int`)
    // Booked on exactly one place: on two it would count twice, on none it cannot be reported.
    .addCheckConstraint(
      'spending_one_target',
      sql`num_nonnulls(region_id, buurt_code, complex_id, line_id) = 1`,
    )
    .execute();
  await db.schema.createIndex('spending_year_idx').on('spending').column('year').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('spending').execute();
  await db.schema.dropTable('budget_scenario').execute();
  await sql`drop function budget_scenario_frozen()`.execute(db);
  await db.schema.dropTable('budget_line').execute();
  await db.schema.dropTable('budget_region_area').execute();
  await db.schema.dropTable('budget_region').execute();
  await db.schema.dropTable('complex').execute();
}
