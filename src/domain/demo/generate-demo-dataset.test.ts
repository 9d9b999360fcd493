import { beforeAll, describe, expect, test } from 'vitest';
import { BUILT_IN_INDICATORS } from '../indicators/catalogue.js';
import { LBM_BOUNDARIES, classFromCuts } from '../indicators/lbm-boundaries.js';
import { levelOfCode, parentCodeOf } from '../shared/area-code.js';
import { statusCarriesValue } from '../shared/observation-status.js';
import { DATA_YEARS, DIMENSION_KEYS, INDICATOR_ORDER, LBM_YEARS } from './calendar.js';
import type { DemoDataset, DemoObservation } from './demo-dataset.js';
import { generateDemoDataset } from './generate-demo-dataset.js';

let data: DemoDataset;
let byKey: Map<string, DemoObservation>;
const obs = (code: string, key: string, year: number): DemoObservation | undefined =>
  byKey.get(`${code}|${key}|${year}`);
const val = (code: string, key: string, year: number): number | null | undefined =>
  obs(code, key, year)?.value;
const codesAt = (level: string): string[] =>
  data.areas.filter((a) => a.level === level).map((a) => a.code);
const childrenOf = (code: string, level: string): string[] =>
  data.areas.filter((a) => a.level === level && a.code.startsWith(`${level === 'buurt' ? 'BU' : 'WK'}${code.slice(2)}`)).map((a) => a.code);
const cuts = (release: string, appliesTo: string): readonly number[] =>
  LBM_BOUNDARIES.find((b) => b.release === release && b.appliesTo === appliesTo)!.cuts;

