import { sql, type Kysely } from 'kysely';
import { limitKeyOf } from '../../domain/access/client-address.js';
import { hasAuditSince } from '../../db/queries/audit-queries.js';
import type { Principal } from '../../domain/access/principal.js';
import { AppError } from '../../domain/shared/app-error.js';
import {
  countFailedLogins,
  findLoginCredentials,
  findUserById,
  lastSuccessfulLogin,
  markAttemptSucceeded,
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
  const attempt = await claimAttempt(db, email, request.ip, now);
  const credentials = await findLoginCredentials(db, email);
  const ok = await verifyPassword(
    request.password,
    credentials?.passwordHash ?? (await dummyHash()),
  );
  if (!credentials || !credentials.passwordHash || credentials.disabled || !ok) {
    await audit(db, context, 'login_failed', email, {
      reason: !credentials
        ? 'unknown_account'
        : credentials.disabled
          ? 'disabled'
          : 'wrong_password',
    });
    throw new AppError('unauthenticated', 'E-mail address or password is not right');
  }
  await markAttemptSucceeded(db, attempt);
  return startSessionFor(db, settings, credentials.id, 'password', request, now, false);
}

// Advisory lock spaces: one per account and one per address, so parallel guesses queue.
const ACCOUNT_LOCK = 'login-account:';
const ADDRESS_LOCK = 'login-address:';

/**
 * Count the failures in the window and claim one more attempt, as a failure until the
 * password proves right — under a lock per account and per address, so forty parallel guesses
 * are counted one after another instead of all reading "no failures yet". Over the limit: 429,
 * audited once per window, not per try (the audit log is append-only; a flood must not fill it).
 */
export async function claimAttempt(
  db: Kysely<Database>,
  email: string,
  ip: string,
  now = new Date(),
): Promise<number> {
  const address = limitKeyOf(ip);
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const outcome = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${ACCOUNT_LOCK + email}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${ADDRESS_LOCK + address}))`.execute(trx);
    // A success resets the account's count; the address keeps its own.
    const lastSuccess = await lastSuccessfulLogin(trx, email);
    const accountSince = lastSuccess && lastSuccess > windowStart ? lastSuccess : windowStart;
    const byAccount = await countFailedLogins(trx, 'email', email, accountSince);
    const byAddress = await countFailedLogins(trx, 'ip', address, windowStart);
    if (byAccount >= LOGIN_LIMITS.perAccount || byAddress >= LOGIN_LIMITS.perAddress) {
      const target = byAccount >= LOGIN_LIMITS.perAccount ? email : address;
      if (!(await hasAuditSince(trx, 'login_failed', target, 'rate_limited', windowStart)))
        await audit(trx, { actor: null, ip, anonymousLabel: email }, 'login_failed', target, {
          reason: 'rate_limited',
        });
      return null;
    }
    return recordLoginAttempt(trx, { email, ip: address, success: false });
  });
  if (outcome === null)
    throw new AppError(
      'too_many_requests',
      `Too many failed logins; try again in ${LOGIN_LIMITS.windowMinutes} minutes or ask an administrator to reset the password`,
      { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 },
    );
  return outcome;
}

/** A new session for an authenticated user (password or OpenID Connect), audited. */
export async function startSessionFor(
  db: Kysely<Database>,
  settings: SessionSettings,
  userId: number,
  via: 'password' | 'oidc',
  request: { email?: string; ip: string; userAgent: string | null },
  now = new Date(),
  recordAttempt = true,
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
  if (recordAttempt)
    await recordLoginAttempt(db, {
      email: account.email,
      ip: limitKeyOf(request.ip),
      success: true,
    });
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
