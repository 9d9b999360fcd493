import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../domain/shared/app-error.js';
import { guardMiddleware, SESSION_COOKIE, sessionMiddleware } from './access.js';
import type { ApiDeps } from './deps.js';
import type { AppEnv } from './env.js';
import { DOCS_CSS, renderDocsPage, type OpenApiDocument } from './docs-page.js';
import { errorBody, handleError } from './errors.js';
import { areaRoutes } from './routes/areas.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { budgetRoutes } from './routes/budget.js';
import { budgetSetupRoutes } from './routes/budget-setup.js';
import { commentRoutes } from './routes/comments.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { indicatorRoutes } from './routes/indicators.js';
import { mapRoutes } from './routes/map.js';
import { metaRoutes } from './routes/meta.js';
import { methodRoutes } from './routes/methods.js';
import { oidcRoutes } from './routes/oidc.js';
import { rankingRoutes } from './routes/rankings.js';
import { spendingRoutes } from './routes/spending.js';
import { stockRoutes } from './routes/stock.js';
import { userRoutes } from './routes/users.js';
import { veerkrachtRoutes } from './routes/veerkracht.js';
import { serveWebApp } from './static-files.js';

const OPENAPI_INFO = {
  title: 'Buurtbalans API',
  version: '0.1.0',
  description:
    'Areas (CBS gemeenten, wijken, buurten), the indicator catalogue, every figure with its source, year and status, and choropleth map layers. Missing and secret figures are null with a status, never 0.',
};

/** The whole HTTP application: API under /api, the web app for everything else. */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures take the one error shape, naming the first offending field.
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || 'request';
        throw new AppError('validation_failed', `${field}: ${issue?.message ?? 'invalid'}`, {
          field,
          issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
    },
  });

  const external = basemapSources(deps.config.basemapUrl);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...external],
        connectSrc: ["'self'", ...external],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", ...external],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // HSTS only where the site is served over https: over plain http it would be ignored,
      // and on a laptop install it would pin localhost to https.
      strictTransportSecurity: deps.config.publicUrl?.startsWith('https://')
        ? 'max-age=31536000; includeSubDomains'
        : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // 1 MB for every request body, except uploads (their route sets its own, larger limit).
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) =>
      c.json(errorBody(new AppError('payload_too_large', 'Request body larger than 1 MB')), 413),
  });
  app.use('/api/*', (c, next) => (c.req.path === '/api/imports' ? next() : limitBody(c, next)));
  app.use('/api/*', compress());
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', guardMiddleware());

  const routes = [
    healthRoutes,
    authRoutes,
    oidcRoutes,
    metaRoutes,
    areaRoutes,
    commentRoutes,
    methodRoutes,
    rankingRoutes,
    veerkrachtRoutes,
    budgetRoutes,
    budgetSetupRoutes,
    spendingRoutes,
    stockRoutes,
    indicatorRoutes,
    mapRoutes,
    importRoutes,
    userRoutes,
    auditRoutes,
  ] as const;
  for (const routesOf of routes) app.route('/', routesOf(deps) as unknown as OpenAPIHono<AppEnv>);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Log in with POST /api/auth/login; state-changing requests also need the X-CSRF-Token header.',
  });

  app.doc('/api/openapi.json', { openapi: '3.0.0', info: OPENAPI_INFO });
  app.get('/api/docs', (c) => {
    const doc = app.getOpenAPIDocument({
      openapi: '3.0.0',
      info: OPENAPI_INFO,
    }) as unknown as OpenApiDocument;
    return c.html(renderDocsPage(doc));
  });
  app.get('/api/docs.css', (c) =>
    c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );

  app.all('/api/*', (c) => {
    throw new AppError('not_found', `No API endpoint ${c.req.method} ${c.req.path}; see /api/docs`);
  });
  app.get('*', serveWebApp(deps.config.webDir));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * Hosts the browser may load map tiles and styles from. A raster template names its one host;
 * a MapLibre style can pull tiles, glyphs and sprites from anywhere, so it opens https: for
 * images, fonts and connections (scripts stay 'self' only). No basemap: nothing external.
 */
function basemapSources(url: string | null): string[] {
  if (!url) return [];
  if (/\.json(\?|$)/.test(url)) return ['https:'];
  return [new URL(url.replace(/[{}]/g, '')).origin];
}
