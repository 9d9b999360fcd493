import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { App } from '../../src/api/app.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { findUserByEmail, updateUser } from '../../src/db/queries/user-queries.js';
import { createUser } from '../../src/services/auth/users.js';
import { createTestApp, TEST_CONFIG, testSession } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

/**
 * OpenID Connect login end to end against a real provider: panva's oidc-provider runs in this
 * process on a loopback port, the app under test runs in-process, and a small cookie-keeping
 * "browser" follows the redirects between them. The provider's login and consent screens are
 * replaced by an interaction endpoint that logs in whichever identity the test names.
 */

const APP_URL = 'http://buurtbalans.test';
const CALLBACK = `${APP_URL}/api/auth/oidc/callback`;
const CLIENT = { id: 'buurtbalans-test', secret: 'a-client-secret-for-tests-only' };

interface Identity {
  email: string;
  email_verified: boolean;
  name: string;
}
/** The provider's accounts, by subject. */
const identities = new Map<string, Identity>([
  // Upper case on purpose: the app matches e-mail addresses case-insensitively.
  [
    'sub-partner',
    { email: 'Partner@demo.buurtbalans.nl', email_verified: true, name: 'Pieter Gemeente' },
  ],
  ['sub-impostor', { email: 'partner@demo.buurtbalans.nl', email_verified: true, name: 'Other' }],
  ['sub-stranger', { email: 'stranger@elsewhere.example', email_verified: true, name: 'S' }],
  ['sub-unverified', { email: 'analyst@demo.buurtbalans.nl', email_verified: false, name: 'U' }],
  ['sub-disabled', { email: 'disabled-oidc@test.buurtbalans.nl', email_verified: true, name: 'D' }],
  ['sub-viewer', { email: 'viewer@demo.buurtbalans.nl', email_verified: true, name: 'Vera' }],
]);
/** Who the providers' interaction endpoint logs in next. */
let nextAccount = '';

interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider on a loopback port. `claimsInIdToken` puts e-mail claims in the ID
 * token (as Keycloak and Entra ID do) instead of only at UserInfo (the spec's default for
 * code flow, and oidc-provider's); `lyingJwks` publishes a key other than the one it signs with.
 */
async function startProvider(
  options: { claimsInIdToken?: boolean; lyingJwks?: boolean } = {},
): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signing.export({ format: 'jwk' }), kid: 'test-key', use: 'sig' }] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    features: { devInteractions: { enabled: false } },
    // Set, so the provider does not log a notice for each default it falls back to.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    findAccount: (_ctx, sub) => {
      const who = identities.get(sub);
      return who ? { accountId: sub, claims: () => ({ sub, ...who }) } : undefined;
    },
  });
  const handle = provider.callback();
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (options.lyingJwks && req.url === '/jwks') {
      res.setHeader('Content-Type', 'application/jwk-set+json');
      res.end(
        JSON.stringify({
          keys: [
            { ...otherKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' },
          ],
        }),
      );
      return;
    }
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    // Login and consent at once, for the identity the test chose.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({
        accountId: nextAccount,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextAccount }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let main: TestProvider;
let issuer: string;

beforeAll(async () => {
  main = await startProvider();
  issuer = main.issuer;
});
afterAll(() => main.close());

interface Cookie {
  host: string;
  path: string;
  value: string;
}

/**
 * A browser reduced to what the flow needs: it keeps cookies per host and path and follows
 * redirects, sending requests for the app's address into the app and all others over HTTP.
 */
