import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { GeoFeatureRecord, GeoSource } from './geo-source.js';
import { readGeoJson } from './geojson.js';
import { square } from './testing/fixtures.js';
import { FILES, hasSharedData, readSharedText } from './testing/shared-data.js';
import { validatePolygons } from './validate.js';

const good = square(4.63, 52.38, 0.01);
const withRing = (ring: unknown[]): Polygon => ({
  type: 'Polygon',
  coordinates: [ring as Polygon['coordinates'][0]],
});
const source = (
  geometries: Array<Polygon | null>,
  crs: GeoSource['crs'] = 'EPSG:4326',
): GeoSource => ({
  file: 'b.geojson',
  format: 'geojson',
  crs,
  layer: null,
  features: geometries.map((geometry, index): GeoFeatureRecord => ({
    index,
    properties: {},
    geometry,
  })),
  warnings: [],
});

describe('validatePolygons', () => {
  test.skipIf(!hasSharedData)('the real Leefbaarometer and CBS files pass', () => {
    expect(validatePolygons(readGeoJson('lbm', readSharedText(FILES.buurt7)))).toEqual([]);
    expect(validatePolygons(readGeoJson('wijk', readSharedText(FILES.wijk7)))).toEqual([]);
  });

  test('a ring that is not closed', () => {
    const open = withRing([
      [4.6, 52.3],
      [4.7, 52.3],
      [4.7, 52.4],
      [4.6, 52.4],
    ]);
    expect(validatePolygons(source([good, open]))).toEqual([
      {
        file: 'b.geojson',
        feature: 1,
        message: 'ring 0 is not closed: first [4.6, 52.3], last [4.6, 52.4]',
        expected: 'the last position equal to the first',
      },
    ]);
  });

  test('a ring with 3 positions, in a hole of a MultiPolygon part', () => {
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        good.coordinates,
        [
          good.coordinates[0]!,
          [
            [4.64, 52.39],
            [4.65, 52.39],
            [4.64, 52.39],
          ],
        ],
      ],
    } as const;
    expect(validatePolygons(source([multi as unknown as Polygon]))).toEqual([
      {
        file: 'b.geojson',
        feature: 0,
        message: 'polygon 1, ring 1 has 3 positions',
        expected: 'at least 4 positions (a closed ring repeats the first)',
      },
    ]);
  });

  test('NaN, null and missing coordinates; at most one issue per feature', () => {
    const nan = withRing([
      [4.6, 52.3],
      [NaN, 52.3],
      [4.7, 52.4],
      [4.6, 52.3, 0],
    ]); // also not closed: one issue only
    const nul = withRing([
      [4.6, 52.3],
      [4.7, null],
      [4.7, 52.4],
      [4.6, 52.3],
    ]);
    const short = withRing([[4.6, 52.3], [4.7], [4.7, 52.4], [4.6, 52.3]]);
    expect(validatePolygons(source([nan, null, nul, short]))).toEqual([
      {
        file: 'b.geojson',
        feature: 0,
        message: 'ring 0, position 1 is not two finite numbers: [NaN, 52.3]',
        expected: 'two finite numbers [x, y]',
      },
      {
        file: 'b.geojson',
        feature: 2,
        message: 'ring 0, position 1 is not two finite numbers: [4.7, null]',
        expected: 'two finite numbers [x, y]',
      },
      {
        file: 'b.geojson',
        feature: 3,
        message: 'ring 0, position 1 is not two finite numbers: [4.7]',
        expected: 'two finite numbers [x, y]',
      },
    ]);
  });

  test('broken structure: no rings, coordinates not an array', () => {
    const noRings = { type: 'Polygon', coordinates: [] } as Polygon;
    const notArray = { type: 'MultiPolygon', coordinates: 'x' } as unknown as Polygon;
    expect(validatePolygons(source([noRings, notArray])).map((i) => i.message)).toEqual([
      'polygon has no rings',
      'coordinates are not an array',
    ]);
  });

  test('a file in another CRS (Web Mercator) gives one clear issue, not one per feature', () => {
    const merc = [
      square(600_000, 6_800_000, 500),
      square(601_000, 6_801_000, 500),
      square(602_000, 6_802_000, 500),
    ];
    const issues = validatePolygons(source(merc));
    expect(issues).toEqual([
      {
        file: 'b.geojson',
        feature: 0,
        message:
          'coordinates are neither WGS84 (lon/lat) nor RD New (EPSG:28992): x 600000..602500, y 6800000..6802500',
        expected:
          'WGS84 lon 2.5..7.5 and lat 50.5..54, or RD New x -7000..300000 and y 289000..629000',
      },
    ]);
  });

  test('a declared CRS that does not match the coordinates, and swapped axes, are named', () => {
    expect(validatePolygons(source([good], 'EPSG:28992'))[0]!.message).toBe(
      'coordinates are WGS84 (lon/lat) but the file declares EPSG:28992: x 4.63..4.64, y 52.38..52.39',
    );
    expect(
      validatePolygons(source([square(100_000, 450_000, 10)], 'EPSG:4326'))[0]!.message,
    ).toContain('coordinates are RD New (EPSG:28992) but the file declares EPSG:4326');
    expect(validatePolygons(source([square(52.38, 4.63, 0.01)]))[0]!.message).toBe(
      'coordinates are in lat/lon order: x 52.38..52.39, y 4.63..4.64',
    );
  });

  test('one stray feature among good ones is reported on its own', () => {
    expect(validatePolygons(source([good, square(0, 0, 1), good]))).toEqual([
      {
        file: 'b.geojson',
        feature: 1,
        message: 'coordinates outside the Netherlands for EPSG:4326: x 0..1, y 0..1',
        expected: 'WGS84 lon 2.5..7.5 and lat 50.5..54',
      },
    ]);
  });
});
