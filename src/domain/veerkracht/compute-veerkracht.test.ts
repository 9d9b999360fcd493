import { describe, expect, test } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { DEFAULT_VEERKRACHT_CONFIG, type VeerkrachtConfig } from './veerkracht-config.js';
import {
  computeVeerkracht,
  VEERKRACHT_DISCLAIMER_EN,
  VEERKRACHT_DISCLAIMER_NL,
  type VeerkrachtAreaInput,
  type VeerkrachtAreaResult,
  type VeerkrachtReference,
  type VeerkrachtResult,
} from './compute-veerkracht.js';

type Pair = [number | null | undefined, number | null | undefined];

function area(
  code: string,
  gemeenteCode: string | null,
  values: Record<string, Pair>,
): VeerkrachtAreaInput {
  return {
    code,
    gemeenteCode,
    values: Object.fromEntries(
      Object.entries(values).map(([key, [from, to]]) => [key, { from, to }]),
    ),
  };
}

function reference(values: Record<string, [number | null, number | null]>): VeerkrachtReference {
  return {
    values: Object.fromEntries(
      Object.entries(values).map(([key, [from, to]]) => [key, { from, to }]),
    ),
  };
}

/** Two vulnerability indicators in different units and an own nuisance figure (higher is worse). */
const config: VeerkrachtConfig = {
  vulnerability: ['v1', 'v2'],
  nuisance: { key: 'n', direction: 'higher_is_worse' },
  stableBand: 0.1,
  focus: { vulnerabilityPercentile: 0.8, nuisancePercentile: 0.8 },
};
const years = { from: 2018, to: 2022 };

/*
 * Y1 levels: v1 10, 10, 30, 30 (SD 10); v2 100, 100, 300, 300 (SD 100); n 1, 1, 3, 3 (SD 1).
 * Changes in SD:      v1     v2     vulnerability   n
 *   BU01 (GM01)      +0.2   +0.4   +0.3            +0.5
 *   BU02 (GM01)       0      0      0               0
 *   BU03 (GM01)      −0.1   −0.1   −0.1            +0.5
 *   BU04 (GM02)      +0.5   +0.3   +0.4            −0.5
 */
const areas: VeerkrachtAreaInput[] = [
  area('BU01', 'GM01', { v1: [10, 12], v2: [100, 140], n: [1, 1.5] }),
  area('BU02', 'GM01', { v1: [10, 10], v2: [100, 100], n: [1, 1] }),
  area('BU03', 'GM01', { v1: [30, 29], v2: [300, 290], n: [3, 3.5] }),
  area('BU04', 'GM02', { v1: [30, 35], v2: [300, 330], n: [3, 2.5] }),
];
/** Country changes: v1 +0.1, v2 +0.1 (vulnerability +0.1), n +0.1 SD. */
const country = reference({ v1: [20, 21], v2: [200, 210], n: [2, 2.1] });

function byCode(result: VeerkrachtResult, code: string): VeerkrachtAreaResult {
  const found = result.areas.find((a) => a.code === code);
  if (!found) throw new Error(`no result for ${code}`);
  return found;
}

function expectChange(
  actual: { raw: number | null; absolute: number | null; relative: number | null },
  expected: { raw: number | null; absolute: number | null; relative: number | null },
) {
  for (const field of ['raw', 'absolute', 'relative'] as const) {
    const value = expected[field];
    if (value === null) expect(actual[field], field).toBeNull();
    else expect(actual[field], field).toBeCloseTo(value, 12);
  }
}

