import type { StockBuurt, StockComplex } from './hooks/stock-types.js';

/** A complex as the table shows it: with its buurt's name and region. */
export interface ComplexRowView extends StockComplex {
  buurtName: string;
  regionKey: string | null;
}

export type ComplexSortKey =
  'corporationId' | 'name' | 'address' | 'buurt' | 'units' | 'daebUnits' | 'yearBuilt' | 'placedBy';

export interface ComplexSort {
  key: ComplexSortKey;
  ascending: boolean;
}

/** Region filter: '' every complex, NO_REGION those in buurten outside every region. */
export const NO_REGION = '-';

export interface ComplexFilter {
  text: string;
  region: string;
  buurt: string;
}

/** The house number as a person writes it: 12, 12A, 12-2 (digits after digits need the dash). */
export function houseNumberText(c: Pick<StockComplex, 'houseNumber' | 'houseNumberAddition'>) {
  if (c.houseNumber === null) return '';
  const addition = c.houseNumberAddition ?? '';
  return /^\d/.test(addition) ? `${c.houseNumber}-${addition}` : `${c.houseNumber}${addition}`;
}

/**
 * The address column: the address text, else postcode and house number.
 * @example addressText({ address: null, postcode: '2011 AB', houseNumber: 12, houseNumberAddition: 'A' }) // '2011 AB 12A'
 */
export function addressText(
  c: Pick<StockComplex, 'address' | 'postcode' | 'houseNumber' | 'houseNumberAddition'>,
): string {
  if (c.address) return c.postcode ? `${c.address}, ${c.postcode}` : c.address;
  return [c.postcode ?? '', houseNumberText(c)].filter(Boolean).join(' ');
}

/** Joins complexes with their buurt (name, region) from the stock overview. */
export function complexRows(
  complexes: readonly StockComplex[],
  buurten: readonly StockBuurt[],
): ComplexRowView[] {
  const byCode = new Map(buurten.map((b) => [b.code, b]));
  return complexes.map((c) => ({
    ...c,
    buurtName: byCode.get(c.buurtCode)?.name ?? c.buurtCode,
    regionKey: byCode.get(c.buurtCode)?.regionKey ?? null,
  }));
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/**
 * The complexes matching the search text (in id, name, address, postcode or buurt; accents,
 * case and spaces ignored, so "2011ab" finds "2011 AB") and the region and buurt filters.
 */
export function filterComplexes(
  rows: readonly ComplexRowView[],
  filter: ComplexFilter,
): ComplexRowView[] {
  const needle = fold(filter.text);
  return rows.filter((r) => {
    if (
      filter.region === NO_REGION
        ? r.regionKey !== null
        : filter.region && r.regionKey !== filter.region
    )
      return false;
    if (filter.buurt && r.buurtCode !== filter.buurt) return false;
    if (!needle) return true;
    const haystack = [r.corporationId, r.name, addressText(r), r.buurtName, r.buurtCode];
    return haystack.some((h) => h !== null && fold(h).includes(needle));
  });
}

const valueOf = (r: ComplexRowView, key: ComplexSortKey): string | number | null => {
  switch (key) {
    case 'address':
      return addressText(r) || null;
    case 'buurt':
      return r.buurtName;
    default:
      return r[key];
  }
};

/** Sorted by a column; empty values last in both directions, then by complex number. */
export function sortComplexes(
  rows: readonly ComplexRowView[],
  sort: ComplexSort,
): ComplexRowView[] {
  const byId = (a: ComplexRowView, b: ComplexRowView) =>
    a.corporationId.localeCompare(b.corporationId, 'nl', { numeric: true });
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    const result =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'nl', { numeric: true });
    return (sort.ascending ? result : -result) || byId(a, b);
  });
}

/**
 * The share of the dwellings over buurten (Σ units ÷ Σ dwellings of those with a figure), as
 * the server computes it per region; null when no buurt has a figure — never 0.
 */
export function shareOver(buurten: readonly StockBuurt[]): number | null {
  const withFigure = buurten.filter((b) => b.dwellings !== null && b.dwellings > 0);
  const dwellings = withFigure.reduce((s, b) => s + b.dwellings!, 0);
  return dwellings > 0 ? withFigure.reduce((s, b) => s + b.units, 0) / dwellings : null;
}
