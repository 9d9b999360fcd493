import { sql, type Kysely } from 'kysely';

/**
 * Foundation schema: organisations, areas with geometry, the indicator catalogue, observations
 * and import runs. Frozen once released: later changes go in new migrations. Typed Kysely<any>
 * and free of app imports, as migrations must keep working when the app code moves on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('corporation','gemeente','zorg','welzijn','politie','huurdersorganisatie')`,
        ),
    )
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('area')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('boundary_year', 'integer', (c) =>
      c.notNull().check(sql`boundary_year between 1900 and 2100`),
    )
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('land','gemeente','wijk','buurt')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('gemeente_code', 'text')
    .addColumn('bbox_west', 'float8')
    .addColumn('bbox_south', 'float8')
    .addColumn('bbox_east', 'float8')
    .addColumn('bbox_north', 'float8')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('area_code_year_unique', ['code', 'boundary_year'])
    // CBS codes are text with letters allowed; the level must match the code's prefix.
    .addCheckConstraint(
      'area_code_matches_level',
      sql`(level = 'land' and code ~ '^NL[0-9]{2}$')
       or (level = 'gemeente' and code ~ '^GM[0-9]{4}$')
       or (level = 'wijk' and code ~ '^WK[0-9]{4}[0-9A-Z]{2}$')
       or (level = 'buurt' and code ~ '^BU[0-9]{4}[0-9A-Z]{4}$')`,
    )
    .addForeignKeyConstraint(
      'area_parent_fk',
      ['parent_code', 'boundary_year'],
      'area',
      ['code', 'boundary_year'],
      // No cascade: deleting a parent with children is an error, never a silent subtree loss.
      (fk) => fk.deferrable().initiallyDeferred(),
    )
    .execute();
  await db.schema
    .createIndex('area_level_gemeente_idx')
    .on('area')
    .columns(['boundary_year', 'level', 'gemeente_code'])
    .execute();
  await db.schema
    .createIndex('area_parent_idx')
    .on('area')
    .columns(['parent_code', 'boundary_year'])
    .execute();

  // Full geometry lives beside the area, not in it: inline polygons made every scan of area
  // read ~13 MB nationally, and most queries (lists, years, joins) never need the shape.
  await db.schema
    .createTable('area_geometry')
    .addColumn('area_id', 'integer', (c) =>
      c.primaryKey().references('area.id').onDelete('cascade'),
    )
    .addColumn('geometry', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('area_shape')
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('detail', 'smallint', (c) => c.notNull().check(sql`detail between 0 and 2`))
    .addColumn('geojson', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_shape_pk', ['area_id', 'detail'])
    .execute();

  await db.schema
    .createTable('organisation_area')
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_area_pk', ['organisation_id', 'area_code'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`key ~ '^[a-z][a-z0-9_]*$'`),
    )
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('count','percentage','amount','score','class','rate')`),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction in ('higher_is_better','higher_is_worse','neutral')`),
    )
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull().check(sql`decimals between 0 and 6`))
    .addColumn('description_nl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('class_indicator_key', 'text')
    .addColumn('class_scheme', 'text')
    .addColumn('built_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('import_run')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text', (c) => c.check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('rows', 'integer')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running','succeeded','failed')`),
    )
    .addColumn('messages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicator.id').onDelete('cascade'),
    )
    .addColumn('data_year', 'integer', (c) =>
      c.notNull().check(sql`data_year between 1900 and 2100`),
    )
    .addColumn('value', 'float8')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('ok','secret','missing','provisional','not_applicable')`),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_release', 'text')
    .addColumn('import_run_id', 'integer', (c) =>
      c.references('import_run.id').onDelete('set null'),
    )
    .addUniqueConstraint('observation_area_indicator_year_unique', [
      'area_id',
      'indicator_id',
      'data_year',
    ])
    // Missing and secret figures are null with a status, never 0; a value needs a status that has one.
    .addCheckConstraint(
      'observation_value_matches_status',
      sql`(status in ('ok','provisional')) = (value is not null)`,
    )
    .addCheckConstraint(
      'observation_value_finite',
      // NaN <> NaN; ±Infinity would reach clients as the JSON string "Infinity".
      sql`value is null or (value = value and value not in ('Infinity'::float8, '-Infinity'::float8))`,
    )
    .execute();
  await db.schema
    .createIndex('observation_indicator_year_idx')
    .on('observation')
    .columns(['indicator_id', 'data_year'])
    .execute();

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'app_meta',
    'observation',
    'import_run',
    'indicator',
    'organisation_area',
    'area_shape',
    'area_geometry',
    'area',
    'organisation',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
