import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import type {
  IndicatorContribution,
  ThemeContribution,
} from '../domain/ranking/compute-ranking.js';
import type { MethodDefinition } from '../domain/ranking/method.js';
import { disclose } from '../domain/privacy/disclose.js';
import type { DisclosureRules, SuppressionReason } from '../domain/privacy/disclosure-rules.js';
import { AppError } from '../domain/shared/app-error.js';
import { listIndicators } from '../db/queries/indicator-queries.js';
import { listLevelAreas, listSuppressedFigures } from '../db/queries/ranking-input-queries.js';
import {
  findEarlierRanking,
  listRankingAreas,
  listRankings,
  type RankingAreaRow,
  type StoredRanking,
} from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import { getMethod } from './ranking-methods.js';
import { getRanking } from './rankings.js';

/**
 * What users read of stored rankings: the list, the table of one ranking, one area's
 * explanation. Every area list is cut to the viewer's scope; ranks themselves are the ranks in
 * the whole universe (a partner sees where its buurten stand among all). Indicator values in an
 * explanation pass disclosure control like every other figure.
 */

export interface RankingSummary {
  id: number;
  method: { key: string; version: number; name: string };
  dataYear: number;
  boundaryYear: number;
  level: string;
  /** As asked: 'country', 'working-area' or the gemeente/wijk codes. */
  within: unknown;
  ranked: number;
  notRanked: number;
  draws: number;
  /** Per indicator: the data year used, null when no figures were found. */
  years: Record<string, number | null>;
  createdBy: string;
  createdAt: string;
}

