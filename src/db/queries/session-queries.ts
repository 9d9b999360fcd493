import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredSession {
  id: string;
  userId: number;
  csrfToken: string;
  via: 'password' | 'oidc';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userDisabled: boolean;
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: number;
    csrfToken: string;
    via: 'password' | 'oidc';
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      via: session.via,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.via',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.disabled_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        via: row.via as StoredSession['via'],
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        userDisabled: row.disabled_at !== null,
      }
    : null;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

/** Log out everywhere: every session of the user (but one, if named). Returns how many ended. */
export async function deleteSessionsOfUser(
  db: Db,
  userId: number,
  keepId?: string,
): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepId) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSessionsOfUser(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('user_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .execute();
}
