import { describe, expect, test } from 'vitest';
import { suppressShares, type ShareCell } from './suppress-shares.js';

const cells: ShareCell[] = [
  { code: 'BU03920101', value: 40, base: 12 },
  { code: 'BU03920102', value: 35.5, base: 50 },
  { code: 'BU03920103', value: 20, base: null },
  { code: 'BU03920104', value: null, base: 3 },
  { code: 'BU03920105', value: 0, base: 49 },
  { code: 'BU03920106', value: 61, base: 0 },
];

describe('suppressShares', () => {
  test('with a base: small bases and missing bases are hidden', () => {
    const result = suppressShares(cells, {
      minBase: 50,
      baseConfigured: true,
      publicSource: false,
    });
    expect(result).toEqual(
      new Map([
        ['BU03920101', 'small_base'],
        ['BU03920103', 'unknown_base'],
        ['BU03920105', 'small_base'],
        ['BU03920106', 'small_base'],
      ]),
    );
  });

  test('a base of exactly minBase is enough', () => {
    const result = suppressShares(cells, { minBase: 50, baseConfigured: true, publicSource: true });
    expect(result.has('BU03920102')).toBe(false);
    // A configured base is checked even for public open data.
    expect(result.get('BU03920101')).toBe('small_base');
  });

  test('a cell without a value is never suppressed', () => {
    for (const baseConfigured of [true, false]) {
      const result = suppressShares(cells, { minBase: 50, baseConfigured, publicSource: false });
      expect(result.has('BU03920104')).toBe(false);
    }
  });

  test('without a base: public open data shows everything, anything else nothing', () => {
    expect(
      suppressShares(cells, { minBase: 50, baseConfigured: false, publicSource: true }).size,
    ).toBe(0);
    const closed = suppressShares(cells, {
      minBase: 50,
      baseConfigured: false,
      publicSource: false,
    });
    expect([...closed.keys()]).toEqual([
      'BU03920101',
      'BU03920102',
      'BU03920103',
      'BU03920105',
      'BU03920106',
    ]);
    expect(new Set(closed.values())).toEqual(new Set(['unknown_base']));
  });

  test('a base that is not a number counts as missing', () => {
    const result = suppressShares([{ code: 'BU03920101', value: 40, base: Number.NaN }], {
      minBase: 50,
      baseConfigured: true,
      publicSource: false,
    });
    expect(result.get('BU03920101')).toBe('unknown_base');
  });
});
