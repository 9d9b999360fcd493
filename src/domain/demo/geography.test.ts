import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { DemoArea } from './demo-dataset.js';
import { demoFixture } from './demo-fixture.js';
import { buildGeography } from './geography.js';
import { pointInRing, segmentsIntersect, signedArea, type Point } from './planar.js';
import { createRandom } from './random.js';

// Open water of the Markermeer: no real buurt lies in here.
const BOX = { minLon: 5.1, maxLon: 5.45, minLat: 52.45, maxLat: 52.65 };

const { data } = demoFixture();
const ringOf = (area: DemoArea): Point[] =>
  (area.geometry as Polygon).coordinates[0]!.map((p) => [p[0]!, p[1]!] as const);
const areasAt = (level: string): DemoArea[] => data.areas.filter((a) => a.level === level);
const childrenOf = (parent: DemoArea): DemoArea[] =>
  data.areas.filter((a) => a.parentCode === parent.code);
const area = (a: DemoArea): number => signedArea(ringOf(a));

describe('polygons', () => {
  test('every non-land area is one closed, counter-clockwise ring with 6-decimal coordinates', () => {
    for (const a of data.areas.filter((x) => x.level !== 'land')) {
      expect(a.geometry?.type).toBe('Polygon');
      const coordinates = (a.geometry as Polygon).coordinates;
      expect(coordinates).toHaveLength(1);
      const ring = coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(area(a)).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(Math.round(lon! * 1e6) / 1e6).toBe(lon);
        expect(Math.round(lat! * 1e6) / 1e6).toBe(lat);
        expect(
          lon! > BOX.minLon && lon! < BOX.maxLon && lat! > BOX.minLat && lat! < BOX.maxLat,
        ).toBe(true);
      }
    }
  });

  test('no ring crosses or touches itself', () => {
    const crossings: string[] = [];
    for (const a of data.areas.filter((x) => x.level !== 'land')) {
      const ring = ringOf(a);
      const n = ring.length - 1;
      for (let i = 0; i < n; i += 1) {
        for (let j = i + 2; j < n; j += 1) {
          if (i === 0 && j === n - 1) continue; // the two segments meeting at the closing point
          if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) {
            crossings.push(`${a.code} segments ${i} and ${j}`);
          }
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  test.each(['gemeente', 'wijk'])(
    'the children of every %s add up to its area within a thousandth',
    (level) => {
      for (const parent of areasAt(level)) {
        const sum = childrenOf(parent).reduce((s, c) => s + area(c), 0);
        expect(Math.abs(sum - area(parent)) / area(parent)).toBeLessThan(0.001);
      }
    },
  );

  test('every point of the region lies in exactly one gemeente, wijk and buurt, all related', () => {
    const random = createRandom(5);
    const boxes = new Map(
      data.areas.filter((a) => a.geometry).map((a) => [a.code, boxOf(ringOf(a))]),
    );
    const containing = (level: string, p: Point): DemoArea[] =>
      areasAt(level).filter((a) => inBox(p, boxes.get(a.code)!) && pointInRing(p, ringOf(a)));
    let inside = 0;
    for (let i = 0; i < 3000; i += 1) {
      const p: Point = [random.uniform(5.1, 5.41), random.uniform(52.47, 52.63)];
      const gemeenten = containing('gemeente', p);
      const buurten = containing('buurt', p);
      const wijken = containing('wijk', p);
      if (gemeenten.length === 0) {
        expect(buurten.length + wijken.length).toBe(0);
        continue;
      }
      inside += 1;
      expect([gemeenten.length, wijken.length, buurten.length]).toEqual([1, 1, 1]);
      expect(buurten[0]!.parentCode).toBe(wijken[0]!.code);
      expect(wijken[0]!.parentCode).toBe(gemeenten[0]!.code);
    }
    expect(inside).toBeGreaterThan(1500);
  });
});

describe('shape of the world', () => {
  test('the region is about 20 km × 15 km', () => {
    const box = boxOf(areasAt('gemeente').flatMap(ringOf));
    const widthKm = (box[2] - box[0]) * 67.8;
    const heightKm = (box[3] - box[1]) * 111.2;
    expect(widthKm).toBeGreaterThan(16);
    expect(widthKm).toBeLessThan(22);
    expect(heightKm).toBeGreaterThan(11);
    expect(heightKm).toBeLessThan(17);
  });

  test('city buurten are smaller than village and polder buurten', () => {
    const median = (gm: string): number => {
      const sizes = areasAt('buurt')
        .filter((a) => a.code.startsWith(`BU${gm.slice(2)}`))
        .map(area)
        .sort((x, y) => x - y);
      return sizes[Math.floor(sizes.length / 2)]!;
    };
    expect(median('GM9901') * 2).toBeLessThan(median('GM9903'));
    const centre = data.areas.find((a) => a.name === 'Binnenstad')!;
    expect(area(centre) * 5).toBeLessThan(median('GM9903'));
  });

  test.each([1, 2, 3, 4])('seed %i also gives an exact tiling with bent borders', (seed) => {
    const geography = buildGeography(seed);
    expect(geography.straightBorders / geography.borders).toBeLessThan(0.1);
    for (const gemeente of geography.gemeenten) {
      const wijkSum = gemeente.wijken.reduce((s, w) => s + w.areaKm2, 0);
      expect(wijkSum).toBeCloseTo(gemeente.areaKm2, 6);
      for (const wijk of gemeente.wijken) {
        expect(wijk.buurten.reduce((s, b) => s + b.areaKm2, 0)).toBeCloseTo(wijk.areaKm2, 6);
      }
    }
  });
});

type Box = [number, number, number, number];

function boxOf(ring: readonly Point[]): Box {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function inBox(p: Point, box: Box): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}
