import { describe, expect, test } from 'vitest';
import { DATA_YEARS } from './calendar.js';
import { demoFixture } from './demo-fixture.js';
import { aggregateInto } from './aggregate.js';
import { ObservationTable } from './observation-table.js';
import { generateDemoDataset } from './generate-demo-dataset.js';

const A = 'BU99010101';
const B = 'BU99010102';
const W = 'WK990101';

function twoBuurten(): ObservationTable {
  const table = new ObservationTable();
  const rows: Array<[string, Record<string, number | 'secret'>]> = [
    [
      A,
      {
        a_inw: 1000,
        a_hh: 500,
        a_woning: 520,
        p_huurw: 60,
        p_wcorpw: 40,
        g_wozbag: 200,
        a_soz_wb: 50,
        g_ink_pi: 20,
        p_hh_li: 50,
        p_hh_osm: 10,
      },
    ],
    [
      B,
      {
        a_inw: 150,
        a_hh: 60,
        a_woning: 80,
        p_huurw: 10,
        p_wcorpw: 5,
        g_wozbag: 400,
        a_soz_wb: 'secret',
        g_ink_pi: 'secret',
        p_hh_li: 'secret',
        p_hh_osm: 'secret',
      },
    ],
  ];
  for (const [code, values] of rows) {
    for (const [key, value] of Object.entries(values)) {
      if (value === 'secret') table.setWithout(code, key, 2020, 'secret');
      else table.set(code, key, 2020, value);
    }
  }
  return table;
}

describe('aggregateInto', () => {
  const table = twoBuurten();
  aggregateInto(table, W, [A, B]);

  test.each([
    ['a_inw', 1150],
    ['a_hh', 560],
    ['a_woning', 600],
    // Weighted by dwellings: (60·520 + 10·80) / 600 = 53.3
    ['p_huurw', 53],
    ['p_wcorpw', 35],
    ['g_wozbag', 227],
    // Only the buurt with a value counts; the secret one is left out.
    ['a_soz_wb', 50],
    ['g_ink_pi', 20],
    ['p_hh_li', 50],
  ])('%s of the wijk is %d', (key, expected) => {
    expect(table.get(W, key, 2020)).toEqual({ value: expected, status: 'ok' });
  });

  test('the rate is recomputed from the summed counts', () => {
    expect(table.value(W, 'soz_wb_per_1000', 2020)).toBeCloseTo((50 / 1150) * 1000, 12);
  });

  test('a parent whose children are all secret is secret; absent figures stay absent', () => {
    const only = twoBuurten();
    aggregateInto(only, W, [B]);
    expect(only.get(W, 'g_ink_pi', 2020)).toEqual({ value: null, status: 'secret' });
    expect(only.get(W, 'soz_wb_per_1000', 2020)).toEqual({ value: null, status: 'secret' });
    expect(only.get(W, 'g_ink_pi', 2023)).toBeUndefined();
    expect(only.get(W, 'lbm_afw', 2020)).toBeUndefined();
  });
});

describe('aggregates in the demo world', () => {
  const { val, codesAt, childrenOf } = demoFixture();
  test('wijk and gemeente counts are the sums of their buurten, every year', () => {
    for (const code of [...codesAt('wijk'), ...codesAt('gemeente')]) {
      const buurten = childrenOf(code, 'buurt');
      for (const year of DATA_YEARS) {
        for (const key of ['a_inw', 'a_hh', 'a_woning']) {
          expect(val(code, key, year)).toBe(buurten.reduce((s, b) => s + val(b, key, year)!, 0));
        }
      }
    }
  });

  test.each([
    ['GM9901', 90000],
    ['GM9902', 40000],
    ['GM9903', 15000],
  ])('%s has about %d inhabitants in 2024', (code, expected) => {
    expect(Math.abs(val(code, 'a_inw', 2024)! - expected) / expected).toBeLessThan(0.02);
  });

  test('wijk means are weighted by the figure’s own denominator, suppressed buurten left out', () => {
    for (const wijk of codesAt('wijk')) {
      const buurten = childrenOf(wijk, 'buurt');
      const mean = (key: string, weight: string, year: number): number => {
        const known = buurten.filter((b) => val(b, key, year) != null);
        const w = known.reduce((s, b) => s + val(b, weight, year)!, 0);
        return known.reduce((s, b) => s + val(b, key, year)! * val(b, weight, year)!, 0) / w;
      };
      expect(val(wijk, 'p_huurw', 2020)).toBe(Math.round(mean('p_huurw', 'a_woning', 2020)));
      expect(val(wijk, 'p_hh_li', 2020)).toBe(Math.round(mean('p_hh_li', 'a_hh', 2020)));
      expect(val(wijk, 'lbm_onv', 2020)).toBeCloseTo(mean('lbm_onv', 'a_inw', 2020), 4);
    }
  });

  test('NL00 carries plausible national reference figures', () => {
    expect(val('NL00', 'a_inw', 2014)).toBeCloseTo(16.8e6, -5);
    expect(val('NL00', 'a_inw', 2024)).toBeCloseTo(17.9e6, -5);
    expect(val('NL00', 'g_ink_pi', 2014)).toBeLessThan(val('NL00', 'g_ink_pi', 2022)!);
    expect(val('NL00', 'lbm_afw_class', 2024)).toBe(6);
  });
});

describe('suppressed buurten still count in their parents', () => {
  test('a wijk with a suppressed buurt holds more bijstand than its visible buurten', () => {
    const dataset = generateDemoDataset();
    const value = new Map(
      dataset.observations.map((o) => [`${o.areaCode}|${o.indicatorKey}|${o.year}`, o]),
    );
    const wijken = dataset.areas.filter((a) => a.level === 'wijk');
    let checked = 0;
    for (const wijk of wijken) {
      const buurten = dataset.areas.filter((a) => a.parentCode === wijk.code);
      for (const year of [2014, 2019, 2024]) {
        const cells = buurten.map((b) => value.get(`${b.code}|a_soz_wb|${year}`));
        if (!cells.some((c) => c?.status === 'secret')) continue;
        const visible = cells.reduce((sum, c) => sum + (c?.value ?? 0), 0);
        const parent = value.get(`${wijk.code}|a_soz_wb|${year}`)!;
        expect(parent.status).toBe('ok');
        expect(parent.value!).toBeGreaterThanOrEqual(visible);
        const inhabitants = value.get(`${wijk.code}|a_inw|${year}`)!.value!;
        expect(value.get(`${wijk.code}|soz_wb_per_1000|${year}`)!.value!).toBeCloseTo(
          (parent.value! / inhabitants) * 1000,
          9,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
