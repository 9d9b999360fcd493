import { describe, expect, it } from 'vitest';
import { createUniformStream } from '../ranking/random.js';
import type { RawRow, RowProblem } from './row-cells.js';
import {
  parseSpendingDate,
  realisationByKey,
  validateSpendingRow,
  type SpendingRow,
  type SpendingRowOptions,
} from './spending-row.js';

const OPTIONS: SpendingRowOptions = {
  year: 2025,
  regions: [
    { key: 'haarlem-noord', name: 'Haarlem-Noord' },
    { key: 'zandvoort', name: 'Zandvoort' },
  ],
  lines: [
    { key: 'buurtbeheer', name: 'Buurtbeheer' },
    { key: 'personeel', name: 'Personele inzet' },
  ],
  complexIds: ['C-1001', 'C-1002'],
  buurtCodes: ['BU03920101', 'BU04730000'],
};

const ROW = {
  datum: '15-03-2025',
  regio: 'Zandvoort',
  categorie: 'schoonmaak',
  bedrag: '1.250,00',
};

const valid = (row: RawRow, options = OPTIONS) => {
  const result = validateSpendingRow(row, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};
const problems = (row: RawRow, options = OPTIONS): RowProblem[] => {
  const result = validateSpendingRow(row, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('validateSpendingRow', () => {
  it('reads a complete line', () => {
    const result = valid({
      ...ROW,
      omschrijving: 'Voorjaarsschoonmaak Kostverloren',
      prestatieafspraken: 'ja',
    });
    expect(result.value).toEqual({
      date: '2025-03-15',
      target: { kind: 'region', regionKey: 'zandvoort' },
      category: 'schoonmaak',
      amountCents: 125_000,
      correction: false,
      description: 'Voorjaarsschoonmaak Kostverloren',
      coveredByPrestatieafspraken: true,
    } satisfies SpendingRow);
    expect(result.warnings).toEqual([]);
  });

  it('books on a region, buurt, complex or line — by key or name, case-insensitively', () => {
    const target = (row: Record<string, string>) =>
      valid({ datum: '2025-01-02', categorie: 'x', bedrag: '1', ...row }).value.target;
    expect(target({ regio: 'HAARLEM-NOORD' })).toEqual({
      kind: 'region',
      regionKey: 'haarlem-noord',
    });
    expect(target({ region: 'haarlem-noord' })).toEqual({
      kind: 'region',
      regionKey: 'haarlem-noord',
    });
    expect(target({ buurtcode: 'bu03920101' })).toEqual({ kind: 'buurt', buurtCode: 'BU03920101' });
    expect(target({ complex: 'c-1002' })).toEqual({ kind: 'complex', complexId: 'C-1002' });
    expect(target({ post: 'personele inzet' })).toEqual({ kind: 'line', lineKey: 'personeel' });
    expect(target({ post: 'Buurtbeheer' })).toEqual({ kind: 'line', lineKey: 'buurtbeheer' });
  });

  it('keeps places as written when the caller gives no lists', () => {
    const bare = { year: 2025 };
    const target = (row: Record<string, string>) =>
      valid({ datum: '2025-01-02', categorie: 'x', bedrag: '1', ...row }, bare).value.target;
    expect(target({ regio: 'Schalkwijk' })).toEqual({ kind: 'region', regionKey: 'Schalkwijk' });
    expect(target({ complex: 'X-9' })).toEqual({ kind: 'complex', complexId: 'X-9' });
    expect(target({ buurt: 'BU99999999' })).toEqual({ kind: 'buurt', buurtCode: 'BU99999999' });
  });

  it('requires exactly one place to book on', () => {
    expect(problems({ datum: '2025-01-02', categorie: 'x', bedrag: '1' })).toEqual([
      {
        column: 'regio',
        message: 'no region, buurt, complex or line',
        expected: 'exactly one of regio, buurtcode, complex or post',
      },
    ]);
    expect(problems({ ...ROW, Buurt: 'BU03920101' })).toEqual([
      {
        column: 'Buurt',
        message: 'more than one place to book on: regio, Buurt',
        expected: 'exactly one of regio, Buurt, complex or post',
      },
    ]);
  });

  it('refuses unknown places, saying what is known', () => {
    expect(problems({ ...ROW, regio: 'Schalkwijk' })).toEqual([
      {
        column: 'regio',
        message: 'unknown region "Schalkwijk"',
        expected: 'one of Haarlem-Noord, Zandvoort',
      },
    ]);
    const base = { datum: '2025-01-02', categorie: 'x', bedrag: '1' };
    expect(problems({ ...base, post: 'Algemeen' })[0]).toMatchObject({
      message: 'unknown line "Algemeen"',
      expected: 'one of Buurtbeheer, Personele inzet',
    });
    expect(problems({ ...base, complex: 'C-9' })[0]).toMatchObject({
      column: 'complex',
      message: 'unknown complex "C-9"',
    });
    expect(problems({ ...base, buurt: 'BU99999999' })[0]).toMatchObject({
      column: 'buurt',
      message: 'buurt BU99999999 is not in the working area',
    });
    expect(problems({ ...base, buurt: 'Kostverloren' })[0]).toMatchObject({
      message: '"Kostverloren" is not a buurt code',
      expected: 'BU + 8 characters, such as BU03920101',
    });
  });

  it('reads dates as yyyy-mm-dd or dd-mm-yyyy and keeps them in the budget year', () => {
    const date = (datum: unknown) => valid({ ...ROW, datum }).value.date;
    expect(date('2025-12-31')).toBe('2025-12-31');
    expect(date('1-1-2025')).toBe('2025-01-01');
    expect(date('2025-06-30T00:00:00')).toBe('2025-06-30'); // an XLSX date cell
    expect(date(new Date(Date.UTC(2025, 4, 9)))).toBe('2025-05-09');
    expect(problems({ ...ROW, datum: '31-12-2024' })).toEqual([
      {
        column: 'datum',
        message: 'date out of range: 2024-12-31 is not in the budget year 2025',
        expected: 'a date from 2025-01-01 to 2025-12-31',
      },
    ]);
    expect(problems({ ...ROW, datum: '2026-01-01' })[0]!.message).toMatch(/^date out of range/);
    expect(problems({ ...ROW, datum: '03/15/2025' })).toEqual([
      {
        column: 'datum',
        message: '"03/15/2025" is not a date',
        expected: 'a date as yyyy-mm-dd or dd-mm-yyyy, such as 2025-03-15 or 15-03-2025',
      },
    ]);
    expect(problems({ ...ROW, datum: '' })).toEqual([
      { column: 'datum', message: 'empty date', expected: 'a date in 2025' },
    ]);
  });

  it('reads amounts with money.ts and refuses text that is not an amount', () => {
    const amount = (bedrag: unknown) => valid({ ...ROW, bedrag }).value.amountCents;
    expect(amount('€ 1.234,56')).toBe(123_456);
    expect(amount('1234.56')).toBe(123_456);
    expect(amount(1234.56)).toBe(123_456); // a number from a JSON or geo source
    expect(amount('1234.5600000000002')).toBe(123_456); // float noise from a spreadsheet
    expect(amount('0.30000000000000004')).toBe(30);
    expect(problems({ ...ROW, bedrag: 'n.v.t.' })).toEqual([
      {
        column: 'bedrag',
        message:
          '"n.v.t." is not an amount; expected an amount in euros such as 1.234,56, 1234.56 or € 12,-',
        expected: 'an amount in euros such as 1.234,56 or -12,50 for a correction',
      },
    ]);
    expect(problems({ ...ROW, bedrag: '12,3456' })[0]!.message).toMatch(/more than two decimals/);
    // One separator before exactly three digits is a thousands separator either way (money.ts).
    expect(amount('12,345')).toBe(1_234_500);
    expect(problems({ ...ROW, bedrag: 12.345 })[0]!.message).toBe(
      '12.345 is not an amount in whole cents',
    );
    expect(problems({ ...ROW, bedrag: '  ' })[0]!.message).toBe('empty amount');
  });

  it('accepts a negative amount as a correction, with a warning', () => {
    const result = valid({ ...ROW, bedrag: '-250,00' });
    expect(result.value).toMatchObject({ amountCents: -25_000, correction: true });
    expect(result.warnings).toEqual([
      { column: 'bedrag', message: 'negative amount € -250,00: booked as a correction' },
    ]);
    const zero = valid({ ...ROW, bedrag: '0' });
    expect(zero.value.correction).toBe(false);
    expect(zero.warnings).toEqual([{ column: 'bedrag', message: 'the amount is 0' }]);
  });

  it('requires a category and reads the prestatieafspraken flag', () => {
    expect(problems({ ...ROW, categorie: ' ' })).toEqual([
      {
        column: 'categorie',
        message: 'empty category',
        expected: 'the kind of spending, such as schoonmaak or sociaal beheer',
      },
    ]);
    const flag = (value: string) =>
      valid({ ...ROW, prestatieafspraken: value }).value.coveredByPrestatieafspraken;
    expect(flag('Nee')).toBe(false);
    expect(flag('yes')).toBe(true);
    expect(flag('')).toBeNull();
    expect(problems({ ...ROW, prestatieafspraken: 'misschien' })[0]).toMatchObject({
      column: 'prestatieafspraken',
      message: '"misschien" is not yes or no',
    });
    expect(valid(ROW).value.description).toBeNull();
  });

  it('collects every problem of a row at once', () => {
    expect(
      problems({ datum: 'gisteren', categorie: '', bedrag: 'veel', prestatieafspraken: '?' }).map(
        (p) => p.column,
      ),
    ).toEqual(['datum', 'regio', 'categorie', 'bedrag', 'prestatieafspraken']);
  });
});

describe('parseSpendingDate', () => {
  it('knows the calendar', () => {
    expect(parseSpendingDate('2024-02-29')).toBe('2024-02-29');
    expect(parseSpendingDate('2025-02-29')).toBeNull();
    expect(parseSpendingDate('2000-02-29')).toBe('2000-02-29');
    expect(parseSpendingDate('1900-02-29')).toBeNull();
    expect(parseSpendingDate('31-04-2025')).toBeNull();
    expect(parseSpendingDate('2025-13-01')).toBeNull();
    expect(parseSpendingDate('2025-00-10')).toBeNull();
    expect(parseSpendingDate('00-01-2025')).toBeNull();
    expect(parseSpendingDate('2025-1-5')).toBeNull(); // ISO needs two digits
    expect(parseSpendingDate('5-1-2025')).toBe('2025-01-05');
  });

  it('agrees with Date.UTC on every day of four years (seeded order)', () => {
    const next = createUniformStream(51);
    for (let i = 0; i < 3000; i += 1) {
      const year = 2023 + Math.floor(next() * 4);
      const month = 1 + Math.floor(next() * 12);
      const day = 1 + Math.floor(next() * 31);
      const date = new Date(Date.UTC(year, month - 1, day));
      const real = date.getUTCDate() === day;
      const dutch = `${day}-${month}-${year}`;
      const expected = real ? date.toISOString().slice(0, 10) : null;
      expect(parseSpendingDate(dutch)).toBe(expected);
    }
  });
});

describe('realisationByKey', () => {
  const row = (target: SpendingRow['target'], amountCents: number): SpendingRow => ({
    date: '2025-01-01',
    target,
    category: 'x',
    amountCents,
    correction: amountCents < 0,
    description: null,
    coveredByPrestatieafspraken: null,
  });

  it('adds lines per region and line, placing buurten and complexes in their region', () => {
    const result = realisationByKey(
      [
        row({ kind: 'region', regionKey: 'zandvoort' }, 10_000),
        row({ kind: 'buurt', buurtCode: 'BU04730000' }, 2_500),
        row({ kind: 'complex', complexId: 'c-1001' }, 7_000),
        row({ kind: 'line', lineKey: 'buurtbeheer' }, 4_000),
        row({ kind: 'region', regionKey: 'zandvoort' }, -500),
        row({ kind: 'buurt', buurtCode: 'BU00000000' }, 99),
        row({ kind: 'complex', complexId: 'C-404' }, 1),
      ],
      {
        regionOfBuurt: { BU04730000: 'zandvoort' },
        regionOfComplex: { 'C-1001': 'haarlem-noord' },
      },
    );
    expect(result.totals).toEqual({
      zandvoort: 12_000,
      'haarlem-noord': 7_000,
      buurtbeheer: 4_000,
    });
    expect(result.unplaced).toEqual([
      { index: 5, reason: 'buurt BU00000000 has no region' },
      { index: 6, reason: 'complex C-404 has no region' },
    ]);
  });
});
