import { describe, expect, test } from 'vitest';
import { safeReturnTo } from './oidc.js';

describe('safeReturnTo', () => {
  test('local paths stay, with their query and fragment', () => {
    for (const path of [
      '/',
      '/kaart',
      '/kaart?indicator=lbm_afw&jaar=2024',
      '/gebieden/GM9901#trend',
    ])
      expect(safeReturnTo(path)).toBe(path);
  });

  test('anything that could leave the site becomes /', () => {
    for (const value of [
      undefined,
      null,
      '',
      'kaart',
      '//evil.example',
      '//evil.example/kaart',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\tevil',
      '/kaart\r\nSet-Cookie: x=1',
      ` /kaart`,
      `/${'a'.repeat(2000)}`,
    ])
      expect(safeReturnTo(value)).toBe('/');
  });
});
