import { describe, expect, it } from 'vitest';
import { geometryContains } from './contains.js';

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('geometryContains', () => {
  const withHole = { type: 'Polygon' as const, coordinates: [square(0, 0, 4), square(1, 1, 2)] };
  it('is inside the outer ring and outside holes', () => {
    expect(geometryContains(withHole, [0.5, 0.5])).toBe(true);
    expect(geometryContains(withHole, [2, 2])).toBe(false);
    expect(geometryContains(withHole, [5, 5])).toBe(false);
  });
  it('checks every part of a MultiPolygon', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [[square(0, 0, 1)], [square(10, 10, 1)]],
    };
    expect(geometryContains(multi, [10.5, 10.5])).toBe(true);
    expect(geometryContains(multi, [5, 5])).toBe(false);
  });
});
