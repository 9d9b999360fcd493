import { describe, expect, test } from 'vitest';
import { baseStyle, fillColour } from './map-style.js';

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
