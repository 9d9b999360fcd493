import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { audit } from '../../services/auth/audit.js';
import { listAreasFor } from '../../services/list-areas.js';
import { getAreaProfile } from '../../services/area-profile.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import {
  AreaCodeSchema,
  AreaRefSchema,
  AreaSchema,
  errorResponses,
  LevelSchema,
  SeriesSchema,
  YearSchema,
} from '../schemas.js';

const listRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/areas',
  tags: ['Areas'],
  summary: 'List areas by level and parent',
  description:
    'Areas of one boundary year (the newest by default). `parent` is a direct parent, or for buurten also their gemeente.',
  request: {
    query: z.object({
      level: LevelSchema.optional(),
      parent: AreaCodeSchema.optional(),
      boundaryYear: YearSchema.optional(),
    }),
  },
  responses: {
    200: {
      description: 'Areas, ordered by code',
      content: {
        'application/json': {
          schema: z.object({
            boundaryYear: z.number().int().nullable(),
            areas: z.array(AreaSchema),
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const profileRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/areas/{code}',
  tags: ['Areas'],
  summary: 'One area with its hierarchy, children and every indicator series',
  description:
    'Includes the series of the gemeente and the land the area lies in (`references`) for comparison. Outside your scope: 403; a gemeente or the land around your scope comes with `access: aggregate` (its own figures, not what else lies in it). Figures come with disclosure control unless you are one of the corporation’s administrators or analysts.',
  request: {
    params: z.object({ code: AreaCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }),
    query: z.object({ boundaryYear: YearSchema.optional() }),
  },
  responses: {
    200: {
      description: 'The area profile',
      content: {
        'application/json': {
          schema: z
            .object({
              area: AreaSchema,
              access: z.enum(['full', 'aggregate']),
              ancestors: z.array(AreaRefSchema),
              children: z.array(AreaRefSchema),
              series: z.array(SeriesSchema),
              references: z.array(z.object({ area: AreaRefSchema, series: z.array(SeriesSchema) })),
              boundaryYears: z.array(z.number().int()),
            })
            .openapi('AreaProfile'),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function areaRoutes({ db, config }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAreasFor(db, q, dataViewOf(principal(c))), 200);
    })
    .openapi(profileRoute, async (c) => {
      const { code } = c.req.valid('param');
      const { boundaryYear } = c.req.valid('query');
      const { sensitiveIndicators, ...profile } = await getAreaProfile(
        db,
        code,
        boundaryYear,
        dataViewOf(principal(c)),
        config.privacy,
      );
      if (sensitiveIndicators.length > 0)
        await audit(db, auditContext(c), 'view_sensitive', code, {
          indicators: sensitiveIndicators,
        });
      return c.json(profile, 200);
    });
}
