import type { Kysely } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import { AppError } from '../../domain/shared/app-error.js';
import {
  countFailedLogins,
  findLoginCredentials,
  findUserById,
  lastSuccessfulLogin,
  principalOf,
  recordLoginAttempt,
} from '../../db/queries/user-queries.js';
import { deleteSessionsOfUser } from '../../db/queries/session-queries.js';
import type { Database } from '../../db/tables.js';
import { audit } from './audit.js';
import { dummyHash, verifyPassword } from './password.js';
import { createSession, type NewSession, type SessionSettings } from './sessions.js';

/**
 * Failed logins allowed within the window: per account (guessing one password) and per address
 * (trying many accounts). Counted in the database, so every app instance sees the same count.
 */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const;

export interface LoginRequest {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface LoginResult {
  session: NewSession;
  principal: Principal;
}

/**
 * Check a password login and start a new session. Wrong e-mail, wrong password and a disabled
 * account get the same answer (and take the same time), so the response tells nobody which
 * accounts exist. Too many failures lock the account and the address for the window, even for
 * the right password.
 */
export async function passwordLogin(
  db: Kysely<Database>,
  settings: SessionSettings,
  request: LoginRequest,
  now = new Date(),
): Promise<LoginResult> {
  const email = request.email.trim().toLowerCase();
  const context = { actor: null, ip: request.ip, anonymousLabel: email };
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  // A success resets the account's count; the address keeps its own.
  const lastSuccess = await lastSuccessfulLogin(db, email);
  const accountSince = lastSuccess && lastSuccess > windowStart ? lastSuccess : windowStart;
  const byAccount = await countFailedLogins(db, 'email', email, accountSince);
  const byAddress = await countFailedLogins(db, 'ip', request.ip, windowStart);
  if (byAccount >= LOGIN_LIMITS.perAccount || byAddress >= LOGIN_LIMITS.perAddress) {
    await audit(db, context, 'login_failed', email, { reason: 'rate_limited' });
    throw new AppError(
      'too_many_requests',
      `Too many failed logins; try again in ${LOGIN_LIMITS.windowMinutes} minutes or ask an administrator to reset the password`,
      { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 },
    );
  }
  const credentials = await findLoginCredentials(db, email);
  const ok = await verifyPassword(
    request.password,
    credentials?.passwordHash ?? (await dummyHash()),
  );
  if (!credentials || !credentials.passwordHash || credentials.disabled || !ok) {
    await recordLoginAttempt(db, { email, ip: request.ip, success: false });
    await audit(db, context, 'login_failed', email, {
      reason: !credentials
        ? 'unknown_account'
        : credentials.disabled
          ? 'disabled'
          : 'wrong_password',
    });
    throw new AppError('unauthenticated', 'E-mail address or password is not right');
  }
  return startSessionFor(db, settings, credentials.id, 'password', request, now);
}

/** A new session for an authenticated user (password or OpenID Connect), audited. */
export async function startSessionFor(
  db: Kysely<Database>,
  settings: SessionSettings,
  userId: number,
  via: 'password' | 'oidc',
  request: { email?: string; ip: string; userAgent: string | null },
  now = new Date(),
): Promise<LoginResult> {
  const account = await findUserById(db, userId);
  if (!account || account.disabledAt)
    throw new AppError('unauthenticated', 'This account may not log in');
  const session = await createSession(
    db,
    settings,
    { id: account.id, via, ip: request.ip, userAgent: request.userAgent },
    now,
  );
  await recordLoginAttempt(db, { email: account.email, ip: request.ip, success: true });
  const principal = principalOf(account);
  await audit(db, { actor: principal, ip: request.ip }, 'login', account.email, { via });
  return { session, principal };
}

/** Log out everywhere: every session of the user ends. */
export async function logoutEverywhere(
  db: Kysely<Database>,
  principal: Principal,
  ip: string | null,
): Promise<number> {
  if (principal.userId === null) return 0;
  const ended = await deleteSessionsOfUser(db, principal.userId);
  await audit(db, { actor: principal, ip }, 'logout_everywhere', principal.email, {
    sessions: ended,
  });
  return ended;
}
