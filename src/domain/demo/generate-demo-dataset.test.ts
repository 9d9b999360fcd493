import { describe, expect, test } from 'vitest';
import { BUILT_IN_INDICATORS } from '../indicators/catalogue.js';
import { levelOfCode, parentCodeOf } from '../shared/area-code.js';
import { statusCarriesValue } from '../shared/observation-status.js';
import { DATA_YEARS, INDICATOR_ORDER } from './calendar.js';
import { demoFixture } from './demo-fixture.js';
import { generateDemoDataset } from './generate-demo-dataset.js';

const { data, obs, codesAt } = demoFixture();
const byKey = new Set(data.observations.map((o) => `${o.areaCode}|${o.indicatorKey}|${o.year}`));

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
    expect(data.areas[0]).toEqual({
      code: 'NL00',
      level: 'land',
      name: 'Nederland',
      parentCode: null,
      geometry: null,
    });
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
      const names = data.areas
        .filter((a) => a.code.slice(2, 6) === gm.slice(2) && a.level !== 'gemeente')
        .map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('the fictional corporation works in all three gemeenten, each with a partner', () => {
    const corporation = data.organisations.find((o) => o.key === 'woonstichting-duinrand');
    expect(corporation).toMatchObject({
      name: 'Woonstichting Duinrand (fictief)',
      kind: 'corporation',
    });
    expect(corporation?.workingArea).toEqual(['GM9901', 'GM9902', 'GM9903']);
    const partners = data.organisations
      .filter((o) => o.kind === 'gemeente')
      .flatMap((o) => o.workingArea);
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

  test.each([
    'a_inw',
    'a_hh',
    'a_woning',
    'p_huurw',
    'p_wcorpw',
    'g_wozbag',
    'a_soz_wb',
    'soz_wb_per_1000',
  ])('%s exists for every area and every year 2014–2024', (key) => {
    for (const area of data.areas)
      for (const year of DATA_YEARS) expect(obs(area.code, key, year)).toBeDefined();
  });

  test.each([
    ['g_ink_pi', [2023, 2024]],
    ['p_hh_li', [2023, 2024]],
    ['p_hh_osm', [2023]],
  ] as const)('income figure %s runs 2014–2022 and is absent in %j', (key, absentYears) => {
    for (const area of data.areas) {
      for (const year of DATA_YEARS.filter((y) => y <= 2022))
        expect(obs(area.code, key, year)).toBeDefined();
      for (const year of absentYears) expect(obs(area.code, key, year)).toBeUndefined();
    }
  });

  test('p_hh_osm is missing (not 0, not absent) in 2024 everywhere', () => {
    for (const area of data.areas)
      expect(obs(area.code, 'p_hh_osm', 2024)).toMatchObject({ value: null, status: 'missing' });
  });
});