describe('computeVeerkracht: scaling and variants', () => {
  const result = computeVeerkracht(config, areas, years, country);

  test('each change is expressed in SDs of its Y1 level and the vulnerability axis is their mean', () => {
    expect(result.scales).toEqual([
      { key: 'v1', standardDeviation: 10, areaCount: 4 },
      { key: 'v2', standardDeviation: 100, areaCount: 4 },
      { key: 'n', standardDeviation: 1, areaCount: 4 },
    ]);
    expect(byCode(result, 'BU01').vulnerabilityChange.raw).toBeCloseTo(0.3, 12);
    expect(byCode(result, 'BU04').vulnerabilityChange.raw).toBeCloseTo(0.4, 12);
    expect(byCode(result, 'BU03').nuisanceChange.raw).toBeCloseTo(0.5, 12);
    expect(byCode(result, 'BU04').nuisanceChange.raw).toBeCloseTo(-0.5, 12);
  });

  test('absolute: the area minus the country; relative: minus the other areas of its gemeente', () => {
    expect(result.referenceAbsolute).toBe('country');
    expect(result.countryMissing).toEqual([]);
    // BU01 relative: 0.3 − mean(0, −0.1) = 0.35; 0.5 − mean(0, 0.5) = 0.25.
    expectChange(byCode(result, 'BU01').vulnerabilityChange, {
      raw: 0.3,
      absolute: 0.2,
      relative: 0.35,
    });
    expectChange(byCode(result, 'BU01').nuisanceChange, {
      raw: 0.5,
      absolute: 0.4,
      relative: 0.25,
    });
    // BU02 relative: 0 − mean(0.3, −0.1) = −0.1; 0 − mean(0.5, 0.5) = −0.5.
    expectChange(byCode(result, 'BU02').vulnerabilityChange, {
      raw: 0,
      absolute: -0.1,
      relative: -0.1,
    });
    expectChange(byCode(result, 'BU02').nuisanceChange, {
      raw: 0,
      absolute: -0.1,
      relative: -0.5,
    });
    // BU03 relative: −0.1 − mean(0.3, 0) = −0.25; 0.5 − mean(0.5, 0) = 0.25.
    expectChange(byCode(result, 'BU03').vulnerabilityChange, {
      raw: -0.1,
      absolute: -0.2,
      relative: -0.25,
    });
    expectChange(byCode(result, 'BU03').nuisanceChange, {
      raw: 0.5,
      absolute: 0.4,
      relative: 0.25,
    });
    // BU04 is the only area of GM02: nothing to compare with.
    expectChange(byCode(result, 'BU04').vulnerabilityChange, {
      raw: 0.4,
      absolute: 0.3,
      relative: null,
    });
    expectChange(byCode(result, 'BU04').nuisanceChange, {
      raw: -0.5,
      absolute: -0.6,
      relative: null,
    });
  });

  test('quadrants per variant, with BU02 exactly on the band edges (−0.1) counted as stable', () => {
    expect(result.areas.map((a) => [a.code, a.quadrant])).toEqual([
      ['BU01', { absolute: 'onder_druk', relative: 'onder_druk' }],
      ['BU02', { absolute: 'stabiel', relative: 'stabiel' }],
      ['BU03', { absolute: 'overlast_stijgt', relative: 'overlast_stijgt' }],
      ['BU04', { absolute: 'veerkrachtig', relative: null }],
    ]);
    expect(result.summary).toEqual({
      onder_druk: 1,
      overlast_stijgt: 1,
      veerkrachtig: 1,
      stabiel: 1,
    });
    expect(result.summaryRelative).toEqual({
      onder_druk: 1,
      overlast_stijgt: 1,
      veerkrachtig: 0,
      stabiel: 1,
    });
  });

  test('complete areas are ok with nothing missing, and the disclaimer travels along', () => {
    expect(result.areas.every((a) => a.status === 'ok' && a.missing.length === 0)).toBe(true);
    expect(result.missingEverywhere).toEqual([]);
    expect(result.disclaimer).toEqual({
      nl: VEERKRACHT_DISCLAIMER_NL,
      en: VEERKRACHT_DISCLAIMER_EN,
    });
    expect(VEERKRACHT_DISCLAIMER_NL).toMatch(/geen diagnose/);
    expect(VEERKRACHT_DISCLAIMER_EN).toMatch(/not a diagnosis/);
  });

  test('a rise of exactly the band width is stable; just above it is up', () => {
    // The country stays level here, so each absolute change equals the area's own.
    const edge = computeVeerkracht(
      config,
      [...areas.slice(0, 3), area('BU04', 'GM02', { v1: [30, 31], v2: [300, 310], n: [3, 3.2] })],
      years,
      reference({ v1: [20, 20], v2: [200, 200], n: [2, 2] }),
    );
    // BU04: vulnerability +0.1 (stable), nuisance +0.2 (up).
    expect(byCode(edge, 'BU04').vulnerabilityChange.absolute).toBeCloseTo(0.1, 12);
    expect(byCode(edge, 'BU04').quadrant.absolute).toBe('overlast_stijgt');
    const above = computeVeerkracht(
      config,
      [
        ...areas.slice(0, 3),
        area('BU04', 'GM02', { v1: [30, 31.01], v2: [300, 310.1], n: [3, 3.2] }),
      ],
      years,
      reference({ v1: [20, 20], v2: [200, 200], n: [2, 2] }),
    );
    expect(byCode(above, 'BU04').quadrant.absolute).toBe('onder_druk');
  });
});

