import { useMemo } from 'react';
import { themeRank, type Indicator } from '../../domain/indicators/indicator.js';
import { ApiError } from '../api-client.js';
import { CommentsPanel } from '../components/comments-panel.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { IndicatorCard } from '../components/indicator-card.js';
import { KeyFigures } from '../components/key-figures.js';
import { LocatorMap } from '../components/locator-map.js';
import { RankingCard } from '../components/ranking-card.js';
import { useAreaProfileQuery } from '../hooks/use-area-profile-query.js';
import { useIndicatorsQuery } from '../hooks/use-indicators-query.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { areaPath, Link } from '../router.js';
import { useSession } from '../session.js';

/** The area profile (dossier): hierarchy, every indicator with trend and comparison. */
export function AreaPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { restricted, minCount } = usePrivacy();
  const profileQuery = useAreaProfileQuery(code);
  const indicatorsQuery = useIndicatorsQuery();
  const profile = profileQuery.stale ? undefined : profileQuery.data;
  const indicators = useMemo(
    () => new Map((indicatorsQuery.data?.indicators ?? []).map((i) => [i.key, i])),
    [indicatorsQuery.data],
  );

  if (profileQuery.error) {
    const status = profileQuery.error instanceof ApiError ? profileQuery.error.status : 0;
    return (
      <div className="page narrow">
        {status === 404 || status === 403 ? (
          <div className="error-panel" role="alert">
            <strong>{status === 404 ? t('area.notFound') : t('area.outOfScope')}</strong>
            <p>
              {status === 403 ? `${t('area.outOfScopeBody')} ` : ''}
              <span className="code">{code}</span>
            </p>
            <Link to="/">{t('area.backToMap')}</Link>
          </div>
        ) : (
          <ErrorPanel error={profileQuery.error} onRetry={profileQuery.reload} />
        )}
      </div>
    );
  }
  if (!profile || !indicatorsQuery.data) return <Loading label={t('area.loading')} />;

  const { area, ancestors, children, series, references, access } = profile;
  const seriesByKey = new Map(series.map((s) => [s.indicatorKey, s]));
  const shown = series
    .map((s) => indicators.get(s.indicatorKey))
    .filter((i): i is Indicator => i !== undefined && i.kind !== 'class');
  const byTheme = new Map<string, Indicator[]>();
  for (const indicator of shown)
    byTheme.set(indicator.theme, [...(byTheme.get(indicator.theme) ?? []), indicator]);
  const themes = [...byTheme.entries()].sort((a, b) => themeRank(a[0]) - themeRank(b[0]));
  const refs = references.map((r) => ({
    name: r.area.name,
    role: r.area.level === 'land' ? ('land' as const) : ('gemeente' as const),
    series: new Map(r.series.map((s) => [s.indicatorKey, s])),
  }));
  const gemeente = ancestors.find((a) => a.level === 'gemeente');
  const mapLink = `/?gemeente=${gemeente?.code ?? (area.level === 'gemeente' ? area.code : 'NL')}&niveau=${area.level === 'wijk' ? 'wijk' : 'buurt'}`;

  return (
    <div className="page area-page">
      <nav aria-label={t('area.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={mapLink}>{t('nav.map')}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.code}>
              <Link to={areaPath(a.code)}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{area.name}</li>
        </ol>
      </nav>
      <header className="area-header">
        <div>
          <p className="eyebrow">
            {t(`area.level.${area.level}` as MessageKey)} · {t('area.code')}{' '}
            <span className="code">{area.code}</span> ·{' '}
            {t('area.boundaryYear', { year: area.boundaryYear })}
          </p>
          <h1>{area.name}</h1>
          {ancestors.length > 0 ? (
            <p className="lies-in">
              {ancestors
                .filter((a) => a.level !== 'land')
                .map((a) => a.name)
                .join(' › ')}
            </p>
          ) : null}
          <KeyFigures series={series} indicators={indicators} />
          {can('figures:read') ? <RankingCard code={area.code} level={area.level} /> : null}
          <p>
            <Link className="button secondary" to={mapLink}>
              {t('area.onMap')}
            </Link>
          </p>
        </div>
        {series[0] && area.level !== 'land' ? (
          <LocatorMap area={area} indicator={series[0].indicatorKey} label={t('area.location')} />
        ) : null}
      </header>
      {access === 'aggregate' ? (
        <p className="notice" data-testid="aggregate-note">
          {t('area.aggregate')}
        </p>
      ) : null}
      {restricted ? (
        <p className="hint privacy-note">{t('privacy.note', { n: minCount })}</p>
      ) : null}
      {shown.length === 0 ? <p className="notice">{t('area.noFigures')}</p> : null}
      {themes.map(([theme, list]) => (
        <section key={theme} className="theme" aria-labelledby={`theme-${theme}`}>
          <h2 id={`theme-${theme}`}>{t(`theme.${theme}` as MessageKey)}</h2>
          <div className="cards">
            {list.map((indicator) => {
              const classIndicator = indicator.classIndicatorKey
                ? indicators.get(indicator.classIndicatorKey)
                : undefined;
              return (
                <IndicatorCard
                  key={indicator.key}
                  indicator={indicator}
                  series={seriesByKey.get(indicator.key)!}
                  classSeries={
                    indicator.classIndicatorKey
                      ? seriesByKey.get(indicator.classIndicatorKey)
                      : undefined
                  }
                  classScheme={classIndicator?.classScheme ?? null}
                  areaName={area.name}
                  // Counts of a buurt and of the whole country do not compare; shares, amounts and scores do.
                  references={
                    indicator.kind === 'count'
                      ? []
                      : refs.map((r) => ({
                          name: r.name,
                          role: r.role,
                          series: r.series.get(indicator.key),
                        }))
                  }
                />
              );
            })}
          </div>
        </section>
      ))}
      {children.length > 0 ? (
        <section className="children" aria-labelledby="children-title">
          <h2 id="children-title">{t(`area.children.${area.level}` as MessageKey)}</h2>
          <ul className="child-list">
            {children.map((c) => (
              <li key={c.code}>
                <Link to={areaPath(c.code)}>{c.name}</Link> <span className="code">{c.code}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can('comments:read') ? <CommentsPanel code={area.code} areaName={area.name} /> : null}
    </div>
  );
}
