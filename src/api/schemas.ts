import { z } from '@hono/zod-openapi';
import { AREA_LEVELS } from '../domain/shared/area-code.js';
import { ERROR_CODES } from '../domain/shared/app-error.js';
import { FIGURE_STATUSES } from '../domain/shared/observation-status.js';
import { CLASS_SCHEMES, DIRECTIONS, VALUE_KINDS } from '../domain/indicators/indicator.js';

/** Shared zod schemas: request validation and the OpenAPI document come from the same source. */

export const AreaCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^(NL\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/,
    'a CBS code such as GM0392, WK039201 or BU03920101',
  )
  .openapi({ example: 'BU99010101', description: 'CBS area code (text; letters allowed)' });

export const LevelSchema = z.enum(AREA_LEVELS).openapi({ example: 'buurt' });
export const YearSchema = z.coerce.number().int().min(1900).max(2100);
export const IndicatorKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an indicator key such as lbm_afw or p_wcorpw')
  .openapi({ example: 'lbm_score' });

export const BBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]).openapi({
  description: '[west, south, east, north] in WGS84',
  example: [5.1, 52.45, 5.45, 52.65],
});

export const AreaSchema = z
  .object({
    code: z.string(),
    boundaryYear: z.number().int(),
    level: LevelSchema,
    name: z.string(),
    parentCode: z.string().nullable(),
    gemeenteCode: z.string().nullable(),
    bbox: BBoxSchema.nullable(),
    source: z.string(),
  })
  .openapi('Area');

export const AreaRefSchema = z
  .object({ code: z.string(), level: LevelSchema, name: z.string() })
  .openapi('AreaRef');

export const ObservationSchema = z
  .object({
    year: z.number().int(),
    value: z.number().nullable().openapi({
      description: 'null when the status is secret, missing, not_applicable or suppressed',
    }),
    status: z.enum(FIGURE_STATUSES),
    suppression: z
      .enum(['small_count', 'secondary', 'small_base', 'unknown_base'])
      .nullable()
      .openapi({
        description:
          'Why disclosure control hides this figure from you (status suppressed): small_count (shown as "<10"), secondary (hidden so a small count cannot be derived from totals), small_base or unknown_base (a share of too small or unknown a base)',
      }),
    source: z.string(),
    sourceRelease: z.string().nullable(),
  })
  .openapi('Observation');

export const SeriesSchema = z
  .object({ indicatorKey: z.string(), points: z.array(ObservationSchema) })
  .openapi('Series');

export const IndicatorSchema = z
  .object({
    key: z.string(),
    nameNl: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    kind: z.enum(VALUE_KINDS),
    source: z.string(),
    direction: z.enum(DIRECTIONS),
    theme: z.string(),
    decimals: z.number().int(),
    descriptionNl: z.string(),
    descriptionEn: z.string(),
    classIndicatorKey: z.string().nullable(),
    classScheme: z.enum(CLASS_SCHEMES).nullable(),
  })
  .openapi('Indicator');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request',
  401: 'Not logged in (code unauthenticated)',
  403: 'Not allowed: role, scope or CSRF token (codes forbidden, csrf_failed)',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  429: 'Too many attempts',
  503: 'Database unavailable',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Standard error responses for the OpenAPI document. */
export const errorResponses = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
