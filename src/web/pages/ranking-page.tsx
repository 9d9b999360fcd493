import { useCallback, useEffect, useMemo } from 'react';
import { ApiError, apiUrl } from '../api-client.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { rankingOptionLabel, RankingCompare } from '../components/ranking-compare.js';
import { RankingMap } from '../components/ranking-map.js';
import { RankingMethodNote } from '../components/ranking-method-note.js';
import { RankingTable } from '../components/ranking-table.js';
import { formatNumber } from '../format.js';
import type { RankingSummary, RankingTable as RankingTableData } from '../hooks/ranking-types.js';
import { useAreasQuery } from '../hooks/use-areas-query.js';
import { useIndicatorNames } from '../hooks/use-indicator-names.js';
import { useRankingQuery } from '../hooks/use-ranking-query.js';
import { useRankingsQuery } from '../hooks/use-rankings-query.js';
import { useI18n } from '../i18n/i18n.js';
import { compactNames, formatShare, withinLabel } from '../ranking-format.js';
import { missingCounts } from '../ranking-rows.js';
import {
  parseRankingPath,
  rankingPath,
  readRankingView,
  writeRankingView,
  type RankingView,
  type RankingViewMode,
} from '../ranking-view-state.js';
import { Link, navigate, useLocation } from '../router.js';
import { RankingAreaPage } from './ranking-area-page.js';
import '../ranking.css';

