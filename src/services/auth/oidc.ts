import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { Config } from '../../config.js';
import type { Principal } from '../../domain/access/principal.js';
import { AppError } from '../../domain/shared/app-error.js';
import {
  deleteOidcLoginsBefore,
  insertOidcLogin,
  takeOidcLogin,
} from '../../db/queries/oidc-queries.js';
import {
  findUserByEmail,
  findUserById,
  findUserByOidc,
  linkOidc,
  principalOf,
  type UserAccount,
} from '../../db/queries/user-queries.js';
import type { Database } from '../../db/tables.js';
import { audit } from './audit.js';
import { startSessionFor } from './login.js';
import type { NewSession, SessionSettings } from './sessions.js';

export type OidcSettings = NonNullable<Config['oidc']>;

/** A login not finished within this time is void: the user has to start again. */
export const OIDC_LOGIN_MINUTES = 10;
const SCOPE = 'openid email profile';
/** Seconds one request to the provider may take; a login page should not hang for long. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * Why a login did not happen, as the login page shows it. Deliberately coarse: what went wrong
 * in detail goes to the audit log, never into a URL (provider texts are not ours to echo).
 */
export type OidcFailure = 'oidc_failed' | 'unknown_account' | 'disabled';

/**
 * Where to go after the login: a local path only, so the login cannot be used to send someone
 * to another site (an open redirect that carries our name). `//host` and `/\host` are
 * network-path references to browsers, so they are refused like any scheme.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // Browsers read a backslash as a slash, and drop tabs and newlines, which can hide either.
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || code < 0x20 || code === 0x7f) return '/';
  }
  const base = 'http://buurtbalans.invalid';
  try {
    return new URL(value, base).origin === base ? value : '/';
  } catch {
    return '/';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The provider's metadata, read once per process (and again only after a failure). The ID
 * token's signature is checked against the provider's JWKS (enableNonRepudiationChecks):
 * without it the library trusts TLS alone for tokens from the token endpoint.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

function providerConfig(oidc: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret]);
  let pending = discovered.get(key);
  if (!pending) {
    pending = discover(oidc);
    discovered.set(key, pending);
    // A provider that was down must be asked again on the next attempt, not cached as broken.
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

async function discover(oidc: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(oidc.issuer);
  const plainHttp = issuer.protocol === 'http:';
  // Plain http would let anyone on the path read codes and tokens; only a provider on this
  // machine (tests, a local Keycloak) may use it.
  if (plainHttp && !LOOPBACK.has(issuer.hostname))
    throw new AppError(
      'config_invalid',
      `BUURTBALANS_OIDC_ISSUER ${oidc.issuer} uses plain http; an identity provider must use https`,
      { setting: 'BUURTBALANS_OIDC_ISSUER' },
    );
  return client.discovery(
    issuer,
    oidc.clientId,
    { client_secret: oidc.clientSecret },
    // client_secret_basic is what OpenID Connect registration assumes when nothing is said;
    // providers that enforce the registered method (Okta, oidc-provider) refuse the other.
    client.ClientSecretBasic(oidc.clientSecret),
    {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      execute: [
        client.enableNonRepudiationChecks,
        ...(plainHttp ? [client.allowInsecureRequests] : []),
      ],
    },
  );
}

interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

const failedContext = (ip: string, email: string | null) => ({
  actor: null,
  ip,
  anonymousLabel: email ?? 'oidc',
});

async function fail(
  db: Kysely<Database>,
  request: RequestInfo,
  failure: OidcFailure,
  details: Record<string, unknown>,
  email: string | null = null,
): Promise<{ ok: false; failure: OidcFailure }> {
  await audit(db, failedContext(request.ip, email), 'login_failed', email, {
    via: 'oidc',
    ...details,
  });
  return { ok: false, failure };
}

/**
 * What an error says about itself, for the audit log: codes and messages, bounded, no stack.
 * The library wraps the real reason ("JWS signature verification failed") in a generic
 * "invalid response encountered", so the causes are kept too.
 */
function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof client.AuthorizationResponseError)
    return { reason: 'provider_error', error: error.error.slice(0, 100) };
  const e = error as { code?: unknown; error?: unknown; message?: unknown };
  const causes: string[] = [];
  for (let c = (error as Error)?.cause; c instanceof Error && causes.length < 3; c = c.cause)
    causes.push(c.message.slice(0, 200));
  return {
    reason: 'protocol_error',
    ...(typeof e.code === 'string' ? { code: e.code.slice(0, 100) } : {}),
    ...(typeof e.error === 'string' ? { error: e.error.slice(0, 100) } : {}),
    message: String(e.message ?? error).slice(0, 300),
    ...(causes.length > 0 ? { causes } : {}),
  };
}

export type OidcStart =
  { ok: true; authorizationUrl: URL; state: string } | { ok: false; failure: OidcFailure };

/**
 * Begin a login: state, nonce and PKCE verifier are stored (the callback may reach another app
 * instance), and the user is sent to the provider. The caller also binds `state` to the browser
 * (a cookie), so a callback cannot be replayed into somebody else's browser.
 */
