import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditActions, listAuditEntries } from '../../db/queries/audit-queries.js';
import type { AuditFilter, StoredAuditEntry } from '../../db/queries/audit-queries.js';
import { audit } from '../../services/auth/audit.js';
import { toCsv } from '../../domain/format/csv.js';
import { auditContext, guardedRoute } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

const EntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.enum(['user', 'cli', 'system', 'anonymous']),
    actor: z.string(),
    organisation: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

const FilterSchema = z.object({
  action: z.string().max(40).optional(),
  text: z.string().max(200).optional(),
  organisation: z.string().max(100).optional(),
  from: z.string().date().optional().openapi({ example: '2026-11-01' }),
  to: z.string().date().optional().openapi({ description: 'Up to and including this day' }),
});

const entryJson = (e: StoredAuditEntry): z.infer<typeof EntrySchema> => ({
  id: e.id,
  at: e.at.toISOString(),
  actorKind: e.actorKind,
  actor: e.actorLabel,
  organisation: e.organisationKey,
  action: e.action,
  target: e.target,
  details: e.details,
  ip: e.ip,
});

function filterOf(q: z.infer<typeof FilterSchema>, limit: number, beforeId?: number): AuditFilter {
  return {
    limit,
    ...(q.action ? { action: q.action } : {}),
    ...(q.text ? { text: q.text } : {}),
    ...(q.organisation ? { organisationKey: q.organisation } : {}),
    ...(q.from ? { from: new Date(`${q.from}T00:00:00Z`) } : {}),
    ...(q.to ? { to: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    ...(beforeId !== undefined ? { beforeId } : {}),
  };
}

const listRoute = guardedRoute('audit:read', {
  method: 'get',
  path: '/api/audit',
  tags: ['Audit'],
  summary: 'The audit log, newest first, filtered',
  description:
    'Logins, failed logins, exports, imports, changes to users (and later methods and budgets), views of sensitive figures. Entries cannot be changed or deleted, through the app or in the database. Page with `before` (the last id of the previous page).',
  request: {
    query: FilterSchema.extend({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Entries and the actions that occur',
      content: {
        'application/json': {
          schema: z.object({ entries: z.array(EntrySchema), actions: z.array(z.string()) }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const exportRoute = guardedRoute('audit:read', {
  method: 'get',
  path: '/api/audit.csv',
  tags: ['Audit'],
  summary: 'The filtered audit log as CSV (at most 100,000 entries); the export is itself logged',
  request: { query: FilterSchema },
  responses: { 200: { description: 'CSV, UTF-8 with BOM, ; separated' } },
});

export function auditRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const [entries, actions] = await Promise.all([
        listAuditEntries(db, filterOf(q, q.limit, q.before)),
        listAuditActions(db),
      ]);
      return c.json({ entries: entries.map(entryJson), actions }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const q = c.req.valid('query');
      const entries = await listAuditEntries(db, filterOf(q, 100_000));
      await audit(db, auditContext(c), 'export', 'audit_log', { rows: entries.length, filter: q });
      const csv = toCsv(
        ['id', 'at', 'actor_kind', 'actor', 'organisation', 'action', 'target', 'details', 'ip'],
        entries.map((e) => [
          e.id,
          e.at.toISOString(),
          e.actorKind,
          e.actorLabel,
          e.organisationKey,
          e.action,
          e.target,
          JSON.stringify(e.details),
          e.ip,
        ]),
      );
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="buurtbalans-audit.csv"',
      });
    });
}
