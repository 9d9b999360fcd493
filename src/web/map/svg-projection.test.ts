import { describe, expect, test } from 'vitest';
import { svgProjection } from './svg-projection.js';

describe('svgProjection', () => {
  test('north-west corner is the origin; north is up', () => {
    const { project } = svgProjection([5, 52, 5.1, 52.1], 300);
    expect(project([5, 52.1])).toBe('0.0,0.0');
    const [, y] = project([5, 52]).split(',').map(Number);
    expect(y).toBeGreaterThan(0);
  });

  test('longitude is shortened by cos(latitude): a square degree box is taller than wide', () => {
    const { width, height } = svgProjection([5, 52, 6, 53], 300);
    expect(height).toBe(300);
    expect(width / height).toBeCloseTo(Math.cos((52.5 * Math.PI) / 180), 6);
  });
});