describe('computeVeerkracht: the absolute reference', () => {
  test('without country figures the mean of the areas is the reference, and that is said', () => {
    const result = computeVeerkracht(config, areas, years, null);
    expect(result.referenceAbsolute).toBe('mean-of-areas');
    expect(result.countryMissing).toEqual([
      { key: 'v1', year: 2018 },
      { key: 'v1', year: 2022 },
      { key: 'v2', year: 2018 },
      { key: 'v2', year: 2022 },
      { key: 'n', year: 2018 },
      { key: 'n', year: 2022 },
    ]);
    // Mean changes: vulnerability (0.3 + 0 − 0.1 + 0.4) / 4 = 0.15; nuisance (0.5 + 0 + 0.5 − 0.5) / 4 = 0.125.
    expect(byCode(result, 'BU01').vulnerabilityChange.absolute).toBeCloseTo(0.15, 12);
    expect(byCode(result, 'BU01').nuisanceChange.absolute).toBeCloseTo(0.375, 12);
    expect(byCode(result, 'BU04').nuisanceChange.absolute).toBeCloseTo(-0.625, 12);
    // The relative variant does not depend on the reference.
    expect(byCode(result, 'BU01').vulnerabilityChange.relative).toBeCloseTo(0.35, 12);
  });

  test('a country lacking one figure is not used for either axis', () => {
    const partial = reference({ v1: [20, 21], v2: [200, null], n: [2, 2.1] });
    const result = computeVeerkracht(config, areas, years, partial);
    expect(result.referenceAbsolute).toBe('mean-of-areas');
    expect(result.countryMissing).toEqual([{ key: 'v2', year: 2022 }]);
    // Nuisance is compared with the mean of the areas (0.125), not the country's 0.1.
    expect(byCode(result, 'BU01').nuisanceChange.absolute).toBeCloseTo(0.375, 12);
  });
});

