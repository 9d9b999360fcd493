import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the start of an OpenID Connect login leaves for its callback. */
export interface PendingOidcLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: Date;
}

export async function insertOidcLogin(db: Db, login: PendingOidcLogin): Promise<void> {
  await db
    .insertInto('oidc_login')
    .values({
      state: login.state,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      return_to: login.returnTo,
      created_at: login.createdAt,
    })
    .execute();
}

/**
 * Look up and delete in one statement: of two callbacks with the same state (a replay, or a
 * double click racing itself) only one gets the row, on any number of app instances.
 */
export async function takeOidcLogin(db: Db, state: string): Promise<PendingOidcLogin | null> {
  const row = await db
    .deleteFrom('oidc_login')
    .where('state', '=', state)
    .returning(['state', 'code_verifier', 'nonce', 'return_to', 'created_at'])
    .executeTakeFirst();
  return row
    ? {
        state: row.state,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        returnTo: row.return_to,
        createdAt: row.created_at,
      }
    : null;
}

/** Logins begun before this moment and never finished (the user gave up at the provider). */
export async function deleteOidcLoginsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('oidc_login').where('created_at', '<', before).execute();
}
