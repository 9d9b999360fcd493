import { statusLabel } from '../../domain/format/format-value.js';
import { ApiError } from '../api-client.js';
import { WaterfallChart, type WaterfallItem } from '../charts/waterfall-chart.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { ClassChip, FlagList, RankInterval } from '../components/ranking-cells.js';
import { RankingMethodNote, themeShares } from '../components/ranking-method-note.js';
import { formatFigure, formatNumber } from '../format.js';
import type { AreaExplanation, ExplainedIndicator, IndicatorMove } from '../hooks/ranking-types.js';
import { useIndicatorNames } from '../hooks/use-indicator-names.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useRankingAreaQuery } from '../hooks/use-ranking-area-query.js';
import { useRankingQuery } from '../hooks/use-ranking-query.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import { rankingClassColours } from '../ranking-classes.js';
import {
  compactNames,
  formatNeed,
  formatPoints,
  formatScore,
  formatShare,
  placesText,
  themeLabel,
} from '../ranking-format.js';
import { rankGain } from '../ranking-rows.js';
import { rankingPath } from '../ranking-view-state.js';
import { areaPath, Link } from '../router.js';

/** Why an area has its rank: headline, interval, flags, the waterfall, what moved, how it works. */
export function RankingAreaPage({ id, code }: { id: number; code: string }) {
  const { t, locale } = useI18n();
  const { minCount } = usePrivacy();
  const query = useRankingAreaQuery(id, code);
  const tableQuery = useRankingQuery(id);
  const { catalogue, nameOf } = useIndicatorNames();
  const explanation = query.stale ? undefined : query.data;
  const table = tableQuery.stale ? undefined : tableQuery.data;

  if (query.error) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <div className="page narrow">
        {status === 404 || status === 403 ? (
          <div className="error-panel" role="alert">
            <strong>{status === 404 ? t('ranking.area.notFound') : t('area.outOfScope')}</strong>
            <p>
              {status === 403 ? `${t('area.outOfScopeBody')} ` : ''}
              <span className="code">{code}</span>
            </p>
            <Link to={rankingPath(id)}>{t('ranking.backToRanking')}</Link>
          </div>
        ) : (
          <ErrorPanel error={query.error} onRetry={query.reload} />
        )}
      </div>
    );
  }
  if (tableQuery.error) return <ErrorPanel error={tableQuery.error} onRetry={tableQuery.reload} />;
  if (!explanation || !table) return <Loading label={t('ranking.area.loading')} />;

  const { area, row, ranking, previous } = explanation;
  const method = table.method;
  const colours = rankingClassColours(method.classes.count);
  const classText = locale === 'nl' ? explanation.classLabelNl : explanation.classLabelEn;
  const shares = new Map(themeShares(method).map((s) => [s.theme, s.share]));
  const themeByKey = new Map(explanation.themes.map((th) => [th.theme, th]));

  const valueText = (i: ExplainedIndicator) => {
    if (i.suppression) return statusLabel('suppressed', locale);
    if (i.value === null) return statusLabel('missing', locale);
    const info = catalogue.get(i.key);
    const figure = formatFigure(
      i.value,
      'ok',
      { unit: info?.unit ?? '', decimals: info?.decimals ?? 2 },
      locale,
      null,
      minCount,
    );
    return i.year !== null ? `${figure} (${i.year})` : figure;
  };
  const needText = (need: number | null) =>
    need === null ? '–' : t('ranking.need.short', { n: formatNeed(need, locale) });
  const items: WaterfallItem[] = explanation.indicators.map((i) => ({
    key: i.key,
    theme: i.theme,
    contribution: i.contribution,
    label: nameOf(i.key),
    detail: i.need === null ? valueText(i) : `${valueText(i)} · ${needText(i.need)}`,
    missing: i.need === null,
  }));

  return (
    <div className="page ranking-area-page">
      <nav aria-label={t('area.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={rankingPath(id)}>
              {t('ranking.title')} {ranking.dataYear}
            </Link>
          </li>
          <li aria-current="page">{area.name}</li>
        </ol>
      </nav>
      <header className="ranking-area-header">
        <p className="eyebrow">
          <span className="code">{area.code}</span> · {ranking.method.name} v
          {ranking.method.version} · {t('ranking.data')} {ranking.dataYear}
        </p>
        <h1>{area.name}</h1>
        {row.ranked && row.rank !== null ? (
          <p className="ranking-headline" data-testid="ranking-headline">
            {row.class !== null ? (
              <span
                className="headline-swatch"
                style={{ background: colours[row.class - 1] }}
                aria-hidden="true"
              />
            ) : null}
            {t('ranking.area.headline', {
              rank: row.rank,
              n: explanation.rankedAreas,
            })}
            {classText ? ` — ${classText}` : ''}
          </p>
        ) : (
          <p className="ranking-headline not-ranked" data-testid="ranking-headline">
            {t('ranking.notRanked')}
          </p>
        )}
        <div className="ranking-facts">
          {row.ranked && row.rankLow !== null && row.rankHigh !== null && row.rank !== null ? (
            <p>
              <RankInterval
                low={row.rankLow}
                high={row.rankHigh}
                rank={row.rank}
                total={explanation.rankedAreas}
                width={160}
                showText={false}
              />{' '}
              {row.rankLow === row.rankHigh
                ? t('ranking.area.intervalFixed', { rank: row.rank })
                : t('ranking.area.interval', { low: row.rankLow, high: row.rankHigh })}
            </p>
          ) : null}
          {row.ranked && row.score !== null ? (
            <p>
              {t('ranking.area.score', { score: formatScore(row.score, locale) })}
              {row.class !== null ? (
                <>
                  {' · '}
                  <ClassChip
                    colour={colours[row.class - 1] ?? '#ccc'}
                    label={t('ranking.area.classOf', { n: row.class, count: method.classes.count })}
                  />
                </>
              ) : null}
            </p>
          ) : null}
          {!row.ranked && row.reason ? (
            <p className="notice">
              {t('ranking.area.notRankedWhy', {
                share: formatShare(row.reason.weightPresent, locale),
                min: formatShare(method.completeness.minWeightShare, locale),
              })}{' '}
              {t('ranking.missing', { list: compactNames(row.reason.missing.map(nameOf)) })}
            </p>
          ) : null}
          <div className="ranking-flags">
            <span className="label">
              {t('ranking.area.flags', { share: formatShare(1 - method.flags.percentile, locale) })}
            </span>{' '}
            {row.flags.length > 0 ? (
              <FlagList flags={row.flags} nameOf={nameOf} full />
            ) : (
              <span>{t('ranking.area.noFlags')}</span>
            )}
          </div>
        </div>
        <p className="ranking-links">
          <Link to={areaPath(area.code)}>{t('ranking.area.profile')}</Link>
          {' · '}
          <Link to={rankingPath(id)}>{t('ranking.backToRanking')}</Link>
        </p>
      </header>

      <section className="ranking-section" aria-labelledby="why-title">
        <h2 id="why-title">{row.ranked ? t('ranking.area.why') : t('ranking.area.figures')}</h2>
        {row.ranked ? <p className="lead">{t('ranking.area.whyLead')}</p> : null}
        {row.ranked ? (
          <WaterfallChart
            themes={explanation.themes}
            items={items}
            themeLabel={(theme) => themeLabel(t, theme)}
            themeDetail={(theme) =>
              t('ranking.area.themeDetail', {
                share: formatShare(themeByKey.get(theme)?.weight ?? shares.get(theme) ?? 0, locale),
                score:
                  themeByKey.get(theme)?.score != null
                    ? formatNeed(themeByKey.get(theme)!.score!, locale)
                    : '–',
              })
            }
            totalLabel={t('ranking.area.total')}
            formatValue={(v) => formatPoints(v, locale)}
            formatTick={(v) => formatNumber(v * 100, 0, locale)}
            formatTotal={(v) => formatScore(v, locale)}
            label={t('ranking.area.chartLabel', {
              score: row.score !== null ? formatScore(row.score, locale) : '–',
              top: topContributors(explanation, nameOf, locale, t),
            })}
          />
        ) : (
          <p className="notice">{t('ranking.area.noWaterfall')}</p>
        )}
        <details className="as-table" open={!row.ranked}>
          <summary>{t('ranking.area.asTable')}</summary>
          <div className="table-wrap">
            <table className="data-table" data-testid="contribution-table">
              <caption>{t('ranking.area.tableCaption', { name: area.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('map.indicator')}</th>
                  <th scope="col">{t('ranking.col.theme')}</th>
                  <th scope="col" className="num">
                    {t('table.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.col.need')}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.col.weight')}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.col.contribution')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {explanation.indicators.map((i) => (
                  <tr key={i.key}>
                    <th scope="row">
                      {nameOf(i.key)}
                      {row.flags.includes(i.key) ? (
                        <span className="flag-mark" title={t('ranking.flag')}>
                          {' '}
                          ⚑<span className="visually-hidden">{t('ranking.flag')}</span>
                        </span>
                      ) : null}
                    </th>
                    <td>{themeLabel(t, i.theme)}</td>
                    <td className={`num${i.value === null ? ' status' : ''}`}>{valueText(i)}</td>
                    <td className="num">{i.need === null ? '–' : formatNeed(i.need, locale)}</td>
                    <td className="num">{formatShare(i.weight, locale)}</td>
                    <td className="num">{formatPoints(i.contribution, locale)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5}>
                    {t('ranking.area.total')}
                  </th>
                  <td className="num">
                    {row.score !== null ? formatScore(row.score, locale) : '–'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      </section>

      {previous ? (
        <ChangeSection explanation={explanation} nameOf={nameOf} />
      ) : (
        <section className="ranking-section" aria-labelledby="changed-title">
          <h2 id="changed-title">{t('ranking.area.changedNone.title')}</h2>
          <p>{t('ranking.area.changedNone')}</p>
        </section>
      )}

      <RankingMethodNote method={method} />
    </div>
  );
}

/** The three largest contributions in words, for the chart's text alternative. */
function topContributors(
  e: AreaExplanation,
  nameOf: (key: string) => string,
  locale: 'nl' | 'en',
  t: Translate,
): string {
  const top = [...e.indicators]
    .filter((i) => i.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3);
  return top.length === 0
    ? t('ranking.area.noContributions')
    : top.map((i) => `${nameOf(i.key)} ${formatPoints(i.contribution, locale)}`).join(', ');
}

/** What changed since the previous ranking: the rank, and the indicators that moved most. */
function ChangeSection({
  explanation,
  nameOf,
}: {
  explanation: AreaExplanation;
  nameOf(key: string): string;
}) {
  const { t, locale } = useI18n();
  const previous = explanation.previous!;
  const { row, area } = explanation;
  const gain = rankGain({ previousRank: previous.rank, rank: row.rank });
  const moves = previous.moved.filter(
    (m) =>
      m.contributionBefore !== null &&
      m.contributionNow !== null &&
      Math.abs(m.contributionNow - m.contributionBefore) >= 0.0005,
  );
  const shown = moves.slice(0, 5);
  const words = (m: IndicatorMove) => {
    const delta = m.contributionNow! - m.contributionBefore!;
    const need =
      m.needBefore !== null && m.needNow !== null
        ? t('ranking.move.need', {
            before: formatNeed(m.needBefore, locale),
            now: formatNeed(m.needNow, locale),
          })
        : '';
    const years =
      m.yearBefore !== null && m.yearNow !== null && m.yearBefore !== m.yearNow
        ? t('ranking.move.years', { before: m.yearBefore, now: m.yearNow })
        : m.yearBefore !== null && m.yearBefore === m.yearNow
          ? t('ranking.move.sameYear', { year: m.yearNow! })
          : '';
    return t(delta > 0 ? 'ranking.move.more' : 'ranking.move.less', {
      name: nameOf(m.key),
      points: formatPoints(Math.abs(delta), locale).replace('+', ''),
      details: need || years ? ` (${[need, years].filter(Boolean).join('; ')})` : '',
    });
  };
  return (
    <section className="ranking-section" aria-labelledby="changed-title">
      <h2 id="changed-title">{t('ranking.area.changed', { year: previous.ranking.dataYear })}</h2>
      <p data-testid="rank-change-text">
        {previous.rank === null && row.rank === null
          ? t('ranking.area.neverRanked', { year: previous.ranking.dataYear })
          : previous.rank === null
            ? t('ranking.area.wasNotRanked', { year: previous.ranking.dataYear })
            : row.rank === null
              ? t('ranking.area.nowNotRanked', { before: previous.rank })
              : gain === 0
                ? t('ranking.area.sameRank', { name: area.name, rank: row.rank })
                : t(gain! > 0 ? 'ranking.area.rose' : 'ranking.area.fell', {
                    name: area.name,
                    before: previous.rank,
                    now: row.rank,
                    places: placesText(t, Math.abs(gain!)),
                  })}
        {previous.score !== null && row.score !== null
          ? ` ${t('ranking.area.scoreChange', {
              before: formatScore(previous.score, locale),
              now: formatScore(row.score, locale),
            })}`
          : ''}
      </p>
      {row.rank === null ? null : shown.length === 0 ? (
        <p>{t('ranking.area.noMoves')}</p>
      ) : (
        <>
          <ul className="moves">
            {shown.slice(0, 3).map((m) => (
              <li key={m.key}>{words(m)}</li>
            ))}
          </ul>
          <div className="table-wrap moves-table">
            <table className="data-table" data-testid="moves-table">
              <caption>
                {t('ranking.move.caption', {
                  year: previous.ranking.dataYear,
                  now: explanation.ranking.dataYear,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('map.indicator')}</th>
                  <th scope="col" className="num">
                    {t('ranking.move.needBefore', { year: previous.ranking.dataYear })}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.move.needNow', { year: explanation.ranking.dataYear })}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.move.contributionChange')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{nameOf(m.key)}</th>
                    <td className="num">
                      {m.needBefore === null ? '–' : formatNeed(m.needBefore, locale)}
                      {m.yearBefore !== null ? (
                        <span className="muted"> ({m.yearBefore})</span>
                      ) : null}
                    </td>
                    <td className="num">
                      {m.needNow === null ? '–' : formatNeed(m.needNow, locale)}
                      {m.yearNow !== null ? <span className="muted"> ({m.yearNow})</span> : null}
                    </td>
                    <td className="num">
                      {formatPoints(m.contributionNow! - m.contributionBefore!, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
