import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { detailForZoom } from '../domain/geometry/detail-levels.js';
import type { Indicator } from '../domain/indicators/indicator.js';
import { AppError } from '../domain/shared/app-error.js';
import { LEVEL_DEPTH, type AreaLevel } from '../domain/shared/area-code.js';
import type { Area } from '../domain/areas/area.js';
import { findArea, findLatestBoundaryYear } from '../db/queries/area-queries.js';
import { findIndicator } from '../db/queries/indicator-queries.js';
import type { MapScope } from '../db/queries/map-queries.js';
import { listYearsOfIndicator } from '../db/queries/observation-queries.js';
import type { Database } from '../db/tables.js';

export interface MapLayerRequest {
  level: AreaLevel;
  /** Code of an area above `level`; omitted (or the land) for the whole country. */
  parent?: string;
  indicator: string;
  year?: number;
  zoom?: number;
  boundaryYear?: number;
}

export interface ResolvedMapScope {
  indicator: Indicator & { id: number };
  classIndicator: (Indicator & { id: number }) | null;
  parent: (Area & { id: number }) | null;
  scope: MapScope;
  years: number[];
  year: number | null;
  detail: 0 | 1 | 2;
}

/**
 * Check a map request against the data and fill in its defaults: the newest boundary year,
 * the newest year with figures, the detail level for the zoom. Errors name what was wrong and
 * what is available instead.
 */
export async function resolveMapScope(
  db: Kysely<Database>,
  request: MapLayerRequest,
  view: DataView,
): Promise<ResolvedMapScope> {
  const indicator = await findIndicator(db, request.indicator);
  if (!indicator) {
    throw new AppError('indicator_not_found', `No indicator with key ${request.indicator}`, {
      indicator: request.indicator,
    });
  }
  const parent = request.parent ? await findArea(db, request.parent, request.boundaryYear) : null;
  if (request.parent && !parent) {
    throw new AppError('area_not_found', `No area with code ${request.parent}`, {
      code: request.parent,
    });
  }
  if (parent && !mayView(view.scope, parent.code)) {
    throw new AppError('forbidden', `Area ${parent.code} is outside your scope`, {
      code: parent.code,
    });
  }
  if (parent && LEVEL_DEPTH[parent.level] >= LEVEL_DEPTH[request.level]) {
    throw new AppError(
      'bad_request',
      `A ${parent.level} (${parent.code}) holds no ${request.level} areas; choose a lower level`,
      {
        parent: parent.code,
        level: request.level,
      },
    );
  }
  const boundaryYear =
    request.boundaryYear ??
    parent?.boundaryYear ??
    (await findLatestBoundaryYear(db, request.level));
  if (boundaryYear === null) {
    throw new AppError('not_found', `No areas of level ${request.level} are loaded`, {
      level: request.level,
    });
  }
  // Within the land means the whole country: no parent filter.
  const parentCode = parent && parent.level !== 'land' ? parent.code : null;
  const scope: MapScope = { boundaryYear, level: request.level, parentCode };
  const classIndicator = indicator.classIndicatorKey
    ? await findIndicator(db, indicator.classIndicatorKey)
    : null;
  const yearScope = { boundaryYear, level: request.level, ...(parentCode ? { parentCode } : {}) };
  // A year counts when the figure or its published class is there (the Leefbaarometer WFS
  // publishes the class of the total score without the score itself).
  const years = [
    ...new Set([
      ...(await listYearsOfIndicator(db, indicator.id, yearScope)),
      ...(classIndicator ? await listYearsOfIndicator(db, classIndicator.id, yearScope) : []),
    ]),
  ].sort((a, b) => a - b);
  if (request.year !== undefined && !years.includes(request.year)) {
    throw new AppError(
      'year_not_available',
      years.length > 0
        ? `No ${indicator.key} figures for ${request.year} here; available years: ${years.join(', ')}`
        : `No ${indicator.key} figures for these areas in any year`,
      { year: request.year, years },
    );
  }
  return {
    indicator,
    classIndicator,
    parent,
    scope,
    years,
    year: request.year ?? years[years.length - 1] ?? null,
    // Nationally at most the middle detail: street-level shapes of all 12,147 buurten (15 MB)
    // cost more than the view can show; within a gemeente, any detail.
    detail: Math.min(
      request.zoom !== undefined ? detailForZoom(request.zoom) : parentCode ? 2 : 0,
      parentCode ? 2 : 1,
    ) as 0 | 1 | 2,
  };
}
