/**
 * National scale: the whole Leefbaarometer 2024 buurt file (14 MB, 12,147 features) through the
 * public entry, and the same polygons as an RD New GeoPackage (the official format of `buurt
 * 2024.gpkg`). No timing assertions (machines differ); the durations are printed, and the
 * generous test timeouts only catch something pathological.
 */
import type { Position } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, test } from 'vitest';
import { RD_NEW_PROJ4 } from './crs.js';
import { mapPositions, polygonsOf } from './geo-source.js';
import { FILES, hasSharedData, readShared } from './testing/shared-data.js';
import { writeGeoPackage, type GpkgFeatureInput } from './testing/write-gpkg.js';
import { readBoundaryFile } from './validate.js';

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
}

describe.skipIf(!hasSharedData)('national files', () => {
  test(
    'Leefbaarometer 2024, all buurten: counts as documented in PROVENANCE §1',
    { timeout: 60_000 },
    async () => {
      const bytes = readShared(FILES.buurtNl);
      const source = await timed('readBoundaryFile lbm2024_buurt_nl.geojson', () =>
        readBoundaryFile('lbm2024_buurt_nl.geojson', bytes),
      );
      expect(source.crs).toBe('EPSG:4326');
      expect(source.features).toHaveLength(12_147);
      const types = source.features.map((f) => f.geometry?.type);
      expect(types.filter((t) => t === 'Polygon')).toHaveLength(11_946);
      expect(types.filter((t) => t === 'MultiPolygon')).toHaveLength(201);
      const holes = source.features.reduce(
        (n, f) => n + polygonsOf(f.geometry!).reduce((m, p) => m + p.length - 1, 0),
        0,
      );
      expect(holes).toBe(808);
      expect(new Set(source.features.map((f) => f.properties.bu_code)).size).toBe(12_147);
    },
  );

  test('CBS wijken 2024, national: 3,475 features', { timeout: 60_000 }, async () => {
    const source = await timed('readBoundaryFile wijk_2024_nl_wgs84.geojson', () =>
      readBoundaryFile('wijk.geojson', readShared(FILES.wijkNl)),
    );
    expect(source.features).toHaveLength(3_475);
    expect(source.features.filter((f) => f.geometry?.type === 'MultiPolygon')).toHaveLength(214);
  });

  test('all buurten as an RD New GeoPackage read back in WGS84', { timeout: 120_000 }, async () => {
    const geojson = await readBoundaryFile('lbm.geojson', readShared(FILES.buurtNl));
    const toRd = proj4('WGS84', RD_NEW_PROJ4);
    const rd = (p: Position): Position =>
      toRd.forward([p[0]!, p[1]!]).map((v) => Math.round(v * 1000) / 1000);
    const input: GpkgFeatureInput[] = geojson.features.map((f) => ({
      properties: {
        bu_code: f.properties.bu_code as string,
        bu_naam: f.properties.bu_naam as string,
      },
      geometry: f.geometry && mapPositions(f.geometry, rd),
    }));
    const gpkg = await writeGeoPackage(input, { srsId: 28992, layer: 'buurt_2024' });
    console.log(`national RD GeoPackage: ${(gpkg.length / 2 ** 20).toFixed(1)} MB`);
    const source = await timed('readBoundaryFile buurt 2024.gpkg (RD New, national)', () =>
      readBoundaryFile('buurt 2024.gpkg', gpkg),
    );
    expect(source.crs).toBe('EPSG:4326');
    expect(source.features).toHaveLength(12_147);
    expect(source.features.map((f) => f.properties.bu_code)).toEqual(
      geojson.features.map((f) => f.properties.bu_code),
    );
    const first = polygonsOf(source.features[0]!.geometry!)[0]![0]![0]!;
    const was = polygonsOf(geojson.features[0]!.geometry!)[0]![0]![0]!;
    expect(Math.abs(first[0]! - was[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(first[1]! - was[1]!)).toBeLessThan(1e-6);
  });
});
