import { describe, expect, test } from 'vitest';
import type { GeoSource } from './geo-source.js';
import { readGeoPackage } from './gpkg.js';
import { loadSqlJs } from './sqljs.js';
import { importFailure, seededBytes, square } from './testing/fixtures.js';
import { editGeoPackage, writeGeoPackage, type GpkgFeatureInput } from './testing/write-gpkg.js';

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
    const error = await importFailure(() => readGeoPackage('two.gpkg', bytes));
    expect(error.issues[0]).toEqual({
      file: 'two.gpkg',
      message: 'the GeoPackage holds 2 feature layers ("buurten", "wijken"); choose one',
      expected: 'a layer option naming one of them',
    });
    expect((await readGeoPackage('two.gpkg', bytes, { layer: 'wijken' })).features).toHaveLength(1);
    expect((await readGeoPackage('two.gpkg', bytes, { layer: 'BUURTEN' })).layer).toBe('buurten');
    const missing = await importFailure(() =>
      readGeoPackage('two.gpkg', bytes, { layer: 'gemeenten' }),
    );
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
    const error = await importFailure(() => readGeoPackage('merc.gpkg', bytes));
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
    const error = await importFailure(() => readGeoPackage('pt.gpkg', bytes));
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
    const random = seededBytes(4096, 42);
    expect((await importFailure(() => readGeoPackage('r.gpkg', random))).issues[0]).toMatchObject({
      message: 'not a GeoPackage (SQLite) file',
    });
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a)');
    const plain = db.export();
    db.close();
    expect((await importFailure(() => readGeoPackage('p.sqlite', plain))).issues[0]!.message).toBe(
      'not a GeoPackage: the SQLite file has no gpkg_contents table',
    );
    // A correct header with a damaged body.
    const damaged = Uint8Array.from([...plain.slice(0, 100), ...random]);
    expect((await importFailure(() => readGeoPackage('d.gpkg', damaged))).issues[0]!.message).toBe(
      'not a GeoPackage (SQLite) file',
    );
  });

  test('a GeoPackage damaged in the middle of the layer is refused, not a crash', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      properties: { i },
      geometry: square(4.6, 52.3, 0.001 + i / 1e6),
    }));
    const bytes = await writeGeoPackage(many, { srsId: 4326, layer: 'buurten' });
    const damaged = bytes.slice();
    damaged.set(seededBytes(8192, 3), bytes.length - 8192); // the feature table's last pages
    const error = await importFailure(() => readGeoPackage('d.gpkg', damaged));
    expect(error.issues[0]!.message).toBe('not a GeoPackage (SQLite) file');
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
    expect((await importFailure(() => readGeoPackage('x', bytes))).issues[0]!.message).toBe(
      'the GeoPackage holds no feature layer',
    );
  });
});
