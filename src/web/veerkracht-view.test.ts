import { describe, expect, test } from 'vitest';
import type { VeerkrachtAreaResult } from '../domain/veerkracht/compute-veerkracht.js';
import { DEFAULT_VEERKRACHT_CONFIG } from '../domain/veerkracht/veerkracht-config.js';
import { QUADRANTS } from '../domain/veerkracht/quadrants.js';
import {
  commonYears,
  DEFAULT_INPUT_KEYS,
  defaultYears,
  missingList,
  ownGaps,
  QUADRANT_COLOURS,
  quadrantCounts,
  readVeerkrachtView,
  sortAreas,
  UNDETERMINED_COLOUR,
  writeVeerkrachtView,
  yearOptions,
} from './veerkracht-view.js';

const area = (
  code: string,
  name: string,
  change: { v: number | null; n: number | null },
  quadrant: VeerkrachtAreaResult['quadrant']['absolute'],
  focus: boolean | null = false,
): VeerkrachtAreaResult & { name: string } => ({
  code,
  name,
  status: quadrant ? 'ok' : 'incomplete',
  missing: quadrant ? [] : [{ key: 'p_hh_li', year: 2024 }],
  vulnerabilityChange: { raw: change.v, absolute: change.v, relative: change.v },
  nuisanceChange: { raw: change.n, absolute: change.n, relative: change.n },
  quadrant: { absolute: quadrant, relative: quadrant },
  focus,
  levels: { vulnerability: 0.5, nuisance: 0.5 },
});

describe('quadrant colours', () => {
  test('four different colours and a fifth grey for undetermined', () => {
    const colours = QUADRANTS.map((q) => QUADRANT_COLOURS[q]);
    expect(new Set([...colours, UNDETERMINED_COLOUR]).size).toBe(5);
  });
});

describe('years', () => {
  const available = [
    { key: 'p_hh_li', years: [2018, 2019, 2020, 2021, 2022] },
    { key: 'p_hh_osm', years: [2018, 2019, 2020, 2021, 2022] },
    { key: 'soz_wb_per_1000', years: [2018, 2019, 2020, 2021, 2022, 2023, 2024] },
    { key: 'lbm_onv', years: [2018, 2020, 2022, 2024] },
  ];
  test('the default inputs are those of the domain default configuration', () => {
    expect([...DEFAULT_INPUT_KEYS].sort()).toEqual(
      [...DEFAULT_VEERKRACHT_CONFIG.vulnerability, DEFAULT_VEERKRACHT_CONFIG.nuisance.key].sort(),
    );
  });
  test('starts with the newest complete year and a complete one two years before', () => {
    expect(commonYears(available, DEFAULT_INPUT_KEYS)).toEqual([2018, 2020, 2022]);
    expect(defaultYears(available, DEFAULT_INPUT_KEYS)).toEqual({ from: 2020, to: 2022 });
  });
  test('falls back to the nearest earlier complete year, then to any two years', () => {
    expect(defaultYears([{ key: 'a', years: [2021, 2022] }], ['a'])).toEqual({
      from: 2021,
      to: 2022,
    });
    expect(
      defaultYears(
        [
          { key: 'a', years: [2020] },
          { key: 'b', years: [2021] },
        ],
        ['a', 'b'],
      ),
    ).toEqual({ from: 2020, to: 2021 });
    expect(defaultYears([{ key: 'a', years: [2020] }], ['a'])).toBeNull();
  });
  test('the pickers offer every year with any input', () => {
    expect(yearOptions(available, ['lbm_onv', 'p_hh_li'])).toEqual([
      2018, 2019, 2020, 2021, 2022, 2024,
    ]);
  });
});

describe('the view in the URL', () => {
  test('round trip, defaults left out', () => {
    const view = readVeerkrachtView(
      new URLSearchParams('van=2020&tot=2024&niveau=wijk&variant=relatief'),
    );
    expect(view).toEqual({ from: 2020, to: 2024, level: 'wijk', variant: 'relative' });
    expect(writeVeerkrachtView(view)).toBe(
      '/veerkracht?van=2020&tot=2024&niveau=wijk&variant=relatief',
    );
    expect(writeVeerkrachtView({ from: null, to: null, level: 'buurt', variant: 'absolute' })).toBe(
      '/veerkracht',
    );
  });
  test('nonsense becomes the default', () => {
    expect(readVeerkrachtView(new URLSearchParams('van=x&niveau=gemeente&variant=y'))).toEqual({
      from: null,
      to: null,
      level: 'buurt',
      variant: 'absolute',
    });
  });
});

describe('table order and counts', () => {
  const areas = [
    area('B1', 'Beek', { v: 0.5, n: 0.4 }, 'onder_druk', true),
    area('B2', 'Akker', { v: -0.2, n: -0.1 }, 'stabiel'),
    area('B3', 'Dorp', { v: null, n: 0.2 }, null, null),
    area('B4', 'Centrum', { v: 0.3, n: -0.3 }, 'veerkrachtig'),
  ];
  test('quadrants in legend order, undetermined last in both directions', () => {
    expect(sortAreas(areas, 'quadrant', true, 'absolute').map((a) => a.code)).toEqual([
      'B1',
      'B4',
      'B2',
      'B3',
    ]);
    expect(sortAreas(areas, 'quadrant', false, 'absolute').map((a) => a.code)).toEqual([
      'B2',
      'B4',
      'B1',
      'B3',
    ]);
  });
  test('numbers with missing values last; names alphabetically', () => {
    expect(sortAreas(areas, 'vulnerability', false, 'absolute').map((a) => a.code)).toEqual([
      'B1',
      'B4',
      'B2',
      'B3',
    ]);
    expect(sortAreas(areas, 'name', true, 'absolute').map((a) => a.name)).toEqual([
      'Akker',
      'Beek',
      'Centrum',
      'Dorp',
    ]);
    expect(sortAreas(areas, 'focus', true, 'absolute')[0]!.code).toBe('B1');
  });
  test('counts per quadrant and undetermined', () => {
    expect(quadrantCounts(areas, 'absolute')).toEqual({
      onder_druk: 1,
      overlast_stijgt: 0,
      veerkrachtig: 1,
      stabiel: 1,
      none: 1,
    });
  });
});

describe('missing inputs in words', () => {
  const catalogue = new Map([['p_hh_li', { nameNl: 'Laag inkomen', nameEn: 'Low income' }]]);
  test('each indicator once with its years', () => {
    expect(
      missingList(
        [
          { key: 'p_hh_li', year: 2020 },
          { key: 'p_hh_li', year: 2024 },
          { key: 'x', year: 2024 },
        ],
        catalogue,
        'nl',
      ),
    ).toBe('Laag inkomen (2020, 2024); x (2024)');
  });
  test('gaps every area has are left out of an area’s own list', () => {
    expect(
      ownGaps(
        [
          { key: 'p_hh_li', year: 2024 },
          { key: 'lbm_onv', year: 2020 },
        ],
        [{ key: 'p_hh_li', year: 2024 }],
      ),
    ).toEqual([{ key: 'lbm_onv', year: 2020 }]);
  });
});
