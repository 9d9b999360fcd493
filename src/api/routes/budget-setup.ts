import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf } from '../../domain/access/policy.js';
import {
  applyBudgetSetup,
  BudgetKeySchema,
  BudgetSetupSchema,
  getBudgetSetup,
  parseBudgetSetup,
} from '../../services/budget-setup.js';
import { removeLine, removeRegion } from '../../services/budget-setup-remove.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const Any = z.object({}).passthrough();
const KeyParam = z.object({ key: BudgetKeySchema });
const REFUSAL =
  '409 when spending is booked on it or an adopted begroting used it: `details` has spendingLines, spendingYears and adoptedYears (a region also buurtSpendingLines and buurtSpendingYears), so the annual report of those years stays whole. Needs an account that sees the whole working area.';

const setupGet = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/setup',
  tags: ['Budget'],
  summary: 'Budget regions (with the buurten in your scope) and lines without an area',
  responses: { 200: json(Any, 'Regions and lines') },
});

const setupPut = guardedRoute('budgets:write', {
  method: 'put',
  path: '/api/budget/setup',
  tags: ['Budget'],
  summary: 'Create or change budget regions and lines (by key); audited',
  description:
    "A region's buurten are replaced by those given; a buurt moves from another region (which may be left without buurten). Nothing is removed. Needs an account that sees the whole working area.",
  request: {
    body: { required: true, content: { 'application/json': { schema: BudgetSetupSchema } } },
  },
  responses: { 200: json(Any, 'Regions and lines'), ...errorResponses(400, 403) },
});

const regionDelete = guardedRoute('budgets:write', {
  method: 'delete',
  path: '/api/budget/regions/{key}',
  tags: ['Budget'],
  summary: 'Remove a budget region; audited',
  description: `Its buurten go to the region \`moveBuurtenTo\`, or to none; with spending on those buurten or their complexes they must go to a region. ${REFUSAL}`,
  request: {
    params: KeyParam,
    query: z.object({ moveBuurtenTo: BudgetKeySchema.optional() }),
  },
  responses: {
    200: json(
      z.object({
        removed: z.string(),
        buurtenMovedTo: z.string().nullable(),
        buurten: z.array(z.string()),
      }),
      'Removed',
    ),
    ...errorResponses(400, 403, 404, 409),
  },
});

const lineDelete = guardedRoute('budgets:write', {
  method: 'delete',
  path: '/api/budget/lines/{key}',
  tags: ['Budget'],
  summary: 'Remove a budget line without an area; audited',
  description: REFUSAL,
  request: { params: KeyParam },
  responses: {
    200: json(z.object({ removed: z.string() }), 'Removed'),
    ...errorResponses(400, 403, 404, 409),
  },
});

export function budgetSetupRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(setupGet, async (c) => c.json(await getBudgetSetup(db, dataViewOf(principal(c))), 200))
    .openapi(setupPut, async (c) => {
      const setup = parseBudgetSetup(c.req.valid('json'));
      const view = dataViewOf(principal(c));
      return c.json(await applyBudgetSetup(db, auditContext(c), setup, view), 200);
    })
    .openapi(regionDelete, async (c) => {
      const { key } = c.req.valid('param');
      const { moveBuurtenTo } = c.req.valid('query');
      const view = dataViewOf(principal(c));
      return c.json(await removeRegion(db, auditContext(c), view, key, moveBuurtenTo ?? null), 200);
    })
    .openapi(lineDelete, async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await removeLine(db, auditContext(c), dataViewOf(principal(c)), key), 200);
    });
}