function pearson(xs: number[], ys: number[]): number {
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

beforeAll(() => {
  data = generateDemoDataset();
  byKey = new Map(data.observations.map((o) => [`${o.areaCode}|${o.indicatorKey}|${o.year}`, o]));
});

describe('determinism and speed', () => {
  test('the same seed gives a byte-identical world; another seed a different one', () => {
    expect(JSON.stringify(generateDemoDataset(20241))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoDataset(7))).not.toBe(JSON.stringify(data));
  });

  test('generation takes well under a second (it runs on first start)', () => {
    const start = performance.now();
    generateDemoDataset(99);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('areas and organisations', () => {
  test('one land, three gemeenten, 10–14 wijken, 70–90 buurten, parents first', () => {
    expect(data.boundaryYear).toBe(2024);
    expect(data.areas[0]).toEqual({ code: 'NL00', level: 'land', name: 'Nederland', parentCode: null, geometry: null });
    expect(codesAt('gemeente')).toEqual(['GM9901', 'GM9902', 'GM9903']);
    expect(codesAt('wijk').length).toBeGreaterThanOrEqual(10);
    expect(codesAt('wijk').length).toBeLessThanOrEqual(14);
    expect(codesAt('buurt').length).toBeGreaterThanOrEqual(70);
    expect(codesAt('buurt').length).toBeLessThanOrEqual(90);
    const levels = data.areas.map((a) => ['land', 'gemeente', 'wijk', 'buurt'].indexOf(a.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  test('every code follows the CBS rules and its parent follows from the code', () => {
    const codes = new Set(data.areas.map((a) => a.code));
    expect(codes.size).toBe(data.areas.length);
    for (const area of data.areas) {
      expect(levelOfCode(area.code)).toBe(area.level);
      expect(area.parentCode).toBe(parentCodeOf(area.code));
      if (area.parentCode) expect(codes.has(area.parentCode)).toBe(true);
    }
  });

  test('names are unique within each gemeente', () => {
    for (const gm of codesAt('gemeente')) {
      const names = data.areas.filter((a) => a.code.slice(2, 6) === gm.slice(2) && a.level !== 'gemeente').map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('the fictional corporation works in all three gemeenten, each with a partner', () => {
    const corporation = data.organisations.find((o) => o.key === 'woonstichting-duinrand');
    expect(corporation).toMatchObject({ name: 'Woonstichting Duinrand (fictief)', kind: 'corporation' });
    expect(corporation?.workingArea).toEqual(['GM9901', 'GM9902', 'GM9903']);
    const partners = data.organisations.filter((o) => o.kind === 'gemeente').flatMap((o) => o.workingArea);
    expect(partners.sort()).toEqual(['GM9901', 'GM9902', 'GM9903']);
    expect(data.organisations.some((o) => o.kind === 'huurdersorganisatie')).toBe(true);
    for (const o of data.organisations) expect(o.name).toContain('(fictief)');
  });
});

describe('observations: shape', () => {
  test('known areas, catalogue keys, data years, no duplicates, stable order', () => {
    const areaIndex = new Map(data.areas.map((a, i) => [a.code, i]));
    const keys = new Set(BUILT_IN_INDICATORS.map((i) => i.key));
    expect(byKey.size).toBe(data.observations.length);
    let previous = [-1, -1, -1];
    for (const o of data.observations) {
      expect(keys.has(o.indicatorKey)).toBe(true);
      const rank = [areaIndex.get(o.areaCode)!, INDICATOR_ORDER.indexOf(o.indicatorKey), o.year];
      expect(rank[0]).toBeGreaterThanOrEqual(0);
      expect(DATA_YEARS).toContain(o.year);
      const order = rank[0]! - previous[0]! || rank[1]! - previous[1]! || rank[2]! - previous[2]!;
      expect(order).toBeGreaterThan(0);
      previous = rank;
    }
  });

  test('value is null exactly when the status carries none, and never NaN', () => {
    for (const o of data.observations) {
      expect(o.value === null).toBe(!statusCarriesValue(o.status));
      if (o.value !== null) expect(Number.isFinite(o.value)).toBe(true);
    }
  });

  test.each(['a_inw', 'a_hh', 'a_woning', 'p_huurw', 'p_wcorpw', 'g_wozbag', 'a_soz_wb', 'soz_wb_per_1000'])(
    '%s exists for every area and every year 2014–2024',
    (key) => {
      for (const area of data.areas) for (const year of DATA_YEARS) expect(obs(area.code, key, year)).toBeDefined();
    },
  );

  test.each([
    ['g_ink_pi', [2023, 2024]],
    ['p_hh_li', [2023, 2024]],
    ['p_hh_osm', [2023]],
  ] as const)('income figure %s runs 2014–2022 and is absent in %j', (key, absentYears) => {
    for (const area of data.areas) {
      for (const year of DATA_YEARS.filter((y) => y <= 2022)) expect(obs(area.code, key, year)).toBeDefined();
      for (const year of absentYears) expect(obs(area.code, key, year)).toBeUndefined();
    }
  });

  test('p_hh_osm is missing (not 0, not absent) in 2024 everywhere', () => {
    for (const area of data.areas) expect(obs(area.code, 'p_hh_osm', 2024)).toMatchObject({ value: null, status: 'missing' });
  });
});

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
        const keys = ['a_soz_wb', 'soz_wb_per_1000', ...(year <= 2022 ? ['g_ink_pi', 'p_hh_li', 'p_hh_osm'] : [])];
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

describe('observations: Leefbaarometer rules', () => {
  const scored = (): string[] => data.areas.filter((a) => obs(a.code, 'lbm_afw', 2024)).map((a) => a.code);

  test('only in measurement years, complete, afw = sum of dimensions, score = 4.0456 + afw', () => {
    const lbmKeys = INDICATOR_ORDER.filter((k) => k.startsWith('lbm_'));
    for (const o of data.observations) if (o.indicatorKey.startsWith('lbm_')) expect(LBM_YEARS).toContain(o.year);
    for (const code of scored()) {
      for (const year of LBM_YEARS) {
        for (const key of lbmKeys) expect(obs(code, key, year)?.status).toBe('ok');
        const sum = DIMENSION_KEYS.reduce((s, k) => s + val(code, k, year)!, 0);
        expect(Math.abs(val(code, 'lbm_afw', year)! - sum)).toBeLessThan(1e-9);
        expect(Math.abs(val(code, 'lbm_score', year)! - (4.0456 + val(code, 'lbm_afw', year)!))).toBeLessThan(1e-9);
        for (const k of DIMENSION_KEYS) expect(Math.round(val(code, k, year)! * 1e4) / 1e4).toBe(val(code, k, year));
      }
    }
  });

  test('classes are 1–9 and follow the cuts of their scheme', () => {
    for (const code of scored()) {
      for (const year of LBM_YEARS) {
        const afw = val(code, 'lbm_afw', year)!;
        expect(val(code, 'lbm_score_class', year)).toBe(classFromCuts(afw, cuts('lbm3-2024', 'score')));
        expect(val(code, 'lbm_afw_class', year)).toBe(classFromCuts(afw, cuts('lbm3-2024', 'afw')));
        for (const k of DIMENSION_KEYS) {
          const cls = val(code, `${k}_class`, year)!;
          expect(cls).toBe(classFromCuts(val(code, k, year)!, cuts('demo', 'dimension')));
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
    expect(data.observations.filter((o) => o.areaCode === estate.code && o.indicatorKey.startsWith('lbm_'))).toEqual([]);
    expect(scored().length).toBe(data.areas.length - 1);
  });

  test('dimension values stay mostly within ±0.2', () => {
    const values = codesAt('buurt').flatMap((c) => DIMENSION_KEYS.map((k) => val(c, k, 2022)).filter((v) => v != null));
    expect(values.filter((v) => Math.abs(v!) <= 0.2).length / values.length).toBeGreaterThan(0.95);
  });
});

describe('correlations and trends', () => {
  const buurtPairs = (a: string, b: string, year: number): [number[], number[]] => {
    const codes = codesAt('buurt').filter((c) => val(c, a, year) != null && val(c, b, year) != null);
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
    const scoredBuurten = codesAt('buurt').filter((c) => val(c, 'lbm_onv', 2014) != null && val(c, 'a_soz_wb', 2014) != null);
    const pressure = scoredBuurten.filter((c) => change(c, 'lbm_onv') < -0.05 && change(c, 'soz_wb_per_1000') > 0);
    expect(pressure.length).toBeGreaterThanOrEqual(3);
    expect(pressure.length).toBeLessThanOrEqual(5);
    expect(new Set(pressure.map((c) => c.slice(0, 6))).size).toBe(1);
    expect(new Set(pressure.map((c) => c.slice(0, 8))).size).toBeLessThanOrEqual(2);
    const renewed = scoredBuurten.filter((c) => change(c, 'lbm_onv') > 0.05 && change(c, 'soz_wb_per_1000') < 0);
    expect(renewed.length).toBeGreaterThanOrEqual(1);
    const improving = scoredBuurten.filter((c) => change(c, 'lbm_afw') > 0);
    expect(improving.length / scoredBuurten.length).toBeGreaterThan(0.6);
  });
});

describe('aggregates', () => {
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
