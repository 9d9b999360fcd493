import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MapLayerResponse } from '../../src/domain/map/map-layer.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

describe.each(testEngines())('map layer on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
  });
  afterAll(() => handle.close());

  const layer = async (query: string) => {
    const { status, body } = await api.json<MapLayerResponse>(`/api/map?${query}`);
    expect(status).toBe(200);
    return body;
  };

  test('the buurten of one gemeente, with value, year, class and geometry per feature', async () => {
    const body = await layer('level=buurt&parent=GM9901&indicator=p_hh_li&year=2022');
    const buurten = await sql<{
      n: number;
    }>`select count(*) as n from area where level = 'buurt' and gemeente_code = 'GM9901'`.execute(
      handle.db,
    );
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(buurten.rows[0]!.n);
    expect(body.year).toBe(2022);
    expect(body.classification.method).toBe('quantile');
    expect(body.classification.classes).toHaveLength(5);
    for (const f of body.features) {
      expect(f.geometry?.type).toMatch(/Polygon/);
      expect(f.properties.year).toBe(2022);
      if (f.properties.value === null) {
        expect(f.properties.class).toBeNull();
        expect(['secret', 'missing']).toContain(f.properties.status);
      } else {
        expect(f.properties.class).toBeGreaterThanOrEqual(1);
        const cls = body.classification.classes[f.properties.class! - 1]!;
        expect(f.properties.value).toBeGreaterThanOrEqual(cls.min!);
        expect(f.properties.value).toBeLessThanOrEqual(cls.max!);
      }
    }
    // The value on the map is the stored value of that buurt and year.
    const sample = body.features.find((f) => f.properties.value !== null)!;
    const stored = await sql<{
      value: number;
    }>`select o.value from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id where a.code = ${sample.properties.code} and i.key = 'p_hh_li' and o.data_year = 2022`.execute(
      handle.db,
    );
    expect(sample.properties.value).toBe(stored.rows[0]!.value);
  });

  test('suppressed figures stay null with their status: not 0, not a class', async () => {
    const body = await layer('level=buurt&parent=GM9903&indicator=g_ink_pi&year=2022');
    const secret = await sql<{
      code: string;
    }>`select a.code from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id where i.key = 'g_ink_pi' and o.data_year = 2022 and o.status = 'secret' and a.gemeente_code = 'GM9903' and a.level = 'buurt'`.execute(
      handle.db,
    );
    for (const { code } of secret.rows) {
      const feature = body.features.find((f) => f.properties.code === code)!;
      expect(feature.properties).toMatchObject({ value: null, status: 'secret', class: null });
    }
    expect(body.summary.byStatus.secret ?? 0).toBe(secret.rows.length);
  });

  test('Leefbaarometer scores take the nine published classes', async () => {
    const body = await layer('level=buurt&parent=GM9901&indicator=lbm_score');
    expect(body.year).toBe(2024);
    expect(body.classification.method).toBe('fixed');
    expect(body.classification.classes.map((c) => c.labelNl)).toContain('zwak');
    const stored = await sql<{
      code: string;
      value: number;
    }>`select a.code, o.value from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id where i.key = 'lbm_score_class' and o.data_year = 2024 and a.gemeente_code = 'GM9901' and a.level = 'buurt'`.execute(
      handle.db,
    );
    for (const { code, value } of stored.rows) {
      expect(body.features.find((f) => f.properties.code === code)?.properties.class).toBe(value);
    }
  });

  test('a buurt the Leefbaarometer does not score shows as missing', async () => {
    const unscored = await sql<{
      code: string;
    }>`select a.code from area a where a.level = 'buurt' and not exists (select 1 from observation o join indicator i on i.id = o.indicator_id where o.area_id = a.id and i.key = 'lbm_afw')`.execute(
      handle.db,
    );
    expect(unscored.rows.length).toBeGreaterThanOrEqual(1);
    const code = unscored.rows[0]!.code;
    const body = await layer(
      `level=buurt&parent=GM${code.slice(2, 6)}&indicator=lbm_afw&year=2024`,
    );
    expect(body.features.find((f) => f.properties.code === code)?.properties).toMatchObject({
      value: null,
      status: 'missing',
      class: null,
    });
  });

  test('the whole country, wijken, and coarser geometry at low zoom', async () => {
    const national = await layer('level=buurt&indicator=a_inw&zoom=6');
    const nationalZoomedIn = await layer('level=buurt&indicator=a_inw&zoom=14');
    const gemeente = await layer('level=buurt&parent=GM9901&indicator=a_inw&zoom=14');
    expect(national.parent).toBeNull();
    expect(national.features.length).toBe(nationalZoomedIn.features.length);
    expect(national.detail).toBe(0);
    // Street-level shapes of every buurt in the country are never sent: at most the middle level.
    expect(nationalZoomedIn.detail).toBe(1);
    expect(gemeente.detail).toBe(2);
    expect(JSON.stringify(national).length).toBeLessThan(JSON.stringify(nationalZoomedIn).length);
    const wijken = await layer('level=wijk&parent=GM9901&indicator=p_wcorpw');
    expect(wijken.features.every((f) => f.properties.code.startsWith('WK9901'))).toBe(true);
  });

  test('within the land means the whole country', async () => {
    const all = await layer('level=buurt&indicator=a_inw');
    const viaLand = await layer('level=buurt&parent=NL00&indicator=a_inw');
    expect(viaLand.features.length).toBe(all.features.length);
    expect(viaLand.parent?.code).toBe('NL00');
    const areas = await api.json<{ areas: unknown[] }>('/api/areas?level=buurt&parent=NL00');
    expect(areas.body.areas.length).toBe(all.features.length);
  });

  test('ETag, 304 and gzip', async () => {
    const first = await api.get('/api/map?level=buurt&parent=GM9902&indicator=lbm_onv', {
      'Accept-Encoding': 'gzip',
    });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag')!;
    const body = JSON.parse(
      gunzipSync(Buffer.from(await first.arrayBuffer())).toString(),
    ) as MapLayerResponse;
    expect(body.features.length).toBeGreaterThan(0);
    const again = await api.get('/api/map?level=buurt&parent=GM9902&indicator=lbm_onv', {
      'If-None-Match': etag,
    });
    expect(again.status).toBe(304);
  });

  test('a change of data makes the cached layer stale', async () => {
    const before = await layer('level=buurt&parent=GM9902&indicator=a_inw&year=2024');
    const code = before.features[0]!.properties.code;
    await handle.db.transaction().execute(async (trx) => {
      await sql`update observation set value = 123456 where area_id = (select id from area where code = ${code}) and indicator_id = (select id from indicator where key = 'a_inw') and data_year = 2024`.execute(
        trx,
      );
      const { bumpDataVersion } = await import('../../src/services/data-version.js');
      await bumpDataVersion(trx);
    });
    const after = await layer('level=buurt&parent=GM9902&indicator=a_inw&year=2024');
    expect(after.features.find((f) => f.properties.code === code)?.properties.value).toBe(123456);
  });
});
