import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { importFailure, seededBytes, square } from './testing/fixtures.js';
import { loadSqlJs } from './sqljs.js';
import { editGeoPackage, writeGeoPackage } from './testing/write-gpkg.js';
import { readBoundaryFile } from './validate.js';

const good = square(4.63, 52.38, 0.01);
const withRing = (ring: unknown[]): Polygon => ({
  type: 'Polygon',
  coordinates: [ring as Polygon['coordinates'][0]],
});
const collection = (geometries: unknown[], extra: Record<string, unknown> = {}) =>
  new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      ...extra,
      features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    }),
  );

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
    const error = await importFailure(() =>
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
    const error = await importFailure(() => readBoundaryFile('n.gpkg', bytes));
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
    const random = seededBytes(2048, 7);
    expect((await importFailure(() => readBoundaryFile('r.bin', random))).issues[0]!.message).toBe(
      'not a GeoPackage (SQLite) file nor UTF-8 GeoJSON text',
    );
    expect(
      (
        await importFailure(() =>
          readBoundaryFile('g.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])),
        )
      ).issues[0]!.message,
    ).toBe('a ZIP archive, not a boundary file');
    expect(
      (await importFailure(() => readBoundaryFile('j', new TextEncoder().encode('{"type": [}'))))
        .issues[0]!.message,
    ).toContain('at position 10');
    const point = { type: 'Point', coordinates: [4.6, 52.3] };
    expect(
      (await importFailure(() => readBoundaryFile('p', collection([good, point])))).issues[0],
    ).toMatchObject({ feature: 1, expected: 'Polygon or MultiPolygon' });
  });

  test('a Web Mercator GeoJSON (no crs member) fails with one issue for the whole file', async () => {
    const merc = [square(600_000, 6_800_000, 500), square(601_000, 6_801_000, 500)];
    const error = await importFailure(() => readBoundaryFile('merc.geojson', collection(merc)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ feature: 0 });
    expect(error.message).toContain(
      'coordinates are neither WGS84 (lon/lat) nor RD New (EPSG:28992)',
    );
  });

  test('an empty FeatureCollection is an empty source with a warning', async () => {
    const read = await readBoundaryFile('e', collection([]));
    expect(read.features).toEqual([]);
    expect(read.warnings).toEqual(['the file holds no features']);
  });
});

/** The geometry blob of one row, to patch by hand. */
async function geomOf(bytes: Uint8Array, fid: number): Promise<Uint8Array> {
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
