import {
  NO_FILTER,
  type RankingFilter,
  type RankingSort,
  type RankingSortKey,
} from './ranking-rows.js';

/**
 * The ranking page's view in the URL, like the map's: a filtered, sorted table or the compare
 * view can be shared as a link. Parameter names are Dutch, as the interface is.
 * `/rangorde/12?weergave=tabel&gemeente=GM9901&klasse=1&vlag=1&zoek=duin&sorteer=score&richting=af`
 */

export type RankingViewMode = 'tabel' | 'kaart' | 'vergelijk';

export interface RankingView {
  mode: RankingViewMode;
  filter: RankingFilter;
  sort: RankingSort;
  /** Compare view: the ranking to compare with (A); null: the previous one. */
  compareWith: number | null;
}

const SORT_NAMES: Record<RankingSortKey, string> = {
  rank: 'rang',
  name: 'naam',
  class: 'klasse',
  interval: 'bandbreedte',
  score: 'score',
  flags: 'vlaggen',
  change: 'verandering',
};
const SORT_KEYS = new Map(
  Object.entries(SORT_NAMES).map(([key, name]) => [name, key as RankingSortKey]),
);

export const DEFAULT_SORT: RankingSort = { key: 'rank', ascending: true };

const positiveInt = (text: string | null) => {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : null;
};

export function readRankingView(search: URLSearchParams): RankingView {
  const mode = search.get('weergave');
  const sortKey = SORT_KEYS.get(search.get('sorteer') ?? '');
  return {
    mode: mode === 'kaart' || mode === 'vergelijk' ? mode : 'tabel',
    filter: {
      gemeente: /^GM\d{4}$/.test(search.get('gemeente') ?? '') ? search.get('gemeente')! : '',
      cls: positiveInt(search.get('klasse')),
      flaggedOnly: search.get('vlag') === '1',
      search: search.get('zoek') ?? '',
      showNotRanked: search.get('alles') === '1',
    },
    sort: sortKey
      ? { key: sortKey, ascending: search.get('richting') !== 'af' }
      : { ...DEFAULT_SORT },
    compareWith: positiveInt(search.get('met')),
  };
}

/** The query string of a view (leading '?', or '' for the default view). */
export function writeRankingView(view: RankingView): string {
  const search = new URLSearchParams();
  if (view.mode !== 'tabel') search.set('weergave', view.mode);
  const f = view.filter;
  if (f.gemeente !== NO_FILTER.gemeente) search.set('gemeente', f.gemeente);
  if (f.cls !== null) search.set('klasse', String(f.cls));
  if (f.flaggedOnly) search.set('vlag', '1');
  if (f.search.trim() !== '') search.set('zoek', f.search);
  if (f.showNotRanked) search.set('alles', '1');
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.ascending !== DEFAULT_SORT.ascending) {
    search.set('sorteer', SORT_NAMES[view.sort.key]);
    search.set('richting', view.sort.ascending ? 'op' : 'af');
  }
  if (view.compareWith !== null) search.set('met', String(view.compareWith));
  const query = search.toString();
  return query ? `?${query}` : '';
}

/** Paths of the ranking pages. */
export const rankingPath = (id?: number) => (id === undefined ? '/rangorde' : `/rangorde/${id}`);
export const rankingAreaPath = (id: number, code: string) =>
  `/rangorde/${id}/${encodeURIComponent(code)}`;

/**
 * What a /rangorde path asks for: the newest ranking, one ranking, or one area in one.
 * @example parseRankingPath('/rangorde/3/BU99010101') // { id: 3, code: 'BU99010101' }
 */
export function parseRankingPath(path: string): { id: number | null; code: string | null } | null {
  const match = /^\/rangorde(?:\/(\d+)(?:\/([^/]+))?)?\/?$/.exec(path);
  if (!match) return null;
  return {
    id: match[1] ? Number(match[1]) : null,
    code: match[2] ? decodeURIComponent(match[2]).toUpperCase() : null,
  };
}
