import { describe, expect, test } from 'vitest';
import { formatScopeCodes, parseScopeCodes } from './scope-input.js';

describe('parseScopeCodes', () => {
  test('commas, semicolons, spaces and new lines all separate; case does not matter', () => {
    expect(parseScopeCodes('gm9901, WK990201;GM9903\nwk0363aa')).toEqual({
      codes: ['GM9901', 'WK990201', 'GM9903', 'WK0363AA'],
      invalid: [],
    });
  });
  test('each code once, in the order typed', () => {
    expect(parseScopeCodes('GM9902, gm9901, GM9902').codes).toEqual(['GM9902', 'GM9901']);
  });
  test('buurten, the land, short codes and words are named as invalid, as typed', () => {
    expect(parseScopeCodes('BU99010101, NL00, GM99, Duinrand, GM9901')).toEqual({
      codes: ['GM9901'],
      invalid: ['BU99010101', 'NL00', 'GM99', 'Duinrand'],
    });
  });
  test('an empty field is an empty scope', () => {
    expect(parseScopeCodes('  , ')).toEqual({ codes: [], invalid: [] });
  });
  test('round trip through the field', () => {
    expect(parseScopeCodes(formatScopeCodes(['GM9901', 'WK990201'])).codes).toEqual([
      'GM9901',
      'WK990201',
    ]);
  });
});
