import { describe, expect, test } from 'vitest';
import { derivationsFor, isNewerRelease, releaseYear } from './classes.js';

describe('Leefbaarometer releases and classes', () => {
  test.each([
    ['lbm3-2024', 2024],
    ['lbm3-2022', 2022],
    ['lbm3-2024-r2', 2024],
    ['lbm3.1-2022', null],
    ['2024', null],
  ])('%s has year %s', (key, year) => {
    expect(releaseYear(key)).toBe(year);
  });

  test('newer means a later measurement year, not a later string', () => {
    expect(isNewerRelease('lbm3-2024', 'lbm3-2022')).toBe(true);
    expect(isNewerRelease('lbm3-2022', 'lbm3-2024')).toBe(false);
    expect(isNewerRelease('lbm3-2024-r2', 'lbm3-2024')).toBe(true);
  });

  test('classes only from configured boundaries', () => {
    expect(derivationsFor('lbm3-2024').map((d) => d.indicator)).toContain('lbm_onv_class');
    expect(derivationsFor('lbm3-2022')).toEqual([]);
  });
});
