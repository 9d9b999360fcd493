import { OpenAPIHono, z } from '@hono/zod-openapi';
import { dataViewOf, requireWholeArea } from '../../domain/access/policy.js';
import { parseEuroCents } from '../../domain/budget/money.js';
import { audit } from '../../services/auth/audit.js';
import {
  exportAnnualReport,
  getAnnualReport,
  getRealisation,
} from '../../services/budget-report.js';
import {
  adoptScenario,
  compareYear,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarioSummaries,
  previewScenario,
} from '../../services/budget-scenarios.js';
import { getStockOverview, listStockComplexes } from '../../services/stock.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses, YearSchema } from '../schemas.js';

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const Any = z.object({}).passthrough();

const ScenarioSummarySchema = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    name: z.string(),
    rankingId: z.number().int().nullable(),
    adopted: z.boolean(),
    adoptedAt: z.string().nullable(),
    adoptedBy: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    totalCents: z.number().int(),
    areaBudgetCents: z.number().int(),
    centsPerDaeb: z.number().int().nullable(),
    shareToMostVulnerableQuintile: z.number().nullable(),
  })
  .openapi('BudgetScenarioSummary');

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const stockRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/stock',
  tags: ['Stock'],
  summary:
    "Per buurt and region: complexes, units, DAEB units, the share of the buurt's dwellings owned",
  description: 'A buurt without a dwelling figure (a_woning) has share null, never 0.',
  request: { query: z.object({ year: YearSchema.optional() }) },
  responses: { 200: json(Any, 'The stock') },
});

const complexesRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/stock/complexes',
  tags: ['Stock'],
  summary: 'The complexes in your scope',
  responses: { 200: json(z.object({ complexes: z.array(Any) }), 'Complexes') },
});

const scenarioList = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/scenarios',
  tags: ['Budget'],
  summary: 'Allocation scenarios, newest year first',
  request: { query: z.object({ year: YearSchema.optional() }) },
  responses: { 200: json(z.object({ scenarios: z.array(ScenarioSummarySchema) }), 'Scenarios') },
});

const scenarioCreate = guardedRoute('budgets:write', {
  method: 'post',
  path: '/api/budget/scenarios',
  tags: ['Budget'],
  summary: 'Compute and store a scenario (the scenario file of docs/BUDGET.md); audited',
  request: { body: { required: true, content: { 'application/json': { schema: Any } } } },
  responses: {
    201: json(Any, 'The scenario with its allocation and every step'),
    ...errorResponses(400, 404, 409, 403),
  },
});

const scenarioPreview = guardedRoute('budgets:write', {
  method: 'post',
  path: '/api/budget/scenarios/preview',
  tags: ['Budget'],
  summary: "Compute a scenario without storing it (the editor's live preview)",
  description:
    'The same file and checks as POST /api/budget/scenarios; `nameTaken` says whether saving it under this name would conflict.',
  request: { body: { required: true, content: { 'application/json': { schema: Any } } } },
  responses: {
    200: json(Any, 'The allocation with every step, and whether the name is taken'),
    ...errorResponses(400, 404, 403),
  },
});

const scenarioDelete = guardedRoute('budgets:write', {
  method: 'delete',
  path: '/api/budget/scenarios/{id}',
  tags: ['Budget'],
  summary: 'Remove a scenario that is not adopted; audited',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ deleted: z.number().int() }), 'Removed'),
    ...errorResponses(400, 404, 409, 403),
  },
});

const scenarioCompare = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/scenarios/compare',
  tags: ['Budget'],
  summary: "A year's scenarios side by side, differences against the adopted (or first) one",
  request: { query: z.object({ year: YearSchema }) },
  responses: { 200: json(Any, 'The comparison'), ...errorResponses(400, 404) },
});

const scenarioGet = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/scenarios/{id}',
  tags: ['Budget'],
  summary: 'One scenario: input and allocation (buurten in your scope)',
  request: { params: IdParam },
  responses: { 200: json(Any, 'The scenario'), ...errorResponses(400, 404) },
});

