import type { Kysely, Transaction } from 'kysely';
import { FULL_VIEW, mayView, type DataView } from '../domain/access/policy.js';
import type { SpendingRow, SpendingRowOptions } from '../domain/budget/spending-row.js';
import {
  listLines,
  listRegions,
  type SpendingInput,
  type StoredLine,
  type StoredRegion,
} from '../db/queries/budget-queries.js';
import { listComplexes, type StoredComplex } from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What a spending line may be booked on, for the import and for a line entered by hand alike,
 * so both apply the same rules (validateSpendingRow with these lists) and store the target the
 * same way: the regions, the lines without an area, the complexes, and the buurten of the
 * budget regions (the working area).
 */
export interface SpendingTargets {
  regions: StoredRegion[];
  lines: StoredLine[];
  complexes: StoredComplex[];
  /** The lists validateSpendingRow checks against (all but the year). */
  options: Required<Omit<SpendingRowOptions, 'year'>>;
  /** A validated row as stored: its target by id. */
  toInput(row: SpendingRow, year: number, createdBy: string): SpendingInput;
}

/**
 * The targets a view may book on. The import sees everything (FULL_VIEW); an account limited
 * to some areas only its buurten, their complexes and the regions wholly inside its scope, and
 * no lines without an area.
 */
export async function loadSpendingTargets(
  db: Db,
  view: DataView = FULL_VIEW,
): Promise<SpendingTargets> {
  const visible = (code: string) => view.scope.all || mayView(view.scope, code);
  const allRegions = await listRegions(db);
  // Booking on a region spends on all its buurten: a limited account may only where it sees
  // every one of them (as a complex must lie in its scope before and after a change).
  const regions = view.scope.all
    ? allRegions
    : allRegions.filter((r) => r.buurtCodes.length > 0 && r.buurtCodes.every(visible));
  const lines = view.scope.all ? await listLines(db) : [];
  const complexes = (await listComplexes(db)).filter((c) => visible(c.buurtCode));
  const regionId = new Map(regions.map((r) => [r.key, r.id]));
  const lineId = new Map(lines.map((l) => [l.key, l.id]));
  const complexId = new Map(complexes.map((c) => [c.corporationId, c.id]));
  // validateSpendingRow returns keys from these same lists, so every lookup finds its id.
  const idOf = (ids: Map<string, number>, key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`spending target ${key} is not in the lists`);
    return id;
  };
  return {
    regions,
    lines,
    complexes,
    options: {
      regions,
      lines,
      complexIds: complexes.map((c) => c.corporationId),
      buurtCodes: regions.flatMap((r) => r.buurtCodes).filter(visible),
    },
    toInput: (row, year, createdBy) => {
      const t = row.target;
      return {
        date: row.date,
        year,
        regionId: t.kind === 'region' ? idOf(regionId, t.regionKey) : null,
        buurtCode: t.kind === 'buurt' ? t.buurtCode : null,
        complexId: t.kind === 'complex' ? idOf(complexId, t.complexId) : null,
        lineId: t.kind === 'line' ? idOf(lineId, t.lineKey) : null,
        category: row.category,
        amountCents: row.amountCents,
        description: row.description,
        coveredByAgreements: row.coveredByPrestatieafspraken,
        createdBy,
      };
    },
  };
}
