import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { sql } from 'kysely';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adapterFor } from '../../src/import/adapters.js';
import { RD_NEW_PROJ4 } from '../../src/import/geo/crs.js';
import { writeGeoPackage } from '../../src/import/geo/testing/write-gpkg.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';
import { sharedFile } from '../helpers/shared-data.js';

const text = (s: string) => new TextEncoder().encode(s);

describe.each(testEngines())('import formats on %s', (engine) => {
  let handle: DatabaseHandle;
  const run = (kind: ImportKind, name: string, bytes: Uint8Array, options: ImportOptions = {}) =>
    runImport(handle.db, adapterFor(kind), inputFile(name, bytes), options);
  const figure = async (code: string, key: string, year: number) =>
    (
      await sql<{ value: number | null; status: string; source: string }>`
        select o.value, o.status, o.source from observation o join area a on a.id = o.area_id
        join indicator i on i.id = o.indicator_id where a.code = ${code} and i.key = ${key} and o.data_year = ${year}`.execute(
        handle.db,
      )
    ).rows[0];

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'empty');
  });
  afterAll(() => handle?.close());

  test('GeoPackage boundaries in RD New come out in WGS84 where the GeoJSON had them', async () => {
    const source = JSON.parse(
      fs.readFileSync(
        sharedFile('cbs-wijkgrenzen-2024/wijk_2024_7gemeenten_wgs84.geojson'),
        'utf8',
      ),
    ) as FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
    const toRd = proj4('WGS84', RD_NEW_PROJ4);
    const project = (ring: Position[]) => ring.map((p) => toRd.forward([p[0]!, p[1]!]));
    const gpkg = await writeGeoPackage(
      source.features.map((f) => ({
        properties: { wijkcode: f.properties.wk_code!, wijknaam: f.properties.wk_naam ?? null },
        geometry:
          f.geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(project) }
            : {
                type: 'MultiPolygon',
                coordinates: f.geometry.coordinates.map((p) => p.map(project)),
              },
      })),
      { srsId: 28992, layer: 'wijken' },
    );
    const summary = await run('boundaries', 'wijken_2024.gpkg', gpkg);
    expect(summary).toMatchObject({ status: 'imported', rowsRead: 112, boundaryYear: 2024 });
    expect(summary.messages.map((m) => m.text).join(' ')).toMatch(
      /EPSG:28992, reprojected to WGS84/,
    );
    const original = source.features.find((f) => f.properties.wk_code === 'WK039201')!;
    const xs = (
      original.geometry.type === 'Polygon'
        ? [original.geometry.coordinates]
        : original.geometry.coordinates
    )
      .flat(2)
      .map((p) => p[0]!);
    const stored = await sql<{
      bbox_west: number;
      name: string;
    }>`select bbox_west, name from area where code = 'WK039201' and boundary_year = 2024`.execute(
      handle.db,
    );
    expect(stored.rows[0]!.bbox_west).toBeCloseTo(Math.min(...xs), 5);
    expect(stored.rows[0]!.name).toBe(original.properties.wk_naam);
  });

  test('a flat kwb file with ; and decimal commas: symbols, sentinels and provisional figures keep their status', async () => {
    const csv = [
      'gwb_code_10;regio;gm_naam;recs;ind_wbi;a_inw;p_wcorpw;g_ink_pi;p_hh_li;a_soz_wb;zzz_eigen',
      'GM0392;Haarlem;Haarlem;Gemeente;1;162543;29;34,0;41,5;5420;1',
      'WK039201;Centrum;Haarlem;Wijk;1;15320;22;38,4*;.;;1',
      'BU03920101;Oude Stad;Haarlem;Buurt;1;4135;-99997;.;36,2;12,5;1',
    ].join('\r\n');
    const summary = await run('kwb', 'kwb-2022.csv', text(csv));
    expect(summary).toMatchObject({
      status: 'imported',
      boundaryYear: 2022,
      release: 'cbs-kwb-2022',
      rowsRead: 3,
    });
    expect(summary.messages.map((m) => m.text).join(' ')).toMatch(/Not imported.*zzz_eigen/);
    expect(await figure('GM0392', 'g_ink_pi', 2022)).toMatchObject({
      value: 34,
      status: 'ok',
      source: 'cbs',
    });
    expect(await figure('GM0392', 'p_hh_li', 2022)).toMatchObject({ value: 41.5, status: 'ok' });
    expect(await figure('WK039201', 'g_ink_pi', 2022)).toMatchObject({
      value: 38.4,
      status: 'provisional',
    });
    expect(await figure('WK039201', 'p_hh_li', 2022)).toMatchObject({
      value: null,
      status: 'secret',
    });
    expect(await figure('WK039201', 'a_soz_wb', 2022)).toMatchObject({
      value: null,
      status: 'not_applicable',
    });
    expect(await figure('BU03920101', 'p_wcorpw', 2022)).toMatchObject({
      value: null,
      status: 'missing',
    });
    expect(await figure('BU03920101', 'a_soz_wb', 2022)).toMatchObject({
      value: 12.5,
      status: 'ok',
    });
    const names = await sql<{
      name: string;
    }>`select name from area where code = 'BU03920101' and boundary_year = 2022`.execute(handle.db);
    expect(names.rows[0]?.name).toBe('Oude Stad');
  });

  test('the same kwb figures from an XLSX file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('KWB2021');
    sheet.addRow(['gwb_code_10', 'regio', 'recs', 'a_inw', 'g_ink_pi', 'p_hh_li']);
    sheet.addRow(['GM0392', 'Haarlem', 'Gemeente', 161265, 33.1, '.']);
    sheet.addRow(['BU03920101', 'Oude Stad', 'Buurt', 4100, 36.25, 41]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const summary = await run('kwb', 'kwb-2021.xlsx', bytes);
    expect(summary).toMatchObject({ status: 'imported', boundaryYear: 2021, rowsRead: 2 });
    expect(await figure('BU03920101', 'g_ink_pi', 2021)).toMatchObject({
      value: 36.25,
      status: 'ok',
    });
    expect(await figure('GM0392', 'p_hh_li', 2021)).toMatchObject({
      value: null,
      status: 'secret',
    });
  });

  test('StatLine OData JSON: keys mapped by stem whatever the suffix, null is the CBS "."', async () => {
    const document = {
      'odata.metadata':
        'https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
      value: [
        {
          ID: 0,
          WijkenEnBuurten: 'GM0392    ',
          Gemeentenaam_1: 'Haarlem                                 ',
          SoortRegio_2: 'Gemeente  ',
          Codering_3: 'GM0392    ',
          AantalInwoners_5: 167636,
          InBezitWoningcorporatie_43: null,
          k_0Tot15Jaar_8: 26000,
        },
        {
          ID: 1,
          WijkenEnBuurten: 'BU0363AA01',
          Gemeentenaam_1: 'Amsterdam                               ',
          SoortRegio_2: 'Buurt     ',
          Codering_3: 'BU0363AA01',
          AantalInwoners_5: 1345,
          InBezitWoningcorporatie_43: 31,
          k_0Tot15Jaar_8: 100,
        },
      ],
    };
    const summary = await run(
      'statline',
      '85984NED_TypedDataSet.json',
      text(JSON.stringify(document)),
    );
    expect(summary).toMatchObject({
      status: 'imported',
      boundaryYear: 2024,
      release: 'cbs-85984NED',
    });
    expect(await figure('GM0392', 'a_inw', 2024)).toMatchObject({ value: 167636, status: 'ok' });
    expect(await figure('GM0392', 'p_wcorpw', 2024)).toMatchObject({
      value: null,
      status: 'secret',
    });
    expect(await figure('BU0363AA01', 'a_00_14', 2024)).toMatchObject({ value: 100 });
  });

  test('a StatLine "CSV met statistische symbolen": BOM, ; and quoted, padded values; blank cannot occur', async () => {
    const csv =
      '\uFEFF"ID";"Wijken en buurten";"Gemeentenaam";"Soort regio";"Codering";"Bevolking/Aantal inwoners (aantal)";"Wonen/In bezit woningcorporatie (%)";"Inkomen/Gemiddeld inkomen per inwoner (x 1 000 euro)"\r\n' +
      '"0";"Beverwijk";"Beverwijk                    ";"Gemeente  ";"GM0375    ";"       42880";"          40";"        31,2"\r\n' +
      '"1";"Meerestein";"Beverwijk                    ";"Buurt     ";"BU03750801";"           5";"            ";"           ."\r\n';
    const summary = await run('statline', 'kerncijfers.csv', text(csv), { year: 2023 });
    expect(summary).toMatchObject({ status: 'imported', boundaryYear: 2023, rowsRead: 2 });
    expect(await figure('GM0375', 'g_ink_pi', 2023)).toMatchObject({ value: 31.2, status: 'ok' });
    expect(await figure('BU03750801', 'p_wcorpw', 2023)).toMatchObject({
      value: null,
      status: 'not_applicable',
    });
    expect(await figure('BU03750801', 'g_ink_pi', 2023)).toMatchObject({
      value: null,
      status: 'secret',
    });
    const name = await sql<{
      name: string;
    }>`select name from area where code = 'BU03750801' and boundary_year = 2023`.execute(handle.db);
    expect(name.rows[0]?.name).toBe('Meerestein');
  });

  test('CBS "-" is nihil: a real 0, said in the summary', async () => {
    const csv = 'gwb_code_10;regio;recs;a_inw;a_soz_wb\nBU03920199;Nieuwbouw;Buurt;15;-\n';
    const summary = await run('kwb', 'kwb-2020.csv', text(csv));
    expect(summary.messages.map((m) => m.text).join(' ')).toMatch(/"-".*0/);
    expect(await figure('BU03920199', 'a_soz_wb', 2020)).toMatchObject({ value: 0, status: 'ok' });
  });

  test('one decimal separator per file: "1.234" in a file with decimal commas is a thousand and more', async () => {
    const csv = 'code;aantal;aandeel\nBU03920101;1.234;2,5\nBU03920102;987;12,75\n';
    const summary = await run('table', 'eigen-2024.csv', text(csv), {
      mapping: {
        code: 'code',
        year: 2024,
        source: 'Woonstichting Duinrand',
        columns: {
          aantal: {
            key: 'own_aantal',
            nameNl: 'Aantal huurders',
            unit: 'aantal',
            direction: 'neutral',
          },
          aandeel: {
            key: 'own_aandeel',
            nameNl: 'Aandeel met schuld',
            unit: '%',
            direction: 'higher_is_worse',
          },
        },
      },
    });
    expect(summary.status).toBe('imported');
    expect(await figure('BU03920101', 'own_aantal', 2024)).toMatchObject({ value: 1234 });
    expect(await figure('BU03920101', 'own_aandeel', 2024)).toMatchObject({ value: 2.5 });
  });

  test('a long table of own figures creates its indicator; a dry run writes nothing', async () => {
    const csv =
      'buurt;indicator;jaar;waarde\nBU03920101;klachten;2023;12\nBU03920101;klachten;2024;9\nBU03920102;klachten;2024;\n';
    const mapping = {
      layout: 'long',
      code: 'buurt',
      year: { column: 'jaar' },
      boundaryYear: 2024,
      indicatorColumn: 'indicator',
      valueColumn: 'waarde',
      source: 'Woonstichting Duinrand, meldingen',
      indicators: {
        klachten: {
          key: 'own_klachten',
          nameNl: 'Overlastmeldingen',
          unit: 'aantal',
          direction: 'higher_is_worse',
          theme: 'veiligheid',
        },
      },
    };
    const before = await sql<{ n: number }>`select count(*) as n from observation`.execute(
      handle.db,
    );
    const dry = await run('table', 'meldingen.csv', text(csv), { mapping, dryRun: true });
    expect(dry).toMatchObject({
      status: 'dry_run',
      valuesWritten: 3,
      indicatorsCreated: ['own_klachten'],
      runId: null,
    });
    expect(
      (await sql<{ n: number }>`select count(*) as n from observation`.execute(handle.db)).rows[0]
        ?.n,
    ).toBe(before.rows[0]?.n);
    const real = await run('table', 'meldingen.csv', text(csv), { mapping });
    expect(real).toMatchObject({
      status: 'imported',
      valuesWritten: 3,
      indicatorsCreated: ['own_klachten'],
    });
    expect(await figure('BU03920101', 'own_klachten', 2023)).toMatchObject({
      value: 12,
      status: 'ok',
      source: 'Woonstichting Duinrand, meldingen',
    });
    expect(await figure('BU03920102', 'own_klachten', 2024)).toMatchObject({
      value: null,
      status: 'missing',
    });
    const indicator = await sql<{
      direction: string;
      theme: string;
      built_in: boolean;
    }>`select direction, theme, built_in from indicator where key = 'own_klachten'`.execute(
      handle.db,
    );
    expect(indicator.rows[0]).toEqual({
      direction: 'higher_is_worse',
      theme: 'veiligheid',
      built_in: false,
    });
  });

  test('a mapping that names an unknown indicator or a missing column is refused before reading on', async () => {
    const csv = 'code;x\nBU03920101;1\n';
    await expect(
      run('table', 't.csv', text(csv), {
        mapping: { code: 'code', year: 2024, columns: { x: 'geen_idee' } },
      }),
    ).rejects.toThrow(/unknown indicator key "geen_idee"/);
    await expect(
      run('table', 't.csv', text(csv), {
        mapping: { code: 'bu_code', year: 2024, columns: { x: 'a_inw' } },
      }),
    ).rejects.toThrow(/missing column named in the mapping: bu_code/);
    await expect(run('table', 't.csv', text(csv), { mapping: { code: 'code' } })).rejects.toThrow(
      /mapping.*year/,
    );
  });

  test('a live WFS layer (id, name, year instead of bu_code, bu_naam, jaar) imports the same', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            id: 'BU04730001',
            name: 'Centrum',
            gemeente: 'Zandvoort',
            year: 2024,
            afw: 0.1,
            won: 0.02,
            fys: 0.02,
            vrz: 0.02,
            soc: 0.02,
            onv: 0.02,
            kscore: 8,
            kafw: 7,
            kwon: 5,
            kfys: 5,
            kvrz: 5,
            ksoc: 5,
            konv: 5,
          },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [4.53, 52.37],
                [4.54, 52.37],
                [4.54, 52.38],
                [4.53, 52.37],
              ],
            ],
          },
        },
      ],
    };
    const summary = await run(
      'leefbaarometer',
      'buurtscore24.json',
      text(JSON.stringify(collection)),
    );
    expect(summary).toMatchObject({ status: 'imported', rowsRead: 1, release: 'lbm3-2024' });
    expect(await figure('BU04730001', 'lbm_score_class', 2024)).toMatchObject({
      value: 8,
      status: 'ok',
    });
  });

  test('a newer Leefbaarometer release replaces the older series at its level; an older one is refused', async () => {
    const subset = fs.readFileSync(
      sharedFile('leefbaarometer-wijk-2002-2022/lbm3_wijk_scores_2002_2022_7gemeenten.csv'),
    );
    const first = await run('leefbaarometer', 'lbm_wijk_7.csv', subset);
    expect(first).toMatchObject({ status: 'imported', release: 'lbm3-2022', rowsRead: 841 });
    const newer =
      'wk_code,jaar,lbm,afw,fys,onv,soc,vrz,won\nWK039201,2024,4.15,0.1044,0.02,0.02,0.02,0.02,0.0244\n';
    const second = await run('leefbaarometer', 'lbm_wijk_2024.csv', text(newer));
    expect(second.seriesReplaced).toBeGreaterThan(800 * 6);
    const releases = await sql<{
      source_release: string;
    }>`select distinct o.source_release from observation o join area a on a.id = o.area_id where a.level = 'wijk' and o.source = 'leefbaarometer'`.execute(
      handle.db,
    );
    expect(releases.rows.map((r) => r.source_release)).toEqual(['lbm3-2024']);
    await expect(run('leefbaarometer', 'lbm_wijk_7.csv', subset, { force: true })).rejects.toThrow(
      /already holds release lbm3-2024, which is newer than lbm3-2022/,
    );
  });
});
