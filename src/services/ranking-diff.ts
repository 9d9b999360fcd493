import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { computeRanking } from '../domain/ranking/compute-ranking.js';
import {
  splitRankChanges,
  summariseRankChanges,
  type RankChange,
} from '../domain/ranking/diff-rankings.js';
import type { MethodDefinition } from '../domain/ranking/method.js';
import { listLevelAreas } from '../db/queries/ranking-input-queries.js';
import { findRankingInputs, type StoredRanking } from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import { collectInputs, decodeInputs, type RankingInputs } from './ranking-inputs.js';
import { getMethod } from './ranking-methods.js';
import { getRanking } from './rankings.js';
import { summariseRanking, type RankingSummary } from './ranking-views.js';

export interface RankingDiff {
  a: RankingSummary;
  b: RankingSummary;
  sameMethod: boolean;
  sameData: boolean;
  summary: ReturnType<typeof summariseRankChanges>;
  /** Areas the viewer may see, largest change first. */
  areas: Array<RankChange & { name: string }>;
}

/**
 * Compare two stored rankings: per area the rank change from A to B, split into the part new
 * data caused and the part a new method caused, by ranking crosswise (method B on A's data,
 * method A on B's data; see domain/ranking/diff-rankings.ts). "Data" is the stored inputs of a
 * ranking: its areas and values. A cross run needs values of indicators the other ranking did
 * not store; those are read from the database for that ranking's data year, the same way the
 * ranking itself collected them.
 */
export async function diffRankings(
  db: Kysely<Database>,
  view: DataView,
  idA: number,
  idB: number,
): Promise<RankingDiff> {
  const [a, b] = [await getRanking(db, idA), await getRanking(db, idB)];
  const methodA = (await getMethod(db, { key: a.methodKey, version: a.methodVersion })).definition;
  const methodB = (await getMethod(db, { key: b.methodKey, version: b.methodVersion })).definition;
  const [dataA, dataB] = [await storedInputs(db, a), await storedInputs(db, b)];
  const sameMethod = a.methodId === b.methodId;
  // Same year and same areas: the values then come from the same figures.
  const sameData =
    a.dataYear === b.dataYear && a.boundaryYear === b.boundaryYear && sameCodes(dataA, dataB);

  const rankOf = (method: MethodDefinition, data: RankingInputs) =>
    new Map(computeRanking(method, data.areas, { draws: 0 }).areas.map((x) => [x.code, x.rank]));
  const ranksA = rankOf(methodA, dataA);
  const ranksB = rankOf(methodB, dataB);
  const crossX = sameMethod ? ranksA : rankOf(methodB, await withIndicators(db, a, dataA, methodB));
  const crossY = sameMethod ? ranksB : rankOf(methodA, await withIndicators(db, b, dataB, methodA));

  // Areas ranked in at least one of the two; not ranked in either is no change.
  const codes = [...new Set([...ranksA.keys(), ...ranksB.keys()])].filter(
    (code) => (ranksA.get(code) ?? null) !== null || (ranksB.get(code) ?? null) !== null,
  );
  const changes = splitRankChanges(
    codes.map((code) => ({
      code,
      rankA: ranksA.get(code) ?? null,
      rankB: ranksB.get(code) ?? null,
      rankMethodBDataA: crossX.get(code) ?? null,
      rankMethodADataB: crossY.get(code) ?? null,
    })),
  );
  const visible = changes.filter((c) => view.scope.all || mayView(view.scope, c.code));
  const names = new Map(
    (await listLevelAreas(db, b.boundaryYear, b.level)).map((x) => [x.code, x.name]),
  );
  return {
    a: summariseRanking(a),
    b: summariseRanking(b),
    sameMethod,
    sameData,
    summary: summariseRankChanges(visible),
    areas: visible.map((c) => ({ ...c, name: names.get(c.code) ?? c.code })),
  };
}

async function storedInputs(db: Kysely<Database>, ranking: StoredRanking) {
  return decodeInputs((await findRankingInputs(db, ranking.id))!);
}

/** The ranking's stored data, with the values of indicators it lacks read for its year. */
async function withIndicators(
  db: Kysely<Database>,
  ranking: StoredRanking,
  data: RankingInputs,
  method: MethodDefinition,
): Promise<RankingInputs> {
  const lacking = method.indicators.map((i) => i.key).filter((k) => !(k in data.years));
  if (lacking.length === 0) return data;
  const level = ranking.level as 'buurt' | 'wijk' | 'gemeente';
  const extra = await collectInputs(
    db,
    lacking,
    {
      level,
      boundaryYear: ranking.boundaryYear,
      within: 'country',
      codes: [],
      areas: data.areas.map((x) => ({ code: x.code, name: x.code, gemeenteCode: null })),
    },
    ranking.dataYear,
  );
  const extraByCode = new Map(extra.areas.map((x) => [x.code, x.values]));
  return {
    dataYear: data.dataYear,
    years: { ...data.years, ...extra.years },
    areas: data.areas.map((x) => ({
      code: x.code,
      values: { ...x.values, ...extraByCode.get(x.code) },
    })),
  };
}

function sameCodes(x: RankingInputs, y: RankingInputs): boolean {
  return (
    x.areas.length === y.areas.length && x.areas.every((area, i) => area.code === y.areas[i]!.code)
  );
}
