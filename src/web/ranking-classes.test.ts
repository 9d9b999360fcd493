import { describe, expect, test } from 'vitest';
import { paletteFor } from '../domain/map/palettes.js';
import { classLabel, rankingClassColours } from './ranking-classes.js';

describe('rankingClassColours', () => {
  test('five classes: the map palette, most need (orange) first', () => {
    expect(rankingClassColours(5)).toEqual([...paletteFor('higher_is_better', 5)]);
    expect(rankingClassColours(5)[0]).toBe('#e66101');
  });
  test('more classes interpolate along the same colours, keeping both ends', () => {
    const colours = rankingClassColours(9);
    expect(colours).toHaveLength(9);
    expect(colours[0]).toBe('#e66101');
    expect(colours[8]).toBe('#5e3c99');
    expect(colours[4]).toBe('#f7f7f7');
    expect(new Set(colours).size).toBe(9);
  });
});

describe('classLabel', () => {
  const classes = { labelsNl: ['hoog', 'laag'], labelsEn: ['high', 'low'] };
  test('in the interface language, with a fallback for unnamed classes', () => {
    expect(classLabel(classes, 1, 'nl', (n) => `klasse ${n}`)).toBe('hoog');
    expect(classLabel(classes, 2, 'en', (n) => `class ${n}`)).toBe('low');
    expect(classLabel(classes, 3, 'nl', (n) => `klasse ${n}`)).toBe('klasse 3');
  });
});
