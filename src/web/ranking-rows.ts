import type { RankingTableRow } from './hooks/ranking-types.js';

/**
 * The ranking table's rows as the user narrows and orders them: pure functions over the
 * API's rows, so the page only wires them to the URL.
 */

export type RankingSortKey = 'rank' | 'name' | 'class' | 'interval' | 'score' | 'flags' | 'change';

export interface RankingSort {
  key: RankingSortKey;
  ascending: boolean;
}

export interface RankingFilter {
  /** A gemeente code, or '' for all. */
  gemeente: string;
  /** A class number, or null for all. */
  cls: number | null;
  flaggedOnly: boolean;
  /** Part of a name or code, any case. */
  search: string;
  showNotRanked: boolean;
}

export const NO_FILTER: RankingFilter = {
  gemeente: '',
  cls: null,
  flaggedOnly: false,
  search: '',
  showNotRanked: false,
};

/** Case- and accent-insensitive text for searching ("Zuidhoek" finds "zuidhóek"). */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The rows that pass the filter. Not-ranked rows only with `showNotRanked`, and a class filter
 * leaves them out (they have no class).
 * @example filterRows(rows, { ...NO_FILTER, search: 'bu9901' }) // the rows of gemeente 9901
 */
export function filterRows(
  rows: readonly RankingTableRow[],
  filter: RankingFilter,
): RankingTableRow[] {
  const wanted = fold(filter.search.trim());
  return rows.filter(
    (r) =>
      (r.ranked || filter.showNotRanked) &&
      (filter.gemeente === '' || r.gemeenteCode === filter.gemeente) &&
      (filter.cls === null || r.class === filter.cls) &&
      (!filter.flaggedOnly || r.flags.length > 0) &&
      (wanted === '' || fold(r.name).includes(wanted) || fold(r.code).includes(wanted)),
  );
}

/**
 * Places moved towards more need since the previous ranking: previousRank − rank, so a
 * positive number means the area rose in the ranking (more need). Null without both ranks.
 * @example rankGain({ previousRank: 10, rank: 7 }) // 3
 */
export function rankGain(row: Pick<RankingTableRow, 'previousRank' | 'rank'>): number | null {
  return row.previousRank === null || row.rank === null ? null : row.previousRank - row.rank;
}

/** Width of the rank interval in places; null without one. */
export function intervalWidth(row: Pick<RankingTableRow, 'rankLow' | 'rankHigh'>): number | null {
  return row.rankLow === null || row.rankHigh === null ? null : row.rankHigh - row.rankLow;
}

const valueOf: Record<Exclude<RankingSortKey, 'name'>, (row: RankingTableRow) => number | null> = {
  rank: (r) => r.rank,
  class: (r) => r.class,
  interval: intervalWidth,
  score: (r) => r.score,
  flags: (r) => (r.flags.length === 0 && !r.ranked ? null : r.flags.length),
  change: rankGain,
};

/**
 * Rows in the chosen order. Not-ranked rows always come after the ranked ones, and a missing
 * value always sorts last whatever the direction, so sorting never hides them in the middle.
 * Ties fall back to the rank, then the code: the order is the same on every screen.
 */
export function sortRows(rows: readonly RankingTableRow[], sort: RankingSort): RankingTableRow[] {
  const byRank = (a: RankingTableRow, b: RankingTableRow) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const direction = sort.ascending ? 1 : -1;
  const compare = (a: RankingTableRow, b: RankingTableRow): number => {
    if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
    if (sort.key === 'name') {
      const result = a.name.localeCompare(b.name, 'nl', { numeric: true });
      return result !== 0 ? result * direction : byRank(a, b);
    }
    const x = valueOf[sort.key](a);
    const y = valueOf[sort.key](b);
    if (x === null && y === null) return byRank(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * direction || byRank(a, b);
  };
  return [...rows].sort(compare);
}

/** The direction a column sorts in when it is first chosen: ranks up, amounts down. */
export function firstDirection(key: RankingSortKey): boolean {
  return key === 'rank' || key === 'name' || key === 'class' || key === 'interval';
}

/**
 * The indicators that keep not-ranked areas out, most frequent first, with how often.
 * @example missingCounts([{ reason: { missing: ['a', 'b'] } }, { reason: { missing: ['a'] } }])
 * // [['a', 2], ['b', 1]]
 */
export function missingCounts(
  rows: ReadonlyArray<Pick<RankingTableRow, 'reason'>>,
): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const key of row.reason?.missing ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
