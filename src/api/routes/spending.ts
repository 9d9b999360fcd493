import { OpenAPIHono, z } from '@hono/zod-openapi';
import { can, dataViewOf } from '../../domain/access/policy.js';
import { enterSpending, listSpendingView, removeSpending } from '../../services/spending.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses, YearSchema } from '../schemas.js';

const TargetKind = z.enum(['region', 'buurt', 'complex', 'line']);

const SpendingLineSchema = z
  .object({
    id: z.number().int(),
    date: z.string().openapi({ example: '2025-03-15' }),
    year: z.number().int(),
    target: z.object({
      kind: TargetKind,
      key: z.string().openapi({ description: 'Region or line key, buurt code, or complex id' }),
      name: z.string(),
    }),
    category: z.string(),
    amountCents: z.number().int().openapi({ description: 'Negative: a correction' }),
    description: z.string().nullable(),
    prestatieafspraken: z.enum(['yes', 'no', 'unknown']),
    source: z.enum(['import', 'demo', 'entered']),
    importFile: z.string().nullable(),
    createdBy: z
      .string()
      .nullable()
      .openapi({ description: 'Who entered it; only for who may change budgets' }),
    createdAt: z.string(),
  })
  .openapi('SpendingLine');

const SpendingListSchema = z
  .object({
    year: z.number().int(),
    lines: z.array(SpendingLineSchema),
    totals: z.array(
      z.object({
        kind: TargetKind,
        key: z.string(),
        name: z.string(),
        lines: z.number().int(),
        amountCents: z.number().int(),
      }),
    ),
    totalCents: z.number().int(),
  })
  .openapi('SpendingList');

// Loose on purpose: the import's row check (validateSpendingRow) decides what a value means,
// so a line typed in and a line in a file are refused for the same reasons with the same words.
const text = (max: number) => z.string().max(max).nullable().optional();
const SpendingEntrySchema = z
  .object({
    year: z.number().int().min(1900).max(2100),
    date: z.string().max(40).openapi({ example: '15-03-2025' }),
    region: text(100).openapi({ description: 'Region key or name' }),
    buurt: text(20).openapi({ description: 'Buurt code of a budget region' }),
    complex: text(100).openapi({ description: 'Complex id' }),
    line: text(100).openapi({ description: 'Line key or name' }),
    category: text(200),
    amount: z
      .union([z.number(), z.string().max(40)])
      .openapi({ description: 'Euros: 1.250,50, 1250.5 or a number; negative = a correction' }),
    description: text(1000),
    prestatieafspraken: z
      .union([z.boolean(), z.string().max(10)])
      .nullable()
      .optional(),
  })
  .strict()
  .openapi('SpendingEntry');

const listRoute = guardedRoute('records:read', {
  method: 'get',
  path: '/api/budget/spending',
  tags: ['Budget'],
  summary: "A year's spending lines with totals per region, buurt, complex and line",
  description:
    'Accounts limited to some areas see the lines on their buurten and complexes and on the regions holding one of their buurten.',
  request: { query: z.object({ year: YearSchema }) },
  responses: {
    200: {
      description: 'The lines, by date',
      content: { 'application/json': { schema: SpendingListSchema } },
    },
    ...errorResponses(400),
  },
});

const createRoute = guardedRoute('budgets:write', {
  method: 'post',
  path: '/api/budget/spending',
  tags: ['Budget'],
  summary: 'Enter one spending line by hand (the import’s rules); audited',
  description:
    'Exactly one of region, buurt, complex or line. A problem is a 400 naming the field. The line stays when the year is imported again.',
  request: {
    body: { required: true, content: { 'application/json': { schema: SpendingEntrySchema } } },
  },
  responses: {
    201: {
      description: 'The stored line',
      content: { 'application/json': { schema: z.object({ line: SpendingLineSchema }) } },
    },
    ...errorResponses(400),
  },
});

const deleteRoute = guardedRoute('budgets:write', {
  method: 'delete',
  path: '/api/budget/spending/{id}',
  tags: ['Budget'],
  summary: 'Remove a line entered by hand; audited',
  description:
    'An imported line is a 409 (the next import of its year replaces it), as is a line of the demo data.',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
    }),
  },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 404, 409) },
});

export function spendingRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { year } = c.req.valid('query');
      const who = principal(c);
      // Colleagues' e-mail addresses are for those who keep the ledger, not for every reader.
      const withAuthors = can(who, 'budgets:write');
      return c.json(await listSpendingView(db, dataViewOf(who), year, withAuthors), 200);
    })
    .openapi(createRoute, async (c) => {
      const view = dataViewOf(principal(c));
      const line = await enterSpending(db, auditContext(c), view, c.req.valid('json'));
      return c.json({ line }, 201);
    })
    .openapi(deleteRoute, async (c) => {
      const { id } = c.req.valid('param');
      await removeSpending(db, auditContext(c), dataViewOf(principal(c)), id);
      return c.body(null, 204);
    });
}