export function summariseRanking(r: StoredRanking): RankingSummary {
  const summary = r.summary as {
    ranked?: number;
    notRanked?: number;
    draws?: number;
    years?: Record<string, number | null>;
  };
  return {
    id: r.id,
    method: { key: r.methodKey, version: r.methodVersion, name: r.methodName },
    dataYear: r.dataYear,
    boundaryYear: r.boundaryYear,
    level: r.level,
    within: (r.universe as { within?: unknown }).within ?? null,
    ranked: summary.ranked ?? 0,
    notRanked: summary.notRanked ?? 0,
    draws: summary.draws ?? 0,
    years: summary.years ?? {},
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listRankingSummaries(db: Kysely<Database>): Promise<RankingSummary[]> {
  return (await listRankings(db)).map(summariseRanking);
}

export interface RankingTableRow {
  code: string;
  name: string;
  gemeenteCode: string | null;
  ranked: boolean;
  rank: number | null;
  score: number | null;
  percentile: number | null;
  decile: number | null;
  class: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  flags: string[];
  /** Why not ranked: the share of the weight present and the indicators missing. */
  reason: { code: string; weightPresent: number; missing: string[] } | null;
  /** The rank in the previous ranking with the same method key (an earlier data year). */
  previousRank: number | null;
}

export interface RankingTable {
  ranking: RankingSummary;
  method: MethodDefinition;
  /** The ranking this one is compared with ("last year"), if any. */
  previous: RankingSummary | null;
  /** Areas the viewer may see, ranked first by rank, then the not-ranked by code. */
  areas: RankingTableRow[];
}

/** One ranking as a table, for the viewer. */
export async function getRankingTable(
  db: Kysely<Database>,
  view: DataView,
  id: number,
): Promise<RankingTable> {
  const stored = await getRanking(db, id);
  const method = await getMethod(db, { key: stored.methodKey, version: stored.methodVersion });
  const previous = await findEarlierRanking(db, stored.methodKey, stored.dataYear);
  const visible = (code: string) => view.scope.all || mayView(view.scope, code);
  const rows = (await listRankingAreas(db, id)).filter((r) => visible(r.code));
  const before = previous
    ? new Map(
        (await listRankingAreas(db, previous.id, { codes: rows.map((r) => r.code) })).map((r) => [
          r.code,
          r.rank,
        ]),
      )
    : new Map<string, number | null>();
  const names = await areaNames(db, stored);
  return {
    ranking: summariseRanking(stored),
    method: method.definition,
    previous: previous ? summariseRanking(previous) : null,
    areas: rows.map((r) => tableRow(r, names, before.get(r.code) ?? null)),
  };
}

function tableRow(
  r: RankingAreaRow,
  names: Map<string, { name: string; gemeenteCode: string | null }>,
  previousRank: number | null,
): RankingTableRow {
  const area = names.get(r.code);
  return {
    code: r.code,
    name: area?.name ?? r.code,
    gemeenteCode: area?.gemeenteCode ?? null,
    ranked: r.ranked,
    rank: r.rank,
    score: r.score,
    percentile: r.percentile,
    decile: r.decile,
    class: r.class,
    rankLow: r.rankLow,
    rankHigh: r.rankHigh,
    flags: r.flags,
    reason: r.reason as RankingTableRow['reason'],
    previousRank,
  };
}

async function areaNames(db: Kysely<Database>, ranking: StoredRanking) {
  const areas = await listLevelAreas(db, ranking.boundaryYear, ranking.level);
  return new Map(areas.map((a) => [a.code, { name: a.name, gemeenteCode: a.gemeenteCode }]));
}

export interface ExplainedIndicator extends IndicatorContribution {
  /** Set when disclosure control hides the value from this viewer (value is then null). */
  suppression: SuppressionReason | null;
}

export interface IndicatorMove {
  key: string;
  /** Need (0–1) and contribution in the previous ranking and in this one; null if absent. */
  needBefore: number | null;
  needNow: number | null;
  contributionBefore: number | null;
  contributionNow: number | null;
  yearBefore: number | null;
  yearNow: number | null;
}

export interface AreaExplanation {
  ranking: RankingSummary;
  area: { code: string; name: string; gemeenteCode: string | null };
  classLabelNl: string | null;
  classLabelEn: string | null;
  row: RankingTableRow;
  /** Share of the total weight with a value. */
  weightPresent: number;
  themes: ThemeContribution[];
  indicators: ExplainedIndicator[];
  /** Number of ranked areas: the scale of the rank. */
  rankedAreas: number;
  previous: null | {
    ranking: RankingSummary;
    rank: number | null;
    class: number | null;
    score: number | null;
    /** Per indicator of this method: how its need and contribution changed, largest first. */
    moved: IndicatorMove[];
  };
}

/** Why an area has its rank: contributions, interval, flags, and what moved since last year. */
export async function explainArea(
  db: Kysely<Database>,
  view: DataView,
  rules: DisclosureRules,
  id: number,
  code: string,
): Promise<AreaExplanation> {
  const stored = await getRanking(db, id);
  if (!(view.scope.all || mayView(view.scope, code)))
    throw new AppError('forbidden', `Area ${code} is outside your area scope`, { code });
  const [row] = await listRankingAreas(db, id, { codes: [code], withDetail: true });
  if (!row)
    throw new AppError('not_found', `Area ${code} is not in ranking ${id}`, {
      ranking: id,
      code,
    });
  const method = await getMethod(db, { key: stored.methodKey, version: stored.methodVersion });
  const detail = row.detail as {
    themes: ThemeContribution[];
    indicators: IndicatorContribution[];
    weightPresent: number;
  };
  const names = await areaNames(db, stored);
  const previousStored = await findEarlierRanking(db, stored.methodKey, stored.dataYear);
  const [previousRow] = previousStored
    ? await listRankingAreas(db, previousStored.id, { codes: [code], withDetail: true })
    : [];

  const suppressed = view.restricted
    ? await listSuppressedFigures(
        db,
        code,
        stored.boundaryYear,
        detail.indicators.flatMap((i) => (i.year === null ? [] : [{ key: i.key, year: i.year }])),
      )
    : new Map<string, SuppressionReason>();
  const kinds = new Map((await listIndicators(db)).map((i) => [i.key, i.kind]));
  const indicators = detail.indicators.map((i): ExplainedIndicator => {
    const shown = disclose(
      { value: i.value, status: i.value === null ? ('missing' as const) : ('ok' as const) },
      suppressed.get(`${i.key}|${i.year}`) ?? null,
      kinds.get(i.key) ?? 'score',
      view.restricted,
      rules,
    );
    return { ...i, value: shown.value, suppression: shown.suppression };
  });

  const classIndex = row.class === null ? null : row.class - 1;
  const summary = summariseRanking(stored);
  return {
    ranking: summary,
    area: { code, ...(names.get(code) ?? { name: code, gemeenteCode: null }) },
    classLabelNl:
      classIndex === null ? null : (method.definition.classes.labelsNl[classIndex] ?? null),
    classLabelEn:
      classIndex === null ? null : (method.definition.classes.labelsEn[classIndex] ?? null),
    row: tableRow(row, names, previousRow?.rank ?? null),
    weightPresent: detail.weightPresent,
    themes: detail.themes,
    indicators,
    rankedAreas: summary.ranked,
    previous:
      previousStored && previousRow
        ? {
            ranking: summariseRanking(previousStored),
            rank: previousRow.rank,
            class: previousRow.class,
            score: previousRow.score,
            moved: indicatorMoves(
              detail.indicators,
              (previousRow.detail as { indicators?: IndicatorContribution[] }).indicators ?? [],
            ),
          }
        : null,
  };
}

/** Per indicator of the current ranking: need and contribution then and now, largest change first. */
function indicatorMoves(
  now: readonly IndicatorContribution[],
  before: readonly IndicatorContribution[],
): IndicatorMove[] {
  const then = new Map(before.map((i) => [i.key, i]));
  const moves = now.map((i) => {
    const b = then.get(i.key);
    return {
      key: i.key,
      needBefore: b?.need ?? null,
      needNow: i.need,
      contributionBefore: b ? b.contribution : null,
      contributionNow: i.contribution,
      yearBefore: b?.year ?? null,
      yearNow: i.year,
    };
  });
  const size = (m: IndicatorMove) =>
    m.contributionBefore === null ? 0 : Math.abs(m.contributionNow! - m.contributionBefore);
  return moves.sort((x, y) => size(y) - size(x) || (x.key < y.key ? -1 : 1));
}
