import { OpenAPIHono, z } from '@hono/zod-openapi';
import { countAreasByLevel } from '../../db/queries/area-queries.js';
import { listImportRuns } from '../../db/queries/import-run-queries.js';
import { getMeta } from '../../db/queries/meta-queries.js';
import { listOrganisations } from '../../db/queries/organisation-queries.js';
import { guardedRoute } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';

const metaRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/meta',
  tags: ['Status'],
  summary: 'What this installation holds: demo status, organisations, basemap, counts',
  responses: {
    200: {
      description: 'Installation facts the web app starts from',
      content: {
        'application/json': {
          schema: z
            .object({
              product: z.literal('Buurtbalans'),
              engine: z.enum(['pglite', 'postgres']),
              demo: z
                .object({ loadedAt: z.string(), areas: z.number(), observations: z.number() })
                .passthrough()
                .nullable()
                .openapi({ description: 'Set while the fictional demo data is loaded' }),
              organisations: z.array(
                z.object({
                  key: z.string(),
                  name: z.string(),
                  kind: z.string(),
                  isDemo: z.boolean(),
                  workingArea: z.array(z.string()),
                }),
              ),
              basemap: z.object({ url: z.string(), attribution: z.string().nullable() }).nullable(),
              areaCounts: z.record(z.string(), z.number()),
              privacy: z
                .object({ minCount: z.number(), minBase: z.number(), roundCountsTo: z.number() })
                .openapi({
                  description:
                    'Disclosure control for restricted viewers: counts below minCount show as "<minCount"',
                }),
            })
            .openapi('Meta'),
        },
      },
    },
  },
});

const importRunsRoute = guardedRoute('imports:read', {
  method: 'get',
  path: '/api/import-runs',
  tags: ['Status'],
  summary: 'Import runs, newest first, with their summaries and messages',
  responses: {
    200: {
      description: 'Import runs',
      content: {
        'application/json': {
          schema: z.object({
            importRuns: z.array(
              z.object({
                id: z.number(),
                kind: z.string(),
                fileName: z.string().nullable(),
                sha256: z.string().nullable(),
                rows: z.number().nullable(),
                status: z.enum(['running', 'succeeded', 'failed']),
                messages: z.array(
                  z.object({ level: z.enum(['info', 'warning', 'error']), text: z.string() }),
                ),
                summary: z.record(z.string(), z.unknown()),
                startedAt: z.string(),
                finishedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
  },
});

export function metaRoutes({ db, engine, config }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(metaRoute, async (c) => {
      const [demo, organisations, areaCounts] = await Promise.all([
        getMeta<{ loadedAt: string; areas: number; observations: number }>(db, 'demo'),
        listOrganisations(db),
        countAreasByLevel(db),
      ]);
      return c.json(
        {
          product: 'Buurtbalans' as const,
          engine,
          demo,
          organisations,
          basemap: config.basemapUrl
            ? { url: config.basemapUrl, attribution: config.basemapAttribution }
            : null,
          areaCounts,
          privacy: config.privacy,
        },
        200,
      );
    })
    .openapi(importRunsRoute, async (c) => {
      const runs = await listImportRuns(db);
      return c.json(
        {
          importRuns: runs.map((r) => ({
            ...r,
            startedAt: r.startedAt.toISOString(),
            finishedAt: r.finishedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    });
}
