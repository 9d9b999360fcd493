import { describe, expect, it } from 'vitest';
import { createUniformStream } from '../ranking/random.js';
import {
  coordinateSystemOf,
  duplicateComplexIds,
  normalisePostcode,
  validateComplexRow,
  type ComplexRow,
} from './complex-row.js';
import type { RawRow, RowProblem } from './row-cells.js';

const OPTIONS = { currentYear: 2025 };

const valid = (row: RawRow): ComplexRow => {
  const result = validateComplexRow(row, OPTIONS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const problems = (row: RawRow): RowProblem[] => {
  const result = validateComplexRow(row, OPTIONS);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

const BASE = { complex_id: 'C-1001', woningen: '96', daeb: '88' };

describe('validateComplexRow', () => {
  it('reads a complete row with an address, postcode and RD coordinates', () => {
    expect(
      valid({
        Complexnummer: ' C-1001 ',
        Naam: 'Schalkwijk-Oost',
        Adres: 'Floris van Adrichemlaan 12',
        Postcode: '2035cw',
        Huisnummer: '12a',
        X: '105123,5',
        Y: '486200',
        Buurtcode: 'bu03920101',
        Woningen: 96,
        DAEB: '88',
        Bouwjaar: '1968',
      }),
    ).toEqual({
      corporationId: 'C-1001',
      name: 'Schalkwijk-Oost',
      address: 'Floris van Adrichemlaan 12',
      postcode: '2035 CW',
      houseNumber: 12,
      houseNumberAddition: 'A',
      coordinates: { system: 'rd', x: 105123.5, y: 486200 },
      buurtCode: 'BU03920101',
      units: 96,
      daebUnits: 88,
      yearBuilt: 1968,
    });
  });

  it('accepts a postcode with house number, or coordinates, as the only location', () => {
    expect(valid({ ...BASE, postcode: '2011 AB', huisnummer: '1-3' })).toMatchObject({
      postcode: '2011 AB',
      houseNumber: 1,
      houseNumberAddition: '3',
      address: null,
      coordinates: null,
    });
    expect(valid({ ...BASE, lon: '4.6368', lat: '52.3874' }).coordinates).toEqual({
      system: 'wgs84',
      lon: 4.6368,
      lat: 52.3874,
    });
    // The values decide the system, not the column names: RD values under lon/lat.
    expect(valid({ ...BASE, lon: 103900, lat: 488600 }).coordinates).toEqual({
      system: 'rd',
      x: 103900,
      y: 488600,
    });
    // … and WGS84 values under x/y, with decimal commas.
    expect(valid({ ...BASE, x: '4,6368', y: '52,3874' }).coordinates).toEqual({
      system: 'wgs84',
      lon: 4.6368,
      lat: 52.3874,
    });
  });

  it('leaves optional fields null', () => {
    expect(valid({ ...BASE, adres: 'Grote Markt 2', naam: '', bouwjaar: '  ' })).toMatchObject({
      name: null,
      buurtCode: null,
      yearBuilt: null,
    });
  });

  it('reports a missing location and says which half of a postal address is missing', () => {
    expect(problems(BASE)).toEqual([
      {
        column: 'adres',
        message: 'no location',
        expected: 'an address, or a postcode and house number, or coordinates (x/y or lon/lat)',
      },
    ]);
    expect(problems({ ...BASE, postcode: '2011 AB' })[0]!.message).toBe(
      'no location (a postcode without a house number)',
    );
    expect(problems({ ...BASE, huisnummer: '5' })[0]!.message).toBe(
      'no location (a house number without a postcode)',
    );
  });

  it('checks a postcode and house number even when an address is there', () => {
    expect(
      problems({ ...BASE, adres: 'Grote Markt 2', postcode: '0123 AB', huisnummer: 'twee' }),
    ).toEqual([
      {
        column: 'postcode',
        message: '"0123 AB" is not a Dutch postcode',
        expected: 'four digits and two letters, such as 2011 AB',
      },
      {
        column: 'huisnummer',
        message: '"twee" is not a house number',
        expected: 'a house number such as 12, 12A or 12-2',
      },
    ]);
  });

  it('refuses coordinates outside the Netherlands, swapped, half or not numbers', () => {
    expect(problems({ ...BASE, x: '2.35', y: '48.85' })).toEqual([
      {
        column: 'x',
        message: '2.35, 48.85 is not a location in the Netherlands',
        expected:
          'RD New x 0–300000 and y 289000–629000, or WGS84 longitude 3.2–7.3 and latitude 50.7–53.7',
      },
    ]);
    expect(problems({ ...BASE, lon: '52.3874', lat: '4.6368' })).toEqual([
      {
        column: 'lon',
        message: '52.3874, 4.6368 looks like latitude, longitude: the coordinates seem swapped',
        expected: 'longitude first (lon = 4.6368, lat = 52.3874)',
      },
    ]);
    expect(problems({ ...BASE, x: '105000' })).toEqual([
      {
        column: 'y',
        message: 'only one of the two coordinates is filled in',
        expected: 'both coordinates, or neither',
      },
    ]);
    expect(problems({ ...BASE, x: '105.000', y: '486.000,5' })[0]).toMatchObject({
      column: 'y',
      message: '"486.000,5" is not a coordinate',
    });
    // RD y below 289000 (the sea south of Zeeland) is not in the Netherlands.
    expect(problems({ ...BASE, x: '50000', y: '280000' })[0]!.message).toMatch(/not a location/);
  });

  it('refuses a complex id that is empty', () => {
    expect(problems({ complex_id: '  ', adres: 'x', woningen: '1', daeb: '0' })).toEqual([
      {
        column: 'complex_id',
        message: 'empty complex id',
        expected: "the corporation's own complex number, unique in the file",
      },
    ]);
  });

  it('checks dwellings: whole ≥ 1, DAEB whole ≥ 0 and not above the dwellings', () => {
    const row = { complex_id: 'C', adres: 'x' };
    expect(problems({ ...row, woningen: '0', daeb: '0' })).toEqual([
      {
        column: 'woningen',
        message: '"0" is not a number of dwellings',
        expected: 'a whole number ≥ 1',
      },
    ]);
    expect(problems({ ...row, woningen: '12,5', daeb: '-1' })).toEqual([
      {
        column: 'woningen',
        message: '"12,5" is not a number of dwellings',
        expected: 'a whole number ≥ 1',
      },
      {
        column: 'daeb',
        message: '"-1" is not a number of DAEB dwellings',
        expected: 'a whole number ≥ 0',
      },
    ]);
    expect(problems({ ...row, woningen: '10', daeb: '12' })).toEqual([
      {
        column: 'daeb',
        message: 'DAEB > units: 12 DAEB dwellings in a complex of 10',
        expected: 'at most 10 DAEB dwellings',
      },
    ]);
    expect(problems({ ...row })).toEqual([
      { column: 'woningen', message: 'empty number of dwellings', expected: 'a whole number ≥ 1' },
      { column: 'daeb', message: 'empty number of DAEB dwellings', expected: 'a whole number ≥ 0' },
    ]);
    expect(problems({ ...row, units: 3.5, daeb: 1 })[0]!.message).toBe(
      '"3.5" is not a number of dwellings',
    );
    expect(problems({ ...row, woningen: 10, daeb: -1 })).toEqual([
      {
        column: 'daeb',
        message: '"-1" is not a number of DAEB dwellings',
        expected: 'a whole number ≥ 0',
      },
    ]);
    expect(valid({ ...row, woningen: '10', daeb: '10' }).daebUnits).toBe(10);
    expect(valid({ ...row, woningen: '10', daeb: '0' }).daebUnits).toBe(0);
  });

  it('checks the year built against 1500 … current year + 5, with the year as a parameter', () => {
    const row = { ...BASE, adres: 'x' };
    expect(valid({ ...row, bouwjaar: '1500' }).yearBuilt).toBe(1500);
    expect(valid({ ...row, bouwjaar: '2030' }).yearBuilt).toBe(2030);
    expect(problems({ ...row, bouwjaar: '2031' })).toEqual([
      {
        column: 'bouwjaar',
        message: '"2031" is not a year of construction',
        expected: 'a year from 1500 to 2030',
      },
    ]);
    expect(problems({ ...row, bouwjaar: '1499' })[0]!.expected).toBe('a year from 1500 to 2030');
    expect(problems({ ...row, bouwjaar: "'68" })[0]!.message).toBe(
      '"\'68" is not a year of construction',
    );
    const later = validateComplexRow({ ...row, bouwjaar: '2031' }, { currentYear: 2026 });
    expect(later.ok).toBe(true);
  });

  it('checks the buurt code', () => {
    expect(problems({ ...BASE, adres: 'x', bu_code: 'WK039201' })).toEqual([
      {
        column: 'bu_code',
        message: '"WK039201" is not a buurt code',
        expected: 'BU + 8 characters, such as BU03920101',
      },
    ]);
    expect(valid({ ...BASE, adres: 'x', buurt_code: 'BU0363AA01' }).buurtCode).toBe('BU0363AA01');
  });

  it('collects every problem of a row at once', () => {
    expect(
      problems({
        naam: 'x',
        postcode: 'SS',
        woningen: 'veel',
        daeb: 'weinig',
        bouwjaar: '3000',
      }).map((p) => p.column),
    ).toEqual(['complex_id', 'postcode', 'woningen', 'daeb', 'bouwjaar']);
  });

  it('reads a Map as well as an object', () => {
    const map = new Map<string, unknown>([
      ['complex_id', 'C-7'],
      ['adres', 'Kerkstraat 1'],
      ['woningen', '4'],
      ['daeb', '4'],
    ]);
    expect(valid(map)).toMatchObject({ corporationId: 'C-7', units: 4, daebUnits: 4 });
  });
});

describe('normalisePostcode', () => {
  it('normalises valid postcodes and refuses the rest', () => {
    expect(normalisePostcode('2011ab')).toBe('2011 AB');
    expect(normalisePostcode(' 1012 jS ')).toBe('1012 JS');
    expect(normalisePostcode('9999ZZ')).toBe('9999 ZZ');
    for (const bad of [
      '0123 AB',
      '123 AB',
      '12345',
      '1234 A',
      '1234  AB',
      '1234-AB',
      '1234 SS',
      '1234 SA',
      '1234 SD',
    ]) {
      expect(normalisePostcode(bad)).toBeNull();
    }
  });
});

describe('coordinateSystemOf', () => {
  it('tells RD New from WGS84 by the values, at the bounds too', () => {
    expect(coordinateSystemOf(155000, 463000)).toBe('rd'); // Amersfoort
    expect(coordinateSystemOf(0, 289000)).toBe('rd');
    expect(coordinateSystemOf(300000, 629000)).toBe('rd');
    expect(coordinateSystemOf(300001, 400000)).toBeNull();
    expect(coordinateSystemOf(5.387, 52.155)).toBe('wgs84');
    expect(coordinateSystemOf(3.2, 50.7)).toBe('wgs84');
    expect(coordinateSystemOf(7.31, 52)).toBeNull();
    expect(coordinateSystemOf(52.155, 5.387)).toBeNull();
  });

  it('never reads a point as both (seeded)', () => {
    const next = createUniformStream(41);
    for (let i = 0; i < 2000; i += 1) {
      const lon = 3.2 + next() * 4.1;
      const lat = 50.7 + next() * 3;
      expect(coordinateSystemOf(lon, lat)).toBe('wgs84');
      const x = next() * 300000;
      const y = 289000 + next() * 340000;
      expect(coordinateSystemOf(x, y)).toBe('rd');
      // Swapped WGS84 is never accepted as either system.
      expect(coordinateSystemOf(lat, lon)).toBeNull();
    }
  });
});

describe('duplicateComplexIds', () => {
  it('finds ids that occur more than once, trimmed and case-insensitively', () => {
    expect(duplicateComplexIds(['C-1', 'c-2', ' c-1', 'C-3', 'C-2', 'C-1'])).toEqual([
      { id: 'C-1', indices: [0, 2, 5] },
      { id: 'c-2', indices: [1, 4] },
    ]);
    expect(duplicateComplexIds(['a', 'b'])).toEqual([]);
    expect(duplicateComplexIds([])).toEqual([]);
  });
});
