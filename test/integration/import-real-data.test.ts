import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MapLayerResponse } from '../../src/domain/map/map-layer.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adapterFor } from '../../src/import/adapters.js';
import type { ImportKind, ImportOptions, ImportSummary } from '../../src/import/import-plan.js';
import { readInputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';
import { sharedFile } from '../helpers/shared-data.js';

const FILES = {
  regions: 'cbs-kwb-2024/WijkenEnBuurten_odata.csv',
  lbmBuurt: 'leefbaarometer-2024/lbm2024_buurt_nl.geojson',
  lbmWijk: 'leefbaarometer-wijk-2002-2022/lbm3_wijk_scores_2002_2022_nl.csv',
  wijkBoundaries: 'cbs-wijkgrenzen-2024/wijk_2024_nl_wgs84.geojson',
  population: 'cbs-kwb-2024/kwb2024_bevolking_buurt.csv',
};

/** The real national files, imported in the order a corporation would: names, figures, shapes. */
describe.each(testEngines())('importing the real open data on %s', (engine) => {
  let handle: DatabaseHandle;
  const summaries: Record<string, ImportSummary> = {};
  const run = (kind: ImportKind, file: string, options: ImportOptions = {}) =>
    runImport(handle.db, adapterFor(kind), readInputFile(sharedFile(file)), options);
  const value = async (code: string, key: string, year: number, boundaryYear = 2024) =>
    (
      await sql<{ value: number | null; status: string; source_release: string | null }>`
        select o.value, o.status, o.source_release from observation o join area a on a.id = o.area_id
        join indicator i on i.id = o.indicator_id
        where a.code = ${code} and a.boundary_year = ${boundaryYear} and i.key = ${key} and o.data_year = ${year}`.execute(
        handle.db,
      )
    ).rows[0];

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'empty');
    summaries.regions = await run('regions', FILES.regions, { year: 2024 });
    summaries.lbmBuurt = await run('leefbaarometer', FILES.lbmBuurt);
    summaries.lbmWijk = await run('leefbaarometer', FILES.lbmWijk);
    summaries.boundaries = await run('boundaries', FILES.wijkBoundaries);
    summaries.population = await run('table', FILES.population, {
      mapping: {
        code: 'bu_code',
        year: 2024,
        source: 'CBS 85984NED',
        columns: { aantal_inwoners: 'a_inw' },
      },
    });
  }, 240_000);
  afterAll(() => handle?.close());

  test('the CBS 2024 region list names 342 gemeenten, 3,393 wijken and 14,574 buurten', async () => {
    expect(summaries.regions).toMatchObject({
      status: 'imported',
      rowsRead: 18310,
      areasCreated: 18310,
    });
    const counts = await sql<{
      level: string;
      n: number;
    }>`select level, count(*) as n from area where boundary_year = 2024 group by level`.execute(
      handle.db,
    );
    // The boundary file later added 82 pseudo-wijken (water, abroad) and GM0998 "Buitenland".
    expect(Object.fromEntries(counts.rows.map((r) => [r.level, r.n]))).toEqual({
      land: 1,
      gemeente: 343,
      wijk: 3393 + 82,
      buurt: 14574,
    });
    const haarlem = await sql<{
      name: string;
    }>`select name from area where code = 'GM0392' and boundary_year = 2024`.execute(handle.db);
    expect(haarlem.rows[0]?.name).toBe('Haarlem');
  });

  test('Haarlem has 167,670 inhabitants as the sum of its buurten', async () => {
    expect(summaries.population).toMatchObject({
      status: 'imported',
      rowsRead: 14574,
      valuesWritten: 14574,
      codesNotMatchedCount: 0,
    });
    const sum = await sql<{
      n: number;
    }>`select sum(o.value) as n from observation o join area a on a.id = o.area_id join indicator i on i.id = o.indicator_id
      where i.key = 'a_inw' and a.level = 'buurt' and a.gemeente_code = 'GM0392' and a.boundary_year = 2024 and o.data_year = 2024`.execute(
      handle.db,
    );
    expect(sum.rows[0]?.n).toBe(167670);
  });

  test('every Leefbaarometer buurt code exists in the CBS 2024 code list', () => {
    expect(summaries.lbmBuurt).toMatchObject({
      status: 'imported',
      rowsRead: 12147,
      areasCreated: 0,
      codesNotMatchedCount: 0,
      release: 'lbm3-2024',
    });
    // 12,147 buurten × (afw, five dimensions, seven classes).
    expect(summaries.lbmBuurt!.valuesWritten).toBe(12147 * 13);
  });

  test('buurten carry the exact afw and kscore of the file', async () => {
    const collection = JSON.parse(fs.readFileSync(sharedFile(FILES.lbmBuurt), 'utf8')) as {
      features: Array<{
        properties: { bu_code: string; afw: number; kscore: number; konv: number; onv: number };
      }>;
    };
    const sample = [0, 1234, 5000, 9876, 12146].map((i) => collection.features[i]!.properties);
    for (const p of sample) {
      expect((await value(p.bu_code, 'lbm_afw', 2024))?.value).toBe(p.afw);
      expect((await value(p.bu_code, 'lbm_score_class', 2024))?.value).toBe(p.kscore);
      expect((await value(p.bu_code, 'lbm_onv', 2024))?.value).toBe(p.onv);
      expect((await value(p.bu_code, 'lbm_onv_class', 2024))?.value).toBe(p.konv);
    }
  });

  test('a buurt the Leefbaarometer does not score shows as missing, not 0', async () => {
    // BU04730401 Noord strand (Zandvoort, 0 inhabitants) is absent from the 2024 file.
    expect(await value('BU04730401', 'lbm_afw', 2024)).toBeUndefined();
    const api = createTestApp(handle);
    const response = await api.json<MapLayerResponse>(
      '/api/map?level=buurt&parent=GM0473&indicator=lbm_afw&year=2024',
    );
    expect(response.status).toBe(200);
    const strand = response.body.features.find((f) => f.properties.code === 'BU04730401');
    expect(strand?.properties).toMatchObject({ value: null, status: 'missing', class: null });
  });

  test('the map shows the published kscore classes where the absolute score is not published', async () => {
    const api = createTestApp(handle);
    const available = await api.json<{ indicators: Array<{ key: string; years: number[] }> }>(
      '/api/indicators/available?level=buurt&parent=GM0392',
    );
    const keys = available.body.indicators.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['lbm_afw', 'lbm_score_class', 'a_inw']));
    expect(keys).not.toContain('lbm_score');
    const layer = await api.json<MapLayerResponse>(
      '/api/map?level=buurt&parent=GM0392&indicator=lbm_score',
    );
    expect(layer.body.year).toBe(2024);
    const classed = layer.body.features.filter((f) => f.properties.class !== null);
    expect(classed.length).toBe(96);
    expect(classed.every((f) => f.properties.value === null)).toBe(true);
  });

  test('Amsterdam codes with letters survive, with their figures', async () => {
    const row = await sql<{
      code: string;
      name: string;
      parent_code: string;
    }>`select code, name, parent_code from area where code = 'BU0363AA01' and boundary_year = 2024`.execute(
      handle.db,
    );
    expect(row.rows[0]).toMatchObject({ code: 'BU0363AA01', parent_code: 'WK0363AA' });
    expect((await value('BU0363AA01', 'lbm_afw', 2024))?.status).toBe('ok');
  });

  test('the wijk series 2002–2022: one release, lbm − afw = 4.1023 in every row, empty dimensions missing', async () => {
    expect(summaries.lbmWijk).toMatchObject({
      status: 'imported',
      rowsRead: 26366,
      release: 'lbm3-2022',
      boundaryYear: 2022,
    });
    const offsets = await sql<{ n: number; lo: number; hi: number }>`
      select count(*) as n, min(s.value - a.value) as lo, max(s.value - a.value) as hi
      from observation s join observation a on a.area_id = s.area_id and a.data_year = s.data_year
      where s.indicator_id = (select id from indicator where key = 'lbm_score')
        and a.indicator_id = (select id from indicator where key = 'lbm_afw')
        and s.source_release = 'lbm3-2022'`.execute(handle.db);
    expect(offsets.rows[0]!.n).toBe(26366);
    expect(offsets.rows[0]!.lo).toBeCloseTo(4.1023, 4);
    expect(offsets.rows[0]!.hi).toBeCloseTo(4.1023, 4);
    const dims = await sql<{ data_year: number; status: string; n: number; with_value: number }>`
      select o.data_year, o.status, count(*) as n, count(o.value) as with_value from observation o
      where o.indicator_id = (select id from indicator where key = 'lbm_onv') and o.source_release = 'lbm3-2022'
      group by o.data_year, o.status order by o.data_year`.execute(handle.db);
    for (const year of [2002, 2008, 2012, 2016]) {
      const rows = dims.rows.filter((r) => r.data_year === year);
      expect(rows.map((r) => r.status)).toEqual(['missing']);
      expect(rows[0]!.with_value).toBe(0);
    }
    for (const year of [2014, 2018, 2020, 2022]) {
      expect(dims.rows.filter((r) => r.data_year === year).map((r) => r.status)).toEqual(['ok']);
    }
    // Without class boundaries for that release, no classes are guessed.
    expect(await value('WK001400', 'lbm_afw_class', 2022, 2022)).toBeUndefined();
    // The 2022 wijken took their gemeente names from the 2024 region list.
    const name = await sql<{
      name: string;
    }>`select name from area where code = 'GM0392' and boundary_year = 2022`.execute(handle.db);
    expect(name.rows[0]?.name).toBe('Haarlem');
  });

  test('wijk boundaries: every CBS wijk gets a shape; codes not in the 2024 list are reported', async () => {
    expect(summaries.boundaries).toMatchObject({
      status: 'imported',
      rowsRead: 3475,
      areasUpdated: 3393,
    });
    // 81 "Groot water" pseudo-wijken and WK099899 Buitenland (PROVENANCE §6).
    expect(summaries.boundaries!.codesNotMatchedCount).toBe(82);
    expect(summaries.boundaries!.codesNotMatched).toContain('WK051899');
    const shapes = await sql<{
      n: number;
    }>`select count(*) as n from area a join area_geometry g on g.area_id = a.id where a.level = 'wijk' and a.boundary_year = 2024`.execute(
      handle.db,
    );
    expect(shapes.rows[0]?.n).toBe(3475);
  });

  test('importing the same file again changes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*) as n from import_run`.execute(
      handle.db,
    );
    const again = await run('leefbaarometer', FILES.lbmWijk);
    expect(again.status).toBe('unchanged');
    expect(again.runId).toBe(summaries.lbmWijk!.runId);
    const after = await sql<{ n: number }>`select count(*) as n from import_run`.execute(handle.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
