import { describe, expect, test } from 'vitest';
import { DATA_YEARS } from './calendar.js';
import { demoFixture, pearson } from './demo-fixture.js';

// Properties of the CBS-like figures the generator writes (see indicators.ts), on the default world.
const { data, obs, val, codesAt } = demoFixture();

describe('observations: CBS value rules', () => {
  test('buurt inhabitants and households are multiples of 5; most buurten hold 300–4,000', () => {
    const buurten = codesAt('buurt');
    for (const code of buurten) {
      for (const year of DATA_YEARS) {
        for (const key of ['a_inw', 'a_hh', 'a_soz_wb']) {
          const value = val(code, key, year);
          if (value !== null) expect(value! % 5).toBe(0);
        }
        expect(val(code, 'a_inw', year)).toBeLessThanOrEqual(4000);
      }
    }
    const regular = buurten.filter((c) => val(c, 'a_inw', 2024)! >= 300);
    expect(regular.length / buurten.length).toBeGreaterThan(0.85);
  });

  test('p_wcorpw ≤ p_huurw and percentages within 0–100, in every area and year', () => {
    for (const area of data.areas) {
      for (const year of DATA_YEARS) {
        const rented = val(area.code, 'p_huurw', year)!;
        expect(val(area.code, 'p_wcorpw', year)).toBeLessThanOrEqual(rented);
        expect(rented).toBeGreaterThanOrEqual(0);
        expect(rented).toBeLessThanOrEqual(100);
      }
    }
  });

  test('soz_wb_per_1000 is computed from a_soz_wb and a_inw of the same year', () => {
    for (const area of data.areas) {
      for (const year of DATA_YEARS) {
        const count = val(area.code, 'a_soz_wb', year);
        const rate = obs(area.code, 'soz_wb_per_1000', year)!;
        if (count === null) expect(rate.status).toBe('secret');
        else expect(rate.value).toBeCloseTo((count! / val(area.code, 'a_inw', year)!) * 1000, 9);
      }
    }
  });

  test('small buurten have income and benefit figures suppressed as secret, never 0', () => {
    let suppressed = 0;
    for (const code of codesAt('buurt')) {
      for (const year of DATA_YEARS) {
        const small = val(code, 'a_inw', year)! < 200;
        if (small && year === 2022) suppressed += 1;
        const keys = [
          'a_soz_wb',
          'soz_wb_per_1000',
          ...(year <= 2022 ? ['g_ink_pi', 'p_hh_li', 'p_hh_osm'] : []),
        ];
        for (const key of keys) expect(obs(code, key, year)!.status).toBe(small ? 'secret' : 'ok');
      }
    }
    expect(suppressed).toBeGreaterThanOrEqual(3);
  });

  test('WOZ rises strongly and income about 3% a year', () => {
    for (const code of [...codesAt('buurt'), ...codesAt('gemeente')]) {
      expect(val(code, 'g_wozbag', 2024)! / val(code, 'g_wozbag', 2014)!).toBeGreaterThan(1.4);
    }
    for (const code of codesAt('gemeente')) {
      const yearly = (val(code, 'g_ink_pi', 2022)! / val(code, 'g_ink_pi', 2014)!) ** (1 / 8);
      expect(yearly).toBeGreaterThan(1.02);
      expect(yearly).toBeLessThan(1.05);
    }
  });
});

describe('correlations and trends', () => {
  const buurtPairs = (a: string, b: string, year: number): [number[], number[]] => {
    const codes = codesAt('buurt').filter(
      (c) => val(c, a, year) != null && val(c, b, year) != null,
    );
    return [codes.map((c) => val(c, a, year)!), codes.map((c) => val(c, b, year)!)];
  };

  test.each([
    ['p_hh_li', 'lbm_onv', -1, -0.4],
    ['p_hh_li', 'g_ink_pi', -1, -0.5],
    ['p_wcorpw', 'p_hh_li', 0.4, 1],
    ['p_hh_li', 'soz_wb_per_1000', 0.5, 1],
  ])('corr(%s, %s) in 2022 lies in [%d, %d]', (a, b, low, high) => {
    const r = pearson(...buurtPairs(a, b, 2022));
    expect(r).toBeGreaterThan(low);
    expect(r).toBeLessThan(high);
  });

  test('3–5 city buurten in at most two wijken come under pressure; some regenerate', () => {
    const change = (c: string, k: string): number => val(c, k, 2024)! - val(c, k, 2014)!;
    const scoredBuurten = codesAt('buurt').filter(
      (c) => val(c, 'lbm_onv', 2014) != null && val(c, 'a_soz_wb', 2014) != null,
    );
    const pressure = scoredBuurten.filter(
      (c) => change(c, 'lbm_onv') < -0.05 && change(c, 'soz_wb_per_1000') > 0,
    );
    expect(pressure.length).toBeGreaterThanOrEqual(3);
    expect(pressure.length).toBeLessThanOrEqual(5);
    expect(new Set(pressure.map((c) => c.slice(0, 6))).size).toBe(1);
    expect(new Set(pressure.map((c) => c.slice(0, 8))).size).toBeLessThanOrEqual(2);
    const renewed = scoredBuurten.filter(
      (c) => change(c, 'lbm_onv') > 0.05 && change(c, 'soz_wb_per_1000') < 0,
    );
    expect(renewed.length).toBeGreaterThanOrEqual(1);
    const improving = scoredBuurten.filter((c) => change(c, 'lbm_afw') > 0);
    expect(improving.length / scoredBuurten.length).toBeGreaterThan(0.6);
  });
});
