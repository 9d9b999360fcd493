import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Principal } from '../../domain/access/principal.js';
import { findUserById, principalOf } from '../../db/queries/user-queries.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from '../../db/queries/session-queries.js';
import type { Database } from '../../db/tables.js';

export type SessionSettings = Config['session'];

export interface NewSession {
  /** Goes in the HttpOnly cookie; only its sha256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  principal: Principal;
  expiresAt: Date;
}

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');
/** Tokens are 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[\w-]{43}$/;
/** last_seen_at is written at most once a minute: a page of requests costs one update. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  user: { id: number; via: 'password' | 'oidc'; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.maxHours * 3_600_000);
  await insertSession(db, {
    id: sessionId(token),
    userId: user.id,
    csrfToken,
    via: user.via,
    ip: user.ip,
    userAgent: user.userAgent,
    expiresAt,
  });
  // Housekeeping on the way: expired sessions of anyone are removed at each login.
  await deleteExpiredSessions(db, new Date(now.getTime() - settings.idleMinutes * 60_000), now);
  return { token, csrfToken, expiresAt };
}

/**
 * The session a cookie token belongs to, or null when it is unknown, expired (idle or past its
 * maximum age) or its user is disabled. An expired session is deleted on sight.
 */
export async function resolveSession(
  db: Kysely<Database>,
  settings: SessionSettings,
  token: string | undefined,
  now = new Date(),
): Promise<ActiveSession | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const id = sessionId(token);
  const session = await findSession(db, id);
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (
    session.userDisabled ||
    session.expiresAt.getTime() <= now.getTime() ||
    idleSince > settings.idleMinutes * 60_000
  ) {
    await deleteSession(db, id);
    return null;
  }
  const account = await findUserById(db, session.userId);
  if (!account || account.disabledAt) return null;
  if (idleSince > TOUCH_INTERVAL_MS) await touchSession(db, id, now);
  return {
    id,
    csrfToken: session.csrfToken,
    principal: principalOf(account),
    expiresAt: session.expiresAt,
  };
}

export async function endSession(db: Kysely<Database>, id: string): Promise<void> {
  await deleteSession(db, id);
}
