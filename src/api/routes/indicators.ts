import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/shared/app-error.js';
import { findIndicator, listIndicators } from '../../db/queries/indicator-queries.js';
import type { ApiDeps } from '../deps.js';
import { errorResponses, IndicatorKeySchema, IndicatorSchema } from '../schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/indicators',
  tags: ['Indicators'],
  summary: 'The indicator catalogue',
  responses: {
    200: {
      description: 'All indicators: key, names, unit, source, direction, theme, decimals',
      content: {
        'application/json': { schema: z.object({ indicators: z.array(IndicatorSchema) }) },
      },
    },
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/api/indicators/{key}',
  tags: ['Indicators'],
  summary: 'One indicator',
  request: {
    params: z.object({ key: IndicatorKeySchema.openapi({ param: { name: 'key', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The indicator',
      content: { 'application/json': { schema: IndicatorSchema } },
    },
    ...errorResponses(400, 404),
  },
});

export function indicatorRoutes({ db }: ApiDeps) {
  return new OpenAPIHono()
    .openapi(listRoute, async (c) => c.json({ indicators: await listIndicators(db) }, 200))
    .openapi(oneRoute, async (c) => {
      const { key } = c.req.valid('param');
      const indicator = await findIndicator(db, key);
      if (!indicator)
        throw new AppError('indicator_not_found', `No indicator with key ${key}`, {
          indicator: key,
        });
      const { id, ...rest } = indicator;
      return c.json(rest, 200);
    });
}
