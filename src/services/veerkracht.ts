import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import {
  computeVeerkracht,
  type VeerkrachtAreaInput,
} from '../domain/veerkracht/compute-veerkracht.js';
import {
  DEFAULT_VEERKRACHT_CONFIG,
  parseVeerkrachtConfig,
  type VeerkrachtConfig,
} from '../domain/veerkracht/config.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findBoundaryYearWithFigures,
  listIndicatorValues,
  listValuesOfCodes,
} from '../db/queries/ranking-input-queries.js';
import type { Database } from '../db/tables.js';
import { resolveUniverse, type UniverseWithin } from './ranking-inputs.js';
import { methodCatalogue } from './ranking-methods.js';

export interface VeerkrachtRequest {
  from: number;
  to: number;
  level: 'buurt' | 'wijk';
  within: UniverseWithin;
  config?: VeerkrachtConfig;
  /**
   * An indicator of the catalogue to use as the nuisance axis instead of lbm_onv, e.g. the
   * corporation's own overlast figures; its direction comes from the catalogue.
   */
  nuisance?: string;
}

/**
 * The veerkracht signal between two years for the areas of a level: the figures of exactly
 * those two years (no nearer year stands in for a missing one: a gap is reported, not filled),
 * the country's for the absolute variant. Only areas the viewer may see are returned; the
 * computation runs over the whole universe, so a viewer's scope does not change the signal.
 */
export async function veerkrachtFor(
  db: Kysely<Database>,
  request: VeerkrachtRequest,
  view: DataView,
) {
  if (request.to <= request.from)
    throw new AppError('validation_failed', 'to: must be a later year than from', { field: 'to' });
  const config = request.nuisance
    ? await withNuisance(db, request.config ?? DEFAULT_VEERKRACHT_CONFIG, request.nuisance)
    : (request.config ?? DEFAULT_VEERKRACHT_CONFIG);
  const keys = [...config.vulnerability, config.nuisance.key];
  // The boundaries the figures of the later year were published on (the newest such vintage).
  const boundaryYear =
    (await findBoundaryYearWithFigures(db, keys, request.level, request.to)) ?? undefined;
  const universe = await resolveUniverse(
    db,
    { level: request.level, within: request.within },
    boundaryYear,
  );
  const values = new Map<string, { from: Map<string, number>; to: Map<string, number> }>();
  const country: Record<string, { from: number | null; to: number | null }> = {};
  for (const key of keys) {
    const at = (year: number) =>
      listIndicatorValues(db, key, year, universe.boundaryYear, universe.level);
    values.set(key, { from: await at(request.from), to: await at(request.to) });
    const nl = async (year: number) =>
      (await listValuesOfCodes(db, key, year, universe.boundaryYear, ['NL00'])).get('NL00') ?? null;
    country[key] = { from: await nl(request.from), to: await nl(request.to) };
  }
  const areas: VeerkrachtAreaInput[] = universe.areas.map((a) => ({
    code: a.code,
    gemeenteCode: a.gemeenteCode,
    values: Object.fromEntries(
      keys.map((k) => [
        k,
        {
          from: values.get(k)!.from.get(a.code) ?? null,
          to: values.get(k)!.to.get(a.code) ?? null,
        },
      ]),
    ),
  }));
  const result = computeVeerkracht(
    config,
    areas,
    { from: request.from, to: request.to },
    { values: country },
  );
  const names = new Map(universe.areas.map((a) => [a.code, a]));
  return {
    ...result,
    config,
    level: universe.level,
    boundaryYear: universe.boundaryYear,
    years: { from: request.from, to: request.to },
    areas: result.areas
      .filter((a) => view.scope.all || mayView(view.scope, a.code))
      .map((a) => ({
        ...a,
        name: names.get(a.code)?.name ?? a.code,
        gemeenteCode: names.get(a.code)?.gemeenteCode ?? null,
      })),
  };
}

async function withNuisance(
  db: Kysely<Database>,
  config: VeerkrachtConfig,
  key: string,
): Promise<VeerkrachtConfig> {
  const entry = (await methodCatalogue(db)).get(key);
  if (!entry)
    throw new AppError('indicator_not_found', `nuisance: unknown indicator '${key}'`, {
      field: 'nuisance',
    });
  if (entry.direction !== 'higher_is_better' && entry.direction !== 'higher_is_worse')
    throw new AppError(
      'validation_failed',
      `nuisance: '${key}' has no direction in the catalogue (${entry.direction}); give it one first`,
      { field: 'nuisance' },
    );
  return parseVeerkrachtConfig({ ...config, nuisance: { key, direction: entry.direction } });
}
