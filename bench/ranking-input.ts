/**
 * The inputs of the ranking benchmark (bench/ranking.ts): every buurt of the Leefbaarometer 2024
 * with its six real figures (the five dimensions and the class 1–9, which has many ties),
 * topped up with fourteen deterministic synthetic indicators to twenty in four themes. The
 * synthetic ones are seeded, correlated with the real ones, rounded so that ties occur, some
 * missing at random and a few missing as a whole theme (as disclosure control blanks small
 * buurten), so that some buurten are not ranked (incomplete) and some are ranked without a theme.
 */
import fs from 'node:fs';
import type { RankingAreaInput } from '../src/domain/ranking/compute-ranking.js';
import type { MethodDefinition, MethodIndicator } from '../src/domain/ranking/method.js';
import { createUniformStream } from '../src/domain/ranking/random.js';

interface Lbm {
  code: string;
  won: number;
  fys: number;
  vrz: number;
  soc: number;
  onv: number;
  afw: number;
  kscore: number;
}

const REAL: Array<MethodIndicator & { field: Exclude<keyof Lbm, 'code'> }> = [
  { key: 'lbm_onv', field: 'onv', direction: 'higher_is_better', weight: 3, theme: 'leefbaarheid' },
  { key: 'lbm_won', field: 'won', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
  { key: 'lbm_soc', field: 'soc', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
  { key: 'lbm_vrz', field: 'vrz', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
  { key: 'lbm_fys', field: 'fys', direction: 'higher_is_better', weight: 1, theme: 'leefbaarheid' },
  {
    key: 'lbm_score_class',
    field: 'kscore',
    direction: 'higher_is_better',
    weight: 1,
    theme: 'leefbaarheid',
  },
];

/** A synthetic indicator: mean + sd·(rho·z(base) + √(1 − rho²)·noise), clipped and rounded. */
interface Synthetic extends MethodIndicator {
  base: 'afw' | 'soc' | 'won' | 'onv' | 'fys';
  rho: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Rounded to multiples of this: 1 gives whole percentages, hence many ties. */
  step: number;
  /** Share of buurten without a value (on top of the theme blocks). */
  missing: number;
}

const worse = 'higher_is_worse' as const;
const better = 'higher_is_better' as const;
// prettier-ignore
const SYNTHETIC: Synthetic[] = [
  { key: 'syn_p_hh_li', theme: 'kwetsbaarheid', weight: 4, direction: worse, base: 'afw', rho: -0.6, mean: 8, sd: 4, min: 0, max: 100, step: 0.1, missing: 0.03 },
  { key: 'syn_soz_wb_per_1000', theme: 'kwetsbaarheid', weight: 4, direction: worse, base: 'afw', rho: -0.55, mean: 25, sd: 15, min: 0, max: 1000, step: 1, missing: 0.05 },
  { key: 'syn_p_hh_osm', theme: 'kwetsbaarheid', weight: 2, direction: worse, base: 'afw', rho: -0.5, mean: 7, sd: 3.5, min: 0, max: 100, step: 0.1, missing: 0.15 },
  { key: 'syn_p_werkloos', theme: 'kwetsbaarheid', weight: 2, direction: worse, base: 'soc', rho: -0.4, mean: 4, sd: 2, min: 0, max: 100, step: 0.1, missing: 0.03 },
  { key: 'syn_p_eenouder', theme: 'kwetsbaarheid', weight: 2, direction: worse, base: 'afw', rho: -0.3, mean: 9, sd: 4, min: 0, max: 100, step: 1, missing: 0.03 },
  { key: 'syn_p_gezondheid_slecht', theme: 'gezondheid', weight: 1.5, direction: worse, base: 'afw', rho: -0.4, mean: 20, sd: 5, min: 0, max: 100, step: 1, missing: 0.02 },
  { key: 'syn_p_eenzaam', theme: 'gezondheid', weight: 1, direction: worse, base: 'soc', rho: -0.5, mean: 45, sd: 8, min: 0, max: 100, step: 1, missing: 0.02 },
  { key: 'syn_p_overgewicht', theme: 'gezondheid', weight: 1, direction: worse, base: 'fys', rho: -0.2, mean: 50, sd: 6, min: 0, max: 100, step: 1, missing: 0 },
  { key: 'syn_p_mantelzorg', theme: 'gezondheid', weight: 1, direction: better, base: 'soc', rho: 0.3, mean: 14, sd: 3, min: 0, max: 100, step: 1, missing: 0 },
  { key: 'syn_p_corporatie', theme: 'wonen', weight: 2, direction: worse, base: 'won', rho: -0.5, mean: 25, sd: 18, min: 0, max: 100, step: 1, missing: 0 },
  { key: 'syn_p_overbewoning', theme: 'wonen', weight: 1, direction: worse, base: 'won', rho: -0.3, mean: 3, sd: 2, min: 0, max: 100, step: 0.1, missing: 0.05 },
  { key: 'syn_woz_gem', theme: 'wonen', weight: 1, direction: better, base: 'afw', rho: 0.6, mean: 350, sd: 120, min: 80, max: 5000, step: 1, missing: 0 },
  { key: 'syn_p_label_efg', theme: 'wonen', weight: 1, direction: worse, base: 'won', rho: -0.3, mean: 20, sd: 8, min: 0, max: 100, step: 1, missing: 0.1 },
  { key: 'syn_verhuisgeneigd', theme: 'wonen', weight: 1, direction: worse, base: 'onv', rho: -0.4, mean: 15, sd: 5, min: 0, max: 100, step: 0.1, missing: 0 },
];

/** Whole themes missing for a share of buurten (disclosure control on small buurten). */
const THEME_GAPS: Record<string, number> = { kwetsbaarheid: 0.03, gezondheid: 0.02 };

export const BENCH_METHOD: MethodDefinition = {
  key: 'bench-nationaal',
  name: 'Benchmark: alle buurten, 20 indicatoren',
  description: '',
  universe: { level: 'buurt', within: 'country' },
  normalisation: 'percentile',
  antiCompensation: false,
  completeness: { minWeightShare: 0.8 },
  classes: { count: 5, labelsNl: ['1', '2', '3', '4', '5'], labelsEn: ['1', '2', '3', '4', '5'] },
  flags: { percentile: 0.9 },
  uncertainty: { draws: 1000, perturbation: 0.5, seed: 1 },
  themeWeights: null,
  indicators: [...REAL, ...SYNTHETIC].map(({ key, direction, weight, theme }) => ({
    key,
    direction,
    weight,
    theme,
  })),
};

function readBuurten(file: string): Lbm[] {
  const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    features: Array<{ properties: Record<string, unknown> }>;
  };
  return collection.features.map(({ properties: p }) => {
    const number = (field: string) => {
      const value = p[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${String(p.bu_code)}: ${field} is not a number`);
      }
      return value;
    };
    return {
      code: String(p.bu_code),
      won: number('won'),
      fys: number('fys'),
      vrz: number('vrz'),
      soc: number('soc'),
      onv: number('onv'),
      afw: number('afw'),
      kscore: number('kscore'),
    };
  });
}

/**
 * The benchmark's areas: every buurt of the Leefbaarometer GeoJSON `file` with its six real
 * figures and the fourteen synthetic ones. Deterministic: the same file gives the same values.
 */
export function buildBenchAreas(file: string): RankingAreaInput[] {
  const buurten = readBuurten(file);
  const next = createUniformStream(20240101);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const standardise = (field: Synthetic['base']) => {
    const xs = buurten.map((b) => b[field]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    return xs.map((x) => (x - mean) / sd);
  };
  const z = {
    afw: standardise('afw'),
    soc: standardise('soc'),
    won: standardise('won'),
    onv: standardise('onv'),
    fys: standardise('fys'),
  };
  return buurten.map((b, a): RankingAreaInput => {
    const values: RankingAreaInput['values'] = {};
    for (const real of REAL) values[real.key] = { value: b[real.field], year: 2024 };
    const gap = new Set(
      Object.entries(THEME_GAPS).flatMap(([theme, share]) => (next() < share ? [theme] : [])),
    );
    for (const s of SYNTHETIC) {
      const noise = normal();
      const missing = next() < s.missing;
      if (missing || gap.has(s.theme)) continue;
      const raw = s.mean + s.sd * (s.rho * z[s.base][a]! + Math.sqrt(1 - s.rho ** 2) * noise);
      const clipped = Math.min(s.max, Math.max(s.min, raw));
      // Round through the decimals, so that 12.3 is the double 12.3 and not 12.300000000000001.
      const decimals = Math.max(0, -Math.floor(Math.log10(s.step)));
      values[s.key] = {
        value: Number((Math.round(clipped / s.step) * s.step).toFixed(decimals)),
        year: 2023,
      };
    }
    return { code: b.code, values };
  });
}
