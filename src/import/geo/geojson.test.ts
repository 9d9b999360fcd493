import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { readGeoJson } from './geojson.js';
import { FILES, hasSharedData, readSharedText } from './testing/shared-data.js';

const ring = [
  [4.6, 52.3],
  [4.7, 52.3],
  [4.7, 52.4],
  [4.6, 52.3],
];
const polygon = { type: 'Polygon', coordinates: [ring] };
const feature = (geometry: unknown, properties: unknown = { code: 'BU1' }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });

/** The ImportFailure a call throws (fails the test when it does not throw one). */
function failure(run: () => unknown): ImportFailure {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFailure);
    return error as ImportFailure;
  }
  return expect.unreachable('expected an ImportFailure');
}

describe.skipIf(!hasSharedData)('real CBS and Leefbaarometer files', () => {
  test('CBS wijken 2024 (7 municipalities): 112 features, WGS84 detected from the coordinates', () => {
    const source = readGeoJson('wijk.geojson', readSharedText(FILES.wijk7));
    expect(source).toMatchObject({
      file: 'wijk.geojson',
      format: 'geojson',
      crs: 'EPSG:4326',
      layer: null,
      warnings: [],
    });
    expect(source.features).toHaveLength(112);
    expect(source.features.map((f) => f.index)).toEqual([...Array(112).keys()]);
    expect(source.features[0]!.properties).toMatchObject({
      wk_code: 'WK026701',
      wk_naam: 'Nijkerk-stad',
      aantal_inwoners: 28670,
    });
    expect(source.features[0]!.geometry?.type).toBe('Polygon');
  });

  test('Leefbaarometer buurten 2024 (7 municipalities): 370 features, CRS84 from the crs member', () => {
    const source = readGeoJson('lbm.geojson', readSharedText(FILES.buurt7));
    expect(source.crs).toBe('EPSG:4326');
    expect(source.features).toHaveLength(370);
    expect(source.features[0]!.properties).toMatchObject({
      bu_code: 'BU02670101',
      kscore: 6,
      afw: -0.0399264,
    });
  });
});

describe('readGeoJson', () => {
  test('a legacy crs member naming RD New wins; the older EPSG form is read too', () => {
    const rd = {
      type: 'Polygon',
      coordinates: [
        [
          [100_000, 450_000],
          [100_100, 450_000],
          [100_100, 450_100],
          [100_000, 450_000],
        ],
      ],
    };
    const urn = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
    expect(readGeoJson('a', collection([feature(rd)], { crs: urn })).crs).toBe('EPSG:28992');
    expect(
      readGeoJson(
        'a',
        collection([feature(rd)], { crs: { type: 'EPSG', properties: { code: 28992 } } }),
      ).crs,
    ).toBe('EPSG:28992');
  });

  test('RD New without a crs member is detected, with a warning', () => {
    const rd = {
      type: 'Polygon',
      coordinates: [
        [
          [100_000, 450_000],
          [100_100, 450_000],
          [100_100, 450_100],
          [100_000, 450_000],
        ],
      ],
    };
    const source = readGeoJson('a', collection([feature(rd)]));
    expect(source.crs).toBe('EPSG:28992');
    expect(source.warnings[0]).toContain('EPSG:28992');
  });

  test('another declared CRS is refused, naming it', () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } };
    const error = failure(() => readGeoJson('m.geojson', collection([feature(polygon)], { crs })));
    expect(error.issues[0]).toMatchObject({
      file: 'm.geojson',
      message: 'unsupported coordinate reference system urn:ogc:def:crs:EPSG::3857',
    });
    expect(error.issues[0]!.expected).toContain('EPSG:28992');
  });

  test('a BOM is ignored; null geometry and null properties are kept as null and {}', () => {
    const source = readGeoJson('b', `\uFEFF${collection([feature(null, null), feature(polygon)])}`);
    expect(source.features.map((f) => [f.index, f.properties, f.geometry?.type ?? null])).toEqual([
      [0, {}, null],
      [1, { code: 'BU1' }, 'Polygon'],
    ]);
  });

  test('a FeatureCollection without features is an empty source with a warning', () => {
    const source = readGeoJson('e', '{"type": "FeatureCollection", "features": []}');
    expect(source.features).toEqual([]);
    expect(source.crs).toBe('EPSG:4326');
    expect(source.warnings).toEqual(['the file holds no features']);
  });
});

describe('readGeoJson errors', () => {
  test('invalid JSON names the position, line and column', () => {
    const error = failure(() =>
      readGeoJson('x.geojson', '{"type": "FeatureCollection",\n  "features": [}'),
    );
    expect(error.issues[0]).toMatchObject({
      file: 'x.geojson',
      line: 2,
      message: `not valid JSON: unexpected "}" at position 45 (line 2, column 16)`,
    });
    expect(error.message).toContain('position 45');
  });

  test('a cut-off file is an unexpected end', () => {
    const text = collection([feature(polygon)]).slice(0, -5);
    expect(failure(() => readGeoJson('cut', text)).issues[0]!.message).toBe(
      `not valid JSON: unexpected end of text at position ${text.length} (line 1, column ${text.length + 1})`,
    );
  });

  test('not a FeatureCollection', () => {
    expect(
      failure(() => readGeoJson('f', JSON.stringify(feature(polygon)))).issues[0],
    ).toMatchObject({
      message: 'not a FeatureCollection (found type "Feature")',
      expected: '{"type": "FeatureCollection", "features": […]}',
    });
    expect(failure(() => readGeoJson('f', '[1, 2]')).issues[0]!.message).toBe(
      'not a FeatureCollection (found an array)',
    );
  });

  test('a feature that is not a Feature, with its index', () => {
    const error = failure(() => readGeoJson('f', collection([feature(polygon), polygon])));
    expect(error.issues).toEqual([
      {
        file: 'f',
        feature: 1,
        message: 'not a Feature (found type "Polygon")',
        expected: '{"type": "Feature", "properties": {…}, "geometry": {…}}',
      },
    ]);
  });

  test('Point and other non-area geometries, all reported with their feature index', () => {
    const point = { type: 'Point', coordinates: [4.6, 52.3] };
    const line = {
      type: 'LineString',
      coordinates: [
        [4.6, 52.3],
        [4.7, 52.3],
      ],
    };
    const error = failure(() =>
      readGeoJson(
        'p.geojson',
        collection([feature(polygon), feature(point), feature(polygon), feature(line)]),
      ),
    );
    expect(error.issues).toEqual([
      {
        file: 'p.geojson',
        feature: 1,
        message: 'geometry type Point is not an area',
        expected: 'Polygon or MultiPolygon',
      },
      {
        file: 'p.geojson',
        feature: 3,
        message: 'geometry type LineString is not an area',
        expected: 'Polygon or MultiPolygon',
      },
    ]);
    expect(error.message).toBe(
      'p.geojson, feature 1: geometry type Point is not an area (expected Polygon or MultiPolygon) (and 1 more problem)',
    );
  });

  test('properties that are not an object', () => {
    expect(
      failure(() => readGeoJson('f', collection([feature(polygon, [1])]))).issues[0],
    ).toMatchObject({ feature: 0, message: 'properties is an array' });
  });
});