class Browser {
  readonly cookies = new Map<string, Cookie>();
  constructor(private readonly app: App) {}

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(`${host} ${name}`)?.value;
  }

  setCookie(host: string, name: string, value: string, path = '/') {
    this.cookies.set(`${host} ${name}`, { host, path, value });
  }

  async get(url: URL): Promise<Response> {
    const cookie = [...this.cookies]
      .filter(([, c]) => c.host === url.host && url.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split(' ')[1]}=${c.value}`)
      .join('; ');
    const headers = cookie ? { Cookie: cookie } : undefined;
    const response =
      url.origin === APP_URL
        ? await this.app.request(url.href, { headers })
        : await fetch(url, { redirect: 'manual', headers });
    for (const line of response.headers.getSetCookie()) this.store(url, line);
    return response;
  }

  private store(url: URL, line: string) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? '/';
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const gone =
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(`${url.host} ${name}`);
    else this.cookies.set(`${url.host} ${name}`, { host: url.host, path, value });
  }

  /**
   * Follow redirects from `start` until the app sends the browser to one of its pages (the
   * landing path is returned), or until `stopBefore` says the next request is the test's.
   */
  async follow(
    start: string | URL,
    stopBefore: (url: URL) => boolean = () => false,
  ): Promise<{ landing: string | null; next: URL | null; visited: URL[] }> {
    let url = new URL(start);
    const visited: URL[] = [];
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopBefore(url)) return { landing: null, next: url, visited };
      visited.push(url);
      const response = await this.get(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        throw new Error(`${url.href} answered ${response.status}: ${await response.text()}`);
      await response.body?.cancel();
      const target = new URL(location, url);
      if (target.origin === APP_URL && !target.pathname.startsWith('/api/'))
        return { landing: location, next: null, visited };
      url = target;
    }
    throw new Error('Too many redirects');
  }
}

const APP_HOST = new URL(APP_URL).host;
const isCallback = (url: URL) =>
  url.origin === APP_URL && url.pathname === '/api/auth/oidc/callback';
const startUrl = (returnTo = '/kaart') =>
  `${APP_URL}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

describe.each(testEngines())('OpenID Connect login on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: App;

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    app = createTestApp(handle, null, {
      publicUrl: APP_URL,
      oidc: { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, label: 'Gemeente-account' },
    }).app;
    const { user } = await createUser(
      handle.db,
      { actor: null, ip: null },
      {
        email: 'disabled-oidc@test.buurtbalans.nl',
        name: 'Disabled',
        organisation: 'gemeente-duinrand',
        role: 'partner',
        scopeAll: false,
        scope: ['GM9901'],
      },
    );
    await updateUser(handle.db, user.id, { disabled: true });
  });
  afterAll(() => handle.close());

  /** One login in a fresh browser (no provider session left from an earlier test). */
  async function login(
    account: string,
    returnTo = '/kaart',
    browser = new Browser(app),
  ): Promise<{ landing: string | null; browser: Browser; sessionCookie: string | undefined }> {
    nextAccount = account;
    const { landing } = await browser.follow(startUrl(returnTo));
    return { landing, browser, sessionCookie: browser.cookie(APP_HOST, 'bb_session') };
  }

  async function sessionUser(browser: Browser) {
    const response = await browser.get(new URL('/api/auth/session', APP_URL));
    return ((await response.json()) as { user: { email: string; role: string } | null }).user;
  }

  const lastAuditId = async () =>
    Number(
      (
        await handle.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );
  const auditAfter = (id: number) =>
    handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'actor_label', 'target', 'details'])
      .where('id', '>', id)
      .orderBy('id')
      .execute();
  const oidcLink = async (email: string) =>
    handle.db
      .selectFrom('app_user')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  test('start stores state, nonce and verifier and sends the browser to the provider', async () => {
    const browser = new Browser(app);
    const response = await browser.get(new URL(startUrl('/gebieden/GM9901')));
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${issuer}/auth`);
    const params = target.searchParams;
    expect(params.get('client_id')).toBe(CLIENT.id);
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    const state = params.get('state')!;
    expect(browser.cookie(APP_HOST, 'bb_oidc_state')).toBe(state);
    const stored = await handle.db
      .selectFrom('oidc_login')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirstOrThrow();
    expect(stored.nonce).toBe(params.get('nonce'));
    expect(stored.code_verifier).not.toBe(params.get('code_challenge'));
    expect(stored.return_to).toBe('/gebieden/GM9901');
  });

  test('a verified e-mail links the account and logs in; the next login goes by the link', async () => {
    // A session the browser already had ends: the login does not adopt it.
    const earlier = await testSession(handle, TEST_CONFIG, { role: 'analyst' });
    const browser = new Browser(app);
    browser.setCookie(APP_HOST, 'bb_session', earlier.cookie.split('=')[1]!);
    expect((await sessionUser(browser))?.email).toBe(earlier.email);

    const before = await lastAuditId();
    const first = await login('sub-partner', '/kaart?indicator=lbm_afw', browser);
    expect(first.landing).toBe('/kaart?indicator=lbm_afw');
    expect(first.sessionCookie).toBeDefined();
    expect(first.sessionCookie).not.toBe(earlier.cookie.split('=')[1]);
    expect(browser.cookie(APP_HOST, 'bb_oidc_state')).toBeUndefined();
    expect(await sessionUser(browser)).toMatchObject({
      email: 'partner@demo.buurtbalans.nl',
      role: 'partner',
    });
    const old = new Browser(app);
    old.setCookie(APP_HOST, 'bb_session', earlier.cookie.split('=')[1]!);
    expect(await sessionUser(old)).toBeNull();

    expect(await oidcLink('partner@demo.buurtbalans.nl')).toEqual({
      oidc_issuer: issuer,
      oidc_subject: 'sub-partner',
    });
    const sessions = await handle.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select('s.via')
      .where('u.email', '=', 'partner@demo.buurtbalans.nl')
      .execute();
    expect(sessions.map((s) => s.via)).toEqual(['oidc']);
    expect(await auditAfter(before)).toEqual([
      {
        action: 'user_changed',
        actor_kind: 'user',
        actor_label: 'partner@demo.buurtbalans.nl',
        target: 'partner@demo.buurtbalans.nl',
        details: { oidcLinked: true },
      },
      {
        action: 'login',
        actor_kind: 'user',
        actor_label: 'partner@demo.buurtbalans.nl',
        target: 'partner@demo.buurtbalans.nl',
        details: { via: 'oidc' },
      },
    ]);

    // The provider now says another address: the (issuer, sub) link still finds the account.
    const partner = identities.get('sub-partner')!;
    identities.set('sub-partner', { ...partner, email: 'p.gemeente@elders.example' });
    try {
      const again = await login('sub-partner', '/');
      expect(again.landing).toBe('/');
      expect((await sessionUser(again.browser))?.email).toBe('partner@demo.buurtbalans.nl');
    } finally {
      identities.set('sub-partner', partner);
    }
    const actions = (await auditAfter(before)).map((e) => e.action);
    expect(actions).toEqual(['user_changed', 'login', 'login']);
  });

  test('another identity with the e-mail of a linked account does not take it over', async () => {
    const before = await lastAuditId();
    const { landing, sessionCookie } = await login('sub-impostor');
    expect(landing).toBe('/inloggen?fout=unknown_account');
    expect(sessionCookie).toBeUndefined();
    expect((await oidcLink('partner@demo.buurtbalans.nl')).oidc_subject).toBe('sub-partner');
    expect(await auditAfter(before)).toEqual([
      expect.objectContaining({
        action: 'login_failed',
        actor_kind: 'anonymous',
        actor_label: 'partner@demo.buurtbalans.nl',
        details: expect.objectContaining({
          via: 'oidc',
          reason: 'linked_to_other_identity',
          subject: 'sub-impostor',
        }),
      }),
    ]);
  });

  test('no account for the identity, or an unverified address: no login', async () => {
    const before = await lastAuditId();
    const stranger = await login('sub-stranger');
    expect(stranger.landing).toBe('/inloggen?fout=unknown_account');
    expect(stranger.sessionCookie).toBeUndefined();
    expect(await sessionUser(stranger.browser)).toBeNull();

    const unverified = await login('sub-unverified');
    expect(unverified.landing).toBe('/inloggen?fout=unknown_account');
    expect(unverified.sessionCookie).toBeUndefined();
    expect(await oidcLink('analyst@demo.buurtbalans.nl')).toEqual({
      oidc_issuer: null,
      oidc_subject: null,
    });
    expect(await auditAfter(before)).toEqual([
      {
        action: 'login_failed',
        actor_kind: 'anonymous',
        actor_label: 'stranger@elsewhere.example',
        target: 'stranger@elsewhere.example',
        details: {
          via: 'oidc',
          reason: 'unknown_account',
          emailVerified: true,
          subject: 'sub-stranger',
          issuer,
        },
      },
      expect.objectContaining({
        action: 'login_failed',
        actor_label: 'analyst@demo.buurtbalans.nl',
        details: expect.objectContaining({ reason: 'unknown_account', emailVerified: false }),
      }),
    ]);
    // Accounts are never made from the provider's word.
    expect(await findUserByEmail(handle.db, 'stranger@elsewhere.example')).toBeNull();
  });

  test('a disabled account does not log in and is not linked', async () => {
    const before = await lastAuditId();
    const { landing, sessionCookie } = await login('sub-disabled');
    expect(landing).toBe('/inloggen?fout=disabled');
    expect(sessionCookie).toBeUndefined();
    expect((await oidcLink('disabled-oidc@test.buurtbalans.nl')).oidc_subject).toBeNull();
    expect(await auditAfter(before)).toEqual([
      expect.objectContaining({
        action: 'login_failed',
        actor_label: 'disabled-oidc@test.buurtbalans.nl',
        details: expect.objectContaining({ via: 'oidc', reason: 'disabled' }),
      }),
    ]);
  });

  test('forged, replayed, expired and unbound states and provider errors fail', async () => {
    const failed = '/inloggen?fout=oidc_failed';
    const before = await lastAuditId();

    // Forged: a state the app never issued, even with a matching cookie.
    const forger = new Browser(app);
    forger.setCookie(APP_HOST, 'bb_oidc_state', 'forged', '/api/auth/oidc');
    expect((await forger.follow(`${CALLBACK}?code=abc&state=forged&iss=${issuer}`)).landing).toBe(
      failed,
    );

    // Replayed: the callback of a finished login, with its cookie, a second time.
    nextAccount = 'sub-partner';
    const victim = new Browser(app);
    const { next: callback } = await victim.follow(startUrl(), isCallback);
    const state = callback!.searchParams.get('state')!;
    expect((await victim.follow(callback!)).landing).toBe('/kaart');
    victim.setCookie(APP_HOST, 'bb_oidc_state', state, '/api/auth/oidc');
    expect((await victim.follow(callback!)).landing).toBe(failed);

    // Expired: finished more than ten minutes after the start.
    const slow = new Browser(app);
    const { next: late } = await slow.follow(startUrl(), isCallback);
    await sql`update oidc_login set created_at = created_at - interval '11 minutes'
      where state = ${late!.searchParams.get('state')}`.execute(handle.db);
    expect((await slow.follow(late!)).landing).toBe(failed);

    // Unbound: a callback opened in a browser that did not begin the login (login CSRF).
    const { next: handedOver } = await new Browser(app).follow(startUrl(), isCallback);
    const other = new Browser(app);
    expect((await other.follow(handedOver!)).landing).toBe(failed);
    expect(other.cookie(APP_HOST, 'bb_session')).toBeUndefined();

    // The provider's error: its text stays out of the URL.
    const refused = new Browser(app);
    const { next: authorize } = await refused.follow(startUrl(), (u) => u.origin === issuer);
    const errorCallback = new URL(CALLBACK);
    errorCallback.search = new URLSearchParams({
      error: 'access_denied',
      error_description: '<script>alert(1)</script> the user said no',
      state: authorize!.searchParams.get('state')!,
      iss: issuer,
    }).toString();
    const response = await refused.get(errorCallback);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(failed);

    const failures = (await auditAfter(before)).filter((e) => e.action === 'login_failed');
    expect(failures.map((e) => e.details.reason)).toEqual([
      'unknown_state',
      'unknown_state',
      'expired_state',
      'state_not_bound',
      'provider_error',
    ]);
    expect(failures.every((e) => e.actor_label === 'oidc' && e.actor_kind === 'anonymous')).toBe(
      true,
    );
    expect(failures[4]!.details).toMatchObject({ via: 'oidc', error: 'access_denied' });
  });

  test('a returnTo that leaves the site lands on /', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const { landing } = await login('sub-partner', returnTo);
      expect(landing).toBe('/');
    }
  });

  test('abandoned logins older than ten minutes are cleaned up at the next start', async () => {
    await sql`insert into oidc_login (state, code_verifier, nonce, return_to, created_at)
      values ('abandoned', 'v', 'n', '/', now() - interval '11 minutes')`.execute(handle.db);
    await new Browser(app).get(new URL(startUrl()));
    const left = await handle.db
      .selectFrom('oidc_login')
      .select('state')
      .where('state', '=', 'abandoned')
      .execute();
    expect(left).toEqual([]);
  });

  test('claims in the ID token are used as they are; a token the JWKS does not verify fails', async () => {
    const liar = await startProvider({ claimsInIdToken: true, lyingJwks: true });
    const honest = await startProvider({ claimsInIdToken: true });
    try {
      const appOf = (p: TestProvider) =>
        createTestApp(handle, null, {
          publicUrl: APP_URL,
          oidc: { issuer: p.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, label: 'X' },
        }).app;
      nextAccount = 'sub-viewer';
      const before = await lastAuditId();
      const forged = await new Browser(appOf(liar)).follow(startUrl());
      expect(forged.landing).toBe('/inloggen?fout=oidc_failed');
      expect(await auditAfter(before)).toEqual([
        expect.objectContaining({
          action: 'login_failed',
          details: expect.objectContaining({
            via: 'oidc',
            reason: 'protocol_error',
            causes: [expect.stringMatching(/signature verification failed/i)],
          }),
        }),
      ]);

      const browser = new Browser(appOf(honest));
      expect((await browser.follow(startUrl())).landing).toBe('/kaart');
      expect((await sessionUser(browser))?.email).toBe('viewer@demo.buurtbalans.nl');
      expect(await oidcLink('viewer@demo.buurtbalans.nl')).toEqual({
        oidc_issuer: honest.issuer,
        oidc_subject: 'sub-viewer',
      });
    } finally {
      await liar.close();
      await honest.close();
    }
  });

  test('without OpenID Connect configured both endpoints are 404', async () => {
    const plain = createTestApp(handle);
    for (const path of ['/api/auth/oidc/start?returnTo=/', '/api/auth/oidc/callback?state=x']) {
      const { status, body } = await plain.anonymous.json<{ error: { code: string } }>(path);
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });

  test('a plain-http issuer off this machine is refused before any request to it', async () => {
    const insecure = createTestApp(handle, null, {
      publicUrl: APP_URL,
      oidc: { issuer: 'http://idp.example', clientId: 'x', clientSecret: 'y', label: 'X' },
    });
    const before = await lastAuditId();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let response: Response;
    try {
      response = await insecure.anonymous.request('/api/auth/oidc/start');
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining('http://idp.example'),
        expect.objectContaining({ code: 'config_invalid' }),
      );
    } finally {
      logged.mockRestore();
    }
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/inloggen?fout=oidc_failed');
    expect(await auditAfter(before)).toEqual([
      expect.objectContaining({
        action: 'login_failed',
        details: expect.objectContaining({
          reason: 'provider_unavailable',
          code: 'config_invalid',
        }),
      }),
    ]);
  });
});
