import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import type { Principal } from '../../domain/access/principal.js';
import { GRANTS, ROLES } from '../../domain/access/roles.js';
import { getMeta } from '../../db/queries/meta-queries.js';
import { audit } from '../../services/auth/audit.js';
import { listDemoAccounts } from '../../services/demo-users.js';
import { logoutEverywhere, passwordLogin } from '../../services/auth/login.js';
import { endSession } from '../../services/auth/sessions.js';
import { changeOwnPassword } from '../../services/auth/users.js';
import {
  activeSession,
  auditContext,
  clearSessionCookie,
  guardedRoute,
  principal,
  setSessionCookie,
} from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { ErrorSchema, errorResponses } from '../schemas.js';

export const CurrentUserSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: z.object({ key: z.string(), name: z.string(), kind: z.string() }).nullable(),
    scope: z.object({ all: z.boolean(), codes: z.array(z.string()) }),
    permissions: z.array(z.string()),
    /** True when figures reach this user with disclosure control (suppression). */
    restricted: z.boolean(),
  })
  .openapi('CurrentUser');

export function currentUser(p: Principal): z.infer<typeof CurrentUserSchema> {
  const view = dataViewOf(p);
  return {
    email: p.email,
    name: p.name,
    role: p.role,
    organisation: p.organisation
      ? { key: p.organisation.key, name: p.organisation.name, kind: p.organisation.kind }
      : null,
    scope: { all: view.scope.all, codes: [...view.scope.codes] },
    permissions: [...GRANTS[p.role]],
    restricted: view.restricted,
  };
}

const sessionBody = z.object({ user: CurrentUserSchema, csrfToken: z.string() });
const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Authentication'],
  summary: 'Log in with e-mail and password',
  description:
    'Starts a new session (an HttpOnly cookie; any session the request carried is not reused) and returns the CSRF token that every state-changing request must send as `X-CSRF-Token`. Five failures for one account, or twenty from one address, within 15 minutes lock further attempts for 15 minutes (429).',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.string().min(3).max(254),
            password: z.string().min(1).max(200),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: sessionBody } } },
    401: problem('E-mail address or password is not right'),
    429: problem('Too many failed attempts'),
    ...errorResponses(400),
  },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['Authentication'],
  summary: 'Who is logged in, and what the login page offers',
  responses: {
    200: {
      description: 'The current user (null when not logged in)',
      content: {
        'application/json': {
          schema: z.object({
            user: CurrentUserSchema.nullable(),
            csrfToken: z.string().nullable(),
            oidc: z.object({ label: z.string() }).nullable(),
            demoAccounts: z
              .array(
                z.object({
                  email: z.string(),
                  role: z.enum(ROLES),
                  organisation: z.string(),
                  scope: z.string(),
                }),
              )
              .nullable()
              .openapi({
                description: 'While the demo is loaded: its accounts (password buurtbalans-demo)',
              }),
          }),
        },
      },
    },
  },
});

const logoutRoute = guardedRoute('figures:read', {
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Authentication'],
  summary: 'End this session',
  responses: { 204: { description: 'Logged out' } },
});

const logoutEverywhereRoute = guardedRoute('figures:read', {
  method: 'post',
  path: '/api/auth/logout-everywhere',
  tags: ['Authentication'],
  summary: 'End every session of this account, on every device',
  responses: {
    200: {
      description: 'Sessions ended',
      content: { 'application/json': { schema: z.object({ sessionsEnded: z.number().int() }) } },
    },
  },
});

const passwordRoute = guardedRoute('figures:read', {
  method: 'post',
  path: '/api/auth/password',
  tags: ['Authentication'],
  summary: 'Change your own password (your other sessions end)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
        },
      },
    },
  },
  responses: { 204: { description: 'Password changed' }, ...errorResponses(400) },
});

export function authRoutes(deps: ApiDeps) {
  const { db, config } = deps;
  return new OpenAPIHono<AppEnv>()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      // A session the request arrived with ends here: a new login never adopts a known token.
      const previous = c.get('session');
      if (previous) await endSession(db, previous.id);
      const { session, principal: p } = await passwordLogin(db, config.session, {
        email,
        password,
        ip: c.get('ip'),
        userAgent: c.req.header('User-Agent') ?? null,
      });
      setSessionCookie(c, config, session);
      return c.json({ user: currentUser(p), csrfToken: session.csrfToken }, 200);
    })
    .openapi(sessionRoute, async (c) => {
      const session = c.get('session');
      const demo = session ? null : await getMeta(db, 'demo');
      return c.json(
        {
          user: session ? currentUser(session.principal) : null,
          csrfToken: session?.csrfToken ?? null,
          oidc: config.oidc ? { label: config.oidc.label } : null,
          demoAccounts: demo ? await listDemoAccounts(db) : null,
        },
        200,
      );
    })
    .openapi(logoutRoute, async (c) => {
      const session = activeSession(c);
      await endSession(db, session.id);
      await audit(db, auditContext(c), 'logout', session.principal.email);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    .openapi(logoutEverywhereRoute, async (c) => {
      const ended = await logoutEverywhere(db, principal(c), c.get('ip'));
      clearSessionCookie(c, config);
      return c.json({ sessionsEnded: ended }, 200);
    })
    .openapi(passwordRoute, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const session = activeSession(c);
      await changeOwnPassword(
        db,
        session.principal,
        c.get('ip'),
        currentPassword,
        newPassword,
        session.id,
      );
      return c.body(null, 204);
    });
}
