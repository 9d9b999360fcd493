import { describe, expect, test } from 'vitest';
import { signedArea } from './planar.js';
import { toLonLat, toPolygon } from './projection.js';

describe('projection', () => {
  test.each([
    [
      [0, 0],
      [5.255, 52.55],
    ],
    // One kilometre north is about 0.009° of latitude, one east about 0.0148° of longitude.
    [
      [0, 1],
      [5.255, 52.559044],
    ],
    [
      [1, 0],
      [5.269773, 52.55],
    ],
  ] as const)('%j km lies at %j', (point, expected) => {
    expect(toLonLat(point)).toEqual(expected);
  });

  test('polygons are closed and stay counter-clockwise', () => {
    const polygon = toPolygon([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    const ring = polygon.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
    expect(signedArea(ring.map((p) => [p[0]!, p[1]!] as const))).toBeGreaterThan(0);
  });
});
