import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import type { StoredMethod } from '../../db/queries/ranking-queries.js';
import { previewMethod } from '../../services/ranking-preview.js';
import {
  getMethod,
  listMethods,
  parseMethodRef,
  saveMethod,
} from '../../services/ranking-methods.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses, YearSchema } from '../schemas.js';

const MethodDefinitionSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    universe: z.object({
      level: z.enum(['buurt', 'wijk', 'gemeente']),
      within: z.union([z.literal('country'), z.literal('working-area'), z.array(z.string())]),
    }),
    normalisation: z.enum(['percentile', 'zscore', 'minmax']),
    antiCompensation: z.boolean(),
    completeness: z.object({ minWeightShare: z.number() }),
    classes: z.object({
      count: z.number().int(),
      labelsNl: z.array(z.string()),
      labelsEn: z.array(z.string()),
    }),
    flags: z.object({ percentile: z.number() }),
    uncertainty: z.object({ draws: z.number(), perturbation: z.number(), seed: z.number() }),
    themeWeights: z.record(z.string(), z.number()).nullable(),
    indicators: z.array(
      z.object({
        key: z.string(),
        direction: z.enum(['higher_is_better', 'higher_is_worse']),
        weight: z.number(),
        theme: z.string(),
      }),
    ),
  })
  .openapi('MethodDefinition');

const MethodSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    version: z.number().int(),
    name: z.string(),
    builtIn: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    rankings: z.number().int().openapi({ description: 'Stored rankings made with this version' }),
    definition: MethodDefinitionSchema,
  })
  .openapi('Method');

const methodJson = (m: StoredMethod): z.infer<typeof MethodSchema> => ({
  id: m.id,
  key: m.key,
  version: m.version,
  name: m.name,
  builtIn: m.builtIn,
  createdBy: m.createdBy,
  createdAt: m.createdAt.toISOString(),
  rankings: m.rankings,
  definition: m.definition as z.infer<typeof MethodDefinitionSchema>,
});

const MethodBody = {
  required: true,
  content: {
    'application/json': {
      schema: z.record(z.string(), z.unknown()).openapi({
        description:
          'A method file (docs/METHODS.md): key, name, universe and indicators are required, everything else has a default',
        example: {
          key: 'onv-haarlem',
          name: 'Onveiligheid Haarlem',
          universe: { level: 'buurt', within: ['GM0392'] },
          indicators: [{ key: 'lbm_onv', direction: 'higher_is_better', weight: 1 }],
        },
      }),
    },
  },
};

const KeyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'leefbaarheid-en-kwetsbaarheid' }),
});

const listRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/methods',
  tags: ['Rankings'],
  summary: 'Ranking methods: every version, newest first per key',
  responses: {
    200: {
      description: 'Methods',
      content: { 'application/json': { schema: z.object({ methods: z.array(MethodSchema) }) } },
    },
  },
});

const showRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/methods/{key}',
  tags: ['Rankings'],
  summary: 'One method version (the newest without `version`)',
  request: {
    params: KeyParam,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  },
  responses: {
    200: {
      description: 'The method',
      content: { 'application/json': { schema: z.object({ method: MethodSchema }) } },
    },
    ...errorResponses(400, 404),
  },
});

const addRoute = guardedRoute('methods:write', {
  method: 'post',
  path: '/api/methods',
  tags: ['Rankings'],
  summary: 'Save a method: a new key, or a new version of an existing one',
  description:
    'A stored method version is never changed: rankings keep pointing at the version they used. The same content as the newest version adds nothing (`created: false`). Validation errors list every problem in `details.issues` as `{field, message}` with a JSON path.',
  request: { body: MethodBody },
  responses: {
    201: {
      description: 'Saved (or already there)',
      content: {
        'application/json': {
          schema: z.object({ method: MethodSchema, created: z.boolean() }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const previewRoute = guardedRoute('methods:write', {
  method: 'post',
  path: '/api/methods/preview',
  tags: ['Rankings'],
  summary: 'How ranks would move under an edited method, before saving it (no Monte Carlo)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            definition: z.record(z.string(), z.unknown()),
            year: YearSchema,
            baseline: z.string().optional().openapi({
              description:
                'key or key@version to compare with; default the newest version of the same key',
              example: 'leefbaarheid-en-kwetsbaarheid@1',
            }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        'The definition with defaults filled, the stored version compared with, and per area the rank now and under the stored version',
      content: {
        'application/json': {
          schema: z
            .object({
              definition: MethodDefinitionSchema,
              baseline: z.object({ key: z.string(), version: z.number() }).nullable(),
              dataYear: z.number(),
              years: z.record(z.string(), z.number().nullable()),
              ranked: z.number(),
              notRanked: z.number(),
              areas: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  ranked: z.boolean(),
                  rank: z.number().nullable(),
                  class: z.number().nullable(),
                  baselineRank: z.number().nullable(),
                  baselineClass: z.number().nullable(),
                  missing: z.array(z.string()),
                }),
              ),
            })
            .openapi('MethodPreview'),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function methodRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) =>
      c.json({ methods: (await listMethods(db)).map(methodJson) }, 200),
    )
    .openapi(previewRoute, async (c) => {
      const body = c.req.valid('json');
      const preview = await previewMethod(
        db,
        dataViewOf(principal(c)),
        body.definition,
        body.year,
        body.baseline ? parseMethodRef(body.baseline) : undefined,
      );
      return c.json(preview, 200);
    })
    .openapi(showRoute, async (c) => {
      const { key } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const method = await getMethod(db, { key, ...(version !== undefined ? { version } : {}) });
      return c.json({ method: methodJson(method) }, 200);
    })
    .openapi(addRoute, async (c) => {
      const saved = await saveMethod(db, auditContext(c), c.req.valid('json'));
      return c.json({ method: methodJson(saved.method), created: saved.created }, 201);
    });
}
