import { describe, expect, test } from 'vitest';
import {
  centroid,
  clipHalfPlane,
  convexHull,
  distanceToSegment,
  pointInRing,
  powerCell,
  segmentsIntersect,
  signedArea,
  type Point,
} from './planar.js';

const square: Point[] = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
];

describe('rings', () => {
  test.each([
    ['counter-clockwise square', square, 4],
    ['clockwise square', [...square].reverse(), -4],
    ['closed ring (first repeated)', [...square, square[0]!], 4],
  ])('signed area of a %s', (_, ring, expected) => {
    expect(signedArea(ring)).toBe(expected);
  });

  test('centroid and point-in-ring', () => {
    expect(centroid(square)).toEqual([1, 1]);
    expect(pointInRing([1, 1], square)).toBe(true);
    expect(pointInRing([3, 1], square)).toBe(false);
  });

  test('convex hull drops inner and collinear points, counter-clockwise', () => {
    const hull = convexHull([...square, [1, 1], [1, 0], [0.5, 1.5]]);
    expect(hull).toHaveLength(4);
    expect(signedArea(hull)).toBe(4);
  });
});

describe('clipping', () => {
  test.each([
    ['x ≤ 1 keeps the left half', 1, 0, 1, 2],
    ['x ≤ 5 keeps everything', 1, 0, 5, 4],
    ['x ≤ -1 keeps nothing', 1, 0, -1, 0],
    ['x + y ≤ 2 keeps a triangle', 1, 1, 2, 2],
  ])('%s', (_, a, b, c, area) => {
    const clipped = clipHalfPlane(square, a, b, c);
    expect(clipped.length === 0 ? 0 : signedArea(clipped)).toBeCloseTo(area, 12);
  });

  test('power cells tile their parent and a negative weight shrinks a cell', () => {
    const sites: Point[] = [
      [0.5, 1],
      [1.5, 1],
    ];
    const even = [0, 1].map((i) => signedArea(powerCell(square, sites, [0, 0], i)));
    expect(even).toEqual([2, 2]);
    const shrunk = [0, 1].map((i) => signedArea(powerCell(square, sites, [-1, 0], i)));
    expect(shrunk[0]).toBeLessThan(2);
    expect(shrunk[0]! + shrunk[1]!).toBeCloseTo(4, 12);
  });
});

describe('segments', () => {
  test.each([
    ['crossing', [0, 0], [2, 2], [0, 2], [2, 0], true],
    ['touching at an end', [0, 0], [1, 1], [1, 1], [2, 0], true],
    ['collinear overlap', [0, 0], [2, 0], [1, 0], [3, 0], true],
    ['parallel apart', [0, 0], [2, 0], [0, 1], [2, 1], false],
    ['collinear apart', [0, 0], [1, 0], [2, 0], [3, 0], false],
  ] as const)('%s', (_, a, b, c, d, expected) => {
    expect(segmentsIntersect(a, b, c, d)).toBe(expected);
  });

  test('distance to a segment and the position of the nearest point', () => {
    expect(distanceToSegment([1, 1], [0, 0], [2, 0])).toEqual({ distance: 1, t: 0.5 });
    expect(distanceToSegment([3, 0], [0, 0], [2, 0])).toEqual({ distance: 1, t: 1 });
  });
});
