import { describe, expect, test } from 'vitest';
import { gemeenteCodeOf, levelOfCode, normaliseAreaCode, parentCodeOf } from './area-code.js';

describe('levelOfCode', () => {
  test.each([
    ['NL00', 'land'],
    ['GM0392', 'gemeente'],
    ['WK039201', 'wijk'],
    ['WK0363MB', 'wijk'],
    ['BU03920101', 'buurt'],
    ['BU0363AA01', 'buurt'],
  ])('%s is a %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });

  test.each(['', 'GM392', 'GM03921', 'XX0392', 'BU0392010', 'bu03920101', 'WK03920'])(
    '%j follows no CBS pattern',
    (code) => {
      expect(levelOfCode(code)).toBeNull();
    },
  );
});

describe('hierarchy from codes', () => {
  test('a buurt code names its wijk and gemeente, letters kept', () => {
    expect(parentCodeOf('BU0363AA01')).toBe('WK0363AA');
    expect(gemeenteCodeOf('BU0363AA01')).toBe('GM0363');
    expect(parentCodeOf('WK0363AA')).toBe('GM0363');
    expect(parentCodeOf('GM0363')).toBe('NL00');
    expect(parentCodeOf('NL00')).toBeNull();
  });

  test('padded codes from CBS files are trimmed', () => {
    expect(normaliseAreaCode('  gm1680    ')).toBe('GM1680');
  });
});
