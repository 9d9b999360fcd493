import { sql, type Kysely } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import type { Role } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { levelOfCode, normaliseAreaCode } from '../../domain/shared/area-code.js';
import { deleteSessionsOfUser } from '../../db/queries/session-queries.js';
import {
  countRealAdmins,
  disableDemoUsers,
  findOrganisationByKey,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  markAttemptSucceeded,
  listUsers,
  replaceScope,
  updateUser,
  type UserAccount,
} from '../../db/queries/user-queries.js';
import type { Database } from '../../db/tables.js';
import { audit, type AuditContext } from './audit.js';
import { claimAttempt } from './login.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

export { listUsers };

export interface UserInput {
  email: string;
  name: string;
  organisation: string;
  role: Role;
  scopeAll: boolean;
  scope: string[];
  /** Omitted: a password is generated and returned once. */
  password?: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Scope codes must be gemeenten or wijken; anything else is named in the error. */
function checkScope(codes: readonly string[]): string[] {
  const normalised = codes.map(normaliseAreaCode);
  const wrong = normalised.filter((c) => {
    const level = levelOfCode(c);
    return level !== 'gemeente' && level !== 'wijk';
  });
  if (wrong.length > 0)
    throw new AppError(
      'validation_failed',
      `scope: ${wrong.join(', ')} is not a gemeente or wijk code`,
      {
        field: 'scope',
      },
    );
  return normalised;
}

async function organisationOf(db: Kysely<Database>, key: string) {
  const organisation = await findOrganisationByKey(db, key);
  if (!organisation)
    throw new AppError('validation_failed', `organisation: no organisation with key ${key}`, {
      field: 'organisation',
    });
  return organisation;
}

/**
 * Administrators and analysts work at the corporation: they see figures without disclosure
 * control, so a partner's account can never hold those roles (nor be moved to get them).
 */
function checkRoleFits(role: Role, organisationKind: string): void {
  if ((role === 'admin' || role === 'analyst') && organisationKind !== 'corporation')
    throw new AppError(
      'validation_failed',
      `role: ${role} is for accounts of the corporation; partners are partner, tenant, inspector or viewer`,
      { field: 'role' },
    );
}

// Any fixed number: changes to administrators take turns, so "the last one" is counted right.
const ADMIN_LOCK = 4_242_026;

/** Create an account; without a password one is generated and returned (shown once). */
export async function createUser(
  db: Kysely<Database>,
  context: AuditContext,
  input: UserInput,
): Promise<{ user: UserAccount; password: string | null }> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new AppError('validation_failed', 'email: not an e-mail address', { field: 'email' });
  const scope = checkScope(input.scope);
  if (input.role !== 'admin' && !input.scopeAll && scope.length === 0)
    throw new AppError(
      'validation_failed',
      'scope: give the gemeenten or wijken this account may see, or all areas',
      { field: 'scope' },
    );
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generated!;
  const problem = passwordProblem(password, email);
  if (problem)
    throw new AppError('validation_failed', `password: ${problem}`, { field: 'password' });
  if (await findUserByEmail(db, email))
    throw new AppError('conflict', `An account for ${email} already exists`, { field: 'email' });
  const organisation = await organisationOf(db, input.organisation);
  checkRoleFits(input.role, organisation.kind);
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      organisationId: organisation.id,
      email,
      name: input.name.trim(),
      role: input.role,
      scopeAll: input.scopeAll,
      scopeCodes: scope,
      passwordHash,
      // An account in a fictional organisation is part of the demo and goes with it.
      isDemo: organisation.isDemo,
    });
    await audit(trx, context, 'user_created', email, {
      role: input.role,
      organisation: input.organisation,
      scope: input.scopeAll ? 'all' : scope,
    });
    if (input.role === 'admin' && !organisation.isDemo) {
      const disabled = await disableDemoUsers(trx);
      if (disabled > 0)
        await audit(trx, context, 'user_changed', 'demo accounts', {
          disabled,
          reason: 'a real administrator exists; demo passwords are public',
        });
    }
    return id;
  });
  return { user: (await findUserById(db, id))!, password: generated };
}

