import { describe, expect, test } from 'vitest';
import type { RankingTableRow } from './hooks/ranking-types.js';
import {
  filterRows,
  missingCounts,
  NO_FILTER,
  rankGain,
  sortRows,
  type RankingSort,
} from './ranking-rows.js';

const row = (over: Partial<RankingTableRow> & { code: string }): RankingTableRow => ({
  name: over.code,
  gemeenteCode: `GM${over.code.slice(2, 6)}`,
  ranked: true,
  rank: null,
  score: null,
  percentile: null,
  decile: null,
  class: null,
  rankLow: null,
  rankHigh: null,
  flags: [],
  reason: null,
  previousRank: null,
  ...over,
});

const rows: RankingTableRow[] = [
  row({
    code: 'BU99010101',
    name: 'Zuidhóek',
    rank: 1,
    score: 0.9,
    class: 1,
    rankLow: 1,
    rankHigh: 3,
    flags: ['lbm_onv'],
    previousRank: 4,
  }),
  row({
    code: 'BU99010102',
    name: 'Duinzicht',
    rank: 2,
    score: 0.8,
    class: 1,
    rankLow: 1,
    rankHigh: 6,
    previousRank: 1,
  }),
  row({
    code: 'BU99020101',
    name: 'Akkerveld',
    rank: 3,
    score: 0.5,
    class: 2,
    rankLow: 2,
    rankHigh: 4,
    flags: ['p_hh_li', 'lbm_soc'],
  }),
  row({
    code: 'BU99020102',
    name: 'Bedrijventerrein',
    ranked: false,
    flags: ['lbm_fys'],
    reason: { code: 'incomplete', weightPresent: 0.5, missing: ['p_hh_li', 'soz_wb_per_1000'] },
  }),
];

const codes = (list: RankingTableRow[]) => list.map((r) => r.code);

describe('filterRows', () => {
  test('leaves out not-ranked rows unless asked', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(3);
    expect(filterRows(rows, { ...NO_FILTER, showNotRanked: true })).toHaveLength(4);
  });
  test('by gemeente, class and flags', () => {
    expect(codes(filterRows(rows, { ...NO_FILTER, gemeente: 'GM9902' }))).toEqual(['BU99020101']);
    expect(codes(filterRows(rows, { ...NO_FILTER, cls: 1 }))).toEqual(['BU99010101', 'BU99010102']);
    expect(
      codes(filterRows(rows, { ...NO_FILTER, flaggedOnly: true, showNotRanked: true })),
    ).toEqual(['BU99010101', 'BU99020101', 'BU99020102']);
  });
  test('search finds names without accents or case, and codes', () => {
    expect(codes(filterRows(rows, { ...NO_FILTER, search: 'zuidhoek' }))).toEqual(['BU99010101']);
    expect(codes(filterRows(rows, { ...NO_FILTER, search: ' bu9902 ' }))).toEqual(['BU99020101']);
  });
});

describe('sortRows', () => {
  const sorted = (sort: RankingSort) => codes(sortRows(rows, sort));
  test('by rank, either way, with not-ranked rows always last', () => {
    expect(sorted({ key: 'rank', ascending: true })).toEqual([
      'BU99010101',
      'BU99010102',
      'BU99020101',
      'BU99020102',
    ]);
    expect(sorted({ key: 'rank', ascending: false })).toEqual([
      'BU99020101',
      'BU99010102',
      'BU99010101',
      'BU99020102',
    ]);
  });
  test('by name', () => {
    expect(sorted({ key: 'name', ascending: true })).toEqual([
      'BU99020101',
      'BU99010102',
      'BU99010101',
      'BU99020102',
    ]);
  });
  test('by interval width and by flags, ties by rank', () => {
    expect(sorted({ key: 'interval', ascending: false })).toEqual([
      'BU99010102',
      'BU99010101',
      'BU99020101',
      'BU99020102',
    ]);
    expect(sorted({ key: 'flags', ascending: false })).toEqual([
      'BU99020101',
      'BU99010101',
      'BU99010102',
      'BU99020102',
    ]);
  });
  test('by change: missing changes last whatever the direction', () => {
    expect(sorted({ key: 'change', ascending: false })).toEqual([
      'BU99010101',
      'BU99010102',
      'BU99020101',
      'BU99020102',
    ]);
    expect(sorted({ key: 'change', ascending: true })).toEqual([
      'BU99010102',
      'BU99010101',
      'BU99020101',
      'BU99020102',
    ]);
  });
});

describe('rankGain and missingCounts', () => {
  test('a lower rank number than before is a gain towards more need', () => {
    expect(rankGain({ previousRank: 10, rank: 7 })).toBe(3);
    expect(rankGain({ previousRank: 1, rank: 2 })).toBe(-1);
    expect(rankGain({ previousRank: null, rank: 2 })).toBeNull();
  });
  test('counts the missing indicators of not-ranked rows, most frequent first', () => {
    expect(
      missingCounts([
        { reason: { code: 'incomplete', weightPresent: 0.5, missing: ['b', 'a'] } },
        { reason: { code: 'incomplete', weightPresent: 0.6, missing: ['a'] } },
        { reason: null },
      ]),
    ).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