const scenarioAdopt = guardedRoute('budgets:write', {
  method: 'post',
  path: '/api/budget/scenarios/{id}/adopt',
  tags: ['Budget'],
  summary: "Adopt a scenario as the year's begroting; it is frozen, one per year; audited",
  request: { params: IdParam },
  responses: {
    200: json(z.object({ scenario: ScenarioSummarySchema }), 'The adopted scenario'),
    ...errorResponses(400, 404, 409, 403),
  },
});

const realisationRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/realisation',
  tags: ['Budget'],
  summary: 'Per region and line: begroting, realisatie, difference, per DAEB dwelling',
  request: { query: z.object({ year: YearSchema }) },
  responses: { 200: json(Any, 'The realisation'), ...errorResponses(400) },
});

const reportRoute = guardedRoute('figures:read', {
  method: 'get',
  path: '/api/budget/report',
  tags: ['Budget'],
  summary: 'The annual-report table (x € 1.000) as JSON, CSV or XLSX',
  description:
    'The whole working area: accounts limited to some areas get 403. `cap` (euros per DAEB dwelling) warns when exceeded; off unless given.',
  request: {
    query: z.object({
      year: YearSchema,
      format: z.enum(['json', 'csv', 'xlsx']).default('json'),
      cap: z.string().max(32).optional(),
    }),
  },
  responses: { 200: json(Any, 'The report (or the file)'), ...errorResponses(400, 403) },
});

export function budgetRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(stockRoute, async (c) => {
      const { year } = c.req.valid('query');
      return c.json(await getStockOverview(db, dataViewOf(principal(c)), year), 200);
    })
    .openapi(complexesRoute, async (c) =>
      c.json({ complexes: await listStockComplexes(db, dataViewOf(principal(c))) }, 200),
    )
    .openapi(scenarioList, async (c) => {
      const { year } = c.req.valid('query');
      return c.json({ scenarios: await listScenarioSummaries(db, year) }, 200);
    })
    .openapi(scenarioCreate, async (c) => {
      requireWholeArea(dataViewOf(principal(c)), 'A scenario');
      const made = await createScenario(db, auditContext(c), c.req.valid('json'));
      return c.json(made as unknown as Record<string, unknown>, 201);
    })
    .openapi(scenarioPreview, async (c) => {
      const view = dataViewOf(principal(c));
      requireWholeArea(view, 'A scenario');
      const preview = await previewScenario(db, view, c.req.valid('json'));
      return c.json(preview as unknown as Record<string, unknown>, 200);
    })
    .openapi(scenarioDelete, async (c) => {
      requireWholeArea(dataViewOf(principal(c)), 'A scenario');
      const { id } = c.req.valid('param');
      await deleteScenario(db, auditContext(c), id);
      return c.json({ deleted: id }, 200);
    })
    .openapi(scenarioCompare, async (c) => {
      const { year } = c.req.valid('query');
      const compared = await compareYear(db, dataViewOf(principal(c)), year);
      return c.json(compared as unknown as Record<string, unknown>, 200);
    })
    .openapi(scenarioGet, async (c) => {
      const { id } = c.req.valid('param');
      const scenario = await getScenario(db, dataViewOf(principal(c)), id);
      return c.json(scenario as unknown as Record<string, unknown>, 200);
    })
    .openapi(scenarioAdopt, async (c) => {
      requireWholeArea(dataViewOf(principal(c)), 'The begroting');
      const { id } = c.req.valid('param');
      return c.json({ scenario: await adoptScenario(db, auditContext(c), id) }, 200);
    })
    .openapi(realisationRoute, async (c) => {
      const { year } = c.req.valid('query');
      const r = await getRealisation(db, dataViewOf(principal(c)), year);
      return c.json(r as unknown as Record<string, unknown>, 200);
    })
    .openapi(reportRoute, async (c) => {
      const { year, format, cap } = c.req.valid('query');
      const capCents = cap ? parseEuroCents(cap, 'cap') : null;
      const report = await getAnnualReport(db, dataViewOf(principal(c)), year, capCents);
      if (format === 'json') return c.json(report as unknown as Record<string, unknown>, 200);
      const file = await exportAnnualReport(report, format);
      await audit(db, auditContext(c), 'export', `budget report ${year}`, { format });
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      });
    });
}
