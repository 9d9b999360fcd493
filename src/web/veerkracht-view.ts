import { QUADRANTS, type Quadrant } from '../domain/veerkracht/quadrants.js';
import type { Locale } from '../domain/format/format-value.js';
import type { Indicator } from '../domain/indicators/indicator.js';
import type {
  MissingInput,
  VeerkrachtAreaResult,
} from '../domain/veerkracht/compute-veerkracht.js';
import { indicatorName } from './components/indicator-name.js';

/**
 * Pure pieces of the veerkracht page: the quadrant colours, which years to start with, the
 * changes of a variant, and the table's order.
 */

export type Variant = 'absolute' | 'relative';

/**
 * One colour per quadrant, from the Okabe–Ito set (told apart with every common colour-vision
 * deficiency): the two quadrants where nuisance rises in warm colours, the darker for the one
 * where vulnerability rises too; resilient in blue; stable or improving in a light green, so
 * the areas that ask for attention stand out. Areas without a quadrant are grey and hatched,
 * so "not to be determined" never reads as one of the four by colour alone.
 */
export const QUADRANT_COLOURS: Record<Quadrant, string> = {
  onder_druk: '#d55e00',
  overlast_stijgt: '#e69f00',
  veerkrachtig: '#0072b2',
  stabiel: '#93d3b8',
};

export const UNDETERMINED_COLOUR = '#c9ccd1';
export const UNDETERMINED_HATCH = { background: '#dfe1e5', stripe: '#9aa0a9' } as const;
export const UNDETERMINED_SWATCH = `repeating-linear-gradient(135deg, ${UNDETERMINED_HATCH.stripe} 0 1.5px, ${UNDETERMINED_HATCH.background} 1.5px 4px)`;

/** The outline of focus areas (high vulnerability and high nuisance in the later year). */
export const FOCUS_OUTLINE = '#1d2433';

export { QUADRANTS };

/** The quadrant of an area in a variant (null: not to be determined). */
export const quadrantIn = (area: VeerkrachtAreaResult, variant: Variant): Quadrant | null =>
  area.quadrant[variant];

/** The two changes of an area in a variant, in standard deviations (+ = worse). */
export function changesIn(
  area: VeerkrachtAreaResult,
  variant: Variant,
): { vulnerability: number | null; nuisance: number | null } {
  return {
    vulnerability: area.vulnerabilityChange[variant],
    nuisance: area.nuisanceChange[variant],
  };
}

/**
 * The years to open the page with: the newest year in which every input has figures, and the
 * newest such year at least `gap` years before it (else the nearest earlier one). Null when no
 * two such years exist.
 * @example defaultYears([{ key: 'a', years: [2020, 2022] }, { key: 'b', years: [2020, 2021, 2022] }], ['a', 'b']) // { from: 2020, to: 2022 }
 */
export function defaultYears(
  available: ReadonlyArray<{ key: string; years: readonly number[] }>,
  keys: readonly string[],
  gap = 2,
): { from: number; to: number } | null {
  const complete = commonYears(available, keys);
  if (complete.length < 2) {
    const any = yearOptions(available, keys);
    return any.length >= 2 ? { from: any[any.length - 2]!, to: any[any.length - 1]! } : null;
  }
  const to = complete[complete.length - 1]!;
  const earlier = complete.filter((y) => y < to);
  const from = [...earlier].reverse().find((y) => to - y >= gap) ?? earlier[earlier.length - 1]!;
  return { from, to };
}

/** Years in which every one of the keys has figures, ascending. */
export function commonYears(
  available: ReadonlyArray<{ key: string; years: readonly number[] }>,
  keys: readonly string[],
): number[] {
  const sets = keys.map((key) => new Set(available.find((a) => a.key === key)?.years ?? []));
  if (sets.length === 0) return [];
  return [...sets[0]!].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b);
}

/** Years in which any of the keys has figures, ascending: what the year pickers offer. */
export function yearOptions(
  available: ReadonlyArray<{ key: string; years: readonly number[] }>,
  keys: readonly string[],
): number[] {
  const years = new Set(available.filter((a) => keys.includes(a.key)).flatMap((a) => a.years));
  return [...years].sort((a, b) => a - b);
}

export type SortKey =
  'name' | 'quadrant' | 'focus' | 'vulnerability' | 'nuisance' | 'levelV' | 'levelN';

type Row = VeerkrachtAreaResult & { name: string };

