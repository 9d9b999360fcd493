import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { OWN_FIGURES_SOURCE } from '../../src/domain/indicators/corporation-indicators.js';
import { bumpDataVersion, readDataVersion } from '../../src/services/data-version.js';
import { refreshOwnFigures } from '../../src/services/own-figures.js';
import type { TestClient } from './test-app.js';

export type Setup = {
  regions: { key: string; name: string; buurtCodes: string[] }[];
  lines: { key: string; name: string }[];
};
export type Refusal = {
  error: { code: string; message: string; details?: Record<string, unknown> };
};

/** The regions endpoints of a test app, and what a change should move or leave alone. */
export function regionsApi(handle: DatabaseHandle, api: TestClient) {
  const self = {
    setup: async (client: TestClient = api) => {
      const { status, body } = await client.json<Setup>('/api/budget/setup');
      expect(status).toBe(200);
      return body;
    },
    region: async (key: string) => (await self.setup()).regions.find((r) => r.key === key),
    put: (body: Partial<Setup> | Record<string, unknown>, client: TestClient = api) =>
      client.send<Setup & Refusal>('PUT', '/api/budget/setup', body),
    removeRegion: (key: string, query = '', client: TestClient = api) =>
      client.send<Refusal & { removed: string; buurtenMovedTo: string | null }>(
        'DELETE',
        `/api/budget/regions/${key}${query}`,
      ),
    removeLine: (key: string, client: TestClient = api) =>
      client.send<Refusal & { removed: string }>('DELETE', `/api/budget/lines/${key}`),
    /** A buurt's value of an indicator on the map of its gemeente (null: no figure). */
    mapValue: async (indicator: string, buurt: string) => {
      const gemeente = `GM${buurt.slice(2, 6)}`;
      const { status, body } = await api.json<{
        features: { properties: { code: string; value?: number | null } }[];
      }>(`/api/map?level=buurt&parent=${gemeente}&indicator=${indicator}`);
      expect(status).toBe(200);
      return body.features.find((f) => f.properties.code === buurt)?.properties.value ?? null;
    },
    /** Everything a refused change must leave as it was. */
    state: async () => ({
      setup: await self.setup(),
      version: await readDataVersion(handle.db),
      ...(
        await sql<{ audit: number; spending: number; figures: number }>`select
          (select count(*)::int from audit_log) as audit,
          (select count(*)::int from spending) as spending,
          (select count(*)::int from observation where source = ${OWN_FIGURES_SOURCE}) as figures`.execute(
          handle.db,
        )
      ).rows[0]!,
    }),
    audits: async (target: string) =>
      (
        await sql<{ actor_label: string; details: Record<string, unknown> }>`
          select actor_label, details from audit_log
          where action = 'budget_changed' and target = ${target} order by id`.execute(handle.db)
      ).rows,
    /**
     * Takes a buurt out of the working area, as if the corporation never had anything there:
     * its spending, complexes and region membership go, and the own figures follow.
     */
    forgetBuurt: async (code: string) => {
      await handle.db.transaction().execute(async (trx) => {
        await sql`delete from spending where buurt_code = ${code}
          or complex_id in (select id from complex where buurt_code = ${code})`.execute(trx);
        await sql`delete from complex where buurt_code = ${code}`.execute(trx);
        await sql`delete from budget_region_area where buurt_code = ${code}`.execute(trx);
        await refreshOwnFigures(trx);
        await bumpDataVersion(trx);
      });
    },
  };
  return self;
}
