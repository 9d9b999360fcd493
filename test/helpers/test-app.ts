import { sql } from 'kysely';
import { createApp } from '../../src/api/app.js';
import type { ApiDeps } from '../../src/api/deps.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { Role } from '../../src/domain/access/roles.js';
import { DEFAULT_DISCLOSURE_RULES } from '../../src/domain/privacy/disclosure-rules.js';
import { createSession } from '../../src/services/auth/sessions.js';

export const TEST_CONFIG: ApiDeps['config'] = {
  basemapUrl: null,
  basemapAttribution: null,
  webDir: '/nonexistent-web-dir',
  publicUrl: null,
  trustProxy: false,
  session: { idleMinutes: 480, maxHours: 168 },
  privacy: DEFAULT_DISCLOSURE_RULES,
  oidc: null,
  demo: 'auto',
};

/** Who a test client acts as: a user made for the test (no password login needed). */
export interface TestUser {
  role: Role;
  organisationKind?:
    'corporation' | 'gemeente' | 'zorg' | 'welzijn' | 'politie' | 'huurdersorganisatie';
  /** 'all', or gemeente/wijk codes. */
  scope?: 'all' | string[];
}

export interface TestClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  /** JSON body with the session's CSRF token. */
  send<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }>;
}

let counter = 0;

/**
 * The real HTTP application on a test database, called in-process. Its default client is a
 * corporation analyst with every area in scope (figures as stored); `as()` gives a client for
 * another role and scope, `anonymous` one without a session.
 */
export function createTestApp(
  handle: DatabaseHandle,
  basemapUrl: string | null = null,
  config: Partial<ApiDeps['config']> = {},
) {
  const fullConfig = { ...TEST_CONFIG, basemapUrl, ...config };
  const app = createApp({ db: handle.db, engine: handle.engine, config: fullConfig });

  const clientFor = (credentials: () => Promise<{ cookie: string; csrf: string } | null>) => {
    const request = async (path: string, init: RequestInit = {}) => {
      const auth = await credentials();
      const headers = new Headers(init.headers);
      if (auth) {
        headers.set('Cookie', auth.cookie);
        if (!headers.has('X-CSRF-Token')) headers.set('X-CSRF-Token', auth.csrf);
      }
      return app.request(path, { ...init, headers });
    };
    const json = async <T>(path: string, init: RequestInit = {}) => {
      const response = await request(path, init);
      const text = await response.text();
      return {
        status: response.status,
        body: (text ? JSON.parse(text) : null) as T,
        headers: response.headers,
      };
    };
    const client: TestClient = {
      request,
      get: (path, headers = {}) => request(path, { headers }),
      json,
      send: (method, path, body) =>
        json(path, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
        }),
    };
    return client;
  };

  const as = (user: TestUser): TestClient & { user: TestUser } => {
    let session: Promise<{ cookie: string; csrf: string }> | null = null;
    const client = clientFor(() => (session ??= testSession(handle, fullConfig, user)));
    return Object.assign(client, { user });
  };

  const analyst = as({ role: 'analyst' });
  return { app, ...analyst, as, anonymous: clientFor(async () => null) };
}

/** A user and a session for it, made directly in the database. */
export async function testSession(
  handle: DatabaseHandle,
  config: ApiDeps['config'],
  user: TestUser,
): Promise<{ cookie: string; csrf: string; email: string }> {
  const kind = user.organisationKind ?? (user.role === 'partner' ? 'gemeente' : 'corporation');
  const orgKey = `test-${kind}`;
  await sql`insert into organisation (key, name, kind) values (${orgKey}, ${`Test ${kind}`}, ${kind})
    on conflict (key) do nothing`.execute(handle.db);
  const email = `${user.role}-${process.pid}-${(counter += 1)}@test.buurtbalans.nl`;
  const scope = user.scope ?? 'all';
  const inserted = await sql<{
    id: number;
  }>`insert into app_user (organisation_id, email, display_name, role, scope_all)
    select id, ${email}, ${`Test ${user.role}`}, ${user.role}, ${scope === 'all'} from organisation where key = ${orgKey}
    returning id`.execute(handle.db);
  const id = inserted.rows[0]!.id;
  if (scope !== 'all')
    for (const code of scope)
      await sql`insert into user_scope (user_id, area_code) values (${id}, ${code})`.execute(
        handle.db,
      );
  const session = await createSession(handle.db, config.session, {
    id,
    via: 'password',
    ip: 'test',
    userAgent: 'vitest',
  });
  return { cookie: `bb_session=${session.token}`, csrf: session.csrfToken, email };
}
