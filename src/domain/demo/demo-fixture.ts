import { LBM_BOUNDARIES } from '../indicators/lbm-boundaries.js';
import type { DemoDataset, DemoObservation } from './demo-dataset.js';
import { generateDemoDataset } from './generate-demo-dataset.js';

/**
 * The default demo world, generated once per test file, with lookups for the property tests
 * (test support only; nothing in the app imports this).
 */
export interface DemoFixture {
  data: DemoDataset;
  obs(code: string, key: string, year: number): DemoObservation | undefined;
  /** The value, null for a figure without one, undefined when there is no observation. */
  val(code: string, key: string, year: number): number | null | undefined;
  codesAt(level: string): string[];
  /** Codes of the buurten or wijken below a wijk or gemeente, by code prefix. */
  childrenOf(code: string, level: 'wijk' | 'buurt'): string[];
}

let cached: DemoFixture | null = null;

/**
 * @example demoFixture().val('GM9901', 'a_inw', 2024) // about 90,000
 */
export function demoFixture(): DemoFixture {
  if (cached) return cached;
  const data = generateDemoDataset();
  const byKey = new Map(
    data.observations.map((o) => [`${o.areaCode}|${o.indicatorKey}|${o.year}`, o]),
  );
  const obs = (code: string, key: string, year: number): DemoObservation | undefined =>
    byKey.get(`${code}|${key}|${year}`);
  cached = {
    data,
    obs,
    val: (code, key, year) => obs(code, key, year)?.value,
    codesAt: (level) => data.areas.filter((a) => a.level === level).map((a) => a.code),
    childrenOf: (code, level) => {
      const prefix = `${level === 'buurt' ? 'BU' : 'WK'}${code.slice(2)}`;
      return data.areas
        .filter((a) => a.level === level && a.code.startsWith(prefix))
        .map((a) => a.code);
    },
  };
  return cached;
}

/**
 * The cut points of a boundary set in lbm-boundaries.
 * @example cutsOf('demo', 'dimension').length // 8
 */
export function cutsOf(release: string, appliesTo: string): readonly number[] {
  return LBM_BOUNDARIES.find((b) => b.release === release && b.appliesTo === appliesTo)!.cuts;
}

/**
 * Pearson correlation of two equally long series.
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.99…
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
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
