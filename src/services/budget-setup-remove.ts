import type { Kysely, Transaction } from 'kysely';
import type { DataView } from '../domain/access/policy.js';
import { AppError } from '../domain/shared/app-error.js';
import { upsertRegion } from '../db/queries/budget-queries.js';
import {
  deleteLineRow,
  deleteRegionRow,
  findAdoptedYearsUsing,
  findLineByKey,
  findRegionByKey,
  findSpendingInBuurten,
  findSpendingOnLine,
  findSpendingOnRegion,
  type SpendingUse,
} from '../db/queries/budget-setup-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import { requireWholeAreaForSetup } from './budget-setup.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';
import { takeWriteLock } from './write-lock.js';

/**
 * Removing a budget region or a line without an area. The annual report of a year is built from
 * the regions and lines as they are now: a key that spending was booked on, or that an adopted
 * begroting divided money over, has to stay, or that year's report would lose a row or money.
 */

export interface RegionRemoved {
  removed: string;
  /** The region's buurten went here; null: they are in no region now. */
  buurtenMovedTo: string | null;
  buurten: string[];
}

const lines = (n: number) => `${n} spending line${n === 1 ? ' is' : 's are'}`;
const years = (list: readonly number[]) => list.join(', ');

function refusal(
  what: string,
  reasons: string[],
  details: Record<string, unknown>,
): AppError | null {
  if (reasons.length === 0) return null;
  return new AppError(
    'conflict',
    `${what} cannot be removed: ${reasons.join('; ')}. The annual report of those years must stay whole`,
    details,
  );
}

const spendingReason = (use: SpendingUse) =>
  use.lines > 0 ? [`${lines(use.lines)} booked on it (${years(use.years)})`] : [];
const adoptedReason = (adopted: readonly number[], does: string) =>
  adopted.length > 0 ? [`the adopted begroting of ${years(adopted)} ${does}`] : [];

/**
 * Removes a region, unless spending is booked on it or an adopted begroting used it (409 with
 * how many lines, which years). Its buurten go to `moveBuurtenTo` when given; without it, and
 * with spending on those buurten or their complexes, the removal is refused too: that spending
 * is counted under the buurt's region and would count in none.
 */
export async function removeRegion(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  key: string,
  moveBuurtenTo: string | null = null,
): Promise<RegionRemoved> {
  requireWholeAreaForSetup(view);
  return db.transaction().execute(async (trx) => {
    // Taken before the checks: spending entered meanwhile waits, so what was checked holds.
    await takeWriteLock(trx);
    const region = await findRegionByKey(trx, key);
    if (!region) throw new AppError('not_found', `No budget region ${key}`, { key });
    const target = moveBuurtenTo === null ? null : await findRegionByKey(trx, moveBuurtenTo);
    if (moveBuurtenTo !== null && (!target || target.id === region.id))
      throw new AppError(
        'validation_failed',
        `moveBuurtenTo: ${moveBuurtenTo === key ? 'the region itself' : `no budget region ${moveBuurtenTo}`}; give another region's key`,
        { field: 'moveBuurtenTo' },
      );
    const direct = await findSpendingOnRegion(trx, region.id);
    const adopted = await findAdoptedYearsUsing(trx, 'region', key);
    const inBuurten = target
      ? { lines: 0, years: [] }
      : await findSpendingInBuurten(trx, region.buurtCodes);
    const refused = refusal(
      `region ${key} ("${region.name}")`,
      [
        ...spendingReason(direct),
        ...adoptedReason(adopted, 'divides money over it'),
        ...(inBuurten.lines > 0
          ? [
              `${lines(inBuurten.lines)} booked on its buurten and their complexes (${years(inBuurten.years)}) and would count in no region; move its buurten to another region (moveBuurtenTo)`,
            ]
          : []),
      ],
      {
        kind: 'region',
        key,
        name: region.name,
        spendingLines: direct.lines,
        spendingYears: direct.years,
        adoptedYears: adopted,
        buurtSpendingLines: inBuurten.lines,
        buurtSpendingYears: inBuurten.years,
      },
    );
    if (refused) throw refused;
    if (target)
      await upsertRegion(trx, {
        key: target.key,
        name: target.name,
        buurtCodes: [...target.buurtCodes, ...region.buurtCodes],
      });
    await withoutRaceToSpending(`region ${key}`, () => deleteRegionRow(trx, region.id));
    await audit(trx, actor, 'budget_changed', `region ${key}`, {
      change: 'region_removed',
      name: region.name,
      buurten: region.buurtCodes,
      buurtenMovedTo: target?.key ?? null,
    });
    await afterWrite(trx);
    return { removed: key, buurtenMovedTo: target?.key ?? null, buurten: region.buurtCodes };
  });
}

/** Removes a line without an area, unless spending is booked on it or a begroting used it. */
export async function removeLine(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  key: string,
): Promise<{ removed: string }> {
  requireWholeAreaForSetup(view);
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const line = await findLineByKey(trx, key);
    if (!line) throw new AppError('not_found', `No budget line ${key}`, { key });
    const spent = await findSpendingOnLine(trx, line.id);
    const adopted = await findAdoptedYearsUsing(trx, 'line', key);
    const refused = refusal(
      `line ${key} ("${line.name}")`,
      [...spendingReason(spent), ...adoptedReason(adopted, 'gives it a fixed amount')],
      {
        kind: 'line',
        key,
        name: line.name,
        spendingLines: spent.lines,
        spendingYears: spent.years,
        adoptedYears: adopted,
      },
    );
    if (refused) throw refused;
    await withoutRaceToSpending(`line ${key}`, () => deleteLineRow(trx, line.id));
    await audit(trx, actor, 'budget_changed', `line ${key}`, {
      change: 'line_removed',
      name: line.name,
    });
    await afterWrite(trx);
    return { removed: key };
  });
}

/**
 * Writers of spending take the write lock, but the foreign key is the last word: a line
 * written past it still gives the same 409, not a 500.
 */
async function withoutRaceToSpending(what: string, remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (String((error as { code?: unknown }).code) === '23503')
      throw new AppError('conflict', `${what} cannot be removed: spending was just booked on it`);
    throw error;
  }
}

// The regions are the working area: the corporation's figures on the map follow them.
async function afterWrite(trx: Transaction<Database>): Promise<void> {
  await refreshOwnFigures(trx);
  await bumpDataVersion(trx);
}
