import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { AnnualReport } from '../../src/domain/budget/annual-report.js';
import type { Realisation } from '../../src/services/budget-report.js';
import type { SpendingLineView } from '../../src/services/spending.js';
import type { TestClient } from './test-app.js';

export type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } };
export type BudgetSetup = {
  regions: { key: string; name: string; buurtCodes: string[] }[];
  lines: { key: string; name: string }[];
};

/**
 * The spending endpoints of a test app and what they move (2025): the realisation per region
 * and line, the annual report, the rows of the spending table, the audit trail.
 */
export function spendingApi(handle: DatabaseHandle, api: TestClient) {
  return {
    /** POST a line: a valid one unless `body` says otherwise. */
    enter: (body: Record<string, unknown>, client: TestClient = api) =>
      client.send<{ line: SpendingLineView } & ErrorBody>('POST', '/api/budget/spending', {
        year: 2025,
        date: '15-03-2025',
        category: 'schoonmaak',
        amount: '10',
        ...body,
      }),
    remove: (id: number, client: TestClient = api) =>
      client.send<ErrorBody>('DELETE', `/api/budget/spending/${id}`),
    /** The realisation (cents) of a region or line. */
    realisation: async (key: string) =>
      (await api.json<Realisation>('/api/budget/realisation?year=2025')).body.rows.find(
        (r) => r.key === key,
      )!.spentCents!,
    /** The annual report's realisatie Y (cents) of a row: a region or line key, or 'total'. */
    reported: async (key: string) => {
      const report = (await api.json<AnnualReport>('/api/budget/report?year=2025')).body;
      const row = report.rows.find((r) => r.key === key);
      if (row?.kind !== 'total' && row?.kind !== 'region' && row?.kind !== 'line')
        throw new Error(`no report row ${key}`);
      return row.realisatieY.cents!;
    },
    /** Rows in the spending and audit tables. */
    counts: async () =>
      (
        await sql<{ spending: number; audit: number }>`select
          (select count(*)::int from spending) as spending,
          (select count(*)::int from audit_log) as audit`.execute(handle.db)
      ).rows[0]!,
    audits: async (target: string) =>
      (
        await sql<{ actor_label: string; details: Record<string, unknown> }>`
          select actor_label, details from audit_log
          where action = 'budget_changed' and target = ${target} order by id`.execute(handle.db)
      ).rows,
  };
}
