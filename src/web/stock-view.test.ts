import { describe, expect, test } from 'vitest';
import type { StockBuurt, StockComplex } from './hooks/stock-types.js';
import {
  addressText,
  complexRows,
  filterComplexes,
  houseNumberText,
  NO_REGION,
  shareOver,
  sortComplexes,
} from './stock-view.js';

const complex = (over: Partial<StockComplex>): StockComplex => ({
  id: 1,
  corporationId: 'C-1',
  name: null,
  address: null,
  postcode: null,
  houseNumber: null,
  houseNumberAddition: null,
  lon: null,
  lat: null,
  buurtCode: 'BU00000001',
  boundaryYear: 2024,
  placedBy: 'file',
  units: 10,
  daebUnits: 5,
  yearBuilt: null,
  ...over,
});
const buurt = (code: string, name: string, regionKey: string | null, more = {}): StockBuurt => ({
  code,
  name,
  regionKey,
  complexes: 1,
  units: 10,
  daebUnits: 5,
  dwellings: null,
  dwellingsYear: null,
  shareOwned: null,
  dwellingsHidden: false,
  ...more,
});

const buurten = [buurt('BU00000001', 'Oude Stad', 'noord'), buurt('BU00000002', 'Haven', null)];
const rows = complexRows(
  [
    complex({ id: 1, corporationId: 'C-10', name: 'Élandshof', units: 40, yearBuilt: 1970 }),
    complex({ id: 2, corporationId: 'C-9', postcode: '2011 AB', houseNumber: 12, units: 8 }),
    complex({ id: 3, corporationId: 'C-2', buurtCode: 'BU00000002', units: 8, yearBuilt: 1930 }),
  ],
  buurten,
);

describe('the complex table', () => {
  test('rows carry their buurt name and region', () => {
    expect(rows.map((r) => [r.buurtName, r.regionKey])).toEqual([
      ['Oude Stad', 'noord'],
      ['Oude Stad', 'noord'],
      ['Haven', null],
    ]);
  });

  test('search ignores case, accents and spaces; region and buurt filter', () => {
    const ids = (f: Partial<{ text: string; region: string; buurt: string }>) =>
      filterComplexes(rows, { text: '', region: '', buurt: '', ...f }).map((r) => r.corporationId);
    expect(ids({ text: 'elands' })).toEqual(['C-10']);
    expect(ids({ text: '2011ab' })).toEqual(['C-9']);
    expect(ids({ text: 'haven' })).toEqual(['C-2']);
    expect(ids({ region: 'noord' })).toEqual(['C-10', 'C-9']);
    expect(ids({ region: NO_REGION })).toEqual(['C-2']);
    expect(ids({ buurt: 'BU00000002' })).toEqual(['C-2']);
    expect(ids({ region: 'noord', text: 'c-2' })).toEqual([]);
  });

  test('sorting: numbers as numbers, ids naturally, empty values last both ways', () => {
    const sorted = (key: Parameters<typeof sortComplexes>[1]['key'], ascending: boolean) =>
      sortComplexes(rows, { key, ascending }).map((r) => r.corporationId);
    expect(sorted('corporationId', true)).toEqual(['C-2', 'C-9', 'C-10']);
    expect(sorted('units', false)).toEqual(['C-10', 'C-2', 'C-9']);
    expect(sorted('yearBuilt', true)).toEqual(['C-2', 'C-10', 'C-9']);
    expect(sorted('yearBuilt', false)).toEqual(['C-10', 'C-2', 'C-9']);
    expect(sorted('name', true)).toEqual(['C-10', 'C-2', 'C-9']);
  });

  test('addresses and house numbers as written', () => {
    expect(houseNumberText({ houseNumber: 12, houseNumberAddition: '2' })).toBe('12-2');
    expect(houseNumberText({ houseNumber: 12, houseNumberAddition: 'A' })).toBe('12A');
    expect(addressText(rows[1]!)).toBe('2011 AB 12');
    expect(addressText(complex({ address: 'Kade 1', postcode: '2011 AB' }))).toBe(
      'Kade 1, 2011 AB',
    );
  });

  test('the share over buurten leaves out those without a figure, and is null — not 0 — without any', () => {
    expect(shareOver(buurten)).toBeNull();
    const some = [
      buurt('BU1', 'a', 'n', { units: 30, dwellings: 100 }),
      buurt('BU2', 'b', 'n', { units: 20, dwellings: null }),
      buurt('BU3', 'c', 'n', { units: 0, dwellings: 50 }),
    ];
    expect(shareOver(some)).toBeCloseTo(30 / 150);
  });
});
