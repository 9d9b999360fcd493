import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { FULL_VIEW } from '../../src/domain/access/policy.js';
import { adapterFor } from '../../src/import/adapters.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createScenario, adoptScenario } from '../../src/services/budget-scenarios.js';
import { removeDemo } from '../../src/services/demo-loader.js';
import { refreshOwnFigures } from '../../src/services/own-figures.js';
import { getStockOverview } from '../../src/services/stock.js';
import { createTestApp, type TestClient } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const SYSTEM = { actor: null, ip: null };
const STOCK_YEAR = new Date().getFullYear();

interface Layer {
  year: number | null;
  years: number[];
  features: Array<{
    properties: {
      code: string;
      value?: number | null;
      status?: string | null;
      suppression?: string | null;
    };
  }>;
}

const layer = async (client: TestClient, query: string) => {
  const { status, body } = await client.json<Layer>(`/api/map?${query}`);
  expect(status).toBe(200);
  return new Map(body.features.map((f) => [f.properties.code, f.properties]));
};

const importFile = (
  handle: DatabaseHandle,
  kind: ImportKind,
  name: string,
  content: string,
  options: ImportOptions = {},
) =>
  runImport(
    handle.db,
    adapterFor(kind),
    inputFile(name, new TextEncoder().encode(content)),
    options,
  );

