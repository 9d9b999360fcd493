import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { MapLayerResponse } from '../../src/domain/map/map-layer.js';
import { adapterFor } from '../../src/import/adapters.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { applyDisclosureRules } from '../../src/services/disclosure.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

interface Point {
  year: number;
  value: number | null;
  status: string;
  suppression: string | null;
}
interface Profile {
  series: Array<{ indicatorKey: string; points: Point[] }>;
}

const pointOf = (profile: Profile, key: string, year: number) =>
  profile.series.find((s) => s.indicatorKey === key)?.points.find((p) => p.year === year);

/**
 * Disclosure control end to end: decided when figures are written (demo, imports, a change of
 * rules), applied to every way figures leave for a restricted viewer — profile, map, CSV — and
 * never to the corporation's analysts.
 */
describe.each(testEngines())('disclosure control on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let partner: ReturnType<ReturnType<typeof createTestApp>['as']>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    partner = api.as({ role: 'partner', scope: ['GM9901'] });
  });
  afterAll(() => handle?.close());

  test('a small count is "<10" for a partner, its sibling hidden too, the total stays; the analyst sees all', async () => {
    // In the demo, wijk WK990106 has one buurt with 5 people on social assistance (2024).
    const small = await partner.json<Profile>('/api/areas/BU99010606');
    expect(pointOf(small.body, 'a_soz_wb', 2024)).toEqual(
      expect.objectContaining({ value: null, status: 'suppressed', suppression: 'small_count' }),
    );
    const buurten = [
      'BU99010601',
      'BU99010602',
      'BU99010603',
      'BU99010604',
      'BU99010605',
      'BU99010606',
    ];
    const seen = await Promise.all(
      buurten.map(async (code) => {
        const { status, body } = await partner.json<Profile>(`/api/areas/${code}`);
        return status === 200 ? pointOf(body, 'a_soz_wb', 2024) : undefined;
      }),
    );
    const wijk = pointOf(
      (await partner.json<Profile>('/api/areas/WK990106')).body,
      'a_soz_wb',
      2024,
    );
    expect(wijk?.value).not.toBeNull();
    const hidden = seen.filter((p) => p && p.value === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.map((p) => p!.suppression).sort()).toContain('secondary');
    // What the partner can compute from the total is a sum of at least two hidden buurten.
    const visibleSum = seen.reduce((s, p) => s + (p?.value ?? 0), 0);
    expect(wijk!.value! - visibleSum).toBeGreaterThanOrEqual(10);

    const analyst = await api.json<Profile>('/api/areas/BU99010606');
    expect(pointOf(analyst.body, 'a_soz_wb', 2024)).toEqual(
      expect.objectContaining({ value: 5, status: 'ok', suppression: null }),
    );
  });

  test('a rate made of a hidden count is hidden too: rate × inhabitants would give it back', async () => {
    const hidden = await sql<{ code: string; year: number }>`
      select a.code, o.data_year as year from suppressed_observation so
      join observation o on o.id = so.observation_id join area a on a.id = o.area_id
      join indicator i on i.id = o.indicator_id
      where i.key = 'a_soz_wb' and a.gemeente_code = 'GM9901'`.execute(handle.db);
    expect(hidden.rows.length).toBeGreaterThan(0);
    let checked = 0;
    for (const { code, year } of hidden.rows) {
      const profile = await partner.json<Profile>(`/api/areas/${code}`);
      const rate = pointOf(profile.body, 'soz_wb_per_1000', year);
      if (!rate || rate.status === 'missing' || rate.status === 'secret') continue;
      expect(rate, `${code} ${year}`).toMatchObject({ value: null, status: 'suppressed' });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
    // Where the count is shown and the base is large, the rate is shown too.
    const wijk = await partner.json<Profile>('/api/areas/WK990106');
    expect(pointOf(wijk.body, 'soz_wb_per_1000', 2024)?.value).toBeGreaterThan(0);
    const gemeente = await partner.json<Profile>('/api/areas/GM9901');
    expect(pointOf(gemeente.body, 'soz_wb_per_1000', 2024)?.suppression).toBeNull();
  });

  test('shares of a small base are hidden; the map and the CSV hide what the profile hides', async () => {
    const hiddenShares = await sql<{ code: string; year: number; gemeente: string }>`
      select a.code, o.data_year as year, a.gemeente_code as gemeente from suppressed_observation so
      join observation o on o.id = so.observation_id join area a on a.id = o.area_id
      join indicator i on i.id = o.indicator_id
      where i.key = 'p_wcorpw' and so.reason = 'small_base'
      order by o.data_year desc, a.code limit 1`.execute(handle.db);
    const share = hiddenShares.rows[0];
    expect(share).toBeDefined();
    const there = api.as({ role: 'partner', scope: [share!.gemeente] });
    const profile = await there.json<Profile>(`/api/areas/${share!.code}`);
    expect(pointOf(profile.body, 'p_wcorpw', share!.year)).toMatchObject({
      value: null,
      suppression: 'small_base',
    });

    const map = await partner.json<MapLayerResponse>(
      `/api/map?level=buurt&parent=GM9901&indicator=a_soz_wb&year=2024`,
    );
    const feature = map.body.features.find((f) => f.properties.code === 'BU99010606')!;
    expect(feature.properties).toMatchObject({
      value: null,
      status: 'suppressed',
      suppression: 'small_count',
      class: null,
    });
    expect(map.body.summary.byStatus.suppressed).toBeGreaterThanOrEqual(2);
    const analystMap = await api.json<MapLayerResponse>(
      `/api/map?level=buurt&parent=GM9901&indicator=a_soz_wb&year=2024`,
    );
    expect(
      analystMap.body.features.find((f) => f.properties.code === 'BU99010606')!.properties.value,
    ).toBe(5);

    const csv = await (
      await partner.get(
        '/api/export/figures.csv?level=buurt&parent=GM9901&indicator=a_soz_wb&year=2024',
      )
    ).text();
    const line = csv.split('\r\n').find((l) => l.startsWith('BU99010606;'))!;
    expect(line).toMatch(/;;<10;/);
    expect(line).not.toMatch(/;5;/);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'export'`.execute(handle.db);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  test('an import decides again: a small count appears hidden, and a corrected one is shown', async () => {
    const mapping = {
      code: 'buurt',
      year: 2024,
      source: 'Woonstichting Duinrand, plaatsingen',
      columns: {
        plaatsingen: {
          key: 'own_plaatsingen',
          nameNl: 'Plaatsingen kwetsbare groepen',
          unit: 'aantal',
          direction: 'neutral',
          kind: 'count',
          sensitive: true,
        },
      },
    };
    const file = (rows: string) =>
      inputFile('plaatsingen-2024.csv', new TextEncoder().encode(`buurt;plaatsingen\n${rows}`));
    await runImport(
      handle.db,
      adapterFor('table'),
      // Every buurt of the wijk has a figure: a buurt without one would protect the small one.
      file(
        'BU99010101;3\nBU99010102;40\nBU99010103;25\nBU99010104;30\nBU99010105;30\nBU99010106;30\nBU99010107;30\nBU99010108;30\nWK990101;218\n',
      ),
      { mapping },
    );
    const before = await partner.json<Profile>('/api/areas/BU99010101');
    expect(pointOf(before.body, 'own_plaatsingen', 2024)?.suppression).toBe('small_count');
    // The smallest other buurt (25) is hidden with it, so the wijk total gives nothing away.
    const sibling = await partner.json<Profile>('/api/areas/BU99010103');
    expect(pointOf(sibling.body, 'own_plaatsingen', 2024)?.suppression).toBe('secondary');

    await runImport(
      handle.db,
      adapterFor('table'),
      file(
        'BU99010101;30\nBU99010102;40\nBU99010103;25\nBU99010104;30\nBU99010105;30\nBU99010106;30\nBU99010107;30\nBU99010108;30\nWK990101;245\n',
      ),
      { mapping },
    );
    const after = await partner.json<Profile>('/api/areas/BU99010101');
    expect(pointOf(after.body, 'own_plaatsingen', 2024)).toMatchObject({
      value: 30,
      suppression: null,
    });
    // A sensitive indicator's views are audited.
    const views = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'view_sensitive' and target = 'BU99010101'`.execute(handle.db);
    expect(views.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  test('stricter rules hide more, once, at start; counts can be rounded to fives', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from suppressed_observation`.execute(
          handle.db,
        )
      ).rows[0]!.n;
    // The first call stores the rules in force (as a server start does); the second finds them.
    await applyDisclosureRules(handle.db, { minCount: 10, minBase: 50 });
    const before = await count();
    expect(await applyDisclosureRules(handle.db, { minCount: 10, minBase: 50 })).toMatchObject({
      recomputed: false,
    });
    const stricter = await applyDisclosureRules(handle.db, { minCount: 50, minBase: 100 });
    expect(stricter.recomputed).toBe(true);
    expect(await count()).toBeGreaterThan(before);
    await applyDisclosureRules(handle.db, { minCount: 10, minBase: 50 });
    expect(await count()).toBe(before);

    const rounding = createTestApp(handle, null, {
      privacy: { minCount: 10, minBase: 50, roundCountsTo: 5 },
    }).as({ role: 'partner', scope: ['GM9901'] });
    const profile = await rounding.json<Profile>('/api/areas/GM9901');
    const inhabitants = profile.body.series.find((s) => s.indicatorKey === 'a_inw')!.points;
    expect(inhabitants.length).toBeGreaterThan(3);
    for (const p of inhabitants) if (p.value !== null) expect(p.value % 5).toBe(0);
  });
});
