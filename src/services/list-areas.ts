import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import type { Area } from '../domain/areas/area.js';
import { AppError } from '../domain/shared/app-error.js';
import type { AreaLevel } from '../domain/shared/area-code.js';
import { findArea, findLatestBoundaryYear, listAreas } from '../db/queries/area-queries.js';
import type { Database } from '../db/tables.js';

export interface AreaListRequest {
  level?: AreaLevel;
  parent?: string;
  boundaryYear?: number;
}

/**
 * Areas by level and parent in one boundary year (the newest holding that level by default),
 * as far as the viewer's scope reaches. An unknown parent is an error, not an empty list: a
 * typo should not look like "no areas".
 */
export async function listAreasFor(
  db: Kysely<Database>,
  request: AreaListRequest,
  view: DataView,
): Promise<{ boundaryYear: number | null; areas: Area[] }> {
  const boundaryYear = request.boundaryYear ?? (await findLatestBoundaryYear(db, request.level));
  if (
    request.parent &&
    (boundaryYear === null || !(await findArea(db, request.parent, boundaryYear)))
  ) {
    throw new AppError(
      'area_not_found',
      `No area with code ${request.parent}${boundaryYear === null ? '' : ` in boundary year ${boundaryYear}`}`,
      { code: request.parent },
    );
  }
  if (request.parent && !mayView(view.scope, request.parent))
    throw new AppError('forbidden', `Area ${request.parent} is outside your scope`, {
      code: request.parent,
    });
  if (boundaryYear === null) return { boundaryYear, areas: [] };
  const areas = await listAreas(db, {
    boundaryYear,
    ...(request.level ? { level: request.level } : {}),
    ...(request.parent ? { parentCode: request.parent } : {}),
  });
  return {
    boundaryYear,
    areas: view.scope.all ? areas : areas.filter((a) => mayView(view.scope, a.code)),
  };
}