/** Everything under /rangorde: the newest ranking, one ranking, or one area's explanation. */
export function RankingRoutes({ path }: { path: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const list = useRankingsQuery();
  const parsed = parseRankingPath(path);
  const newest = list.data?.rankings[0]?.id;
  const query = search.toString();
  // /rangorde on its own: the newest ranking, keeping any view in the query.
  const wantsNewest = parsed !== null && parsed.id === null;
  useEffect(() => {
    if (wantsNewest && newest !== undefined)
      navigate(`${rankingPath(newest)}${query ? `?${query}` : ''}`, { replace: true });
  }, [wantsNewest, newest, query]);

  if (!parsed)
    return (
      <div className="page narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <Link to={rankingPath()}>{t('nav.ranking')}</Link>
      </div>
    );
  if (list.error) return <ErrorPanel error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading label={t('ranking.loading')} />;
  if (list.data.rankings.length === 0)
    return (
      <div className="page narrow">
        <h1>{t('ranking.title')}</h1>
        <p className="notice">{t('ranking.none')}</p>
      </div>
    );
  if (parsed.id === null) return <Loading label={t('ranking.loading')} />;
  if (parsed.code)
    return (
      <RankingAreaPage key={`${parsed.id}/${parsed.code}`} id={parsed.id} code={parsed.code} />
    );
  return <RankingPage id={parsed.id} rankings={list.data.rankings} />;
}

/** One ranking: choose it, read its summary, and see it as a table, a map, or against another. */
function RankingPage({ id, rankings }: { id: number; rankings: RankingSummary[] }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const view = readRankingView(search);
  const query = useRankingQuery(id);
  const { nameOf } = useIndicatorNames();
  const gemeenten = useAreasQuery('gemeente');
  const gemeenteNames = useMemo(
    () => new Map((gemeenten.data?.areas ?? []).map((g) => [g.code, g.name])),
    [gemeenten.data],
  );
  const gemeenteName = useCallback(
    (code: string) => gemeenteNames.get(code) ?? code,
    [gemeenteNames],
  );
  const table = query.stale ? undefined : query.data;

  const go = (next: RankingView, replace = false, to = id) =>
    navigate(`${rankingPath(to)}${writeRankingView(next)}`, { replace });
  const setMode = (mode: RankingViewMode) => go({ ...view, mode });

  if (query.error) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="page narrow">
        {missing ? (
          <div className="error-panel" role="alert">
            <strong>{t('ranking.notFound')}</strong>
            <p>
              <Link to={rankingPath()}>{t('ranking.toNewest')}</Link>
            </p>
          </div>
        ) : (
          <ErrorPanel error={query.error} onRetry={query.reload} />
        )}
      </div>
    );
  }

  const current = rankings.find((r) => r.id === id) ?? table?.ranking;
  const defaultCompare =
    table?.previous?.id ??
    rankings.find((r) => r.id !== id && r.method.key === current?.method.key)?.id ??
    rankings.find((r) => r.id !== id)?.id ??
    null;

  return (
    <div className="page ranking-page">
      <header className="ranking-header">
        <div>
          <p className="eyebrow">{t('ranking.eyebrow')}</p>
          <h1>
            {t('ranking.title')}
            {current ? (
              <span className="subtitle">
                {' '}
                · {current.method.name} · {t('ranking.data')} {current.dataYear}
              </span>
            ) : null}
          </h1>
        </div>
        <div className="ranking-pick">
          <div className="field">
            <label htmlFor="ranking-choice">{t('ranking.choose')}</label>
            <select
              id="ranking-choice"
              value={id}
              onChange={(e) => go(view, false, Number(e.target.value))}
            >
              {rankings.map((r, i) => (
                <option key={r.id} value={r.id}>
                  {rankingOptionLabel(r, t('ranking.data'))}
                  {i === 0 ? ` (${t('ranking.newest')})` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="export-links" role="group" aria-label={t('ranking.export')}>
            <a
              className="button secondary small download"
              href={apiUrl(`/api/rankings/${id}/export`, { format: 'csv' })}
              download
            >
              <span aria-hidden="true">⤓ </span>CSV
            </a>
            <a
              className="button secondary small download"
              href={apiUrl(`/api/rankings/${id}/export`, { format: 'xlsx' })}
              download
            >
              <span aria-hidden="true">⤓ </span>Excel (XLSX)
            </a>
          </div>
        </div>
      </header>
      {!table ? (
        <Loading label={t('ranking.loading')} />
      ) : (
        <>
          <RankingSummaryLine table={table} nameOf={nameOf} />
          <div className="view-switch ranking-tabs" role="group" aria-label={t('map.view')}>
            {(
              [
                ['tabel', 'map.view.table'],
                ['kaart', 'map.view.map'],
                ['vergelijk', 'ranking.view.compare'],
              ] as const
            ).map(([mode, key]) => (
              <button
                key={mode}
                type="button"
                aria-pressed={view.mode === mode}
                className={view.mode === mode ? 'active' : undefined}
                onClick={() => setMode(mode)}
              >
                {t(key)}
              </button>
            ))}
          </div>
          {view.mode === 'tabel' ? (
            <RankingTable
              table={table}
              filter={view.filter}
              sort={view.sort}
              onFilter={(change, replace) =>
                go({ ...view, filter: { ...view.filter, ...change } }, replace)
              }
              onSort={(sort) => go({ ...view, sort }, true)}
              gemeenteName={gemeenteName}
              nameOf={nameOf}
            />
          ) : view.mode === 'kaart' ? (
            <RankingMap
              table={table}
              gemeente={view.filter.gemeente}
              onGemeente={(gemeente) => go({ ...view, filter: { ...view.filter, gemeente } })}
              gemeenteName={gemeenteName}
            />
          ) : (
            <RankingCompare
              rankings={rankings}
              b={id}
              a={view.compareWith ?? defaultCompare}
              onChange={({ a, b }) => go({ ...view, compareWith: a }, false, b)}
            />
          )}
          <RankingMethodNote method={table.method} />
        </>
      )}
    </div>
  );
}

/**
 * The ranking in a few lines: how many areas ranked and not (and why), the data year per
 * indicator, and the Monte Carlo draws behind the intervals.
 */
function RankingSummaryLine({
  table,
  nameOf,
}: {
  table: RankingTableData;
  nameOf(key: string): string;
}) {
  const { t, locale } = useI18n();
  const { ranking, method } = table;
  const notRanked = table.areas.filter((r) => !r.ranked);
  const common = missingCounts(notRanked).slice(0, 3);
  const visible = table.areas.length;
  const total = ranking.ranked + ranking.notRanked;
  // Per data year the indicators whose figures come from it, newest year first.
  const byYear = new Map<number | null, string[]>();
  for (const i of method.indicators) {
    const year = ranking.years[i.key] ?? null;
    byYear.set(year, [...(byYear.get(year) ?? []), nameOf(i.key)]);
  }
  const years = [...byYear]
    .sort((a, b) => (b[0] ?? -1) - (a[0] ?? -1))
    .map(([year, names]) =>
      t('ranking.summary.yearFor', {
        year: year ?? t('ranking.noYear'),
        names: compactNames(names),
      }),
    );
  return (
    <div className="ranking-summary" data-testid="ranking-summary">
      <p>
        <strong>
          {t('ranking.summary.ranked', {
            n: formatNumber(ranking.ranked, 0, locale),
            level: t(
              `ranking.level.${ranking.level === 'wijk' || ranking.level === 'gemeente' ? ranking.level : 'buurt'}`,
            ),
            within: withinLabel(t, ranking.within),
          })}
        </strong>
        {ranking.notRanked > 0
          ? ` · ${t('ranking.summary.notRanked', {
              n: ranking.notRanked,
              min: formatShare(method.completeness.minWeightShare, locale),
            })}`
          : ''}
        {common.length > 0
          ? ` ${t('ranking.summary.mostMissing', {
              list: common.map(([key, n]) => `${nameOf(key)} (${n})`).join(', '),
            })}`
          : ''}
      </p>
      {visible < total ? (
        <p>{t('ranking.summary.scope', { shown: visible, ranked: ranking.ranked })}</p>
      ) : null}
      <p className="hint">
        <span className="label">{t('ranking.summary.years')}</span> {years.join(' · ')}
      </p>
      <p className="hint">
        {ranking.draws > 0
          ? t('ranking.summary.draws', {
              draws: formatNumber(ranking.draws, 0, locale),
              share: formatShare(method.uncertainty.perturbation, locale),
            })
          : t('ranking.summary.noDraws')}{' '}
        · {t('ranking.summary.version', { version: ranking.method.version })}
      </p>
    </div>
  );
}
