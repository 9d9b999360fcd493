import { isRole, ROLE_LABELS_NL, ROLES } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findUserByEmail } from '../../db/queries/user-queries.js';
import { changeUser, createUser, listUsers, resetPassword } from '../../services/auth/users.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';

export interface UserFlags {
  email?: string;
  name?: string;
  organisation?: string;
  role?: string;
  scope?: string;
  'all-areas'?: boolean;
  json?: boolean;
}

export async function usersListCommand(flags: { json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    const users = await listUsers(db);
    if (flags.json) {
      printJson({ users });
      return 0;
    }
    printTable(
      ['email', 'name', 'role', 'organisation', 'scope', 'status'],
      users.map((u) => [
        u.email,
        u.name,
        u.role,
        u.organisation.key,
        u.role === 'admin' || u.scope.all ? 'all' : u.scope.codes.join(',') || '(none)',
        u.disabledAt ? 'disabled' : u.isDemo ? 'demo' : 'active',
      ]),
    );
    return 0;
  });
}

/** `users add`: the way to the first administrator of a real installation. */
export async function usersAddCommand(flags: UserFlags): Promise<number> {
  const missing = (['email', 'name', 'organisation', 'role'] as const).filter((f) => !flags[f]);
  if (missing.length > 0)
    throw new AppError(
      'bad_request',
      `users add needs ${missing.map((m) => `--${m}`).join(', ')}; run buurtbalans users --help`,
    );
  if (!isRole(flags.role!))
    throw new AppError(
      'bad_request',
      `--role must be one of ${ROLES.join(', ')}, not "${flags.role}"`,
    );
  const scope = (flags.scope ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return withDatabase(async ({ db }) => {
    const { user, password } = await createUser(db, cliAuditContext(), {
      email: flags.email!,
      name: flags.name!,
      organisation: flags.organisation!,
      role: flags.role as (typeof ROLES)[number],
      scopeAll: flags['all-areas'] === true,
      scope,
    });
    if (flags.json) {
      printJson({ user, password });
      return 0;
    }
    process.stdout.write(
      `Account aangemaakt: ${user.email} (${ROLE_LABELS_NL[user.role]}, ${user.organisation.name}).\n` +
        `Wachtwoord (wordt maar één keer getoond): ${password}\n`,
    );
    return 0;
  });
}

async function userIdOf(db: Parameters<typeof findUserByEmail>[0], email: string | undefined) {
  if (!email) throw new AppError('bad_request', 'give the e-mail address of the account');
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError('not_found', `No account for ${email}`);
  return user.id;
}

export async function usersResetPasswordCommand(
  email: string | undefined,
  flags: { json?: boolean },
): Promise<number> {
  return withDatabase(async ({ db }) => {
    const { user, password } = await resetPassword(
      db,
      cliAuditContext(),
      await userIdOf(db, email),
    );
    if (flags.json) printJson({ email: user.email, password });
    else
      process.stdout.write(
        `Nieuw wachtwoord voor ${user.email} (wordt maar één keer getoond): ${password}\nAlle sessies van dit account zijn beëindigd.\n`,
      );
    return 0;
  });
}

export async function usersSetDisabledCommand(
  email: string | undefined,
  disabled: boolean,
): Promise<number> {
  return withDatabase(async ({ db }) => {
    const user = await changeUser(db, cliAuditContext(), await userIdOf(db, email), { disabled });
    process.stdout.write(
      `${user.email} is ${disabled ? 'uitgeschakeld; alle sessies zijn beëindigd' : 'weer actief'}.\n`,
    );
    return 0;
  });
}
