import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { shareHiddenBy, shareOwned } from '../domain/budget/own-figures.js';
import type {
  BuurtStock,
  RegionStock,
  StockCounts,
  StockOverview,
} from '../domain/budget/stock-types.js';
import { DWELLINGS_INDICATOR } from '../domain/indicators/corporation-indicators.js';
import { listRegions } from '../db/queries/budget-queries.js';
import {
  findAreaNames,
  findNewestFigures,
  listComplexes,
  type StoredComplex,
} from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { rulesInForce } from './disclosure.js';

export type { BuurtStock, RegionStock, StockCounts, StockOverview };

const counts = (complexes: readonly StoredComplex[]): StockCounts => ({
  complexes: complexes.length,
  units: complexes.reduce((s, c) => s + c.units, 0),
  daebUnits: complexes.reduce((s, c) => s + c.daebUnits, 0),
});

/** The corporation's complexes the viewer may see (in buurten in scope). */
export async function listStockComplexes(
  db: Kysely<Database>,
  view: DataView,
): Promise<StoredComplex[]> {
  const all = await listComplexes(db);
  return view.scope.all ? all : all.filter((c) => mayView(view.scope, c.buurtCode));
}

/**
 * Per buurt and budget region: complexes, units, DAEB units and the share of the buurt's
 * dwellings the corporation owns. Buurten in a region without complexes are listed with 0.
 */
export async function getStockOverview(
  db: Kysely<Database>,
  view: DataView,
  upToYear = 2100,
): Promise<StockOverview> {
  const complexes = await listStockComplexes(db, view);
  const regions = await listRegions(db);
  const regionOf = new Map<string, string>();
  for (const r of regions) for (const code of r.buurtCodes) regionOf.set(code, r.key);
  const visible = (code: string) => view.scope.all || mayView(view.scope, code);
  const codes = [
    ...new Set([...complexes.map((c) => c.buurtCode), ...[...regionOf.keys()].filter(visible)]),
  ].sort();
  const names = await findAreaNames(db, codes);
  const dwellings = await findNewestFigures(db, DWELLINGS_INDICATOR, codes, upToYear);
  const { minBase } = await rulesInForce(db);
  const buurten: BuurtStock[] = codes.map((code) => {
    const own = counts(complexes.filter((c) => c.buurtCode === code));
    const figure = dwellings.get(code);
    const hidden =
      view.restricted &&
      figure?.value != null &&
      shareHiddenBy({ value: figure.value, suppressed: figure.suppressed }, minBase) !== null;
    const n = hidden ? null : (figure?.value ?? null);
    return {
      code,
      name: names.get(code) ?? code,
      regionKey: regionOf.get(code) ?? null,
      ...own,
      dwellings: n,
      dwellingsYear: hidden ? null : (figure?.year ?? null),
      shareOwned: shareOwned(own.units, n),
      dwellingsHidden: hidden,
    };
  });
  const regionRows: RegionStock[] = regions
    .map((r) => {
      const members = buurten.filter((b) => b.regionKey === r.key);
      const withFigure = members.filter((b) => b.dwellings !== null && b.dwellings > 0);
      const dwellingSum = withFigure.reduce((s, b) => s + b.dwellings!, 0);
      const unitsWithFigure = withFigure.reduce((s, b) => s + b.units, 0);
      return {
        key: r.key,
        name: r.name,
        buurten: members.length,
        complexes: members.reduce((s, b) => s + b.complexes, 0),
        units: members.reduce((s, b) => s + b.units, 0),
        daebUnits: members.reduce((s, b) => s + b.daebUnits, 0),
        shareOwned: dwellingSum > 0 ? unitsWithFigure / dwellingSum : null,
        buurtenWithoutDwellings: members.filter((b) => b.complexes > 0 && b.dwellings === null)
          .length,
      };
    })
    .filter((r) => r.buurten > 0);
  return { buurten, regions: regionRows, total: counts(complexes) };
}
