import { sql, type Kysely, type Transaction } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import type { OrganisationKind, Role } from '../../domain/access/roles.js';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserAccount {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation: { id: number; key: string; name: string; kind: OrganisationKind };
  scope: { all: boolean; codes: string[] };
  isDemo: boolean;
  disabledAt: Date | null;
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: Date;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
}

const accountColumns = [
  'u.id',
  'u.email',
  'u.display_name',
  'u.role',
  'u.scope_all',
  'u.is_demo',
  'u.disabled_at',
  'u.created_at',
  'u.password_changed_at',
  'o.id as org_id',
  'o.key as org_key',
  'o.name as org_name',
  'o.kind as org_kind',
] as const;

function selectAccounts(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(accountColumns)
    .select((eb) => [
      eb('u.password_hash', 'is not', null).as('has_password'),
      eb('u.oidc_subject', 'is not', null).as('oidc_linked'),
      sql<
        string[]
      >`coalesce((select array_agg(s.area_code order by s.area_code) from user_scope s where s.user_id = u.id), '{}')`.as(
        'scope_codes',
      ),
      sql<Date | null>`(select max(a.at) from login_attempt a where a.email = u.email and a.success)`.as(
        'last_login_at',
      ),
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof selectAccounts>['execute']>>[number];

function toAccount(r: AccountRow): UserAccount {
  return {
    id: r.id,
    email: r.email,
    name: r.display_name,
    role: r.role as Role,
    organisation: {
      id: r.org_id,
      key: r.org_key,
      name: r.org_name,
      kind: r.org_kind as OrganisationKind,
    },
    scope: { all: r.scope_all, codes: r.scope_codes },
    isDemo: r.is_demo,
    disabledAt: r.disabled_at,
    hasPassword: Boolean(r.has_password),
    oidcLinked: Boolean(r.oidc_linked),
    createdAt: r.created_at,
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at) : null,
  };
}

export async function listUsers(db: Db): Promise<UserAccount[]> {
  const rows = await selectAccounts(db).orderBy('o.name').orderBy('u.email').execute();
  return rows.map(toAccount);
}

export async function findUserById(db: Db, id: number): Promise<UserAccount | null> {
  const row = await selectAccounts(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserAccount | null> {
  const row = await selectAccounts(db)
    .where('u.email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** What a password login needs: the hash and whether the account may log in. */
export async function findLoginCredentials(
  db: Db,
  email: string,
): Promise<{ id: number; passwordHash: string | null; disabled: boolean } | null> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row
    ? { id: row.id, passwordHash: row.password_hash, disabled: row.disabled_at !== null }
    : null;
}

export async function findPasswordHash(db: Db, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function findUserByOidc(
  db: Db,
  issuer: string,
  subject: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function linkOidc(db: Db, userId: number, issuer: string, subject: string) {
  await db
    .updateTable('app_user')
    .set({ oidc_issuer: issuer, oidc_subject: subject, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export interface NewUser {
  organisationId: number;
  email: string;
  name: string;
  role: Role;
  scopeAll: boolean;
  scopeCodes: readonly string[];
  passwordHash: string | null;
  isDemo: boolean;
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      organisation_id: user.organisationId,
      email: user.email.toLowerCase(),
      display_name: user.name,
      role: user.role,
      scope_all: user.scopeAll,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordHash ? new Date() : null,
      is_demo: user.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceScope(db, id, user.scopeCodes);
  return id;
}

export async function updateUser(
  db: Db,
  id: number,
  change: Partial<{
    name: string;
    role: Role;
    organisationId: number;
    scopeAll: boolean;
    disabled: boolean;
    passwordHash: string;
  }>,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      updated_at: new Date(),
      ...(change.name !== undefined ? { display_name: change.name } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.organisationId !== undefined ? { organisation_id: change.organisationId } : {}),
      ...(change.scopeAll !== undefined ? { scope_all: change.scopeAll } : {}),
      ...(change.disabled !== undefined
        ? { disabled_at: change.disabled ? new Date() : null }
        : {}),
      ...(change.passwordHash !== undefined
        ? { password_hash: change.passwordHash, password_changed_at: new Date() }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceScope(db: Db, userId: number, codes: readonly string[]) {
  await db.deleteFrom('user_scope').where('user_id', '=', userId).execute();
  if (codes.length > 0)
    await db
      .insertInto('user_scope')
      .values([...new Set(codes)].map((area_code) => ({ user_id: userId, area_code })))
      .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The principal of an account (for a session, or a check after an update). */
export function principalOf(account: UserAccount): Principal {
  return {
    kind: 'user',
    userId: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    organisation: account.organisation,
    scope: account.scope,
  };
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; success: boolean },
): Promise<number> {
  const row = await db
    .insertInto('login_attempt')
    .values({ email: attempt.email.toLowerCase(), ip: attempt.ip, success: attempt.success })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function markAttemptSucceeded(db: Db, id: number): Promise<void> {
  await db.updateTable('login_attempt').set({ success: true }).where('id', '=', id).execute();
}

/** Failed attempts since a moment, for an account (e-mail) or for an address (ip). */
export async function countFailedLogins(
  db: Db,
  by: 'email' | 'ip',
  value: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(by, '=', by === 'email' ? value.toLowerCase() : value)
    .where('success', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A success clears the account's count: failures before it no longer lock it. */
export async function lastSuccessfulLogin(db: Db, email: string): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email.toLowerCase())
    .where('success', '=', true)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

export async function deleteDemoUsers(db: Db): Promise<void> {
  await db.deleteFrom('app_user').where('is_demo', '=', true).execute();
}

export async function findOrganisationId(db: Db, key: string): Promise<number | null> {
  return (await findOrganisationByKey(db, key))?.id ?? null;
}

export async function findOrganisationByKey(
  db: Db,
  key: string,
): Promise<{ id: number; kind: string; isDemo: boolean } | null> {
  const row = await db
    .selectFrom('organisation')
    .select(['id', 'kind', 'is_demo'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, isDemo: row.is_demo } : null;
}

/** Active administrators that are not demo accounts (the ones that must not all go). */
export async function countRealAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('is_demo', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Demo accounts off (their password is public) once a real administrator exists. */
export async function disableDemoUsers(db: Db): Promise<number> {
  const result = await db
    .updateTable('app_user')
    .set({ disabled_at: new Date() })
    .where('is_demo', '=', true)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  await db
    .deleteFrom('user_session')
    .where('user_id', 'in', db.selectFrom('app_user').select('id').where('is_demo', '=', true))
    .execute();
  return Number(result.numUpdatedRows);
}
