import { describe, expect, test } from 'vitest';
import {
  keyboardOrder,
  nextIndex,
  paddedDomain,
  plotScales,
  signed,
  tickDecimals,
} from './scatter-scales.js';

describe('paddedDomain', () => {
  test('holds every value and ends on ticks', () => {
    const { domain, ticks } = paddedDomain([-0.3, 0.63], 0.2);
    expect(domain[0]).toBeLessThanOrEqual(-0.3);
    expect(domain[1]).toBeGreaterThanOrEqual(0.63);
    expect(ticks[0]).toBe(domain[0]);
    expect(ticks[ticks.length - 1]).toBe(domain[1]);
    expect(ticks).toContain(0);
  });
  test('shows at least minHalf either side of zero, so the stable band is always visible', () => {
    const { domain } = paddedDomain([0.05, 0.06], 0.2);
    expect(domain[0]).toBeLessThanOrEqual(-0.2);
    expect(domain[1]).toBeGreaterThanOrEqual(0.2);
  });
  test('no values: just the minimum either side', () => {
    const { domain } = paddedDomain([], 0.2);
    expect(domain[0]).toBeLessThan(0);
    expect(domain[1]).toBeGreaterThan(0);
  });
  test('ignores non-finite values', () => {
    expect(paddedDomain([Number.NaN, 0.1], 0.2).domain.every(Number.isFinite)).toBe(true);
  });
});

describe('plotScales', () => {
  test('x grows right, y grows up (SVG y grows down)', () => {
    const s = plotScales({ x: [-1, 1], y: [-1, 1] }, { left: 0, right: 100, top: 0, bottom: 50 });
    expect(s.x(0)).toBe(50);
    expect(s.x(1)).toBe(100);
    expect(s.y(1)).toBe(0);
    expect(s.y(-1)).toBe(50);
  });
});

describe('keyboardOrder and nextIndex', () => {
  test('points are walked left to right, ties bottom to top, then by code', () => {
    const order = keyboardOrder([
      { code: 'B', x: 1, y: 0 },
      { code: 'A', x: -1, y: 2 },
      { code: 'C', x: 1, y: -1 },
      { code: 'D', x: 1, y: -1 },
    ]);
    expect(order.map((p) => p.code)).toEqual(['A', 'C', 'D', 'B']);
  });
  test.each([
    ['ArrowRight', null, 5, 0],
    ['ArrowRight', 2, 5, 3],
    ['ArrowRight', 4, 5, 4],
    ['ArrowLeft', 0, 5, 0],
    ['ArrowLeft', 3, 5, 2],
    ['ArrowLeft', null, 5, 0],
    ['Home', 3, 5, 0],
    ['End', 0, 5, 4],
    ['a', 1, 5, null],
    ['ArrowRight', null, 0, null],
  ] as const)('%s from %s of %s → %s', (key, current, count, expected) => {
    expect(nextIndex(key, current, count)).toBe(expected);
  });
});

describe('signed and tickDecimals', () => {
  test('a signed change with a real minus sign, zero without a sign', () => {
    expect(signed(0.123, 'nl')).toBe('+0,12');
    expect(signed(-0.304, 'nl')).toBe('−0,30');
    expect(signed(-0.001, 'nl')).toBe('0,00');
    expect(signed(1.5, 'en', 1)).toBe('+1.5');
  });
  test('decimals that show the step exactly', () => {
    expect(tickDecimals([0, 1, 2])).toBe(0);
    expect(tickDecimals([-0.5, 0, 0.5])).toBe(1);
    expect(tickDecimals([-0.25, 0, 0.25])).toBe(2);
    expect(tickDecimals([0.1])).toBe(0);
  });
});
