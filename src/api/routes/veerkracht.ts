import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { parseUniverseText } from '../../domain/ranking/method.js';
import { AppError } from '../../domain/shared/app-error.js';
import { veerkrachtFor } from '../../services/veerkracht.js';
import { guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses, YearSchema } from '../schemas.js';

const route = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/veerkracht',
  tags: ['Veerkracht'],
  summary:
    'The veerkracht signal between two years: change in vulnerability against change in nuisance',
  description: [
    'Per area the change in the concentration of vulnerable residents (default: low-income share,',
    'social-minimum share, bijstand per 1,000 inhabitants) against the change in nuisance and',
    'unsafety (Leefbaarometer onv), absolute (against the country) and relative (against the rest',
    'of the gemeente), as quadrants, with a focus class where a high level of vulnerability meets',
    'high nuisance. Only the figures of exactly the two years are used: an area lacking one says',
    'which (`missing`). The signal is computed over the whole universe; only areas in your scope',
    'are returned. It is a signal for a conversation, not a diagnosis (`disclaimer`).',
  ].join(' '),
  request: {
    query: z.object({
      from: YearSchema.openapi({ example: 2020 }),
      to: YearSchema.openapi({ example: 2024 }),
      level: z.enum(['buurt', 'wijk']).default('buurt'),
      nuisance: z
        .string()
        .regex(/^[a-z0-9_]{1,64}$/)
        .optional()
        .openapi({
          description:
            'An indicator to use as the nuisance axis instead of lbm_onv, e.g. own overlast figures',
        }),
      within: z.string().default('working-area').openapi({
        description: 'working-area, country, or gemeente/wijk codes separated by commas',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The signal per area, the quadrant counts and the disclaimer',
      content: {
        'application/json': {
          schema: z
            .object({
              years: z.object({ from: z.number(), to: z.number() }),
              areas: z.array(z.record(z.string(), z.unknown())),
              disclaimer: z.object({ nl: z.string(), en: z.string() }),
            })
            .passthrough(),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function veerkrachtRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const result = await veerkrachtFor(
      db,
      {
        from: q.from,
        to: q.to,
        level: q.level,
        within: parseWithin(q.within),
        ...(q.nuisance ? { nuisance: q.nuisance } : {}),
      },
      dataViewOf(principal(c)),
    );
    return c.json(
      result as unknown as z.infer<
        (typeof route)['responses'][200]['content']['application/json']['schema']
      >,
      200,
    );
  });
}

function parseWithin(raw: string): 'country' | 'working-area' | string[] {
  const parsed = parseUniverseText(raw);
  if ('bad' in parsed)
    throw new AppError(
      'validation_failed',
      `within: must be working-area, country or gemeente/wijk codes such as GM0392,GM0375, not "${parsed.bad}"`,
      { field: 'within' },
    );
  return parsed.within;
}
