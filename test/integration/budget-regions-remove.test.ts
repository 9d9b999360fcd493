import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adoptScenario, createScenario } from '../../src/services/budget-scenarios.js';
import { readDataVersion } from '../../src/services/data-version.js';
import { regionsApi } from '../helpers/regions-api.js';
import { spendingApi } from '../helpers/spending-api.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const SYSTEM = { actor: null, ip: null };

// DELETE /api/budget/regions/{key} and /api/budget/lines/{key}: allowed without history,
// refused (409, nothing changed) when the annual report of some year needs the key.
describe.each(testEngines())('budget regions and lines removed on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let regions: ReturnType<typeof regionsApi>;
  let kreekzand: string[];
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    regions = regionsApi(handle, api);
    kreekzand = (await regions.region('demo-gm9903-1'))!.buurtCodes;
  });
  afterAll(() => handle?.close());

  const count = async (where: ReturnType<typeof sql>) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from spending where ${where}`.execute(
        handle.db,
      )
    ).rows[0]!.n;

  test('a region and a line without history are removed: gone from GET, audited, figures and data version follow', async () => {
    const buurt = kreekzand.at(-1)!;
    await regions.forgetBuurt(buurt);
    const put = await regions.put({
      regions: [{ key: 'los', name: 'Losse regio', buurten: [buurt] }],
      lines: [{ key: 'proefpost', name: 'Proefpost' }],
    });
    expect(put.status).toBe(200);
    expect(await regions.mapValue('corp_woningen', buurt)).toBe(0);
    const version = await readDataVersion(handle.db);

    const removed = await regions.removeRegion('los');
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toEqual({ removed: 'los', buurtenMovedTo: null, buurten: [buurt] });
    expect(await regions.region('los')).toBeUndefined();
    // No region and no complex: the buurt has left the working area, and its figures with it.
    expect(await regions.mapValue('corp_woningen', buurt)).toBeNull();
    expect(await readDataVersion(handle.db)).toBeGreaterThan(version);
    const [entry] = await regions.audits('region los');
    expect(entry!.actor_label).toMatch(/^analyst-/);
    expect(entry!.details).toEqual({
      change: 'region_removed',
      name: 'Losse regio',
      buurten: [buurt],
      buurtenMovedTo: null,
    });

    const line = await regions.removeLine('proefpost');
    expect(line.status).toBe(200);
    expect((await regions.setup()).lines.map((l) => l.key)).not.toContain('proefpost');
    expect((await regions.audits('line proefpost'))[0]!.details).toEqual({
      change: 'line_removed',
      name: 'Proefpost',
    });
    expect((await regions.removeRegion('los')).status).toBe(404);
    expect((await regions.removeLine('proefpost')).status).toBe(404);
    expect((await regions.removeRegion('Geen%20sleutel')).status).toBe(400);
  });

  test('a region or line with spending or an adopted begroting is a 409 saying how many lines, which years; nothing changes', async () => {
    const state = await regions.state();
    const region = await regions.removeRegion('demo-gm9901-1');
    expect(region.status).toBe(409);
    const direct = await count(
      sql`region_id = (select id from budget_region where key = 'demo-gm9901-1')`,
    );
    expect(region.body.error.details).toMatchObject({
      kind: 'region',
      key: 'demo-gm9901-1',
      name: 'Duinrand Noord',
      spendingLines: direct,
      spendingYears: [2024, 2025],
      adoptedYears: [2024, 2025],
    });
    expect(region.body.error.message).toContain(
      `region demo-gm9901-1 ("Duinrand Noord") cannot be removed: ${direct} spending lines are booked on it (2024, 2025); the adopted begroting of 2024, 2025 divides money over it`,
    );
    const line = await regions.removeLine('buurtbeheer');
    expect(line.status).toBe(409);
    const booked = await count(
      sql`line_id = (select id from budget_line where key = 'buurtbeheer')`,
    );
    expect(line.body.error.details).toMatchObject({
      spendingLines: booked,
      spendingYears: [2024, 2025],
      adoptedYears: [2024, 2025],
    });
    expect(line.body.error.message).toMatch(/the annual report of those years must stay whole/i);
    expect(await regions.state()).toEqual(state);
  });

  test('spending booked on a region alone keeps it; so does an adopted begroting that only gave a line a fixed amount', async () => {
    const buurt = kreekzand.at(-2)!;
    await regions.forgetBuurt(buurt);
    await regions.put({
      regions: [{ key: 'geboekt', name: 'Geboekt', buurten: [buurt] }],
      lines: [{ key: 'vast', name: 'Vaste post' }],
    });
    const entered = await spendingApi(handle, api).enter({ region: 'geboekt' });
    expect(entered.status).toBe(201);
    const region = await regions.removeRegion('geboekt');
    expect(region.status).toBe(409);
    expect(region.body.error.details).toMatchObject({
      spendingLines: 1,
      spendingYears: [2025],
      adoptedYears: [],
      buurtSpendingLines: 0,
    });
    expect(region.body.error.message).toContain('1 spending line is booked on it (2025)');

    const ranking = (
      await sql<{
        id: number;
      }>`select id from ranking where level = 'buurt' order by id desc limit 1`.execute(handle.db)
    ).rows[0]!;
    const made = await createScenario(handle.db, SYSTEM, {
      year: 2027,
      name: 'Vaste post 2027',
      ranking: ranking.id,
      total: '500.000',
      fixedLines: { vast: '10.000' },
      needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 } },
    });
    await adoptScenario(handle.db, SYSTEM, made.id);
    const line = await regions.removeLine('vast');
    expect(line.status).toBe(409);
    expect(line.body.error.details).toMatchObject({
      spendingLines: 0,
      spendingYears: [],
      adoptedYears: [2027],
    });
    expect(line.body.error.message).toContain(
      'the adopted begroting of 2027 gives it a fixed amount',
    );
    // The 2027 begroting divided money over every region of the time, this one too.
    expect((await regions.removeRegion('geboekt')).body.error.details).toMatchObject({
      adoptedYears: [2027],
    });
  });

  test("spending on a region's buurten needs a region to move them to; then the report stays whole", async () => {
    const buurt = kreekzand[0]!;
    const spending = spendingApi(handle, api);
    const total = await spending.reported('total');
    await regions.put({ regions: [{ key: 'verhuisd', name: 'Verhuisd', buurten: [buurt] }] });
    const inBuurt = await count(
      sql`buurt_code = ${buurt} or complex_id in (select id from complex where buurt_code = ${buurt})`,
    );
    expect(inBuurt).toBeGreaterThan(0);
    const state = await regions.state();
    const refused = await regions.removeRegion('verhuisd');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({
      spendingLines: 0,
      adoptedYears: [],
      buurtSpendingLines: inBuurt,
      buurtSpendingYears: [2024, 2025],
    });
    expect(refused.body.error.message).toContain('would count in no region');
    expect((await regions.removeRegion('verhuisd', '?moveBuurtenTo=verhuisd')).status).toBe(400);
    expect((await regions.removeRegion('verhuisd', '?moveBuurtenTo=atlantis')).status).toBe(400);
    expect(await regions.state()).toEqual(state);

    const moved = await regions.removeRegion('verhuisd', '?moveBuurtenTo=demo-gm9903-1');
    expect(moved.status).toBe(200);
    expect(moved.body.buurtenMovedTo).toBe('demo-gm9903-1');
    expect((await regions.region('demo-gm9903-1'))!.buurtCodes).toContain(buurt);
    expect(await spending.reported('total')).toBe(total);
    expect((await regions.audits('region verhuisd'))[0]!.details).toMatchObject({
      buurtenMovedTo: 'demo-gm9903-1',
    });
  });
});
