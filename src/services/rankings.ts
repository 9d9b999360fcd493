import type { Kysely } from 'kysely';
import type { RankingResult } from '../domain/ranking/compute-ranking.js';
import { canonicalJson, type MethodDefinition } from '../domain/ranking/method.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findRanking,
  findRankingInputs,
  insertRanking,
  insertRankingAreas,
  listRankingAreas,
  type StoredRanking,
} from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import {
  collectInputs,
  decodeInputs,
  encodeInputs,
  resolveUniverse,
  type RankingInputs,
  type ResolvedUniverse,
  type UniverseWithin,
} from './ranking-inputs.js';
import { computeRankingFast } from './ranking-compute.js';
import { getMethod } from './ranking-methods.js';

export interface RankingRequest {
  method: { key: string; version?: number };
  year: number;
  /** Overrides the method's universe (`--universe`): the country, the working area or codes. */
  within?: UniverseWithin;
  /** Monte Carlo draws; default the method's. 0 for a quick preview. */
  draws?: number;
}

export interface ComputedRanking {
  method: { id: number; key: string; version: number; definition: MethodDefinition };
  universe: ResolvedUniverse;
  inputs: RankingInputs;
  result: RankingResult;
}

/** Apply a method version to a data year, without storing (a preview, or the step before). */
export async function computeRankingFor(
  db: Kysely<Database>,
  request: RankingRequest,
  definitionOverride?: MethodDefinition,
): Promise<ComputedRanking> {
  const stored = await getMethod(db, request.method);
  const definition = definitionOverride ?? stored.definition;
  const universe = await resolveUniverse(db, {
    level: definition.universe.level,
    within: request.within ?? definition.universe.within,
  });
  const inputs = await collectInputs(
    db,
    definition.indicators.map((i) => i.key),
    universe,
    request.year,
  );
  const result = await computeRankingFast(definition, inputs.areas, {
    ...(request.draws !== undefined ? { draws: request.draws } : {}),
  });
  return {
    method: { id: stored.id, key: stored.key, version: stored.version, definition },
    universe,
    inputs,
    result,
  };
}

/**
 * Make and store a ranking: inputs and per-area results in one transaction, immutable after.
 * Returns the stored ranking's id with what was computed.
 */
export async function createRanking(
  db: Kysely<Database>,
  context: AuditContext,
  request: RankingRequest,
): Promise<ComputedRanking & { rankingId: number }> {
  const computed = await computeRankingFor(db, request);
  const { method, universe, inputs, result } = computed;
  const rankingId = await db.transaction().execute(async (trx) => {
    const id = await insertRanking(trx, {
      methodId: method.id,
      dataYear: request.year,
      boundaryYear: universe.boundaryYear,
      level: universe.level,
      universe: { within: universe.within, codes: universe.codes, areas: universe.areas.length },
      inputs: encodeInputs(inputs),
      summary: {
        ranked: result.ranked,
        notRanked: result.notRanked,
        draws: result.draws,
        years: inputs.years,
      },
      createdBy: context.actor?.email ?? 'system',
    });
    await insertRankingAreas(
      trx,
      id,
      result.areas.map((a) => ({
        code: a.code,
        ranked: a.ranked,
        rank: a.rank,
        score: a.score,
        percentile: a.percentile,
        decile: a.decile,
        class: a.class,
        rankLow: a.rankLow,
        rankHigh: a.rankHigh,
        flags: a.flags,
        reason: a.reason,
        detail: { themes: a.themes, indicators: a.indicators, weightPresent: a.weightPresent },
      })),
    );
    await audit(
      trx,
      context,
      'ranking_created',
      `${method.key}@${method.version} ${request.year}`,
      {
        rankingId: id,
        ranked: result.ranked,
        notRanked: result.notRanked,
      },
    );
    return id;
  });
  return { ...computed, rankingId };
}

export async function getRanking(db: Kysely<Database>, id: number): Promise<StoredRanking> {
  const ranking = await findRanking(db, id);
  if (!ranking) throw new AppError('not_found', `No ranking ${id}`, { ranking: id });
  return ranking;
}

/**
 * Recompute a stored ranking from its stored inputs with its stored method version: the
 * numbers must come out identical (reproducibility), which this reports.
 */
export async function verifyRanking(
  db: Kysely<Database>,
  id: number,
): Promise<{ identical: boolean; differences: string[] }> {
  const ranking = await getRanking(db, id);
  const method = await getMethod(db, { key: ranking.methodKey, version: ranking.methodVersion });
  const inputs = decodeInputs((await findRankingInputs(db, id))!);
  const draws = Number(
    (ranking.summary as { draws?: number }).draws ?? method.definition.uncertainty.draws,
  );
  const again = await computeRankingFast(method.definition, inputs.areas, { draws });
  const stored = new Map(
    (await listRankingAreas(db, id, { withDetail: true })).map((a) => [a.code, a]),
  );
  const differences: string[] = [];
  for (const a of again.areas) {
    const s = stored.get(a.code);
    const fresh = {
      ranked: a.ranked,
      rank: a.rank,
      score: a.score,
      percentile: a.percentile,
      decile: a.decile,
      class: a.class,
      rankLow: a.rankLow,
      rankHigh: a.rankHigh,
      flags: a.flags,
      detail: { themes: a.themes, indicators: a.indicators, weightPresent: a.weightPresent },
    };
    const kept = s && {
      ranked: s.ranked,
      rank: s.rank,
      score: s.score,
      percentile: s.percentile,
      decile: s.decile,
      class: s.class,
      rankLow: s.rankLow,
      rankHigh: s.rankHigh,
      flags: s.flags,
      detail: s.detail,
    };
    // Keys sorted: jsonb keeps its own key order; the numbers are what must match.
    if (canonicalJson(fresh) !== canonicalJson(kept)) differences.push(a.code);
  }
  if (again.areas.length !== stored.size) differences.push('(number of areas)');
  return { identical: differences.length === 0, differences: differences.slice(0, 20) };
}
