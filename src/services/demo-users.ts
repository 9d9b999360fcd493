import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../domain/access/roles.js';
import { DEMO_PASSWORD, demoUsers } from '../domain/demo/users.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  deleteDemoUsers,
  findOrganisationId,
  insertUser,
  listUsers,
} from '../db/queries/user-queries.js';
import type { Database } from '../db/tables.js';
import { hashPassword } from './auth/password.js';

/**
 * The demo's accounts, one per role. Only the demo loader creates them (after its
 * organisations), and removing the demo removes them.
 */
export async function createDemoUsers(trx: Transaction<Database>): Promise<number> {
  await deleteDemoUsers(trx);
  const users = demoUsers();
  // One hash per account (own salt), computed in parallel on libuv's thread pool.
  const hashes = await Promise.all(users.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, user] of users.entries()) {
    const organisationId = await findOrganisationId(trx, user.organisationKey);
    if (organisationId === null)
      throw new AppError(
        'internal',
        `Demo user ${user.email}: no organisation ${user.organisationKey}`,
      );
    await insertUser(trx, {
      organisationId,
      email: user.email,
      name: user.name,
      role: user.role,
      scopeAll: user.scope === 'all',
      scopeCodes: user.scope === 'all' ? [] : user.scope,
      passwordHash: hashes[i]!,
      isDemo: true,
    });
  }
  return users.length;
}

export interface DemoAccount {
  email: string;
  role: Role;
  organisation: string;
  scope: string;
}

/** The demo accounts that exist (for the login page and the start message). */
export async function listDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const order = demoUsers().map((u) => u.email);
  // Only the six: accounts someone added to a demo organisation are not advertised.
  const accounts = (await listUsers(db)).filter(
    (u) => u.isDemo && !u.disabledAt && order.includes(u.email),
  );
  return accounts
    .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email))
    .map((u) => ({
      email: u.email,
      role: u.role,
      organisation: u.organisation.name,
      scope: u.scope.all || u.role === 'admin' ? 'alle gebieden' : u.scope.codes.join(', '),
    }));
}

export { DEMO_PASSWORD };
