import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import { clientAddress } from '../domain/access/client-address.js';
import { can } from '../domain/access/policy.js';
import type { Principal } from '../domain/access/principal.js';
import type { Permission } from '../domain/access/roles.js';
import { AppError } from '../domain/shared/app-error.js';
import { resolveSession, type ActiveSession, type NewSession } from '../services/auth/sessions.js';
import type { ApiDeps } from './deps.js';
import type { AppEnv } from './env.js';
import { errorResponses } from './schemas.js';

export const SESSION_COOKIE = 'bb_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Endpoints anyone may call: health, the login itself, what the login page needs, API docs. */
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/auth/session',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/docs',
  'GET /api/docs.css',
  'GET /api/openapi.json',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isPublic = (c: Context) =>
  PUBLIC.has(`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${c.req.path}`);

function clientIp(c: Context, trustProxy: boolean): string {
  let socket: string | null = null;
  try {
    socket = getConnInfo(c).remote.address ?? null;
  } catch {
    // In-process requests (tests) have no socket.
    socket = 'local';
  }
  return clientAddress(socket, c.req.header('X-Forwarded-For') ?? null, trustProxy);
}

/** Reads the session cookie into the context; an unknown or expired token is no session. */
export function sessionMiddleware({ db, config }: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ip', clientIp(c, config.trustProxy));
    c.set('authorized', false);
    const token = getCookie(c, SESSION_COOKIE);
    const session = await resolveSession(db, config.session, token);
    c.set('session', session);
    if (token && !session) clearSessionCookie(c, config);
    await next();
  };
}

/**
 * Deny by default for the API: a session is needed (but for the public endpoints), a
 * state-changing request must carry the session's CSRF token and come from our own origin, and
 * a route must have checked a permission — a route that forgot gets a 403, not data.
 */
export function guardMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c)) {
      c.set('authorized', true);
      checkOrigin(c);
      return next();
    }
    const session = c.get('session');
    if (!session) throw new AppError('unauthenticated', 'Log in first (POST /api/auth/login)');
    // SameSite=Lax still sends the cookie on another site's links; the API is never such a
    // link's target (an export or a sensitive view would be recorded in the victim's name).
    if (c.req.header('Sec-Fetch-Site') === 'cross-site')
      throw new AppError('csrf_failed', 'Request from another site refused');
    if (!SAFE_METHODS.has(c.req.method)) {
      checkOrigin(c);
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, session.csrfToken))
        throw new AppError(
          'csrf_failed',
          `A change needs the ${CSRF_HEADER} header of your session (from GET /api/auth/session)`,
        );
    }
    await next();
    if (!c.get('authorized') && c.res.status < 400) {
      console.error(`No permission check on ${c.req.method} ${c.req.path}; refused`);
      c.res = c.json(
        { error: { code: 'forbidden', message: 'This endpoint has no access rule; refused' } },
        403,
      );
    }
  };
}

/** A cross-site form or script: its Origin is not ours. Requests without Origin (curl) pass. */
function checkOrigin(c: Context): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('Origin');
  if (!origin) return;
  const own = new URL(c.req.url);
  const host = c.req.header('Host') ?? own.host;
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    throw new AppError('csrf_failed', 'Request from another site refused');
  }
  if (sent.host !== host) throw new AppError('csrf_failed', 'Request from another site refused');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Route middleware: the one policy decides; the route states only what it needs. */
export function authorize(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('session')?.principal ?? null;
    if (!principal) throw new AppError('unauthenticated', 'Log in first (POST /api/auth/login)');
    if (!can(principal, permission))
      throw new AppError('forbidden', `Your role (${principal.role}) may not do this`, {
        permission,
      });
    c.set('authorized', true);
    await next();
  };
}

/**
 * An OpenAPI route that needs a permission: the check runs before validation (an outsider
 * learns nothing from error messages), and the document says who may call it.
 */
export function guardedRoute<R extends RouteConfig>(permission: Permission, route: R) {
  return createRoute({
    ...route,
    middleware: [authorize(permission)] as const,
    security: [{ session: [] }],
    responses: { ...errorResponses(401, 403), ...route.responses },
    description: `${route.description ? `${route.description}\n\n` : ''}Needs permission \`${permission}\`.`,
    'x-permission': permission,
  });
}

/** The principal of a route that passed `authorize`. */
export function principal(c: Context<AppEnv>): Principal {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated', 'Log in first');
  return session.principal;
}

export function activeSession(c: Context<AppEnv>): ActiveSession {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated', 'Log in first');
  return session;
}

export function auditContext(c: Context<AppEnv>) {
  return { actor: c.get('session')?.principal ?? null, ip: c.get('ip') };
}

const secure = (config: Pick<Config, 'publicUrl'>) =>
  config.publicUrl?.startsWith('https://') ?? false;

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'publicUrl' | 'session'>,
  session: NewSession,
): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(config),
    path: '/',
    maxAge: config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'publicUrl'>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: secure(config),
    httpOnly: true,
    sameSite: 'Lax',
  });
}
