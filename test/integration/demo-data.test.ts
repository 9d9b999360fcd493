import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { countAreasByLevel } from '../../src/db/queries/area-queries.js';
import { countObservationsByStatus } from '../../src/db/queries/observation-queries.js';
import { ensureDemoBudget } from '../../src/services/demo-budget.js';
import { loadDemo, removeDemo } from '../../src/services/demo-loader.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

async function observationTotal(handle: DatabaseHandle) {
  const counts = await countObservationsByStatus(handle.db);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

describe.each(testEngines())('demo data on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
  });
  afterAll(() => handle.close());

  test('a fictional corporation in three gemeenten, ~12 wijken, ~80 buurten', async () => {
    const counts = await countAreasByLevel(handle.db);
    expect(counts.land).toBe(1);
    expect(counts.gemeente).toBe(3);
    expect(counts.wijk).toBeGreaterThanOrEqual(10);
    expect(counts.wijk).toBeLessThanOrEqual(14);
    expect(counts.buurt).toBeGreaterThanOrEqual(70);
    expect(counts.buurt).toBeLessThanOrEqual(90);
    const orgs = await sql<{
      name: string;
      kind: string;
    }>`select name, kind from organisation where is_demo`.execute(handle.db);
    expect(orgs.rows.find((o) => o.kind === 'corporation')?.name).toMatch(/fictief/);
  });

  test('every demo figure is marked as source demo, and suppressed ones are null, never 0', async () => {
    const sources = await sql<{
      source: string;
    }>`select distinct source from observation order by 1`.execute(handle.db);
    // Beside the demo's own figures only those derived from its (fictional) stock and budget.
    expect(sources.rows.map((r) => r.source)).toEqual(['corporatie', 'demo']);
    const derived = await sql<{ key: string }>`select distinct i.key from observation o
      join indicator i on i.id = o.indicator_id where o.source = 'corporatie'`.execute(handle.db);
    expect(derived.rows.every((r) => r.key.startsWith('corp_'))).toBe(true);
    const statuses = await countObservationsByStatus(handle.db);
    expect(statuses.secret).toBeGreaterThan(0);
    const zeros = await sql<{
      n: number;
    }>`select count(*) as n from observation where status <> 'ok' and value is not null`.execute(
      handle.db,
    );
    expect(zeros.rows[0]?.n).toBe(0);
  });

  test('reloading gives the same data (deterministic) and duplicates nothing', async () => {
    const before = await observationTotal(handle);
    const sample = await sql<{
      value: number;
    }>`select o.value from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id where a.code = 'BU99010101' and i.key = 'lbm_afw' and o.data_year = 2024`.execute(
      handle.db,
    );
    // As startup and the CLI do: the demo, then its budget (spending, begrotingen).
    await loadDemo(handle.db);
    await ensureDemoBudget(handle.db);
    expect(await observationTotal(handle)).toBe(before);
    const again = await sql<{
      value: number;
    }>`select o.value from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id where a.code = 'BU99010101' and i.key = 'lbm_afw' and o.data_year = 2024`.execute(
      handle.db,
    );
    expect(again.rows[0]?.value).toBe(sample.rows[0]?.value);
  });

  test('the demo never overwrites or deletes real figures', async () => {
    // A real national figure for an indicator and year the demo also fills.
    await sql`update observation set source = 'cbs', value = 17942942 where area_id = (select id from area where code = 'NL00') and indicator_id = (select id from indicator where key = 'a_inw') and data_year = 2024`.execute(
      handle.db,
    );
    await loadDemo(handle.db);
    const kept = await sql<{
      value: number;
      source: string;
    }>`select value, source from observation where area_id = (select id from area where code = 'NL00') and indicator_id = (select id from indicator where key = 'a_inw') and data_year = 2024`.execute(
      handle.db,
    );
    expect(kept.rows[0]).toEqual({ value: 17942942, source: 'cbs' });
    // Nor does it rename an area another source has taken over.
    await sql`update area set name = 'Nederland (CBS)', source = 'cbs' where code = 'NL00'`.execute(
      handle.db,
    );
    await loadDemo(handle.db);
    const land = await sql<{
      name: string;
      source: string;
    }>`select name, source from area where code = 'NL00'`.execute(handle.db);
    expect(land.rows[0]).toEqual({ name: 'Nederland (CBS)', source: 'cbs' });
    await handle.db.transaction().execute((trx) => removeDemo(trx));
    const counts = await countAreasByLevel(handle.db);
    expect(counts).toEqual({ land: 1 });
    expect(await observationTotal(handle)).toBe(1);
    const demoMeta = await sql<{
      n: number;
    }>`select count(*) as n from app_meta where key = 'demo'`.execute(handle.db);
    expect(demoMeta.rows[0]?.n).toBe(0);
  });
});