export interface UserChange {
  name?: string;
  role?: Role;
  organisation?: string;
  scopeAll?: boolean;
  scope?: string[];
  disabled?: boolean;
}

/**
 * Change an account. Disabling it ends its sessions at once; role and scope apply from the next
 * request, as every request reads them afresh. The last active administrator stays one.
 */
export async function changeUser(
  db: Kysely<Database>,
  context: AuditContext,
  id: number,
  change: UserChange,
): Promise<UserAccount> {
  const before = await findUserById(db, id);
  if (!before) throw new AppError('not_found', `No user with id ${id}`);
  const self = context.actor?.userId === id;
  if (
    self &&
    (change.role !== undefined ||
      change.organisation !== undefined ||
      change.scopeAll !== undefined ||
      change.scope !== undefined ||
      change.disabled !== undefined)
  )
    throw new AppError(
      'forbidden',
      'Your own role, organisation, scope and status are changed by another administrator',
    );
  const scope = change.scope ? checkScope(change.scope) : undefined;
  const organisation =
    change.organisation !== undefined ? await organisationOf(db, change.organisation) : undefined;
  checkRoleFits(change.role ?? before.role, organisation?.kind ?? before.organisation.kind);
  const losesAdmin =
    before.role === 'admin' &&
    !before.disabledAt &&
    !before.isDemo &&
    ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`.execute(trx);
    if (losesAdmin && (await countRealAdmins(trx)) <= 1)
      throw new AppError('conflict', 'At least one active administrator must remain');
    await updateUser(trx, id, {
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(organisation !== undefined ? { organisationId: organisation.id } : {}),
      ...(change.scopeAll !== undefined ? { scopeAll: change.scopeAll } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    });
    if (scope) await replaceScope(trx, id, scope);
    if (change.disabled === true) await deleteSessionsOfUser(trx, id);
    await audit(trx, context, 'user_changed', before.email, { change });
  });
  return (await findUserById(db, id))!;
}

/** An administrator's reset: a new generated password, shown once; every session ends. */
export async function resetPassword(
  db: Kysely<Database>,
  context: AuditContext,
  id: number,
): Promise<{ user: UserAccount; password: string }> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('not_found', `No user with id ${id}`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { passwordHash });
    await deleteSessionsOfUser(trx, id);
    await audit(trx, context, 'password_reset', user.email);
  });
  return { user, password };
}

/** A user changes their own password, knowing the current one. Other sessions end. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  principal: Principal,
  ip: string | null,
  current: string,
  next: string,
  keepSessionId: string,
): Promise<void> {
  if (principal.userId === null) throw new AppError('forbidden', 'Only accounts have passwords');
  // The current password is a password check like a login: the same limits, so a stolen
  // session cannot be used to guess the account's password.
  const attempt = await claimAttempt(db, principal.email, ip ?? 'unknown');
  const stored = await findPasswordHash(db, principal.userId);
  if (!stored || !(await verifyPassword(current, stored))) {
    await audit(db, { actor: principal, ip }, 'login_failed', principal.email, {
      reason: 'wrong_current_password',
    });
    throw new AppError('validation_failed', 'currentPassword: not your current password', {
      field: 'currentPassword',
    });
  }
  await markAttemptSucceeded(db, attempt);
  const problem = passwordProblem(next, principal.email);
  if (problem)
    throw new AppError('validation_failed', `newPassword: ${problem}`, { field: 'newPassword' });
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, principal.userId!, { passwordHash });
    await deleteSessionsOfUser(trx, principal.userId!, keepSessionId);
    await audit(trx, { actor: principal, ip }, 'password_reset', principal.email, { self: true });
  });
}
