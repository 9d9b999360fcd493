import { describe, expect, test } from 'vitest';
import {
  deriveOwnFigures,
  planOwnFigureWrites,
  shareHiddenBy,
  shareOwned,
  type OwnFiguresInput,
} from './own-figures.js';

// Two buurten in one wijk, a third in another wijk of the same gemeente; one buurt elsewhere.
const parents = new Map<string, string | null>([
  ['NL00', null],
  ['GM9901', 'NL00'],
  ['WK990101', 'GM9901'],
  ['WK990102', 'GM9901'],
  ['BU99010101', 'WK990101'],
  ['BU99010102', 'WK990101'],
  ['BU99010201', 'WK990102'],
  ['GM9902', 'NL00'],
  ['WK990201', 'GM9902'],
  ['BU99020101', 'WK990201'],
]);

const input = (over: Partial<OwnFiguresInput> = {}): OwnFiguresInput => ({
  stockYear: 2026,
  parents,
  workingArea: new Set(['BU99010101', 'BU99010102', 'BU99010201']),
  complexes: [
    { buurtCode: 'BU99010101', units: 120, daebUnits: 100 },
    { buurtCode: 'BU99010101', units: 30, daebUnits: 30 },
    { buurtCode: 'BU99010201', units: 80, daebUnits: 0 },
  ],
  dwellings: new Map([
    ['BU99010101', { value: 600, suppressed: false }],
    ['BU99010201', { value: 50, suppressed: false }],
    ['WK990101', { value: 900, suppressed: false }],
    ['GM9901', { value: 2000, suppressed: false }],
  ]),
  minBase: 50,
  spendingYears: [2025],
  spending: [
    { year: 2025, buurtCode: 'BU99010101', cents: 1_000_000 },
    { year: 2025, buurtCode: 'BU99010101', cents: -250_000 },
    { year: 2025, buurtCode: 'BU99010201', cents: 123_456 },
  ],
  begroting: [
    { year: 2025, buurtCode: 'BU99010101', cents: 2_000_000 },
    { year: 2025, buurtCode: 'BU99010102', cents: 500_001 },
  ],
  ...over,
});

const pick = (
  figures: ReturnType<typeof deriveOwnFigures>,
  code: string,
  key: string,
  year: number,
) => figures.find((f) => f.code === code && f.key === key && f.year === year);

describe('deriveOwnFigures', () => {
  const figures = deriveOwnFigures(input());

  test('stock per buurt, summed up to wijk and gemeente; 0 where the corporation owns nothing', () => {
    expect(pick(figures, 'BU99010101', 'corp_complexen', 2026)?.value).toBe(2);
    expect(pick(figures, 'BU99010101', 'corp_woningen', 2026)?.value).toBe(150);
    expect(pick(figures, 'BU99010101', 'corp_daeb', 2026)?.value).toBe(130);
    expect(pick(figures, 'BU99010102', 'corp_woningen', 2026)?.value).toBe(0);
    expect(pick(figures, 'WK990101', 'corp_woningen', 2026)?.value).toBe(150);
    expect(pick(figures, 'GM9901', 'corp_woningen', 2026)?.value).toBe(230);
    expect(pick(figures, 'GM9901', 'corp_complexen', 2026)?.value).toBe(3);
  });

  test('areas outside the working area and the country get nothing', () => {
    expect(figures.some((f) => f.code === 'BU99020101' || f.code === 'GM9902')).toBe(false);
    expect(figures.some((f) => f.code === 'NL00')).toBe(false);
  });

  test('share owned against CBS dwellings; missing (never 0) without a count; capped at 100%', () => {
    expect(pick(figures, 'BU99010101', 'corp_aandeel', 2026)?.value).toBeCloseTo(25, 10);
    expect(pick(figures, 'WK990101', 'corp_aandeel', 2026)?.value).toBeCloseTo(
      (150 / 900) * 100,
      10,
    );
    expect(pick(figures, 'BU99010102', 'corp_aandeel', 2026)).toMatchObject({
      value: null,
      status: 'missing',
    });
    // 80 units where CBS counted 50 dwellings (figures of different years): 100%, not 160%.
    expect(pick(figures, 'BU99010201', 'corp_aandeel', 2026)?.value).toBe(100);
  });

  test('spending per area and per DAEB dwelling, corrections included; n.v.t. without DAEB', () => {
    expect(pick(figures, 'BU99010101', 'corp_uitgaven', 2025)?.value).toBe(7500);
    expect(pick(figures, 'BU99010101', 'corp_uitgaven_per_daeb', 2025)?.value).toBeCloseTo(
      7500 / 130,
      10,
    );
    expect(pick(figures, 'BU99010102', 'corp_uitgaven', 2025)?.value).toBe(0);
    expect(pick(figures, 'BU99010102', 'corp_uitgaven_per_daeb', 2025)).toMatchObject({
      value: null,
      status: 'not_applicable',
    });
    expect(pick(figures, 'BU99010201', 'corp_uitgaven_per_daeb', 2025)?.status).toBe(
      'not_applicable',
    );
    expect(pick(figures, 'GM9901', 'corp_uitgaven', 2025)?.value).toBeCloseTo(8734.56, 10);
    expect(pick(figures, 'GM9901', 'corp_uitgaven_per_daeb', 2025)?.value).toBeCloseTo(
      8734.56 / 130,
      10,
    );
  });

  test('a ledger year with only region lines still says 0 for every area, not nothing', () => {
    const only = deriveOwnFigures(input({ spendingYears: [2024], spending: [] }));
    expect(pick(only, 'GM9901', 'corp_uitgaven', 2024)?.value).toBe(0);
    expect(only.some((f) => f.key === 'corp_uitgaven' && f.year === 2025)).toBe(false);
  });

  test('begroting of the adopted year per buurt and summed up; none for other years', () => {
    expect(pick(figures, 'BU99010102', 'corp_begroting', 2025)?.value).toBe(5000.01);
    expect(pick(figures, 'WK990101', 'corp_begroting', 2025)?.value).toBe(25000.01);
    expect(pick(figures, 'BU99010201', 'corp_begroting', 2025)).toBeUndefined();
    expect(figures.some((f) => f.key === 'corp_begroting' && f.year !== 2025)).toBe(false);
  });

  test('a buurt of another boundary year is left out, its complexes too', () => {
    const other = deriveOwnFigures(
      input({
        workingArea: new Set(['BU99010101', 'BU12345678']),
        complexes: [{ buurtCode: 'BU12345678', units: 10, daebUnits: 10 }],
      }),
    );
    expect(other.some((f) => f.code === 'BU12345678')).toBe(false);
    expect(pick(other, 'GM9901', 'corp_woningen', 2026)?.value).toBe(0);
  });

  test('no working area: no figures', () => {
    expect(deriveOwnFigures(input({ workingArea: new Set(), begroting: [] }))).toEqual([]);
  });
});

