import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import { changeComplex, createComplex, deleteComplex } from '../../services/stock-edit.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

// The reads (GET /api/stock, /api/stock/complexes) live in routes/budget.ts; these are the
// changes of one complex from the web app's Bezit page.

const text = (max: number) => z.string().max(max).nullable().optional();
const textOrNumber = (max: number) =>
  z
    .union([z.string().max(max), z.number()])
    .nullable()
    .optional();

// Only shapes here: the rules (required, ranges, DAEB ≤ units, coordinates) are the import's,
// applied by the service, so a form gets the same messages a file would.
const ComplexBodySchema = z
  .object({
    complexId: text(64).openapi({ example: 'C-1001' }),
    name: text(200).openapi({ example: 'Schalkwijk-Oost' }),
    address: text(200),
    postcode: text(16).openapi({ example: '2011 AB' }),
    houseNumber: textOrNumber(16).openapi({ example: '12A' }),
    x: textOrNumber(32).openapi({ description: 'RD New x or WGS84 longitude', example: 4.64 }),
    y: textOrNumber(32).openapi({ description: 'RD New y or WGS84 latitude', example: 52.38 }),
    buurtCode: text(16).openapi({
      description: 'Leave empty to place the complex by its coordinates',
      example: 'BU03920101',
    }),
    units: textOrNumber(16).openapi({ example: 96 }),
    daebUnits: textOrNumber(16).openapi({ example: 88 }),
    yearBuilt: textOrNumber(8).openapi({ example: 1968 }),
  })
  .strict()
  .openapi('ComplexInput');

const ComplexSchema = z
  .object({
    id: z.number().int(),
    corporationId: z.string(),
    name: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    houseNumber: z.number().int().nullable(),
    houseNumberAddition: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    buurtCode: z.string(),
    buurtName: z.string(),
    boundaryYear: z.number().int(),
    placedBy: z.enum(['file', 'point']),
    units: z.number().int(),
    daebUnits: z.number().int(),
    yearBuilt: z.number().int().nullable(),
  })
  .openapi('Complex');

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const body = { required: true, content: { 'application/json': { schema: ComplexBodySchema } } };
const one = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.object({ complex: ComplexSchema }) } },
});
const RULES =
  'The rules of `import complexes` (docs/BUDGET.md): id unique case-insensitively (409 names the existing complex), woningen ≥ 1, DAEB ≤ woningen, a buurt code of the newest boundary year, or coordinates inside a buurt. Problems are 400 with `details.issues` [{ field, message, expected }]. Only buurten in your scope (403). Audited as budget_changed.';

const createRoute = guardedRoute('budgets:write', {
  method: 'post',
  path: '/api/stock/complexes',
  tags: ['Stock'],
  summary: 'Add one complex',
  description: RULES,
  request: { body },
  responses: { 201: one('The complex as stored'), ...errorResponses(400, 409) },
});

const changeRoute = guardedRoute('budgets:write', {
  method: 'put',
  path: '/api/stock/complexes/{id}',
  tags: ['Stock'],
  summary: 'Change one complex (every field; it is placed again)',
  description: RULES,
  request: { params: IdParam, body },
  responses: { 200: one('The complex as stored'), ...errorResponses(400, 404, 409) },
});

const deleteRoute = guardedRoute('budgets:write', {
  method: 'delete',
  path: '/api/stock/complexes/{id}',
  tags: ['Stock'],
  summary: 'Delete one complex',
  description:
    'A complex that spending lines are booked on cannot be deleted (409 with the number of lines and their years). Audited as budget_changed.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(404, 409) },
});

export function stockRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(createRoute, async (c) => {
      const view = dataViewOf(principal(c));
      const complex = await createComplex(db, auditContext(c), view, c.req.valid('json'));
      return c.json({ complex }, 201);
    })
    .openapi(changeRoute, async (c) => {
      const { id } = c.req.valid('param');
      const view = dataViewOf(principal(c));
      const complex = await changeComplex(db, auditContext(c), view, id, c.req.valid('json'));
      return c.json({ complex }, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { id } = c.req.valid('param');
      await deleteComplex(db, auditContext(c), dataViewOf(principal(c)), id);
      return c.body(null, 204);
    });
}
