import type { Kysely } from 'kysely';
import { areaAccess } from '../domain/access/policy.js';
import { AppError } from '../domain/shared/app-error.js';
import { findLatestBoundaryYear } from '../db/queries/area-queries.js';
import {
  findNewestYearAtMost,
  listCorporationWorkingArea,
  listIndicatorValues,
  listLevelAreas,
} from '../db/queries/ranking-input-queries.js';
import type { Database } from '../db/tables.js';

export type UniverseWithin = 'country' | 'working-area' | string[];

export interface ResolvedUniverse {
  level: 'buurt' | 'wijk' | 'gemeente';
  boundaryYear: number;
  within: UniverseWithin;
  /** The gemeente and wijk codes the universe lies in; empty for the country. */
  codes: string[];
  areas: Array<{ code: string; name: string; gemeenteCode: string | null }>;
}

/**
 * The areas a ranking is made within: every area of the level in the newest boundary year that
 * holds it, inside the country, the corporation's working area, or the given gemeenten/wijken.
 */
export async function resolveUniverse(
  db: Kysely<Database>,
  universe: { level: 'buurt' | 'wijk' | 'gemeente'; within: UniverseWithin },
  boundaryYear?: number,
): Promise<ResolvedUniverse> {
  const year = boundaryYear ?? (await findLatestBoundaryYear(db, universe.level));
  if (year === null)
    throw new AppError('not_found', `No areas of level ${universe.level} are loaded`, {
      level: universe.level,
    });
  const codes =
    universe.within === 'country'
      ? []
      : universe.within === 'working-area'
        ? await listCorporationWorkingArea(db)
        : universe.within;
  if (universe.within === 'working-area' && codes.length === 0)
    throw new AppError(
      'validation_failed',
      'universe.within: the corporation has no working area; name gemeenten or use "country"',
      { field: 'universe.within' },
    );
  const all = await listLevelAreas(db, year, universe.level);
  const scope = { all: codes.length === 0, codes };
  const areas = all.filter((a) => areaAccess(scope, a.code) === 'full');
  if (areas.length === 0)
    throw new AppError(
      'not_found',
      `No ${universe.level} areas of boundary year ${year} lie in ${codes.join(', ') || 'the country'}`,
      { level: universe.level, within: codes },
    );
  return { level: universe.level, boundaryYear: year, within: universe.within, codes, areas };
}

/** What a ranking was computed from: per indicator the data year used, per area the values. */
export interface RankingInputs {
  dataYear: number;
  /** Per indicator key: the year used (the newest at most the data year), or null: no figures. */
  years: Record<string, number | null>;
  areas: Array<{ code: string; values: Record<string, { value: number; year: number } | null> }>;
}

/**
 * The inputs of a ranking: for each indicator the newest year at most the data year with
 * figures at this level (one year for all areas, so they are compared on the same year), and
 * the values of the universe's areas in it. An area without a figure gets null: the method's
 * completeness rule decides what that means.
 */
export async function collectInputs(
  db: Kysely<Database>,
  indicatorKeys: readonly string[],
  universe: ResolvedUniverse,
  dataYear: number,
): Promise<RankingInputs> {
  const years: Record<string, number | null> = {};
  const values = new Map<string, Map<string, number>>();
  for (const key of indicatorKeys) {
    const year = await findNewestYearAtMost(
      db,
      key,
      dataYear,
      universe.boundaryYear,
      universe.level,
    );
    years[key] = year;
    values.set(
      key,
      year === null
        ? new Map()
        : await listIndicatorValues(db, key, year, universe.boundaryYear, universe.level),
    );
  }
  return {
    dataYear,
    years,
    areas: universe.areas.map((a) => ({
      code: a.code,
      values: Object.fromEntries(
        indicatorKeys.map((key) => {
          const value = values.get(key)!.get(a.code);
          const year = years[key] ?? null;
          return [key, value === undefined || year === null ? null : { value, year }];
        }),
      ),
    })),
  };
}

/**
 * Inputs as stored with a ranking: columnar JSON (codes once, one value array per indicator),
 * a third of the size of one object per area. Numbers survive JSON exactly (shortest
 * round-trip form), so a recomputation reads what was ranked.
 */
export function encodeInputs(inputs: RankingInputs): string {
  const keys = Object.keys(inputs.years);
  return JSON.stringify({
    dataYear: inputs.dataYear,
    years: inputs.years,
    codes: inputs.areas.map((a) => a.code),
    values: Object.fromEntries(
      keys.map((k) => [k, inputs.areas.map((a) => a.values[k]?.value ?? null)]),
    ),
  });
}

export function decodeInputs(text: string): RankingInputs {
  const stored = JSON.parse(text) as {
    dataYear: number;
    years: Record<string, number | null>;
    codes: string[];
    values: Record<string, Array<number | null>>;
  };
  const keys = Object.keys(stored.years);
  return {
    dataYear: stored.dataYear,
    years: stored.years,
    areas: stored.codes.map((code, i) => ({
      code,
      values: Object.fromEntries(
        keys.map((k) => {
          const value = stored.values[k]?.[i] ?? null;
          const year = stored.years[k] ?? null;
          return [k, value === null || year === null ? null : { value, year }];
        }),
      ),
    })),
  };
}