/**
 * The table's order. Missing values sort last in both directions; quadrants in legend order
 * (most attention first); ties by name.
 */
export function sortAreas<T extends Row>(
  areas: readonly T[],
  key: SortKey,
  ascending: boolean,
  variant: Variant,
): T[] {
  const valueOf = (a: T): number | string | null => {
    switch (key) {
      case 'name':
        return a.name;
      case 'quadrant': {
        const q = a.quadrant[variant];
        return q === null ? null : QUADRANTS.indexOf(q);
      }
      case 'focus':
        return a.focus === null ? null : a.focus ? 0 : 1;
      case 'vulnerability':
        return a.vulnerabilityChange[variant];
      case 'nuisance':
        return a.nuisanceChange[variant];
      case 'levelV':
        return a.levels.vulnerability;
      case 'levelN':
        return a.levels.nuisance;
    }
  };
  return [...areas].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name, 'nl');
    if (va === null) return 1;
    if (vb === null) return -1;
    const order =
      typeof va === 'string' || typeof vb === 'string'
        ? String(va).localeCompare(String(vb), 'nl', { numeric: true })
        : va - vb;
    if (order !== 0) return ascending ? order : -order;
    return a.name.localeCompare(b.name, 'nl');
  });
}

/** How many areas have each quadrant in a variant, and how many have none. */
export function quadrantCounts(
  areas: readonly VeerkrachtAreaResult[],
  variant: Variant,
): Record<Quadrant | 'none', number> {
  const counts = { onder_druk: 0, overlast_stijgt: 0, veerkrachtig: 0, stabiel: 0, none: 0 };
  for (const area of areas) counts[area.quadrant[variant] ?? 'none'] += 1;
  return counts;
}

/**
 * The inputs of the default veerkracht configuration (domain/veerkracht/veerkracht-config.ts,
 * which the web app does not load: it brings zod). Only used to pick the first years before
 * the server has answered; after that the answer's own `config` counts.
 */
export const DEFAULT_INPUT_KEYS: readonly string[] = [
  'p_hh_li',
  'p_hh_osm',
  'soz_wb_per_1000',
  'lbm_onv',
];

export interface VeerkrachtView {
  from: number | null;
  to: number | null;
  level: 'buurt' | 'wijk';
  variant: Variant;
}

/** The view in the URL: ?van=2020&tot=2022&niveau=wijk&variant=relatief (defaults left out). */
export function readVeerkrachtView(search: URLSearchParams): VeerkrachtView {
  const year = (name: string) => {
    const n = Number(search.get(name));
    return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
  };
  return {
    from: year('van'),
    to: year('tot'),
    level: search.get('niveau') === 'wijk' ? 'wijk' : 'buurt',
    variant: search.get('variant') === 'relatief' ? 'relative' : 'absolute',
  };
}

export function writeVeerkrachtView(view: VeerkrachtView): string {
  const search = new URLSearchParams();
  if (view.from !== null) search.set('van', String(view.from));
  if (view.to !== null) search.set('tot', String(view.to));
  if (view.level !== 'buurt') search.set('niveau', view.level);
  if (view.variant !== 'absolute') search.set('variant', 'relatief');
  const query = search.toString();
  return `/veerkracht${query ? `?${query}` : ''}`;
}

/** The inputs an area lacks beyond those every area lacks (which the page names once). */
export function ownGaps(
  missing: readonly MissingInput[],
  everywhere: readonly MissingInput[],
): MissingInput[] {
  const common = new Set(everywhere.map((m) => `${m.key}@${m.year}`));
  return missing.filter((m) => !common.has(`${m.key}@${m.year}`));
}

/**
 * Inputs with their years, in words, each indicator once: "Huishoudens met een laag inkomen
 * (2020, 2024), …".
 * @example missingList([{ key: 'x', year: 2020 }, { key: 'x', year: 2024 }], new Map(), 'nl') // 'x (2020, 2024)'
 */
export function missingList(
  missing: readonly MissingInput[],
  catalogue: ReadonlyMap<string, Pick<Indicator, 'nameNl' | 'nameEn'>>,
  locale: Locale,
): string {
  const years = new Map<string, number[]>();
  for (const m of missing) years.set(m.key, [...(years.get(m.key) ?? []), m.year]);
  return [...years]
    .map(([key, list]) => {
      const entry = catalogue.get(key);
      return `${entry ? indicatorName(entry, locale) : key} (${list.join(', ')})`;
    })
    .join('; ');
}
