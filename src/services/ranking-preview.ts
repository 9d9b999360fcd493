import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { computeRanking } from '../domain/ranking/compute-ranking.js';
import { parseMethod, type MethodDefinition } from '../domain/ranking/method.js';
import { AppError } from '../domain/shared/app-error.js';
import { findMethod } from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import { collectInputs, resolveUniverse } from './ranking-inputs.js';
import { methodCatalogue } from './ranking-methods.js';

export interface PreviewRow {
  code: string;
  name: string;
  ranked: boolean;
  rank: number | null;
  class: number | null;
  /** Under the stored method version compared with, on the same data. */
  baselineRank: number | null;
  baselineClass: number | null;
  missing: string[];
}

export interface MethodPreview {
  definition: MethodDefinition;
  baseline: { key: string; version: number } | null;
  dataYear: number;
  years: Record<string, number | null>;
  ranked: number;
  notRanked: number;
  areas: PreviewRow[];
}

/**
 * How ranks would move under an edited method, before it is saved: the edited definition and
 * the newest stored version of the same key (or none, for a new method) both ranked on the same
 * data year, without Monte Carlo draws (fast enough to follow each change of a weight).
 * Validation errors of the definition come back exactly as saving would give them.
 */
export async function previewMethod(
  db: Kysely<Database>,
  view: DataView,
  json: unknown,
  dataYear: number,
  baselineRef?: { key: string; version?: number },
): Promise<MethodPreview> {
  const definition = parseMethod(json, await methodCatalogue(db));
  // Compared with the given stored version, or the newest version of the same key.
  const stored = baselineRef
    ? await findMethod(db, baselineRef.key, baselineRef.version)
    : await findMethod(db, definition.key);
  if (baselineRef && !stored)
    throw new AppError('not_found', `No method ${baselineRef.key} to compare with`, {
      field: 'baseline',
    });
  const baseline = stored ? (stored.definition as unknown as MethodDefinition) : null;
  const universe = await resolveUniverse(db, definition.universe);
  const keys = [
    ...new Set([
      ...definition.indicators.map((i) => i.key),
      ...(baseline?.indicators.map((i) => i.key) ?? []),
    ]),
  ];
  const inputs = await collectInputs(db, keys, universe, dataYear);
  const now = computeRanking(definition, inputs.areas, { draws: 0 });
  const before = baseline
    ? new Map(computeRanking(baseline, inputs.areas, { draws: 0 }).areas.map((a) => [a.code, a]))
    : null;
  const names = new Map(universe.areas.map((a) => [a.code, a.name]));
  const own = new Set(definition.indicators.map((i) => i.key));
  return {
    definition,
    baseline: stored ? { key: stored.key, version: stored.version } : null,
    dataYear,
    years: Object.fromEntries(Object.entries(inputs.years).filter(([k]) => own.has(k))),
    ranked: now.ranked,
    notRanked: now.notRanked,
    areas: now.areas
      .filter((a) => view.scope.all || mayView(view.scope, a.code))
      .map((a) => {
        const b = before?.get(a.code);
        return {
          code: a.code,
          name: names.get(a.code) ?? a.code,
          ranked: a.ranked,
          rank: a.rank,
          class: a.class,
          baselineRank: b?.rank ?? null,
          baselineClass: b?.class ?? null,
          missing: a.reason?.missing ?? [],
        };
      }),
  };
}
