import type { Kysely } from 'kysely';
import type { Area, AreaRef } from '../domain/areas/area.js';
import type { Series } from '../domain/indicators/observation.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findAncestors,
  findArea,
  listBoundaryYearsOfCode,
  listChildren,
} from '../db/queries/area-queries.js';
import { listSeriesOfAreas } from '../db/queries/observation-queries.js';
import type { Database } from '../db/tables.js';

export interface AreaProfile {
  area: Area;
  /** From the land down to the direct parent. */
  ancestors: AreaRef[];
  children: AreaRef[];
  /** Every indicator series of the area, years ascending. */
  series: Series[];
  /** The same series for the gemeente and the land the area lies in, where those exist. */
  references: Array<{ area: AreaRef; series: Series[] }>;
  /** Boundary years in which this code exists, newest first. */
  boundaryYears: number[];
}

/** Everything the area page shows, in one read. */
export async function getAreaProfile(
  db: Kysely<Database>,
  code: string,
  boundaryYear?: number,
): Promise<AreaProfile> {
  const area = await findArea(db, code, boundaryYear);
  if (!area) {
    const years = await listBoundaryYearsOfCode(db, code);
    throw new AppError(
      'area_not_found',
      years.length > 0 && boundaryYear !== undefined
        ? `Area ${code} does not exist in boundary year ${boundaryYear}; it exists in ${years.join(', ')}`
        : `No area with code ${code}`,
      { code, boundaryYears: years },
    );
  }
  const [ancestors, children, boundaryYears] = await Promise.all([
    findAncestors(db, area),
    listChildren(db, area),
    listBoundaryYearsOfCode(db, code),
  ]);
  const referenceRefs = ancestors
    .filter((a) => a.level === 'gemeente' || a.level === 'land')
    .reverse();
  const referenceAreas = await Promise.all(
    referenceRefs.map((r) => findArea(db, r.code, area.boundaryYear)),
  );
  const ids = [area.id, ...referenceAreas.flatMap((r) => (r ? [r.id] : []))];
  const seriesById = await listSeriesOfAreas(db, ids);
  const { id, ...publicArea } = area;
  return {
    area: publicArea,
    ancestors,
    children,
    series: seriesById.get(id) ?? [],
    references: referenceAreas.flatMap((r, i) =>
      r ? [{ area: referenceRefs[i]!, series: seriesById.get(r.id) ?? [] }] : [],
    ),
    boundaryYears,
  };
}
