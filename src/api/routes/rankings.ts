import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { audit } from '../../services/auth/audit.js';
import { diffRankings } from '../../services/ranking-diff.js';
import { exportRanking } from '../../services/ranking-export.js';
import { parseMethodRef } from '../../services/ranking-methods.js';
import {
  explainArea,
  getRankingTable,
  listRankingSummaries,
  summariseRanking,
} from '../../services/ranking-views.js';
import { createRanking, getRanking } from '../../services/rankings.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { AreaCodeSchema, errorResponses, YearSchema } from '../schemas.js';

const RankingSummarySchema = z
  .object({
    id: z.number().int(),
    method: z.object({ key: z.string(), version: z.number().int(), name: z.string() }),
    dataYear: z.number().int(),
    boundaryYear: z.number().int(),
    level: z.string(),
    within: z.unknown(),
    ranked: z.number().int(),
    notRanked: z.number().int(),
    draws: z.number().int(),
    years: z
      .record(z.string(), z.number().nullable())
      .openapi({ description: 'Per indicator: the data year used, null without figures' }),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('RankingSummary');

const RankingRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    gemeenteCode: z.string().nullable(),
    ranked: z.boolean(),
    rank: z.number().int().nullable().openapi({ description: '1 = the most need' }),
    score: z.number().nullable(),
    percentile: z.number().nullable(),
    decile: z.number().int().nullable(),
    class: z.number().int().nullable(),
    rankLow: z.number().int().nullable(),
    rankHigh: z.number().int().nullable(),
    flags: z.array(z.string()),
    reason: z
      .object({ code: z.string(), weightPresent: z.number(), missing: z.array(z.string()) })
      .nullable(),
    previousRank: z.number().int().nullable(),
  })
  .openapi('RankingRow');

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/rankings',
  tags: ['Rankings'],
  summary: 'Stored rankings, newest first',
  responses: {
    200: json(z.object({ rankings: z.array(RankingSummarySchema) }), 'Rankings'),
  },
});

const createRoute = guardedRoute('methods:write', {
  method: 'post',
  path: '/api/rankings',
  tags: ['Rankings'],
  summary: 'Apply a method version to a data year and store the ranking (immutable)',
  description:
    'Per indicator the newest figures at most `year` are used; the summary says which year. Areas below the completeness rule are stored as not ranked with the reason. A national ranking with 1,000 Monte Carlo draws takes a few seconds (see `npm run bench`).',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            method: z.string().openapi({ example: 'leefbaarheid-en-kwetsbaarheid@1' }),
            year: YearSchema,
            within: z
              .union([z.literal('country'), z.literal('working-area'), z.array(AreaCodeSchema)])
              .optional(),
            draws: z.number().int().min(0).max(10_000).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ ranking: RankingSummarySchema }), 'The stored ranking'),
    ...errorResponses(400, 404),
  },
});

const diffRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/rankings/diff',
  tags: ['Rankings'],
  summary: 'Rank changes from ranking a to b, split into a data part and a method part',
  description:
    'Both parts come from recomputing crosswise (method b on the data of a, method a on the data of b) and add up to the change (Shapley split). `change` = rank in b − rank in a: negative means more need.',
  request: {
    query: z.object({
      a: z.coerce.number().int().positive(),
      b: z.coerce.number().int().positive(),
    }),
  },
  responses: {
    200: json(
      z.object({ a: RankingSummarySchema, b: RankingSummarySchema }).passthrough(),
      'Changes',
    ),
    ...errorResponses(400, 404),
  },
});

const tableRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/rankings/{id}',
  tags: ['Rankings'],
  summary: 'One ranking as a table: the areas in your scope, by rank',
  request: { params: IdParam },
  responses: {
    200: json(
      z.object({
        ranking: RankingSummarySchema,
        method: z.record(z.string(), z.unknown()),
        previous: RankingSummarySchema.nullable(),
        areas: z.array(RankingRowSchema),
      }),
      'The ranking',
    ),
    ...errorResponses(400, 404),
  },
});

const explainRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/rankings/{id}/areas/{code}',
  tags: ['Rankings'],
  summary:
    'Why an area has its rank: contributions, rank interval, flags, what moved since last year',
  description:
    'Theme contributions add up to the score, indicator contributions to their theme. For restricted viewers an indicator value that disclosure control hides is null with its `suppression` reason.',
  request: {
    params: IdParam.extend({
      code: AreaCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
    }),
  },
  responses: {
    200: json(
      z.object({ ranking: RankingSummarySchema, row: RankingRowSchema }).passthrough(),
      'The explanation',
    ),
    ...errorResponses(400, 403, 404),
  },
});

const exportRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/rankings/{id}/export',
  tags: ['Rankings'],
  summary: 'The ranking as CSV (Dutch Excel) or XLSX (with a sheet on how it was made)',
  description: 'The areas in your scope. Every export is recorded in the audit log.',
  request: {
    params: IdParam,
    query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
  },
  responses: { 200: { description: 'The file' }, ...errorResponses(400, 404) },
});

export function rankingRoutes({ db, config }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => c.json({ rankings: await listRankingSummaries(db) }, 200))
    .openapi(createRoute, async (c) => {
      const body = c.req.valid('json');
      const made = await createRanking(db, auditContext(c), {
        method: parseMethodRef(body.method),
        year: body.year,
        ...(body.within !== undefined ? { within: body.within } : {}),
        ...(body.draws !== undefined ? { draws: body.draws } : {}),
      });
      return c.json({ ranking: summariseRanking(await getRanking(db, made.rankingId)) }, 201);
    })
    .openapi(diffRoute, async (c) => {
      const { a, b } = c.req.valid('query');
      return c.json(await diffRankings(db, dataViewOf(principal(c)), a, b), 200);
    })
    .openapi(tableRoute, async (c) => {
      const { id } = c.req.valid('param');
      const table = await getRankingTable(db, dataViewOf(principal(c)), id);
      return c.json({ ...table, method: table.method as unknown as Record<string, unknown> }, 200);
    })
    .openapi(explainRoute, async (c) => {
      const { id, code } = c.req.valid('param');
      return c.json(await explainArea(db, dataViewOf(principal(c)), config.privacy, id, code), 200);
    })
    .openapi(exportRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const file = await exportRanking(db, dataViewOf(principal(c)), id, format);
      await audit(db, auditContext(c), 'export', `ranking ${id}`, { rows: file.rows, format });
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      });
    });
}
