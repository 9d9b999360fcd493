import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { readDataVersion } from '../../src/services/data-version.js';
import type { StockOverview } from '../../src/services/stock.js';
import { regionsApi } from '../helpers/regions-api.js';
import { spendingApi } from '../helpers/spending-api.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

// Regions set up through PUT /api/budget/setup, as the web app's "Regio's en posten" does:
// added, a buurt moved, a region emptied; who may do it. Removal: budget-regions-remove.test.ts.
describe.each(testEngines())('budget regions set up on %s', (engine) => {
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

  const stock = async () => (await api.json<StockOverview>('/api/stock')).body;

  test('a region added by PUT is in GET, in the stock overview and on the map (a buurt new to the working area gets corp_* figures)', async () => {
    const buurt = kreekzand.at(-1)!;
    await regions.forgetBuurt(buurt);
    expect(await regions.mapValue('corp_woningen', buurt)).toBeNull();
    expect((await stock()).buurten.some((b) => b.code === buurt)).toBe(false);
    const version = await readDataVersion(handle.db);

    const put = await regions.put({
      regions: [{ key: 'proef', name: 'Proefregio', buurten: [buurt.toLowerCase()] }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await regions.region('proef')).toMatchObject({
      name: 'Proefregio',
      buurtCodes: [buurt],
    });
    const overview = await stock();
    expect(overview.regions.find((r) => r.key === 'proef')).toMatchObject({
      buurten: 1,
      complexes: 0,
      units: 0,
    });
    expect(overview.buurten.find((b) => b.code === buurt)?.regionKey).toBe('proef');
    // Owning nothing in a buurt of the working area is a fact: 0, not a missing figure.
    expect(await regions.mapValue('corp_woningen', buurt)).toBe(0);
    expect(await regions.mapValue('corp_complexen', buurt)).toBe(0);
    expect(await readDataVersion(handle.db)).toBeGreaterThan(version);
    expect((await regions.audits('setup')).at(-1)?.details).toMatchObject({
      regions: ['proef'],
      lines: [],
    });
  });

  test('a buurt moved between regions leaves the one it was in and takes its spending along; the report total stays', async () => {
    const moved = kreekzand.at(-2)!;
    const spending = spendingApi(handle, api);
    const before = {
      kreekzand: await spending.realisation('demo-gm9903-1'),
      proef: await spending.realisation('proef'),
      total: await spending.reported('total'),
    };
    const put = await regions.put({
      regions: [{ key: 'proef', name: 'Proefregio', buurten: [kreekzand.at(-1)!, moved] }],
    });
    expect(put.status).toBe(200);
    expect((await regions.region('proef'))!.buurtCodes).toEqual([moved, kreekzand.at(-1)].sort());
    expect((await regions.region('demo-gm9903-1'))!.buurtCodes).not.toContain(moved);
    expect((await stock()).buurten.find((b) => b.code === moved)?.regionKey).toBe('proef');
    const gained = (await spending.realisation('proef')) - before.proef;
    expect(gained).toBeGreaterThan(0);
    expect(await spending.realisation('demo-gm9903-1')).toBe(before.kreekzand - gained);
    expect(await spending.reported('total')).toBe(before.total);
  });

  test('a region left without buurten stays (whole-area accounts see it); a region given none is refused', async () => {
    const buurten = (await regions.region('proef'))!.buurtCodes;
    const put = await regions.put({
      regions: [{ key: 'proef-2', name: 'Proefregio 2', buurten }],
    });
    expect(put.status).toBe(200);
    expect(await regions.region('proef')).toMatchObject({ buurtCodes: [] });
    const viewer = api.as({ role: 'viewer', organisationKind: 'welzijn', scope: ['GM9903'] });
    const seen = await regions.setup(viewer);
    expect(seen.regions.map((r) => r.key)).toContain('proef-2');
    expect(seen.regions.map((r) => r.key)).not.toContain('proef');

    const state = await regions.state();
    const empty = await regions.put({ regions: [{ key: 'leeg', name: 'Leeg', buurten: [] }] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(
      'regions.0.buurten: a region needs at least one buurt; to stop using a region, remove it',
    );
    expect(await regions.state()).toEqual(state);
  });

  test('lines are added and renamed by key; partners, viewers and accounts that see part of the area may not change anything', async () => {
    expect((await regions.put({ lines: [{ key: 'proefpost', name: 'Proefpost' }] })).status).toBe(
      200,
    );
    const renamed = await regions.put({ lines: [{ key: 'proefpost', name: 'Proefpost 2' }] });
    expect(renamed.body.lines.filter((l) => l.key === 'proefpost')).toEqual([
      expect.objectContaining({ name: 'Proefpost 2' }),
    ]);

    const state = await regions.state();
    const others = [
      api.as({ role: 'partner', scope: ['GM9903'] }),
      api.as({ role: 'viewer', organisationKind: 'welzijn', scope: ['GM9903'] }),
    ];
    for (const client of others) {
      expect((await regions.put({ lines: [{ key: 'x', name: 'X' }] }, client)).status).toBe(403);
      expect((await regions.removeRegion('proef', '', client)).status).toBe(403);
      expect((await regions.removeLine('proefpost', client)).status).toBe(403);
    }
    const scoped = api.as({ role: 'analyst', scope: ['GM9903'] });
    const refused = await regions.put(
      { regions: [{ key: 'proef', name: 'Elders', buurten: kreekzand.slice(0, 1) }] },
      scoped,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/whole working area/);
    expect((await regions.removeLine('proefpost', scoped)).status).toBe(403);
    expect((await regions.removeRegion('proef', '', scoped)).status).toBe(403);
    expect(await regions.state()).toEqual(state);
  });
});