describe('shareOwned', () => {
  test.each([
    [120, 400, 0.3],
    [10, 0, null],
    [10, null, null],
    [500, 400, 1],
  ])('%s of %s dwellings', (units, dwellings, expected) => {
    expect(shareOwned(units, dwellings)).toBe(expected);
  });
});

describe('the share owned for restricted viewers', () => {
  test('hidden where the CBS count it divides by is hidden, or below the minimum base', () => {
    const figures = deriveOwnFigures(
      input({
        dwellings: new Map([
          ['BU99010101', { value: 600, suppressed: true }],
          ['BU99010201', { value: 40, suppressed: false }],
          ['WK990101', { value: 900, suppressed: false }],
        ]),
      }),
    );
    // woningen ÷ aandeel would give back the hidden 600 dwellings.
    expect(pick(figures, 'BU99010101', 'corp_aandeel', 2026)?.hidden).toBe('secondary');
    expect(pick(figures, 'BU99010201', 'corp_aandeel', 2026)?.hidden).toBe('small_base');
    expect(pick(figures, 'WK990101', 'corp_aandeel', 2026)?.hidden).toBeNull();
    // The corporation's own counts are never hidden.
    expect(figures.filter((f) => f.key !== 'corp_aandeel').every((f) => f.hidden === null)).toBe(
      true,
    );
  });

  test.each([
    [undefined, null],
    [{ value: 49, suppressed: false }, 'small_base'],
    [{ value: 50, suppressed: false }, null],
    [{ value: 5000, suppressed: true }, 'secondary'],
  ])('shareHiddenBy(%o)', (base, expected) => {
    expect(shareHiddenBy(base, 50)).toBe(expected);
  });
});

describe('planOwnFigureWrites', () => {
  const stored = (observationId: number, areaId: number, value: number | null, status = 'ok') => ({
    observationId,
    areaId,
    indicatorId: 7,
    year: 2026,
    value,
    status,
  });
  const wanted = (areaId: number, value: number | null, status = 'ok') => ({
    areaId,
    indicatorId: 7,
    year: 2026,
    value,
    status,
  });

  test('only what is new or changed is written, and what is no longer wanted removed', () => {
    const plan = planOwnFigureWrites(
      [stored(1, 10, 5), stored(2, 11, 6), stored(3, 12, null, 'missing'), stored(4, 13, 1)],
      [wanted(10, 5), wanted(11, 7), wanted(12, 3), wanted(14, 0)],
    );
    expect(plan.write).toEqual([wanted(11, 7), wanted(12, 3), wanted(14, 0)]);
    expect(plan.remove).toEqual([4]);
  });

  test('nothing changed: nothing to do', () => {
    expect(planOwnFigureWrites([stored(1, 10, 5)], [wanted(10, 5)])).toEqual({
      write: [],
      remove: [],
    });
  });
});
