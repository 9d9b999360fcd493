import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { crsFromName, detectCrs, toWgs84 } from './crs.js';
import type { GeoFeatureRecord, GeoSource } from './geo-source.js';

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
const records = (...geometries: Array<Polygon | null>): GeoFeatureRecord[] =>
  geometries.map((geometry, index) => ({ index, properties: {}, geometry }));
const source = (crs: GeoSource['crs'], features: GeoFeatureRecord[]): GeoSource => ({
  file: 'x',
  format: 'gpkg',
  crs,
  layer: 'l',
  features,
  warnings: [],
});

describe('crsFromName', () => {
  test.each([
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC::CRS84', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4326'],
    ['EPSG:4326', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['EPSG:28992', 'EPSG:28992'],
    ['urn:ogc:def:crs:EPSG::28992', 'EPSG:28992'],
    ['urn:ogc:def:crs:EPSG:6.9:28992', 'EPSG:28992'],
    ['http://www.opengis.net/def/crs/EPSG/0/28992', 'EPSG:28992'],
    ['http://www.opengis.net/gml/srs/epsg.xml#28992', 'EPSG:28992'],
  ])('%s → %s', (name, crs) => expect(crsFromName(name)).toBe(crs));

  test.each(['EPSG:3857', 'urn:ogc:def:crs:EPSG::289921', 'EPSG:4258', 'WGS84', ''])(
    '%s → null',
    (name) => expect(crsFromName(name)).toBeNull(),
  );
});

describe('detectCrs', () => {
  test('lon/lat in the Netherlands is WGS84, metres in the RD area are RD New', () => {
    expect(detectCrs(records(square(4.6, 52.3, 0.01), null, square(6.9, 53.2, 0.01)))).toBe(
      'EPSG:4326',
    );
    expect(detectCrs(records(square(103_000, 488_000, 500), square(250_000, 600_000, 500)))).toBe(
      'EPSG:28992',
    );
  });

  test('Web Mercator, mixed files, swapped axes and files without geometry are unknown', () => {
    expect(detectCrs(records(square(600_000, 6_800_000, 500)))).toBeNull();
    expect(detectCrs(records(square(4.6, 52.3, 0.01), square(103_000, 488_000, 500)))).toBeNull();
    expect(detectCrs(records(square(52.3, 4.6, 0.01)))).toBeNull();
    expect(detectCrs(records(null, null))).toBeNull();
    expect(detectCrs([])).toBeNull();
  });

  test('malformed coordinates (not yet validated) do not throw', () => {
    const bad = { type: 'Polygon', coordinates: [[null, ['a', 1]], 5] } as unknown as Polygon;
    expect(detectCrs(records(bad, square(4.6, 52.3, 0.01)))).toBe('EPSG:4326');
  });

  test('samples a large file instead of reading every position', () => {
    const many = records(
      ...Array.from({ length: 50_000 }, (_, i) => square(4 + (i % 100) / 100, 52, 0.001)),
    );
    // A stray RD feature may be missed by sampling; validatePolygons reports it later.
    many[1] = { index: 1, properties: {}, geometry: square(103_000, 488_000, 500) };
    expect(detectCrs(many)).toBe('EPSG:4326');
  });
});

describe('toWgs84', () => {
  test('RD origin (Amersfoort, OLV-toren) lands on its WGS84 position within 0.5 m', () => {
    // RDNAPTRANS™ gives 52.15517440 N, 5.38720621 E; the 7-parameter shift is good to ~1 m.
    const out = toWgs84(source('EPSG:28992', records(square(155_000, 463_000, 1000))));
    const [lon, lat] = (out.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(out.crs).toBe('EPSG:4326');
    expect(Math.abs(lon! - 5.38720621)).toBeLessThan(7e-6);
    expect(Math.abs(lat! - 52.1551744)).toBeLessThan(4.5e-6);
  });

  test('rounds to 7 decimals, drops Z, keeps nulls, properties and indexes', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121_000, 487_000, 3],
          [121_500, 487_000, 3],
          [121_500, 487_500, 3],
          [121_000, 487_000, 3],
        ],
      ],
    };
    const input = source('EPSG:28992', [
      { index: 0, properties: { a: 1 }, geometry: null },
      { index: 7, properties: { b: 'x' }, geometry: polygon },
    ]);
    const out = toWgs84(input);
    expect(out.features.map((f) => [f.index, f.properties])).toEqual([
      [0, { a: 1 }],
      [7, { b: 'x' }],
    ]);
    expect(out.features[0]!.geometry).toBeNull();
    for (const p of (out.features[1]!.geometry as Polygon).coordinates[0]!) {
      expect(p).toHaveLength(2);
      expect(Math.round(p[0]! * 1e7) / 1e7).toBe(p[0]);
      expect(p[0]).toBeGreaterThan(4.8);
      expect(p[1]).toBeGreaterThan(52.3);
    }
    expect(input.crs).toBe('EPSG:28992'); // the input is not changed
  });

  test('a WGS84 source comes back as the same object', () => {
    const input = source('EPSG:4326', records(square(4.6, 52.3, 0.01)));
    expect(toWgs84(input)).toBe(input);
  });
});