export async function beginOidcLogin(
  db: Kysely<Database>,
  oidc: OidcSettings,
  request: RequestInfo & { redirectUri: string; returnTo: string | null | undefined },
  now = new Date(),
): Promise<OidcStart> {
  let config: client.Configuration;
  try {
    config = await providerConfig(oidc);
  } catch (error) {
    console.error(`OpenID Connect provider ${oidc.issuer} not usable:`, error);
    return fail(db, request, 'oidc_failed', {
      ...describeError(error),
      reason: 'provider_unavailable',
    });
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  // Housekeeping on the way, as sessions do at each login: abandoned logins go.
  await deleteOidcLoginsBefore(db, new Date(now.getTime() - OIDC_LOGIN_MINUTES * 60_000));
  await insertOidcLogin(db, {
    state,
    codeVerifier,
    nonce,
    returnTo: safeReturnTo(request.returnTo),
    createdAt: now,
  });
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: request.redirectUri,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, authorizationUrl, state };
}

export type OidcFinish =
  | { ok: true; session: NewSession; principal: Principal; returnTo: string }
  | { ok: false; failure: OidcFailure };

interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/**
 * Finish a login at the callback: the state is used up whatever happens next, the code is
 * exchanged with the verifier, the ID token checked by the library (issuer, audience, nonce,
 * signature, expiry), and the identity mapped to an existing account. Accounts are never
 * created here: an administrator decides role and scope.
 */
export async function finishOidcLogin(
  db: Kysely<Database>,
  oidc: OidcSettings,
  settings: SessionSettings,
  request: RequestInfo & {
    redirectUri: string;
    /** The query string the provider sent to the callback. */
    params: URLSearchParams;
    /** The state the browser was given at the start (its cookie), if it still has it. */
    browserState: string | undefined;
  },
  now = new Date(),
): Promise<OidcFinish> {
  const state = request.params.get('state');
  if (!state) return fail(db, request, 'oidc_failed', { reason: 'missing_state' });
  const pending = await takeOidcLogin(db, state);
  if (!pending) return fail(db, request, 'oidc_failed', { reason: 'unknown_state' });
  if (now.getTime() - pending.createdAt.getTime() > OIDC_LOGIN_MINUTES * 60_000)
    return fail(db, request, 'oidc_failed', { reason: 'expired_state' });
  // A state that was begun in another browser: somebody is handing over their own login.
  if (!request.browserState || !sameSecret(request.browserState, state))
    return fail(db, request, 'oidc_failed', { reason: 'state_not_bound' });

  let identity: Identity;
  try {
    identity = await exchange(oidc, request.redirectUri, request.params, pending);
  } catch (error) {
    return fail(db, request, 'oidc_failed', describeError(error));
  }
  const { email } = identity;
  const who = { subject: identity.subject, issuer: identity.issuer };

  let account: UserAccount | null = null;
  const linkedId = await findUserByOidc(db, identity.issuer, identity.subject);
  if (linkedId !== null) account = await findUserById(db, linkedId);
  else if (email && identity.emailVerified) {
    const byEmail = await findUserByEmail(db, email);
    // An account already bound to another identity keeps it: a reused or renamed mailbox at
    // the provider must not take over somebody else's account.
    if (byEmail?.oidcLinked)
      return fail(
        db,
        request,
        'unknown_account',
        { reason: 'linked_to_other_identity', ...who },
        email,
      );
    account = byEmail;
  }
  if (!account)
    return fail(
      db,
      request,
      'unknown_account',
      { reason: 'unknown_account', emailVerified: identity.emailVerified, ...who },
      email,
    );
  if (account.disabledAt)
    return fail(db, request, 'disabled', { reason: 'disabled', ...who }, account.email);

  if (linkedId === null) {
    const target = account;
    await db.transaction().execute(async (trx) => {
      await linkOidc(trx, target.id, identity.issuer, identity.subject);
      await audit(
        trx,
        { actor: principalOf(target), ip: request.ip },
        'user_changed',
        target.email,
        {
          oidcLinked: true,
        },
      );
    });
  }
  try {
    const { session, principal } = await startSessionFor(db, settings, account.id, 'oidc', {
      ip: request.ip,
      userAgent: request.userAgent,
    });
    return { ok: true, session, principal, returnTo: safeReturnTo(pending.returnTo) };
  } catch (error) {
    // Disabled between the check above and the session: the same answer as before it.
    if (error instanceof AppError && error.code === 'unauthenticated')
      return fail(db, request, 'disabled', { reason: 'disabled', ...who }, account.email);
    throw error;
  }
}

async function exchange(
  oidc: OidcSettings,
  redirectUri: string,
  params: URLSearchParams,
  pending: { state: string; nonce: string; codeVerifier: string },
): Promise<Identity> {
  const config = await providerConfig(oidc);
  // The URL the provider redirected to, rebuilt from our own redirect URI: behind a proxy the
  // request's own URL may say http or another host, and the token request must repeat the
  // redirect_uri of the authorization request exactly.
  const callbackUrl = new URL(redirectUri);
  for (const [name, value] of params) callbackUrl.searchParams.append(name, value);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider returned no ID token');
  let email: unknown = claims.email;
  let emailVerified: unknown = claims.email_verified;
  // Providers may keep scope claims out of the ID token and hand them out at the UserInfo
  // endpoint instead (OpenID Connect Core 5.4); the library checks that its sub is the same.
  if (email === undefined && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = info.email;
    emailVerified = info.email_verified;
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null,
    // Only a real boolean true counts: a missing or odd value is not a verified address.
    emailVerified: emailVerified === true,
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
