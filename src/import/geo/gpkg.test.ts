import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { RD_NEW_PROJ4, toWgs84 } from './crs.js';
import { mapPositions, polygonsOf, type GeoSource } from './geo-source.js';
import { readGeoJson } from './geojson.js';
import { isSqlite, readGeoPackage } from './gpkg.js';
import { loadSqlJs } from './sqljs.js';
import { FILES, hasSharedData, readSharedText } from './testing/shared-data.js';
import { editGeoPackage, writeGeoPackage, type GpkgFeatureInput } from './testing/write-gpkg.js';

const square = (x: number, y: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const threeBuurten: GpkgFeatureInput[] = [
  {
    properties: { bu_code: 'BU03920001', inwoners: 1200, afw: 0.05 },
    geometry: square(4.63, 52.38, 0.01),
  },
  { properties: { bu_code: 'BU03920002', inwoners: null, afw: -0.1 }, geometry: null },
  {
    properties: { bu_code: 'BU03920003', inwoners: 0, afw: 0 },
    geometry: square(4.65, 52.38, 0.01),
  },
];

async function failure(run: () => Promise<unknown>): Promise<ImportFailure> {
  const error = await run().then(
    () => expect.unreachable('expected an ImportFailure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFailure);
  return error as ImportFailure;
}

/** All positions of a geometry in order, whatever its nesting. */
const positions = (g: Polygon | MultiPolygon | null): Position[] =>
  g ? polygonsOf(g).flat(2) : [];

describe.skipIf(!hasSharedData)('round trip of the real files through an RD New GeoPackage', () => {
  const wgs84ToRd = proj4('WGS84', RD_NEW_PROJ4);

  test.each([
    ['CBS wijken', FILES.wijk7, 'wijken_2024', 112],
    ['Leefbaarometer buurten', FILES.buurt7, 'buurt_2024', 370],
  ])(
    '%s: same features, properties, and coordinates within 1e-6°',
    async (_, file, layer, count) => {
      const original = readGeoJson(file, readSharedText(file));
      // To RD New at mm precision, as the official GeoPackage stores it.
      const rd = (p: Position): Position =>
        wgs84ToRd.forward([p[0]!, p[1]!]).map((v) => Math.round(v * 1000) / 1000);
      const input = original.features.map((f) => ({
        properties: f.properties as GpkgFeatureInput['properties'],
        geometry: f.geometry && mapPositions(f.geometry, rd),
      }));
      const bytes = await writeGeoPackage(input, { srsId: 28992, layer });
      expect(isSqlite(bytes)).toBe(true);

      const read = await readGeoPackage(`${layer}.gpkg`, bytes);
      expect(read).toMatchObject({ format: 'gpkg', crs: 'EPSG:28992', layer, warnings: [] });
      expect(read.features).toHaveLength(count);
      // A property absent from a GeoJSON feature (CBS: no value) is NULL in a table column.
      const keys = [...new Set(original.features.flatMap((f) => Object.keys(f.properties)))];
      read.features.forEach((f, i) => {
        expect(f.index).toBe(i);
        expect(f.properties).toEqual(
          Object.fromEntries(keys.map((k) => [k, original.features[i]!.properties[k] ?? null])),
        );
        expect(f.geometry?.type).toBe('MultiPolygon'); // the layer is MULTIPOLYGON, as ogr2ogr writes it
        expect(positions(f.geometry)[0]![0]).toBeGreaterThan(1000); // RD metres, not degrees
      });

      const back = toWgs84(read);
      let worst = 0;
      back.features.forEach((f, i) => {
        const was = positions(original.features[i]!.geometry);
        const now = positions(f.geometry);
        expect(now).toHaveLength(was.length);
        now.forEach(
          (p, k) =>
            (worst = Math.max(worst, Math.abs(p[0]! - was[k]![0]!), Math.abs(p[1]! - was[k]![1]!))),
        );
      });
      expect(worst).toBeLessThan(1e-6);
      // In practice 0: the originals have 5–6 decimals, and the 7-decimal rounding of toWgs84
      // absorbs the ~1e-8° of mm rounding and of the inverse Helmert shift.
    },
  );

  test('a WGS84 POLYGON layer reads back exactly', async () => {
    const original = readGeoJson('lbm', readSharedText(FILES.buurt7));
    const polygons = original.features.filter((f) => f.geometry?.type === 'Polygon');
    const bytes = await writeGeoPackage(
      polygons.map((f) => ({
        properties: { bu_code: f.properties.bu_code as string },
        geometry: f.geometry,
      })),
      { srsId: 4326, layer: 'buurten', geometryType: 'POLYGON' },
    );
    const read = await readGeoPackage('b.gpkg', bytes);
    expect(read.crs).toBe('EPSG:4326');
    expect(read.features.map((f) => f.geometry)).toEqual(polygons.map((f) => f.geometry));
  });
});

describe('readGeoPackage', () => {
  test('attributes as numbers, text and null; NULL geometry is null; fid is not a property', async () => {
    const read = await readGeoPackage(
      'b.gpkg',
      await writeGeoPackage(threeBuurten, { srsId: 4326, layer: 'buurten' }),
    );
    expect(read).toMatchObject({
      file: 'b.gpkg',
      format: 'gpkg',
      crs: 'EPSG:4326',
      layer: 'buurten',
    });
    expect(read.features.map((f) => [f.index, f.properties, f.geometry?.type ?? null])).toEqual([
      [0, { bu_code: 'BU03920001', inwoners: 1200, afw: 0.05 }, 'MultiPolygon'],
      [1, { bu_code: 'BU03920002', inwoners: null, afw: -0.1 }, null],
      [2, { bu_code: 'BU03920003', inwoners: 0, afw: 0 }, 'MultiPolygon'],
    ]);
  });

  test('features come in primary-key order, not insertion order', async () => {
    let bytes = await writeGeoPackage(threeBuurten, { srsId: 4326, layer: 'buurten' });
    bytes = await editGeoPackage(bytes, 'UPDATE buurten SET fid = 10 WHERE fid = 1');
    const read = await readGeoPackage('b.gpkg', bytes);
    expect(read.features.map((f) => f.properties.bu_code)).toEqual([
      'BU03920002',
      'BU03920003',
      'BU03920001',
    ]);
  });

  test('the layer option picks one of several layers; without it the error names them', async () => {
    let bytes = await writeGeoPackage(threeBuurten, { srsId: 4326, layer: 'buurten' });
    bytes = await editGeoPackage(
      bytes,
      `CREATE TABLE wijken AS SELECT * FROM buurten WHERE fid = 1;
       INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('wijken', 'features', 'wijken', 4326);
       INSERT INTO gpkg_geometry_columns VALUES ('wijken', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
       CREATE TABLE notities (id INTEGER PRIMARY KEY, tekst TEXT);
       INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notities', 'attributes', 'notities');`,
    );
    const error = await failure(() => readGeoPackage('two.gpkg', bytes));
    expect(error.issues[0]).toEqual({
      file: 'two.gpkg',
      message: 'the GeoPackage holds 2 feature layers ("buurten", "wijken"); choose one',
      expected: 'a layer option naming one of them',
    });
    expect((await readGeoPackage('two.gpkg', bytes, { layer: 'wijken' })).features).toHaveLength(1);
    expect((await readGeoPackage('two.gpkg', bytes, { layer: 'BUURTEN' })).layer).toBe('buurten');
    const missing = await failure(() => readGeoPackage('two.gpkg', bytes, { layer: 'gemeenten' }));
    expect(missing.issues[0]).toMatchObject({
      message: 'no feature layer "gemeenten" in the GeoPackage',
      expected: 'one of "buurten", "wijken"',
    });
  });

  test('a CRS other than WGS84 or RD New is refused, naming the srs', async () => {
    let bytes = await writeGeoPackage(threeBuurten, { srsId: 4326, layer: 'buurten' });
    bytes = await editGeoPackage(
      bytes,
      `INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / Pseudo-Mercator', 3857, 'EPSG', 3857, 'PROJCS["WGS 84 / Pseudo-Mercator"]', NULL);
       UPDATE gpkg_geometry_columns SET srs_id = 3857; UPDATE gpkg_contents SET srs_id = 3857;`,
    );
    const error = await failure(() => readGeoPackage('merc.gpkg', bytes));
    expect(error.issues[0]).toEqual({
      file: 'merc.gpkg',
      message:
        'layer "buurten" is in an unsupported coordinate system: "WGS 84 / Pseudo-Mercator" (EPSG:3857, srs_id 3857)',
      expected: 'EPSG:4326 (WGS84) or EPSG:28992 (RD New)',
    });
  });

  test('a Point geometry is refused with the feature index; all bad features are listed', async () => {
    const point = Uint8Array.from([
      0x47,
      0x50,
      0,
      1,
      0xe6,
      0x10,
      0,
      0,
      1,
      1,
      0,
      0,
      0,
      ...new Uint8Array(new Float64Array([4.6, 52.3]).buffer),
    ]);
    let bytes = await writeGeoPackage([...threeBuurten, ...threeBuurten], {
      srsId: 4326,
      layer: 'buurten',
    });
    bytes = await editGeoPackage(bytes, 'UPDATE buurten SET geom = ? WHERE fid IN (3, 5)', [point]);
    const error = await failure(() => readGeoPackage('pt.gpkg', bytes));
    expect(error.issues).toEqual(
      [2, 4].map((feature) => ({
        file: 'pt.gpkg',
        feature,
        column: 'geom',
        message: 'geometry type Point (WKB type 1) is not an area',
        expected: 'Polygon or MultiPolygon',
      })),
    );
  });

  test('an empty-flag blob is null; binary attribute columns are left out with a warning', async () => {
    let bytes = await writeGeoPackage(threeBuurten.slice(0, 1), { srsId: 4326, layer: 'buurten' });
    const empty = Uint8Array.from([
      0x47, 0x50, 0, 0b0001_0001, 0xe6, 0x10, 0, 0, 1, 6, 0, 0, 0, 0, 0, 0, 0,
    ]);
    bytes = await editGeoPackage(bytes, 'ALTER TABLE buurten ADD COLUMN foto BLOB');
    bytes = await editGeoPackage(bytes, 'UPDATE buurten SET geom = ?, foto = ?', [
      empty,
      Uint8Array.from([1, 2]),
    ]);
    const read = await readGeoPackage('e.gpkg', bytes);
    expect(read.features[0]).toEqual({
      index: 0,
      properties: { bu_code: 'BU03920001', inwoners: 1200, afw: 0.05 },
      geometry: null,
    });
    expect(read.warnings).toEqual(['binary columns left out: foto']);
  });

  test('random bytes and SQLite files without GeoPackage tables are refused', async () => {
    let seed = 42;
    const random = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    expect((await failure(() => readGeoPackage('r.gpkg', random))).issues[0]).toMatchObject({
      message: 'not a GeoPackage (SQLite) file',
    });
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a)');
    const plain = db.export();
    db.close();
    expect((await failure(() => readGeoPackage('p.sqlite', plain))).issues[0]!.message).toBe(
      'not a GeoPackage: the SQLite file has no gpkg_contents table',
    );
    // A correct header with a damaged body.
    const damaged = Uint8Array.from([...plain.slice(0, 100), ...random]);
    expect((await failure(() => readGeoPackage('d.gpkg', damaged))).issues[0]!.message).toBe(
      'not a GeoPackage (SQLite) file',
    );
  });

  test('a GeoPackage without feature layers', async () => {
    let bytes = await writeGeoPackage([], { srsId: 4326, layer: 'buurten' });
    expect(((await readGeoPackage('x', bytes)) as GeoSource).warnings).toEqual([
      'layer "buurten" holds no features',
    ]);
    bytes = await editGeoPackage(
      bytes,
      'DELETE FROM gpkg_geometry_columns; DELETE FROM gpkg_contents',
    );
    expect((await failure(() => readGeoPackage('x', bytes))).issues[0]!.message).toBe(
      'the GeoPackage holds no feature layer',
    );
  });
});
