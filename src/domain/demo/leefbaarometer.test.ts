import { describe, expect, test } from 'vitest';
import { classFromCuts } from '../indicators/lbm-boundaries.js';
import { DIMENSION_KEYS, INDICATOR_ORDER, LBM_YEARS } from './calendar.js';
import { cutsOf, demoFixture } from './demo-fixture.js';
import { writeLbmSet, type DimensionValues } from './leefbaarometer.js';
import { ObservationTable } from './observation-table.js';

const set = (dimensions: DimensionValues): ObservationTable => {
  const table = new ObservationTable();
  writeLbmSet(table, 'BU99010101', 2024, dimensions);
  return table;
};

describe('writeLbmSet', () => {
  test('rounds the dimensions to 4 decimals and sums the rounded values', () => {
    const table = set({
      lbm_won: 0.01234,
      lbm_fys: -0.00456,
      lbm_vrz: 0.1,
      lbm_soc: 0.02,
      lbm_onv: -0.03,
    });
    expect(table.value('BU99010101', 'lbm_won', 2024)).toBe(0.0123);
    expect(table.value('BU99010101', 'lbm_fys', 2024)).toBe(-0.0046);
    expect(table.value('BU99010101', 'lbm_afw', 2024)).toBe(0.0977);
    expect(table.value('BU99010101', 'lbm_score', 2024)).toBe(4.1433);
    expect(table.size).toBe(14);
  });

  test.each([
    // afw, expected score class (2024 cuts in afw terms), afw class
    [-0.5, 1, 1],
    [-0.2, 4, 2],
    [0, 6, 5],
    [0.0102, 7, 5],
    [0.1, 8, 7],
    [0.3, 9, 9],
  ])('afw %d gives score class %d and afw class %d', (afw, scoreClass, afwClass) => {
    const table = set({ lbm_won: afw, lbm_fys: 0, lbm_vrz: 0, lbm_soc: 0, lbm_onv: 0 });
    expect(table.value('BU99010101', 'lbm_score_class', 2024)).toBe(scoreClass);
    expect(table.value('BU99010101', 'lbm_afw_class', 2024)).toBe(afwClass);
  });

  test.each([
    [-0.3, 1],
    [-0.05, 4],
    [0.0389, 5],
    [0.039, 6],
    [0.2, 8],
  ])('dimension value %d falls in demo class %d', (value, expected) => {
    const table = set({ lbm_won: 0, lbm_fys: 0, lbm_vrz: 0, lbm_soc: 0, lbm_onv: value });
    expect(table.value('BU99010101', 'lbm_onv_class', 2024)).toBe(expected);
  });
});

describe('Leefbaarometer figures of the demo world', () => {
  const { data, obs, val, codesAt } = demoFixture();
  const scored = (): string[] =>
    data.areas.filter((a) => obs(a.code, 'lbm_afw', 2024)).map((a) => a.code);

  test('only in measurement years, complete, afw = sum of dimensions, score = 4.0456 + afw', () => {
    const lbmKeys = INDICATOR_ORDER.filter((k) => k.startsWith('lbm_'));
    for (const o of data.observations)
      if (o.indicatorKey.startsWith('lbm_')) expect(LBM_YEARS).toContain(o.year);
    for (const code of scored()) {
      for (const year of LBM_YEARS) {
        for (const key of lbmKeys) expect(obs(code, key, year)?.status).toBe('ok');
        const sum = DIMENSION_KEYS.reduce((s, k) => s + val(code, k, year)!, 0);
        expect(Math.abs(val(code, 'lbm_afw', year)! - sum)).toBeLessThan(1e-9);
        expect(
          Math.abs(val(code, 'lbm_score', year)! - (4.0456 + val(code, 'lbm_afw', year)!)),
        ).toBeLessThan(1e-9);
        for (const k of DIMENSION_KEYS)
          expect(Math.round(val(code, k, year)! * 1e4) / 1e4).toBe(val(code, k, year));
      }
    }
  });

  test('classes are 1–9 and follow the cuts of their scheme', () => {
    for (const code of scored()) {
      for (const year of LBM_YEARS) {
        const afw = val(code, 'lbm_afw', year)!;
        expect(val(code, 'lbm_score_class', year)).toBe(
          classFromCuts(afw, cutsOf('lbm3-2024', 'score')),
        );
        expect(val(code, 'lbm_afw_class', year)).toBe(
          classFromCuts(afw, cutsOf('lbm3-2024', 'afw')),
        );
        for (const k of DIMENSION_KEYS) {
          const cls = val(code, `${k}_class`, year)!;
          expect(cls).toBe(classFromCuts(val(code, k, year)!, cutsOf('demo', 'dimension')));
          expect(cls >= 1 && cls <= 9).toBe(true);
        }
      }
    }
  });

  test('the industrial estate is tiny and has no Leefbaarometer rows at all', () => {
    const estate = data.areas.find((a) => a.name === 'Bedrijventerrein De Kreek')!;
    expect(estate.level).toBe('buurt');
    const inhabitants = val(estate.code, 'a_inw', 2024)!;
    expect(inhabitants >= 10 && inhabitants <= 25).toBe(true);
    expect(
      data.observations.filter(
        (o) => o.areaCode === estate.code && o.indicatorKey.startsWith('lbm_'),
      ),
    ).toEqual([]);
    expect(scored().length).toBe(data.areas.length - 1);
  });

  test('dimension values stay mostly within ±0.2', () => {
    const values = codesAt('buurt').flatMap((c) =>
      DIMENSION_KEYS.map((k) => val(c, k, 2022)).filter((v) => v != null),
    );
    expect(values.filter((v) => Math.abs(v!) <= 0.2).length / values.length).toBeGreaterThan(0.95);
  });
});
