import type { Transaction } from 'kysely';
import { deriveOwnFigures } from '../domain/budget/own-figures.js';
import {
  DWELLINGS_INDICATOR,
  OWN_FIGURES_SOURCE,
  OWN_MONEY_KEYS,
  OWN_STOCK_KEYS,
} from '../domain/indicators/corporation-indicators.js';
import { findAreaIds, findLatestBoundaryYear } from '../db/queries/area-queries.js';
import { listRegions } from '../db/queries/budget-queries.js';
import { listAreaTree } from '../db/queries/disclosure-queries.js';
import { findIndicatorIds } from '../db/queries/indicator-queries.js';
import type { ObservationInput } from '../db/queries/observation-queries.js';
import { upsertObservations } from '../db/queries/observation-queries.js';
import {
  deleteOwnFigures,
  listAdoptedBuurtAmounts,
  listSpendingYears,
  sumSpendingPerBuurt,
} from '../db/queries/own-figure-queries.js';
import {
  findLatestBuurtGeometryYear,
  findNewestFigures,
  listComplexes,
} from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { takeWriteLock } from './write-lock.js';

/**
 * Recomputes the figures derived from the corporation's own records — stock per buurt, wijk and
 * gemeente, spending and begroting per area — inside the transaction that changed those
 * records, so the map, the table and the area profile show them like any figure, and never a
 * stale one. The stock figures are stamped with the current year (`now`): the complex list has
 * no history, so each year keeps the stock as it last stood in that year. Figures go on the
 * newest boundary year with buurt boundaries. Callers bump the data version afterwards.
 * @returns the number of figures written
 */
export async function refreshOwnFigures(
  trx: Transaction<Database>,
  now: Date = new Date(),
): Promise<number> {
  // Safety net for every caller: two refreshes never delete each other's fresh figures.
  await takeWriteLock(trx);
  const stockYear = now.getFullYear();
  const ids = await findIndicatorIds(trx);
  const idsOf = (keys: readonly string[]) => keys.flatMap((k) => ids.get(k) ?? []);
  // Before the catalogue is written (a fresh database mid-migration) there is nothing to do.
  if (idsOf(OWN_STOCK_KEYS).length !== OWN_STOCK_KEYS.length) return 0;
  await deleteOwnFigures(
    trx,
    OWN_FIGURES_SOURCE,
    { indicatorIds: idsOf(OWN_STOCK_KEYS), year: stockYear },
    idsOf(OWN_MONEY_KEYS),
  );

  const complexes = await listComplexes(trx);
  const regions = await listRegions(trx);
  const workingArea = new Set([
    ...complexes.map((c) => c.buurtCode),
    ...regions.flatMap((r) => r.buurtCodes),
  ]);
  // The year complexes are placed in (stock-edit, the import): the newest with boundaries.
  const boundaryYear =
    (await findLatestBuurtGeometryYear(trx)) ?? (await findLatestBoundaryYear(trx, 'buurt'));
  if (workingArea.size === 0 || boundaryYear === null) return 0;

  const tree = await listAreaTree(trx, boundaryYear);
  const parents = new Map(tree.map((a) => [a.code, a.parentCode]));
  // Only the working area and the wijken and gemeenten above it need a dwelling count.
  const codes = new Set<string>();
  for (const buurt of workingArea)
    for (
      let code: string | null | undefined = buurt;
      code && !codes.has(code);
      code = parents.get(code)
    )
      codes.add(code);
  const newest = await findNewestFigures(trx, DWELLINGS_INDICATOR, [...codes], stockYear);
  const dwellings = new Map<string, number>();
  for (const [code, figure] of newest) if (figure.value !== null) dwellings.set(code, figure.value);

  const figures = deriveOwnFigures({
    stockYear,
    parents,
    workingArea,
    complexes,
    dwellings,
    spendingYears: await listSpendingYears(trx),
    spending: await sumSpendingPerBuurt(trx),
    begroting: await listAdoptedBuurtAmounts(trx),
  });
  const areaIds = await findAreaIds(trx, boundaryYear, [...new Set(figures.map((f) => f.code))]);
  const rows: ObservationInput[] = figures.flatMap((f) => {
    const areaId = areaIds.get(f.code);
    const indicatorId = ids.get(f.key);
    if (areaId === undefined || indicatorId === undefined) return [];
    return [
      {
        areaId,
        indicatorId,
        year: f.year,
        value: f.value,
        status: f.status,
        source: OWN_FIGURES_SOURCE,
        sourceRelease: null,
        importRunId: null,
      },
    ];
  });
  return upsertObservations(trx, rows);
}
