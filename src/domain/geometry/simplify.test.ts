import type { Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { bboxOf } from './bbox.js';
import { detailForZoom } from './detail-levels.js';
import { countPositions, simplifyGeometry, simplifyRing } from './simplify.js';

/** A circle-ish ring of n points around (5, 52) with radius r degrees. */
function circle(n: number, r: number, cx = 5, cy = 52): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('simplifyRing', () => {
  test('keeps a ring closed and drops points within tolerance', () => {
    const ring = circle(1000, 0.01);
    const out = simplifyRing(ring, 0.0002, 5)!;
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out.length).toBeLessThan(100);
    expect(out.length).toBeGreaterThan(8);
  });

  test('never moves the shape more than tolerance plus rounding', () => {
    const ring = circle(400, 0.01);
    const out = simplifyRing(ring, 0.0005, 4)!;
    for (const p of out) {
      const r = Math.hypot(p[0]! - 5, p[1]! - 52);
      expect(Math.abs(r - 0.01)).toBeLessThan(0.0005 + 0.0001);
    }
  });

  test('rounds coordinates to the requested decimals', () => {
    const out = simplifyRing(circle(50, 0.01), 0, 3)!;
    for (const p of out) expect(p[0]! * 1000).toBeCloseTo(Math.round(p[0]! * 1000), 9);
  });

  test('a ring smaller than the tolerance collapses to null', () => {
    expect(simplifyRing(circle(20, 0.00001), 0.001, 3)).toBeNull();
  });
});

describe('simplifyGeometry', () => {
  test('a tiny outer ring survives at a finer level; a tiny hole is dropped', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [circle(30, 0.0003), circle(10, 0.00001)],
    };
    const out = simplifyGeometry(polygon, 0.002, 3) as Polygon;
    expect(out.coordinates).toHaveLength(1);
    expect(out.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
  });

  test('multipolygons keep every part and shrink', () => {
    const geometry = {
      type: 'MultiPolygon' as const,
      coordinates: [[circle(500, 0.01)], [circle(500, 0.01, 5.1, 52.1)]],
    };
    const out = simplifyGeometry(geometry, 0.0005, 4);
    expect(out.coordinates).toHaveLength(2);
    expect(countPositions(out)).toBeLessThan(countPositions(geometry) / 5);
    const [w, s, e, n] = bboxOf(out);
    expect([w, s, e, n].map((v) => Math.round(v * 100) / 100)).toEqual([4.99, 51.99, 5.11, 52.11]);
  });
});

describe('detailForZoom', () => {
  test.each([
    [5, 0],
    [8.9, 0],
    [9, 1],
    [11.5, 1],
    [12, 2],
    [18, 2],
  ])('zoom %d uses detail %d', (zoom, detail) => {
    expect(detailForZoom(zoom)).toBe(detail);
  });
});
