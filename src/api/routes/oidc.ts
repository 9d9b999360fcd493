import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../domain/shared/app-error.js';
import {
  beginOidcLogin,
  finishOidcLogin,
  OIDC_LOGIN_MINUTES,
  type OidcFailure,
  type OidcSettings,
} from '../../services/auth/oidc.js';
import { endSession } from '../../services/auth/sessions.js';
import { setSessionCookie } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

const CALLBACK_PATH = '/api/auth/oidc/callback';
/** Binds a login's state to the browser that began it; sent only to the two OIDC endpoints. */
const STATE_COOKIE = 'bb_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

const redirect = (description: string) => ({
  description,
  headers: z.object({ Location: z.string().openapi({ description: 'Where the browser goes' }) }),
});

const startRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  tags: ['Authentication'],
  summary: 'Log in through the organisation’s identity provider (OpenID Connect)',
  description: `Sends the browser to the identity provider (authorization code flow with PKCE). The login must be finished within ${OIDC_LOGIN_MINUTES} minutes. Only when OpenID Connect is configured (GET /api/auth/session names its label).`,
  request: {
    query: z.object({
      returnTo: z.string().optional().openapi({
        description:
          'A local path to land on after the login, such as /kaart; anything else lands on /',
        example: '/kaart',
      }),
    }),
  },
  responses: {
    302: redirect(
      'To the provider’s authorization endpoint; to /inloggen?fout=oidc_failed when the provider cannot be reached',
    ),
    ...errorResponses(400, 404),
  },
});

const callbackRoute = createRoute({
  method: 'get',
  path: CALLBACK_PATH,
  tags: ['Authentication'],
  summary: 'Where the identity provider sends the browser back',
  description:
    'Exchanges the code, checks the ID token and starts a session (an HttpOnly cookie; any session the request carried ends) for the account linked to the identity, or the account with its verified e-mail address (which is then linked). Accounts are never created here.',
  request: {
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      iss: z.string().optional(),
      error: z.string().optional(),
    }),
  },
  responses: {
    302: redirect(
      'Logged in: to the path given at the start. Not logged in: to /inloggen?fout= with oidc_failed, unknown_account or disabled',
    ),
    ...errorResponses(400, 404),
  },
});

export function oidcRoutes(deps: ApiDeps) {
  const { db, config } = deps;

  const settings = (): OidcSettings => {
    if (!config.oidc) throw new AppError('not_found', 'OpenID Connect login is not configured');
    return config.oidc;
  };
  // The provider only redirects to addresses registered with it: the public address when
  // configured (behind a proxy the request's own origin is the internal one).
  const redirectUri = (c: Context) =>
    `${config.publicUrl ?? new URL(c.req.url).origin}${CALLBACK_PATH}`;
  const request = (c: Context<AppEnv>) => ({
    ip: c.get('ip'),
    userAgent: c.req.header('User-Agent') ?? null,
    redirectUri: redirectUri(c),
  });
  const failed = (c: Context, failure: OidcFailure) => c.redirect(`/inloggen?fout=${failure}`, 302);
  const stateCookie = {
    path: STATE_COOKIE_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET from another site, which Lax allows.
    sameSite: 'Lax',
    secure: config.publicUrl?.startsWith('https://') ?? false,
  } as const;

  return new OpenAPIHono<AppEnv>()
    .openapi(startRoute, async (c) => {
      const oidc = settings();
      const { returnTo } = c.req.valid('query');
      const started = await beginOidcLogin(db, oidc, { ...request(c), returnTo });
      if (!started.ok) return failed(c, started.failure);
      setCookie(c, STATE_COOKIE, started.state, {
        ...stateCookie,
        maxAge: OIDC_LOGIN_MINUTES * 60,
      });
      return c.redirect(started.authorizationUrl.href, 302);
    })
    .openapi(callbackRoute, async (c) => {
      const oidc = settings();
      const browserState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, stateCookie);
      const finished = await finishOidcLogin(db, oidc, config.session, {
        ...request(c),
        params: new URL(c.req.url).searchParams,
        browserState,
      });
      if (!finished.ok) return failed(c, finished.failure);
      // A session the request arrived with ends here: a new login never adopts a known token.
      const previous = c.get('session');
      if (previous) await endSession(db, previous.id);
      setSessionCookie(c, config, finished.session);
      return c.redirect(finished.returnTo, 302);
    });
}