describe('computeVeerkracht: missing inputs', () => {
  test('missing inputs are named by key and year and never filled in', () => {
    const gappy = [
      areas[0]!,
      areas[1]!,
      area('BU03', 'GM01', { v1: [30, 29], v2: [300, null], n: [3, 3.5] }),
      area('BU04', 'GM02', { v1: [30, 35], v2: [300, 330], n: [Number.NaN, 2.5] }),
    ];
    const result = computeVeerkracht(config, gappy, years, country);

    const bu03 = byCode(result, 'BU03');
    expect(bu03.status).toBe('incomplete');
    expect(bu03.missing).toEqual([{ key: 'v2', year: 2022 }]);
    expectChange(bu03.vulnerabilityChange, { raw: null, absolute: null, relative: null });
    expect(bu03.nuisanceChange.raw).toBeCloseTo(0.5 * Math.sqrt(9 / 8), 12);
    expect(bu03.quadrant).toEqual({ absolute: null, relative: null });
    expect(bu03.levels.vulnerability).toBeNull();
    expect(bu03.focus).toBeNull();

    const bu04 = byCode(result, 'BU04');
    expect(bu04.missing).toEqual([{ key: 'n', year: 2018 }]);
    expect(bu04.nuisanceChange.raw).toBeNull();
    expect(bu04.vulnerabilityChange.raw).toBeCloseTo(0.4, 12);

    // n's SD comes from the three Y1 values that exist (1, 1, 3): √(8/9), nothing imputed.
    expect(result.scales.find((s) => s.key === 'n')).toEqual({
      key: 'n',
      standardDeviation: Math.sqrt(8 / 9),
      areaCount: 3,
    });
    // BU01's relative vulnerability is against BU02 alone, since BU03 has none.
    expect(byCode(result, 'BU01').vulnerabilityChange.relative).toBeCloseTo(0.3, 12);
    expect(result.missingEverywhere).toEqual([]);
  });

  test('the Leefbaarometer wijk series (lbm_onv only): incomplete, gaps listed, nuisance still computed', () => {
    const onv = (code: string, from: number, to: number) =>
      area(code, `GM${code.slice(2, 6)}`, { lbm_onv: [from, to] });
    const wijken = [
      onv('WK036301', 0.05, 0.04),
      onv('WK036302', -0.05, -0.06),
      onv('WK036303', 0.05, 0.07),
      onv('WK059901', -0.05, -0.1),
    ];
    const result = computeVeerkracht(
      DEFAULT_VEERKRACHT_CONFIG,
      wijken,
      { from: 2014, to: 2022 },
      null,
    );
    const vulnerabilityGaps = ['p_hh_li', 'p_hh_osm', 'soz_wb_per_1000'].flatMap((key) => [
      { key, year: 2014 },
      { key, year: 2022 },
    ]);
    expect(result.missingEverywhere).toEqual(vulnerabilityGaps);
    for (const wijk of result.areas) {
      expect(wijk.status).toBe('incomplete');
      expect(wijk.missing).toEqual(vulnerabilityGaps);
      expectChange(wijk.vulnerabilityChange, { raw: null, absolute: null, relative: null });
      expect(wijk.quadrant).toEqual({ absolute: null, relative: null });
      expect(wijk.focus).toBeNull();
      expect(wijk.levels.vulnerability).toBeNull();
    }
    // onv Y1 SD 0.05; higher onv is better, so a fall is more nuisance: (from − to) / 0.05.
    // Raw 0.2, 0.2, −0.4, 1.0; mean of areas 0.25; relative within GM0363 only.
    expectChange(byCode(result, 'WK036301').nuisanceChange, {
      raw: 0.2,
      absolute: -0.05,
      relative: 0.3,
    });
    expectChange(byCode(result, 'WK036303').nuisanceChange, {
      raw: -0.4,
      absolute: -0.65,
      relative: -0.6,
    });
    expectChange(byCode(result, 'WK059901').nuisanceChange, {
      raw: 1,
      absolute: 0.75,
      relative: null,
    });
    // Y2 nuisance need: lowest onv = most need.
    expect(result.areas.map((a) => [a.code, a.levels.nuisance])).toEqual([
      ['WK036301', 1 / 3],
      ['WK036302', 2 / 3],
      ['WK036303', 0],
      ['WK059901', 1],
    ]);
    expect(result.referenceAbsolute).toBe('mean-of-areas');
    expect(result.summary).toEqual({
      onder_druk: 0,
      overlast_stijgt: 0,
      veerkrachtig: 0,
      stabiel: 0,
    });
    expect(result.scales.map((s) => [s.key, s.standardDeviation, s.areaCount])).toEqual([
      ['p_hh_li', null, 0],
      ['p_hh_osm', null, 0],
      ['soz_wb_per_1000', null, 0],
      ['lbm_onv', expect.closeTo(0.05, 12), 4],
    ]);
  });

  test('an indicator without spread in Y1 cannot be scaled: its axis stays null', () => {
    const flat = areas.map((a) =>
      area(a.code, a.gemeenteCode, {
        v1: [a.values.v1!.from, a.values.v1!.to],
        v2: [a.values.v2!.from, a.values.v2!.to],
        n: [2, a.values.n!.to],
      }),
    );
    const result = computeVeerkracht(config, flat, years, country);
    expect(result.scales.find((s) => s.key === 'n')?.standardDeviation).toBeNull();
    for (const a of result.areas) {
      expect(a.status).toBe('incomplete');
      expect(a.missing).toEqual([]);
      expect(a.nuisanceChange.raw).toBeNull();
      expect(a.quadrant).toEqual({ absolute: null, relative: null });
    }
  });

  test('no areas: an empty, well-formed result', () => {
    const result = computeVeerkracht(config, [], years, country);
    expect(result.areas).toEqual([]);
    expect(result.missingEverywhere).toEqual([]);
    expect(result.summary).toEqual({
      onder_druk: 0,
      overlast_stijgt: 0,
      veerkrachtig: 0,
      stabiel: 0,
    });
  });
});

