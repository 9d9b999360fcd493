import { describe, expect, test } from 'vitest';
import { barGeometry, waterfallExtent, waterfallRows } from './waterfall-scales.js';

const themes = [
  { theme: 'leefbaarheid', contribution: 0.3 },
  { theme: 'kwetsbaarheid', contribution: 0.25 },
];
const indicators = [
  { key: 'lbm_onv', theme: 'leefbaarheid', contribution: 0.2 },
  { key: 'p_hh_li', theme: 'kwetsbaarheid', contribution: 0.15 },
  { key: 'lbm_won', theme: 'leefbaarheid', contribution: 0.1 },
  { key: 'soz_wb_per_1000', theme: 'kwetsbaarheid', contribution: 0.1 },
];

describe('waterfallRows', () => {
  const rows = waterfallRows(themes, indicators);

  test('groups indicators under their theme, in the given orders, with the total last', () => {
    expect(
      rows.map((r) => (r.kind === 'indicator' ? r.key : r.kind === 'theme' ? r.theme : r.kind)),
    ).toEqual([
      'leefbaarheid',
      'lbm_onv',
      'lbm_won',
      'kwetsbaarheid',
      'p_hh_li',
      'soz_wb_per_1000',
      'total',
    ]);
  });

  test('each step starts where the previous ended and the total is their sum', () => {
    const steps = rows.filter((r) => r.kind === 'indicator');
    steps.forEach((step, i) => {
      if (i > 0) expect(step.start).toBeCloseTo(steps[i - 1]!.end, 12);
      expect(step.end - step.start).toBeCloseTo(step.value, 12);
    });
    const total = rows.at(-1)!;
    expect(total).toMatchObject({ kind: 'total', start: 0 });
    expect(total.end).toBeCloseTo(0.55, 12);
  });

  test('a theme bar spans exactly its indicators', () => {
    const kw = rows.find((r) => r.kind === 'theme' && r.theme === 'kwetsbaarheid')!;
    expect(kw.start).toBeCloseTo(0.3, 12);
    expect(kw.end).toBeCloseTo(0.55, 12);
    expect(kw.value).toBeCloseTo(0.25, 12);
  });

  test('a theme without indicators steps by its own contribution', () => {
    const only = waterfallRows([{ theme: 'x', contribution: 0.4 }], []);
    expect(only.map((r) => [r.kind, r.start, r.end])).toEqual([
      ['theme', 0, 0.4],
      ['total', 0, 0.4],
    ]);
  });

  test('no contributions at all: a zero total', () => {
    expect(waterfallRows([], [])).toEqual([{ kind: 'total', start: 0, end: 0, value: 0 }]);
  });
});

describe('waterfallExtent', () => {
  test('covers 0 and every bar, with a minimum width', () => {
    expect(waterfallExtent(waterfallRows(themes, indicators))[1]).toBeCloseTo(0.55, 12);
    expect(waterfallExtent(waterfallRows([], []), 1)).toEqual([0, 1]);
    const negative = waterfallRows([], [{ key: 'a', theme: 't', contribution: -0.2 }]);
    expect(waterfallExtent(negative)).toEqual([-0.2, 0]);
  });
});

describe('barGeometry', () => {
  const scale = (v: number) => v * 100;
  test('runs left to right whatever the sign', () => {
    expect(barGeometry(0.1, 0.3, scale)).toEqual({ x: 10, width: 20 });
    expect(barGeometry(0.3, 0.1, scale)).toEqual({ x: 10, width: 20 });
  });
  test('a zero step keeps a visible minimum width, centred on its place', () => {
    expect(barGeometry(0.5, 0.5, scale, 2)).toEqual({ x: 49, width: 2 });
  });
});
