import type { Kysely } from 'kysely';
import { areaAccess, mayView, type DataView } from '../domain/access/policy.js';
import type { Area, AreaRef } from '../domain/areas/area.js';
import type { Series } from '../domain/indicators/observation.js';
import { disclose } from '../domain/privacy/disclose.js';
import type { DisclosureRules } from '../domain/privacy/disclosure-rules.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findAncestors,
  findArea,
  listBoundaryYearsOfCode,
  listChildren,
} from '../db/queries/area-queries.js';
import { listIndicators } from '../db/queries/indicator-queries.js';
import { listSeriesOfAreas } from '../db/queries/observation-queries.js';
import type { Database } from '../db/tables.js';

export interface AreaProfile {
  area: Area;
  /** `full` inside the viewer's scope; `aggregate` for a gemeente or land around it. */
  access: 'full' | 'aggregate';
  /** From the land down to the direct parent. */
  ancestors: AreaRef[];
  /** The children the viewer may see. */
  children: AreaRef[];
  /** Every indicator series of the area, years ascending, as this viewer may see them. */
  series: Series[];
  /** The same series for the gemeente and the land the area lies in, where those exist. */
  references: Array<{ area: AreaRef; series: Series[] }>;
  /** Boundary years in which this code exists, newest first. */
  boundaryYears: number[];
  /** Keys of sensitive indicators among the series (their view is audited). */
  sensitiveIndicators: string[];
}

/** Everything the area page shows, in one read, for one viewer. */
export async function getAreaProfile(
  db: Kysely<Database>,
  code: string,
  boundaryYear: number | undefined,
  view: DataView,
  rules: DisclosureRules,
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
  const access = areaAccess(view.scope, area.code);
  if (access === 'none')
    throw new AppError('forbidden', `Area ${code} is outside your scope`, { code });
  const [ancestors, children, boundaryYears, indicators] = await Promise.all([
    findAncestors(db, area),
    listChildren(db, area),
    listBoundaryYearsOfCode(db, code),
    listIndicators(db),
  ]);
  const referenceRefs = ancestors
    .filter((a) => a.level === 'gemeente' || a.level === 'land')
    .reverse();
  const referenceAreas = await Promise.all(
    referenceRefs.map((r) => findArea(db, r.code, area.boundaryYear)),
  );
  const ids = [area.id, ...referenceAreas.flatMap((r) => (r ? [r.id] : []))];
  const seriesById = await listSeriesOfAreas(db, ids);
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const shown = (list: Series[] | undefined): Series[] =>
    (list ?? []).map((s) => {
      const indicator = byKey.get(s.indicatorKey);
      const kind = indicator?.kind ?? 'score';
      const controlled = indicator?.disclosureControl !== false;
      return {
        ...s,
        points: s.points.map((p) =>
          disclose(p, p.suppression, kind, view.restricted, rules, controlled),
        ),
      };
    });
  const series = shown(seriesById.get(area.id));
  const references = referenceAreas.flatMap((r, i) =>
    r ? [{ area: referenceRefs[i]!, series: shown(seriesById.get(r.id)) }] : [],
  );
  const referenceSeries = references.map((r) => r.series);
  const { id, ...publicArea } = area;
  return {
    area: publicArea,
    access,
    ancestors,
    children: children.filter((c) => mayView(view.scope, c.code)),
    series,
    references,
    boundaryYears,
    sensitiveIndicators: [
      ...new Set(
        [series, ...referenceSeries]
          .flat()
          .filter((s) => byKey.get(s.indicatorKey)?.sensitive)
          .map((s) => s.indicatorKey),
      ),
    ],
  };
}