describe('computeVeerkracht: levels and focus', () => {
  /*
   * Y2 need percentiles:   v1    v2    mean   re-ranked   n (lbm-like, low = need)
   *   A                    0     .25   .125   0           0
   *   B                    .25   0     .125   0           .25
   *   C                    .75   .5    .625   .5          1
   *   D                    .5    .75   .625   .5          .5
   *   E                    1     1     1      1           .75
   */
  const lbmConfig: VeerkrachtConfig = {
    ...config,
    nuisance: { key: 'onv', direction: 'higher_is_better' },
    focus: { vulnerabilityPercentile: 0.6, nuisancePercentile: 0.6 },
  };
  const y2 = [
    area('A', 'G', { v1: [1, 1], v2: [2, 2], onv: [0.1, 0.1] }),
    area('B', 'G', { v1: [2, 2], v2: [1, 1], onv: [0.05, 0.05] }),
    area('C', 'G', { v1: [4, 4], v2: [3, 3], onv: [-0.1, -0.1] }),
    area('D', 'G', { v1: [3, 3], v2: [4, 4], onv: [0, 0] }),
    area('E', 'G', { v1: [5, 5], v2: [5, 5], onv: [-0.05, -0.05] }),
  ];

  test('levels are Y2 need percentiles; vulnerability is the re-ranked mean of its indicators', () => {
    const result = computeVeerkracht(lbmConfig, y2, years, null);
    expect(result.areas.map((a) => [a.code, a.levels])).toEqual([
      ['A', { vulnerability: 0, nuisance: 0 }],
      ['B', { vulnerability: 0, nuisance: 0.25 }],
      ['C', { vulnerability: 0.5, nuisance: 1 }],
      ['D', { vulnerability: 0.5, nuisance: 0.5 }],
      ['E', { vulnerability: 1, nuisance: 0.75 }],
    ]);
  });

  test('focus needs both levels at or above their thresholds', () => {
    const result = computeVeerkracht(lbmConfig, y2, years, null);
    // C's mean percentile (.625) would pass 0.6, its rank among the areas (.5) does not.
    expect(result.areas.map((a) => [a.code, a.focus])).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
      ['D', false],
      ['E', true],
    ]);
    const edge = computeVeerkracht(
      { ...lbmConfig, focus: { vulnerabilityPercentile: 0.5, nuisancePercentile: 0.5 } },
      y2,
      years,
      null,
    );
    // Exactly at the threshold counts: C (.5, 1) and D (.5, .5) join E.
    expect(edge.areas.filter((a) => a.focus).map((a) => a.code)).toEqual(['C', 'D', 'E']);
  });

  test('a level needs its Y2 values only; a missing one leaves focus unknown', () => {
    const withGap = [
      ...y2.slice(0, 4),
      area('E', 'G', { v1: [5, 5], v2: [5, null], onv: [-0.05, -0.05] }),
    ];
    const result = computeVeerkracht(lbmConfig, withGap, years, null);
    const e = byCode(result, 'E');
    expect(e.levels).toEqual({ vulnerability: null, nuisance: 0.75 });
    expect(e.focus).toBeNull();
  });
});

describe('computeVeerkracht: invariances', () => {
  test('the result does not depend on the order of the areas', () => {
    const forward = computeVeerkracht(config, areas, years, country);
    const reversed = computeVeerkracht(config, [...areas].reverse(), years, country);
    const shuffled = computeVeerkracht(
      config,
      [areas[2]!, areas[0]!, areas[3]!, areas[1]!],
      years,
      country,
    );
    expect(reversed).toEqual(forward);
    expect(shuffled).toEqual(forward);
    expect(forward.areas.map((a) => a.code)).toEqual(['BU01', 'BU02', 'BU03', 'BU04']);
  });

  test('rescaling an indicator’s unit changes nothing', () => {
    const scale = { v1: 0.01, v2: 1000, n: 7 } as Record<string, number>;
    const rescale = (values: Record<string, { from: unknown; to: unknown }>) =>
      Object.fromEntries(
        Object.entries(values).map(([key, { from, to }]) => [
          key,
          { from: (from as number) * scale[key]!, to: (to as number) * scale[key]! },
        ]),
      );
    const original = computeVeerkracht(config, areas, years, country);
    const rescaled = computeVeerkracht(
      config,
      areas.map((a) => ({ ...a, values: rescale(a.values) })),
      years,
      { values: rescale(country.values) },
    );
    expect(rescaled.areas.length).toBe(original.areas.length);
    original.areas.forEach((before, i) => {
      const after = rescaled.areas[i]!;
      expect(after.code).toBe(before.code);
      expect(after.quadrant).toEqual(before.quadrant);
      expect(after.focus).toBe(before.focus);
      expect(after.levels).toEqual(before.levels);
      for (const axis of ['vulnerabilityChange', 'nuisanceChange'] as const) {
        for (const field of ['raw', 'absolute', 'relative'] as const) {
          const value = before[axis][field];
          if (value === null) expect(after[axis][field]).toBeNull();
          else expect(after[axis][field]).toBeCloseTo(value, 12);
        }
      }
    });
    expect(rescaled.summary).toEqual(original.summary);
  });
});

describe('computeVeerkracht: refused input', () => {
  test('a code given twice', () => {
    expect(() => computeVeerkracht(config, [areas[0]!, areas[0]!], years, null)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        message: 'areas: BU01 appears more than once',
      }),
    );
  });

  test.each([
    { from: 2022, to: 2018 },
    { from: 2022, to: 2022 },
    { from: 2018.5, to: 2022 },
  ])('years %j', (bad) => {
    expect(() => computeVeerkracht(config, areas, bad, null)).toThrow(AppError);
    expect(() => computeVeerkracht(config, areas, bad, null)).toThrow(/^years: /);
  });
});
