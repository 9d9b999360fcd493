import type { Kysely } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import type { Role } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { levelOfCode, normaliseAreaCode } from '../../domain/shared/area-code.js';
import { deleteSessionsOfUser } from '../../db/queries/session-queries.js';
import {
  findOrganisationId,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  replaceScope,
  updateUser,
  type UserAccount,
} from '../../db/queries/user-queries.js';
import type { Database } from '../../db/tables.js';
import { audit, type AuditContext } from './audit.js';
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

async function organisationIdOf(db: Kysely<Database>, key: string): Promise<number> {
  const id = await findOrganisationId(db, key);
  if (id === null)
    throw new AppError('validation_failed', `organisation: no organisation with key ${key}`, {
      field: 'organisation',
    });
  return id;
}

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
  const organisationId = await organisationIdOf(db, input.organisation);
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      organisationId,
      email,
      name: input.name.trim(),
      role: input.role,
      scopeAll: input.scopeAll,
      scopeCodes: scope,
      passwordHash,
      isDemo: false,
    });
    await audit(trx, context, 'user_created', email, {
      role: input.role,
      organisation: input.organisation,
      scope: input.scopeAll ? 'all' : scope,
    });
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
  const scope = change.scope ? checkScope(change.scope) : undefined;
  const organisationId =
    change.organisation !== undefined ? await organisationIdOf(db, change.organisation) : undefined;
  const losesAdmin =
    before.role === 'admin' &&
    !before.disabledAt &&
    ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin) {
    const admins = (await listUsers(db)).filter((u) => u.role === 'admin' && !u.disabledAt);
    if (admins.length <= 1)
      throw new AppError('conflict', 'At least one active administrator must remain');
  }
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(organisationId !== undefined ? { organisationId } : {}),
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
  const stored = await findPasswordHash(db, principal.userId);
  if (!stored || !(await verifyPassword(current, stored)))
    throw new AppError('validation_failed', 'currentPassword: not your current password', {
      field: 'currentPassword',
    });
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
