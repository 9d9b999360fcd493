import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Status'],
  summary: 'Is the service up, and can it reach its database?',
  responses: {
    200: {
      description: 'Service and database answer',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
    ...errorResponses(503),
  },
});

export function healthRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      throw new AppError('database_unavailable', 'The database does not answer', undefined, error);
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}
