import { sql, type Kysely } from 'kysely';

/**
 * Accounts, sessions, login attempts, the audit log, comments, and what disclosure control
 * hides from restricted viewers. Typed Kysely<any> and free of app imports, as migrations must
 * keep working when the app code moves on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    // Stored lower-cased, so the unique index is case-insensitive without citext.
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email) and email ~ '^[^@\\s]+@[^@\\s]+$'`),
    )
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin','analyst','inspector','partner','tenant','viewer')`),
    )
    // Every area, or only those in user_scope (an empty scope sees nothing: deny by default).
    .addColumn('scope_all', 'boolean', (c) => c.notNull().defaultTo(false))
    // Null for accounts that only log in through OpenID Connect.
    .addColumn('password_hash', 'text')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('app_user_oidc_unique', ['oidc_issuer', 'oidc_subject'])
    .execute();

  await db.schema
    .createTable('user_scope')
    .addColumn('user_id', 'integer', (c) =>
      c.notNull().references('app_user.id').onDelete('cascade'),
    )
    // Gemeenten or wijken, by code: the scope holds whatever lies inside them, in any year.
    .addColumn('area_code', 'text', (c) =>
      c.notNull().check(sql`area_code ~ '^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2})$'`),
    )
    .addPrimaryKeyConstraint('user_scope_pk', ['user_id', 'area_code'])
    .execute();

  // Sessions live in the database so several app instances share them. The id is the sha256
  // of the cookie's token: a copy of the table does not let anyone in.
  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[0-9a-f]{64}$'`))
    .addColumn('user_id', 'integer', (c) =>
      c.notNull().references('app_user.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('password','oidc')`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('user_session_user_idx')
    .on('user_session')
    .column('user_id')
    .execute();

  // An OpenID Connect login between the redirect to the provider and its answer. Kept in the
  // database, not in memory, so the callback may reach another app instance than the start did.
  await db.schema
    .createTable('oidc_login')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    // A local path only (open-redirect protection); the app checks it before it gets here.
    .addColumn('return_to', 'text', (c) => c.notNull().check(sql`return_to like '/%'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempt_email_idx')
    .on('login_attempt')
    .columns(['email', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempt_ip_idx')
    .on('login_attempt')
    .columns(['ip', 'at'])
    .execute();

  // Who did what, kept as text snapshots (no foreign keys): entries outlive the users and
  // organisations they name, and are never updated.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_kind', 'text', (c) =>
      c.notNull().check(sql`actor_kind in ('user','cli','system','anonymous')`),
    )
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('organisation_key', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_action_idx')
    .on('audit_log')
    .columns(['action', 'at'])
    .execute();
  // Append-only in the database itself, not just in the app: no update, delete or truncate.
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '42501';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await db.schema
    .createTable('comment')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type in ('area','ranking')`),
    )
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql`visibility in ('organisation','partners')`),
    )
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('agreed_by_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // An agreed conclusion is shared with every partner in scope.
    .addCheckConstraint('comment_agreed_shared', sql`agreed_at is null or visibility = 'partners'`)
    .execute();
  await db.schema
    .createIndex('comment_subject_idx')
    .on('comment')
    .columns(['subject_type', 'subject_key', 'created_at'])
    .execute();

  // What restricted viewers may not see, decided when figures are written (secondary
  // suppression needs every sibling and parent at once, which a read of one area lacks).
  await db.schema
    .createTable('suppressed_observation')
    .addColumn('observation_id', 'bigint', (c) =>
      c.primaryKey().references('observation.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('small_count','secondary','small_base','unknown_base')`),
    )
    .execute();

  await db.schema
    .alterTable('indicator')
    // The denominator of a share (a_woning for p_wcorpw): small bases are suppressed.
    .addColumn('base_indicator_key', 'text')
    // For a share or rate: the count it is made of (a_soz_wb for soz_wb_per_1000). Where that
    // count is hidden, so is the share: share × base would give it back.
    .addColumn('numerator_indicator_key', 'text')
    // Figures about vulnerable residents: every view of them is audited.
    .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator').dropColumn('sensitive').execute();
  await db.schema.alterTable('indicator').dropColumn('base_indicator_key').execute();
  await db.schema.alterTable('indicator').dropColumn('numerator_indicator_key').execute();
  for (const table of [
    'suppressed_observation',
    'comment',
    'audit_log',
    'login_attempt',
    'oidc_login',
    'user_session',
    'user_scope',
    'app_user',
  ])
    await db.schema.dropTable(table).execute();
  await sql`drop function audit_log_append_only()`.execute(db);
}
