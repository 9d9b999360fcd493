import { describe, expect, test } from 'vitest';
import { baseStyle, fillColour, hatchPattern } from './map-style.js';

describe('fillColour', () => {
  test('maps each class to its colour and everything else to no-data grey', () => {
    expect(
      fillColour(
        [
          { class: 1, colour: '#a' },
          { class: 2, colour: '#b' },
        ],
        '#ccc',
      ),
    ).toEqual(['match', ['coalesce', ['get', 'class'], 0], 1, '#a', 2, '#b', '#ccc']);
  });
  test('no classes: everything is no-data', () => {
    expect(fillColour([], '#ccc')).toBe('#ccc');
  });
});

describe('baseStyle', () => {
  test('without a basemap the style loads nothing from the internet', () => {
    const style = baseStyle(null);
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });
  test('a raster template becomes a raster layer; a style URL is used as is', () => {
    const raster = baseStyle({ url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© x' });
    expect(typeof raster === 'object' && raster.layers.map((l) => l.id)).toEqual([
      'background',
      'basemap',
    ]);
    expect(baseStyle({ url: 'https://tiles.example/style.json', attribution: null })).toBe(
      'https://tiles.example/style.json',
    );
  });
});

describe('hatchPattern', () => {
  test('diagonal stripes that tile: every row and column has the same number of stripe pixels', () => {
    const { width, height, data } = hatchPattern(8, 2, {
      background: '#ffffff',
      stripe: '#000000',
    });
    expect([width, height, data.length]).toEqual([8, 8, 8 * 8 * 4]);
    const dark = (x: number, y: number) => data[(y * 8 + x) * 4] === 0;
    for (let i = 0; i < 8; i += 1) {
      expect([0, 1, 2, 3, 4, 5, 6, 7].filter((x) => dark(x, i))).toHaveLength(2);
      expect([0, 1, 2, 3, 4, 5, 6, 7].filter((y) => dark(i, y))).toHaveLength(2);
    }
    // "/" stripes: a pixel and its up-right neighbour share the colour, wrapping at the edge.
    for (let y = 1; y < 8; y += 1)
      for (let x = 0; x < 7; x += 1) expect(dark(x + 1, y - 1)).toBe(dark(x, y));
    expect([...data].filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
  });
});
