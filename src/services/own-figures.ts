import type { Transaction } from 'kysely';
import {
  deriveOwnFigures,
  planOwnFigureWrites,
  type DwellingCount,
  type OwnFigure,
} from '../domain/budget/own-figures.js';
import {
  DWELLINGS_INDICATOR,
  OWN_FIGURES_SOURCE,
  OWN_MONEY_KEYS,
  OWN_STOCK_KEYS,
} from '../domain/indicators/corporation-indicators.js';
import { findAreaIds, findLatestBoundaryYear } from '../db/queries/area-queries.js';
import { listRegions } from '../db/queries/budget-queries.js';
import { listAreaTree, replaceSuppressions } from '../db/queries/disclosure-queries.js';
import { findIndicatorIds } from '../db/queries/indicator-queries.js';
import type { ObservationInput } from '../db/queries/observation-queries.js';
import { upsertObservations } from '../db/queries/observation-queries.js';
import {
  deleteObservationsById,
  findObservationIds,
  listAdoptedBuurtAmounts,
  listOwnFigures,
  listSpendingYears,
  sumSpendingPerBuurt,
} from '../db/queries/own-figure-queries.js';
import {
  findLatestBuurtGeometryYear,
  findNewestFigures,
  listComplexes,
} from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { rulesInForce } from './disclosure.js';
import { takeWriteLock } from './write-lock.js';

/**
 * Recomputes the figures derived from the corporation's own records — stock per buurt, wijk and
 * gemeente, spending and begroting per area — inside the transaction that changed those
 * records, so the map, the table and the area profile show them like any figure, and never a
 * stale one. The stock figures are stamped with the current year (`now`): the complex list has
 * no history, so each year keeps the stock as it last stood in that year. Figures go on the
 * newest boundary year with buurt boundaries. Callers bump the data version afterwards.
 * Only what changed is written (planOwnFigureWrites): an edit of one complex touches a few
 * dozen figures, not the tens of thousands of a large corporation.
 * @returns the number of figures written or removed
 */
export async function refreshOwnFigures(
  trx: Transaction<Database>,
  now: Date = new Date(),
): Promise<number> {
  // Safety net for every caller: two refreshes never see each other half-done.
  await takeWriteLock(trx);
  const stockYear = now.getFullYear();
  const ids = await findIndicatorIds(trx);
  const idsOf = (keys: readonly string[]) => keys.flatMap((k) => ids.get(k) ?? []);
  // Before the catalogue is written (a fresh database mid-migration) there is nothing to do.
  if (idsOf(OWN_STOCK_KEYS).length !== OWN_STOCK_KEYS.length) return 0;
  const stored = await listOwnFigures(
    trx,
    OWN_FIGURES_SOURCE,
    { indicatorIds: idsOf(OWN_STOCK_KEYS), year: stockYear },
    idsOf(OWN_MONEY_KEYS),
  );
  const { figures, boundaryYear } = await deriveFromRecords(trx, stockYear);
  const areaIds =
    boundaryYear === null
      ? new Map<string, number>()
      : await findAreaIds(trx, boundaryYear, [...new Set(figures.map((f) => f.code))]);
  const wanted = figures.flatMap((f) => {
    const areaId = areaIds.get(f.code);
    const indicatorId = ids.get(f.key);
    if (areaId === undefined || indicatorId === undefined) return [];
    return [{ areaId, indicatorId, year: f.year, value: f.value, status: f.status as string }];
  });
  const { write, remove } = planOwnFigureWrites(stored, wanted);
  await deleteObservationsById(trx, remove);
  const rows: ObservationInput[] = write.map((f) => ({
    ...f,
    status: f.status as ObservationInput['status'],
    source: OWN_FIGURES_SOURCE,
    sourceRelease: null,
    importRunId: null,
  }));
  await upsertObservations(trx, rows);
  await hideShares(trx, ids.get('corp_aandeel')!, stockYear, figures, areaIds);
  return write.length + remove.length;
}

/** The figures the corporation's records give now, on the boundary year complexes are placed in. */
async function deriveFromRecords(trx: Transaction<Database>, stockYear: number) {
  const complexes = await listComplexes(trx);
  const regions = await listRegions(trx);
  const workingArea = new Set([
    ...complexes.map((c) => c.buurtCode),
    ...regions.flatMap((r) => r.buurtCodes),
  ]);
  // The year complexes are placed in (stock-edit, the import): the newest with boundaries.
  const boundaryYear =
    (await findLatestBuurtGeometryYear(trx)) ?? (await findLatestBoundaryYear(trx, 'buurt'));
  if (workingArea.size === 0 || boundaryYear === null) return { figures: [], boundaryYear };

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
  const dwellings = new Map<string, DwellingCount>();
  for (const [code, f] of newest)
    if (f.value !== null) dwellings.set(code, { value: f.value, suppressed: f.suppressed });

  const figures = deriveOwnFigures({
    stockYear,
    parents,
    workingArea,
    complexes,
    dwellings,
    minBase: (await rulesInForce(trx)).minBase,
    spendingYears: await listSpendingYears(trx),
    spending: await sumSpendingPerBuurt(trx),
    begroting: await listAdoptedBuurtAmounts(trx),
  });
  return { figures, boundaryYear };
}

/**
 * The share owned is kept from restricted viewers where it would reveal a CBS dwelling count
 * disclosure control hides (see shareHiddenBy); the other own figures are never hidden.
 */
async function hideShares(
  trx: Transaction<Database>,
  indicatorId: number,
  year: number,
  figures: readonly OwnFigure[],
  areaIds: ReadonlyMap<string, number>,
): Promise<void> {
  const observationOf = await findObservationIds(trx, OWN_FIGURES_SOURCE, indicatorId, year);
  const hidden = figures.flatMap((f) => {
    const observationId = observationOf.get(areaIds.get(f.code) ?? -1);
    return f.key === 'corp_aandeel' && f.hidden && observationId !== undefined
      ? [{ observationId, reason: f.hidden }]
      : [];
  });
  await replaceSuppressions(trx, indicatorId, year, hidden);
}
