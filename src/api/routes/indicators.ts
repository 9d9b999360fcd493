import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findIndicator, listIndicators } from '../../db/queries/indicator-queries.js';
import { guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import {
  AreaCodeSchema,
  errorResponses,
  IndicatorKeySchema,
  IndicatorSchema,
  LevelSchema,
} from '../schemas.js';
import { listAvailableIndicators } from '../../services/available-indicators.js';

const listRoute = guardedRoute('figures:read', {
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

const availableRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/indicators/available',
  tags: ['Indicators'],
  summary: 'Indicators with figures for the areas of a level (within a parent), with their years',
  request: {
    query: z.object({ level: LevelSchema.default('buurt'), parent: AreaCodeSchema.optional() }),
  },
  responses: {
    200: {
      description: 'Indicator keys and the years they have figures in',
      content: {
        'application/json': {
          schema: z.object({
            boundaryYear: z.number().int().nullable(),
            indicators: z.array(z.object({ key: z.string(), years: z.array(z.number().int()) })),
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const oneRoute = guardedRoute('figures:read', {
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
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => c.json({ indicators: await listIndicators(db) }, 200))
    .openapi(availableRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listAvailableIndicators(
          db,
          { level: q.level, ...(q.parent ? { parent: q.parent } : {}) },
          dataViewOf(principal(c)),
        ),
        200,
      );
    })
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
