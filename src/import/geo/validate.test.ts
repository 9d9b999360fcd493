import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import type { GeoFeatureRecord, GeoSource } from './geo-source.js';
import { readGeoJson } from './geojson.js';
import { FILES, hasSharedData, readSharedText } from './testing/shared-data.js';
import { editGeoPackage, writeGeoPackage } from './testing/write-gpkg.js';
import { readBoundaryFile, validatePolygons } from './validate.js';

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
const collection = (geometries: unknown[], extra: Record<string, unknown> = {}) =>
  new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      ...extra,
      features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    }),
  );

async function failure(run: () => Promise<unknown>): Promise<ImportFailure> {
  const error = await run().then(
    () => expect.unreachable('expected an ImportFailure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFailure);
  return error as ImportFailure;
}

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

describe('readBoundaryFile', () => {
  test('GeoJSON bytes with a BOM; the layer option is ignored with a warning', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...collection([good, null])]);
    const read = await readBoundaryFile('b.geojson', bytes, { layer: 'x' });
    expect(read).toMatchObject({
      format: 'geojson',
      crs: 'EPSG:4326',
      warnings: ['layer "x" ignored: GeoJSON has no layers'],
    });
    expect(read.features.map((f) => f.geometry)).toEqual([good, null]);
  });

  test('an RD New GeoPackage comes back in WGS84', async () => {
    const bytes = await writeGeoPackage(
      [{ properties: { bu_code: 'BU1' }, geometry: square(155_000, 463_000, 100) }],
      { srsId: 28992, layer: 'buurt' },
    );
    const read = await readBoundaryFile('buurt 2024.gpkg', bytes);
    expect(read).toMatchObject({ format: 'gpkg', crs: 'EPSG:4326', layer: 'buurt' });
    const geometry = read.features[0]!.geometry as MultiPolygon;
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates[0]![0]![0]).toEqual([5.3872035, 52.1551723]);
  });

  test('altitudes in GeoJSON are dropped so positions are [lon, lat]', async () => {
    const read = await readBoundaryFile(
      'z',
      collection([
        { type: 'Polygon', coordinates: [good.coordinates[0]!.map(([x, y]) => [x, y, 2])] },
      ]),
    );
    expect(read.features[0]!.geometry).toEqual(good);
  });

  test('all issues in one failure; the message names the first and counts the rest', async () => {
    const open = withRing([
      [4.6, 52.3],
      [4.7, 52.3],
      [4.7, 52.4],
      [4.6, 52.4],
    ]);
    const error = await failure(() =>
      readBoundaryFile('b.geojson', collection([good, open, withRing([[4.6, 52.3]]), open])),
    );
    expect(error.issues.map((i) => i.feature)).toEqual([1, 2, 3]);
    expect(error.message).toBe(
      'b.geojson, feature 1: ring 0 is not closed: first [4.6, 52.3], last [4.6, 52.4] (expected the last position equal to the first) (and 2 more problems)',
    );
  });

  test('a GeoPackage with a NaN coordinate fails validation with its feature index', async () => {
    let bytes = await writeGeoPackage(
      [good, good].map((geometry) => ({ properties: {}, geometry })),
      { srsId: 4326, layer: 'b' },
    );
    // NaN cannot be written in JSON but can in WKB: patch the x of the 2nd position of feature 1.
    bytes = await editGeoPackage(bytes, 'UPDATE b SET geom = ? WHERE fid = 2', [
      patchNaN(await geomOf(bytes, 2)),
    ]);
    const error = await failure(() => readBoundaryFile('n.gpkg', bytes));
    expect(error.issues).toEqual([
      {
        file: 'n.gpkg',
        feature: 1,
        message: 'polygon 0, ring 0, position 1 is not two finite numbers: [NaN, 52.38]',
        expected: 'two finite numbers [x, y]',
      },
    ]);
  });

  test('random bytes, ZIP archives, invalid JSON and Point geometries', async () => {
    let seed = 7;
    const random = Uint8Array.from(
      { length: 2048 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    expect((await failure(() => readBoundaryFile('r.bin', random))).issues[0]!.message).toBe(
      'not a GeoPackage (SQLite) file nor UTF-8 GeoJSON text',
    );
    expect(
      (await failure(() => readBoundaryFile('g.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))))
        .issues[0]!.message,
    ).toBe('a ZIP archive, not a boundary file');
    expect(
      (await failure(() => readBoundaryFile('j', new TextEncoder().encode('{"type": [}'))))
        .issues[0]!.message,
    ).toContain('at position 10');
    const point = { type: 'Point', coordinates: [4.6, 52.3] };
    expect(
      (await failure(() => readBoundaryFile('p', collection([good, point])))).issues[0],
    ).toMatchObject({ feature: 1, expected: 'Polygon or MultiPolygon' });
  });

  test('an empty FeatureCollection is an empty source with a warning', async () => {
    const read = await readBoundaryFile('e', collection([]));
    expect(read.features).toEqual([]);
    expect(read.warnings).toEqual(['the file holds no features']);
  });
});

/** The geometry blob of one row, to patch by hand. */
async function geomOf(bytes: Uint8Array, fid: number): Promise<Uint8Array> {
  const { loadSqlJs } = await import('./sqljs.js');
  const db = new (await loadSqlJs()).Database(bytes);
  const blob = db.exec(`SELECT geom FROM b WHERE fid = ${fid}`)[0]!.values[0]![0] as Uint8Array;
  db.close();
  return blob;
}

/** Overwrite the x of position 1 of a one-part little-endian MultiPolygon blob with NaN. */
function patchNaN(blob: Uint8Array): Uint8Array {
  const out = blob.slice();
  // 8 header + 32 envelope + 9 multipolygon head + 9 polygon head + 4 point count + 16 (position 0)
  new DataView(out.buffer).setFloat64(8 + 32 + 9 + 9 + 4 + 16, NaN, true);
  return out;
}