describe.each(testEngines())("the corporation's own figures on %s", (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
  });
  afterAll(() => handle?.close());

  test('the map holds the stock of every buurt of the working area, summed per wijk', async () => {
    const stock = await getStockOverview(handle.db, FULL_VIEW);
    const buurten = await layer(api, `level=buurt&parent=GM9901&indicator=corp_woningen`);
    const inGemeente = stock.buurten.filter((b) => b.code.startsWith('BU9901'));
    expect(inGemeente.length).toBeGreaterThan(10);
    for (const b of inGemeente) expect(buurten.get(b.code)?.value).toBe(b.units);
    const wijken = await layer(api, `level=wijk&parent=GM9901&indicator=corp_daeb`);
    const wijk = [...wijken.keys()][0]!;
    const daeb = stock.buurten
      .filter((b) => b.code.startsWith(`BU${wijk.slice(2)}`))
      .reduce((s, b) => s + b.daebUnits, 0);
    expect(wijken.get(wijk)?.value).toBe(daeb);
    const share = await layer(
      api,
      `level=buurt&parent=GM9901&indicator=corp_aandeel&year=${STOCK_YEAR}`,
    );
    for (const b of inGemeente)
      if (b.shareOwned !== null)
        expect(share.get(b.code)?.value).toBeCloseTo(b.shareOwned * 100, 8);
  });

  test('partners see the stock as it is: no "<10" for the corporation\'s own complexes', async () => {
    const partner = api.as({ role: 'partner', organisationKind: 'gemeente', scope: ['GM9901'] });
    const shown = await layer(partner, `level=buurt&parent=GM9901&indicator=corp_complexen`);
    const small = [...shown.values()].filter(
      (p) => typeof p.value === 'number' && p.value > 0 && p.value < 10,
    );
    expect(small.length).toBeGreaterThan(0);
    expect([...shown.values()].some((p) => p.suppression)).toBe(false);
  });

  test('the share owned is hidden from partners where the CBS count it divides by is hidden', async () => {
    const code = 'BU99010101';
    // The buurt's newest dwelling count hidden by disclosure control (as a secondary suppression).
    await sql`insert into suppressed_observation (observation_id, reason)
      select o.id, 'secondary' from observation o
      join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id
      where a.code = ${code} and i.key = 'a_woning'
      order by o.data_year desc limit 1
      on conflict do nothing`.execute(handle.db);
    await handle.db.transaction().execute((trx) => refreshOwnFigures(trx));
    const query = `level=buurt&parent=GM9901&indicator=corp_aandeel&year=${STOCK_YEAR}`;
    expect((await layer(api, query)).get(code)?.value).toBeGreaterThan(0);
    const partner = api.as({ role: 'partner', organisationKind: 'gemeente', scope: ['GM9901'] });
    const shown = (await layer(partner, query)).get(code)!;
    expect(shown).toMatchObject({ status: 'suppressed', suppression: 'secondary' });
    expect(shown.value ?? null).toBeNull();
    // The stock overview leaves the count out for the partner too; the analyst sees it.
    const stockOf = async (client: TestClient) =>
      (
        await client.json<{
          buurten: Array<{ code: string; dwellings: number | null; dwellingsHidden: boolean }>;
        }>('/api/stock')
      ).body.buurten.find((b) => b.code === code)!;
    expect(await stockOf(partner)).toMatchObject({ dwellings: null, dwellingsHidden: true });
    expect((await stockOf(api)).dwellings).toBeGreaterThan(0);
  });

  test('a complexes import moves the map in the same transaction; a dry run does not', async () => {
    const before = (await layer(api, 'level=buurt&parent=GM9901&indicator=corp_woningen')).get(
      'BU99010101',
    )!.value!;
    const file = 'complex_id;adres;buurtcode;woningen;daeb\nOWN-1;Dorpsstraat 2;BU99010101;37;30\n';
    await importFile(handle, 'complexes', 'eigen.csv', file, { dryRun: true });
    expect(
      (await layer(api, 'level=buurt&parent=GM9901&indicator=corp_woningen')).get('BU99010101')!
        .value,
    ).toBe(before);
    await importFile(handle, 'complexes', 'eigen.csv', file);
    expect(
      (await layer(api, 'level=buurt&parent=GM9901&indicator=corp_woningen')).get('BU99010101')!
        .value,
    ).toBe(before + 37);
  });

  test('spending on a buurt and a complex reaches the buurt; spending on a region reaches none', async () => {
    const query = 'level=buurt&parent=GM9901&indicator=corp_uitgaven&year=2025';
    const before = await layer(api, query);
    const region = (
      await sql<{ name: string; code: string }>`
      select r.name, a.buurt_code as code from budget_region r
      join budget_region_area a on a.region_id = r.id where a.buurt_code = 'BU99010102'`.execute(
        handle.db,
      )
    ).rows[0]!;
    // Demo lines of 2025 stay: this import adds lines (imports replace only earlier imports).
    await importFile(
      handle,
      'spending',
      'uitgaven-2025.csv',
      'datum;regio;buurtcode;complex;categorie;bedrag\n' +
        '2025-03-01;;BU99010102;;schoonmaak;1.000,00\n' +
        '2025-03-02;;;OWN-1;herstel;250,50\n' +
        `2025-03-03;${region.name};;;buurtfeest;5.000\n`,
      { year: 2025 },
    );
    const after = await layer(api, query);
    expect(after.get('BU99010102')!.value! - before.get('BU99010102')!.value!).toBeCloseTo(1000, 6);
    expect(after.get('BU99010101')!.value! - before.get('BU99010101')!.value!).toBeCloseTo(
      250.5,
      6,
    );
    const untouched = [...after].filter(([code]) => !['BU99010101', 'BU99010102'].includes(code));
    for (const [code, p] of untouched) expect(p.value).toBe(before.get(code)!.value);
    const perDaeb = await layer(
      api,
      'level=buurt&parent=GM9901&indicator=corp_uitgaven_per_daeb&year=2025',
    );
    const daeb = await layer(
      api,
      `level=buurt&parent=GM9901&indicator=corp_daeb&year=${STOCK_YEAR}`,
    );
    const code = 'BU99010101';
    expect(perDaeb.get(code)!.value).toBeCloseTo(
      after.get(code)!.value! / daeb.get(code)!.value!,
      8,
    );
  });

  test('adopting a begroting puts its amount per buurt on the map; the buurten add up to the area budget', async () => {
    const ranking = (
      await sql<{
        id: number;
      }>`select id from ranking where level = 'buurt' order by id desc limit 1`.execute(handle.db)
    ).rows[0]!;
    const made = await createScenario(handle.db, SYSTEM, {
      year: 2027,
      name: 'Kaarttest',
      ranking: ranking.id,
      total: '900.000',
      needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 } },
      basePerDaeb: 10,
    });
    const query = 'level=gemeente&indicator=corp_begroting&year=2027';
    const { status } = await api.json(`/api/map?${query}`);
    expect(status).toBe(404);
    await adoptScenario(handle.db, SYSTEM, made.id);
    const gemeenten = await layer(api, query);
    const sum = [...gemeenten.values()].reduce((s, p) => s + (p.value ?? 0), 0);
    expect(Math.round(sum * 100)).toBe(made.result.areaBudgetCents);
  });

  test('removing the demo leaves no demo area behind for its derived figures', async () => {
    await handle.db.transaction().execute((trx) => removeDemo(trx));
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from area where source = 'demo'`.execute(handle.db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
