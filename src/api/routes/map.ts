import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { audit } from '../../services/auth/audit.js';
import { exportFigures } from '../../services/export-figures.js';
import { getMapLayer, mapLayerText } from '../../services/map-layer.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import {
  AreaCodeSchema,
  errorResponses,
  IndicatorKeySchema,
  LevelSchema,
  YearSchema,
} from '../schemas.js';

const route = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/map',
  tags: ['Map'],
  summary: 'Choropleth layer: areas of one level with one indicator’s value and class',
  description: [
    'A GeoJSON FeatureCollection of the areas of `level` inside `parent` (or the whole country),',
    'each with `code`, `name`, `value`, `status`, `year`, `class` and `source`. The legend comes as',
    'foreign members: `indicator`, `year`, `years` (all years with figures), `classification`',
    '(classes with colours, counts and ranges), `bbox` and `summary`. Geometry is simplified for',
    '`zoom` (three stored levels). Without `year` the newest year with figures is used. Values',
    'that are missing or secret are `null` with their `status`, never 0. Responses carry an ETag.',
    'Only areas in your scope are included; for restricted viewers, figures hidden by disclosure',
    'control are `null` with status `suppressed` and a `suppression` reason.',
  ].join(' '),
  request: {
    query: z.object({
      level: LevelSchema.default('buurt'),
      parent: AreaCodeSchema.optional().openapi({ example: 'GM9901' }),
      indicator: IndicatorKeySchema,
      year: YearSchema.optional().openapi({ example: 2024 }),
      zoom: z.coerce.number().min(0).max(24).optional().openapi({ example: 12 }),
      boundaryYear: YearSchema.optional(),
    }),
  },
  responses: {
    200: {
      description: 'GeoJSON FeatureCollection with legend members',
      content: {
        'application/geo+json': {
          schema: z.object({ type: z.literal('FeatureCollection') }).passthrough(),
        },
      },
    },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...errorResponses(400, 404),
  },
});

const exportRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/export/figures.csv',
  tags: ['Map'],
  summary: 'The figures of a map view as CSV (the same areas and disclosure control as the map)',
  description:
    'UTF-8 with BOM, `;` separated, decimal comma: opens in Dutch Excel as is. Every export is recorded in the audit log.',
  request: {
    query: z.object({
      level: LevelSchema.default('buurt'),
      parent: AreaCodeSchema.optional(),
      indicator: IndicatorKeySchema,
      year: YearSchema.optional(),
      boundaryYear: YearSchema.optional(),
    }),
  },
  responses: { 200: { description: 'CSV' }, ...errorResponses(400, 404) },
});

export function mapRoutes({ db, config }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(exportRoute, async (c) => {
      const q = c.req.valid('query');
      const result = await exportFigures(
        db,
        {
          level: q.level,
          indicator: q.indicator,
          ...(q.parent ? { parent: q.parent } : {}),
          ...(q.year !== undefined ? { year: q.year } : {}),
          ...(q.boundaryYear !== undefined ? { boundaryYear: q.boundaryYear } : {}),
        },
        dataViewOf(principal(c)),
        config.privacy,
      );
      await audit(db, auditContext(c), 'export', `${q.indicator} ${q.parent ?? 'NL'} ${q.level}`, {
        rows: result.rows,
        year: result.year,
        sensitive: result.sensitive,
      });
      return c.body(result.csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${result.fileName}"`,
      });
    })
    .openapi(route, async (c) => {
      const q = c.req.valid('query');
      const view = dataViewOf(principal(c));
      const request = {
        level: q.level,
        indicator: q.indicator,
        ...(q.parent ? { parent: q.parent } : {}),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.zoom !== undefined ? { zoom: q.zoom } : {}),
        ...(q.boundaryYear !== undefined ? { boundaryYear: q.boundaryYear } : {}),
      };
      const layer = await getMapLayer(db, request, view, config.privacy);
      if (layer.sensitive)
        await audit(db, auditContext(c), 'view_sensitive', q.parent ?? 'NL', {
          indicator: q.indicator,
          level: q.level,
          year: q.year ?? null,
        });
      const headers: Record<string, string> = {
        'Content-Type': 'application/geo+json; charset=utf-8',
        ETag: layer.entry.etag,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      };
      if (c.req.header('If-None-Match') === layer.entry.etag) return c.body(null, 304, headers);
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
        return c.body(new Uint8Array(layer.entry.gzipped), 200, {
          ...headers,
          'Content-Encoding': 'gzip',
        });
      }
      return c.body(mapLayerText(layer), 200, headers);
    });
}
