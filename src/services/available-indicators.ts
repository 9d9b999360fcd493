import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { AppError } from '../domain/shared/app-error.js';
import type { AreaLevel } from '../domain/shared/area-code.js';
import { findArea, findLatestBoundaryYear } from '../db/queries/area-queries.js';
import { findIndicatorYearsInScope } from '../db/queries/map-queries.js';
import type { Database } from '../db/tables.js';
import { readDataVersion } from './data-version.js';

const cache = new WeakMap<object, Map<string, { version: number; result: AvailableIndicators }>>();

export interface AvailableIndicators {
  boundaryYear: number | null;
  indicators: Array<{ key: string; years: number[] }>;
}

/**
 * Which indicators have figures for the areas of a level (within a parent), and in which
 * years: the map offers these, so a user never picks an empty map. Cached per data version.
 */
export async function listAvailableIndicators(
  db: Kysely<Database>,
  request: { level: AreaLevel; parent?: string },
  view: DataView,
): Promise<AvailableIndicators> {
  const version = await readDataVersion(db);
  const parent = request.parent ? await findArea(db, request.parent) : null;
  if (parent && !mayView(view.scope, parent.code))
    throw new AppError('forbidden', `Area ${parent.code} is outside your scope`, {
      code: parent.code,
    });
  const boundaryYear = parent?.boundaryYear ?? (await findLatestBoundaryYear(db, request.level));
  if (boundaryYear === null) return { boundaryYear, indicators: [] };
  const key = JSON.stringify([boundaryYear, request.level, parent?.code ?? null]);
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.result;
  const years = await findIndicatorYearsInScope(db, {
    boundaryYear,
    level: request.level,
    parentCode: parent && parent.level !== 'land' ? parent.code : null,
  });
  const result = { boundaryYear, indicators: [...years].map(([k, y]) => ({ key: k, years: y })) };
  perDb.set(key, { version, result });
  if (perDb.size > 64) perDb.delete(perDb.keys().next().value!);
  return result;
}
