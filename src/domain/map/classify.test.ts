import { describe, expect, test } from 'vitest';
import { classifyLbm, classifyQuantiles } from './classify.js';
import { paletteFor } from './palettes.js';

describe('classifyQuantiles', () => {
  test('ten distinct values make five classes of two', () => {
    const c = classifyQuantiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5, 'neutral');
    expect(c.classes.map((x) => [x.min, x.max, x.count])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    expect(c.classOf(1)).toBe(1);
    expect(c.classOf(10)).toBe(5);
  });

  test('ties are never split over two classes', () => {
    const c = classifyQuantiles([1, 1, 1, 1, 1, 1, 2, 3, 4, 5], 5, 'neutral');
    expect(c.classes.every((x) => x.count > 0)).toBe(true);
    expect(c.classes[0]!.count).toBe(6);
    const ones = new Set([1, 1, 1].map(c.classOf));
    expect(ones.size).toBe(1);
  });

  test('one distinct value gives one class; no values give none', () => {
    expect(classifyQuantiles([3, 3, 3], 5, 'neutral').classes).toHaveLength(1);
    expect(classifyQuantiles([], 5, 'neutral').classes).toHaveLength(0);
  });

  test('colours follow the direction: the worst class is orange either way', () => {
    const better = classifyQuantiles([1, 2, 3, 4, 5], 5, 'higher_is_better');
    const worse = classifyQuantiles([1, 2, 3, 4, 5], 5, 'higher_is_worse');
    expect(better.classes[0]!.colour).toBe('#e66101');
    expect(worse.classes[4]!.colour).toBe('#e66101');
  });
});

describe('paletteFor', () => {
  test.each([1, 2, 3, 4, 5])('gives %d distinct colours', (n) => {
    expect(new Set(paletteFor('higher_is_better', n)).size).toBe(n);
  });
});

describe('classifyLbm', () => {
  test('counts the classes present and labels all nine', () => {
    const c = classifyLbm([9, 9, 1, 5], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], []);
    expect(c.classes).toHaveLength(9);
    expect(c.classes.map((x) => x.count)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(c.classes[8]!.labelNl).toBe('i');
  });
});
