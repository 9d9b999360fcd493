import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, test } from 'vitest';
import { RD_NEW_PROJ4, toWgs84 } from './crs.js';
import { mapPositions, polygonsOf } from './geo-source.js';
import { readGeoJson } from './geojson.js';
import { isSqlite, readGeoPackage } from './gpkg.js';
import { FILES, hasSharedData, readSharedText } from './testing/shared-data.js';
import { writeGeoPackage, type GpkgFeatureInput } from './testing/write-gpkg.js';

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
