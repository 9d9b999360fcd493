import { describe, expect, test } from 'vitest';
import { detectDecimal, parseCbsNumber, type Cell } from './numbers.js';

const value = (v: number, provisional = false): Cell => ({ kind: 'value', value: v, provisional });

describe('parseCbsNumber', () => {
  test.each<{ raw: string; decimal: '.' | ','; cell: Cell }>([
    // symbols
    { raw: '', decimal: '.', cell: { kind: 'not_applicable' } },
    { raw: '   ', decimal: ',', cell: { kind: 'not_applicable' } },
    { raw: '.', decimal: '.', cell: { kind: 'secret' } },
    { raw: ' . ', decimal: ',', cell: { kind: 'secret' } },
    { raw: '*', decimal: '.', cell: { kind: 'secret' } },
    { raw: '**', decimal: ',', cell: { kind: 'secret' } },
    { raw: '. *', decimal: ',', cell: { kind: 'secret' } },
    { raw: 'NA', decimal: '.', cell: { kind: 'missing' } },
    { raw: 'NaN', decimal: '.', cell: { kind: 'missing' } },
    { raw: 'na', decimal: ',', cell: { kind: 'missing' } },
    { raw: '-', decimal: '.', cell: { kind: 'missing' } },
    // Only CBS tables ask for the dash as nihil (see the next test).
    // CBS: "x" = geheim.
    { raw: 'x', decimal: ',', cell: { kind: 'secret' } },
    { raw: 'X', decimal: '.', cell: { kind: 'secret' } },
    { raw: '-', decimal: ',', cell: { kind: 'missing' } },
    // sentinels
    { raw: '-99997', decimal: '.', cell: { kind: 'missing' } },
    { raw: '-99995', decimal: ',', cell: { kind: 'missing' } },
    { raw: '-99990', decimal: '.', cell: { kind: 'missing' } },
    { raw: '-99989', decimal: '.', cell: value(-99989) },
    // real numbers, and a real zero stays zero
    { raw: '0', decimal: '.', cell: value(0) },
    { raw: '0', decimal: ',', cell: value(0) },
    { raw: '-0', decimal: '.', cell: value(0) },
    { raw: '0,0', decimal: ',', cell: value(0) },
    { raw: '167670', decimal: '.', cell: value(167670) },
    { raw: '  25 ', decimal: '.', cell: value(25) },
    { raw: '12.5', decimal: '.', cell: value(12.5) },
    { raw: '.5', decimal: '.', cell: value(0.5) },
    { raw: '-0.37', decimal: '.', cell: value(-0.37) },
    { raw: '+4', decimal: '.', cell: value(4) },
    { raw: '\u22120,42', decimal: ',', cell: value(-0.42) },
    { raw: '4.131519995884998', decimal: '.', cell: value(4.131519995884998) },
    { raw: '12,5', decimal: ',', cell: value(12.5) },
    { raw: '1.234,5', decimal: ',', cell: value(1234.5) },
    { raw: '1.234.567,5', decimal: ',', cell: value(1234567.5) },
    { raw: '1.234', decimal: ',', cell: value(1234) },
    { raw: '1e5', decimal: '.', cell: value(100000) },
    { raw: '1.5E-3', decimal: '.', cell: value(0.0015) },
    { raw: '1,5E+03', decimal: ',', cell: value(1500) },
    // provisional
    { raw: '12*', decimal: '.', cell: value(12, true) },
    { raw: '12 *', decimal: '.', cell: value(12, true) },
    { raw: '12,5**', decimal: ',', cell: value(12.5, true) },
    { raw: '0 *', decimal: ',', cell: value(0, true) },
  ])('$raw with $decimal → $cell.kind', ({ raw, decimal, cell }) => {
    expect(parseCbsNumber(raw, decimal)).toEqual(cell);
  });

  test.each<{ raw: string; decimal: '.' | ','; reason: RegExp }>([
    { raw: '12,5', decimal: '.', reason: /has a ',' but this column uses '\.'/ },
    { raw: '1,234', decimal: '.', reason: /has a ','/ },
    { raw: '1.234,5', decimal: '.', reason: /has a ','/ },
    { raw: '12.5', decimal: ',', reason: /'\.' that is not a thousands separator/ },
    { raw: '1.23.4', decimal: ',', reason: /not a thousands separator/ },
    // A thousands group never starts with 0: in a comma file "0.123" is not 123.
    { raw: '0.123', decimal: ',', reason: /not a thousands separator/ },
    {
      raw: 'veel',
      decimal: '.',
      reason: /"veel" is not a number; expected a number such as 12\.5/,
    },
    { raw: 'veel', decimal: ',', reason: /such as 12,5/ },
    { raw: '12 inwoners', decimal: '.', reason: /not a number/ },
    { raw: '1 234', decimal: ',', reason: /not a number/ },
    { raw: '€ 12', decimal: ',', reason: /not a number/ },
    { raw: 'Infinity', decimal: '.', reason: /not a number/ },
    { raw: '1e999', decimal: '.', reason: /too large/ },
    { raw: '#N/A', decimal: '.', reason: /spreadsheet error value/ },
    { raw: '#DIV/0!', decimal: ',', reason: /spreadsheet error value/ },
    { raw: '***', decimal: '.', reason: /not a number/ },
    { raw: '--5', decimal: '.', reason: /not a number/ },
  ])('$raw with $decimal is invalid', ({ raw, decimal, reason }) => {
    const cell = parseCbsNumber(raw, decimal);
    expect(cell.kind).toBe('invalid');
    expect(cell.kind === 'invalid' && cell.reason).toMatch(reason);
  });
});

describe('detectDecimal', () => {
  test.each<{ case: string; values: string[]; expected: '.' | ',' }>([
    { case: 'point decimals', values: ['4.13', '0.02', 'NA'], expected: '.' },
    { case: 'comma decimals', values: ['2,1', '.', '', '3'], expected: ',' },
    { case: 'integers only', values: ['5', '167670', '.'], expected: '.' },
    { case: 'empty column', values: [], expected: '.' },
    { case: 'ambiguous 1.234 alone', values: ['1.234', '5'], expected: '.' },
    { case: '1.234 with a comma decimal', values: ['1.234', '2,5'], expected: ',' },
    { case: 'Dutch grouping with fraction', values: ['1.234.567,5'], expected: ',' },
    {
      case: 'two thousands groups cannot be a point decimal',
      values: ['17.942.915'],
      expected: ',',
    },
    { case: 'a point decimal wins over a comma', values: ['2,5', '12.5'], expected: '.' },
    { case: 'provisional and signed values count', values: ['-0,37 *', '1*'], expected: ',' },
    { case: 'text is ignored', values: ['veel, heel veel', '12.5'], expected: '.' },
  ])('$case → $expected', ({ values, expected }) => {
    expect(detectDecimal(values)).toBe(expected);
  });
});

describe('the CBS dash', () => {
  test('is nihil (0) where the caller says so, missing otherwise', () => {
    expect(parseCbsNumber('-', ',', { dash: 'zero' })).toEqual({
      kind: 'value',
      value: 0,
      provisional: false,
    });
    expect(parseCbsNumber('-', ',')).toEqual({ kind: 'missing' });
  });
});
