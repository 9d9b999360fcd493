import type { SuppressionReason } from '../../domain/privacy/disclosure-rules.js';
import type {
  IndicatorContribution,
  ThemeContribution,
} from '../../domain/ranking/compute-ranking.js';
import type {
  RankChange as DomainRankChange,
  RankChangeSummary,
} from '../../domain/ranking/diff-rankings.js';
import type { MethodDefinition } from '../../domain/ranking/method.js';

/**
 * The ranking API's answers as the web app reads them. They mirror the service types
 * (services/ranking-views.ts, services/ranking-diff.ts), which web/ may not import: it talks
 * to the server over HTTP only.
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
  reason: { code: string; weightPresent: number; missing: string[] } | null;
  previousRank: number | null;
}

export interface RankingTable {
  ranking: RankingSummary;
  method: MethodDefinition;
  previous: RankingSummary | null;
  areas: RankingTableRow[];
}

export interface ExplainedIndicator extends IndicatorContribution {
  suppression: SuppressionReason | null;
}

export interface IndicatorMove {
  key: string;
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
  weightPresent: number;
  themes: ThemeContribution[];
  indicators: ExplainedIndicator[];
  rankedAreas: number;
  previous: null | {
    ranking: RankingSummary;
    rank: number | null;
    class: number | null;
    score: number | null;
    moved: IndicatorMove[];
  };
}

/** One area's rank change from ranking A to B, with the area's name. */
export type RankChange = DomainRankChange & { name: string };

export interface RankingDiff {
  a: RankingSummary;
  b: RankingSummary;
  sameMethod: boolean;
  sameData: boolean;
  summary: RankChangeSummary;
  areas: RankChange[];
}
