import { useEffect, useMemo, useState } from 'react';
import { themeRank, type Indicator } from '../../domain/indicators/indicator.js';
import { statusLabel } from '../../domain/format/format-value.js';
import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import { ApiError, apiUrl } from '../api-client.js';
import { AreaTable } from '../components/area-table.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { indicatorName } from '../components/indicator-name.js';
import { Legend } from '../components/legend.js';
import { explainStatus } from '../components/status-text.js';
import { formatFigure } from '../format.js';
import { useAreasQuery } from '../hooks/use-areas-query.js';
import { useAvailableIndicatorsQuery } from '../hooks/use-available-indicators-query.js';
import { useIndicatorsQuery } from '../hooks/use-indicators-query.js';
import { useMapLayerQuery } from '../hooks/use-map-layer-query.js';
import type { Meta } from '../hooks/use-meta-query.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { ChoroplethMap } from '../map/choropleth-map.js';
import {
  defaultGemeente as pickGemeente,
  NATIONAL,
  readView,
  writeView,
  type ViewState,
} from '../map/view-state.js';
import { areaPath, navigate, useLocation } from '../router.js';
import { useUser } from '../session.js';

// The first of these with figures here is the map a new user sees.
const PREFERRED = ['lbm_score', 'lbm_afw', 'p_wcorpw', 'a_inw'];

// A representative zoom per stored detail level (see domain/geometry/detail-levels).
const ZOOM_FOR_DETAIL = [7, 10, 13];

/** The home page: a choropleth of one indicator and year for the buurten of a gemeente. */
export function MapPage({ meta }: { meta: Meta }) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const user = useUser();
  const { minCount } = usePrivacy();
  // Only the gemeenten in the user's scope come back.
  const gemeenten = useAreasQuery('gemeente');
  const indicators = useIndicatorsQuery();
  const visible = useMemo(() => (gemeenten.data?.areas ?? []).map((g) => g.code), [gemeenten.data]);
  // "The whole country" is every area for an unlimited scope; for a scope of several gemeenten
  // it is all of those; for one gemeente it is nothing more than that gemeente. (A scope
  // without any gemeente gets the national view, which says there is nothing to show.)
  const nationalAllowed = user.scope.all || visible.length !== 1;

  const defaultGemeente = useMemo(() => {
    const own = meta.organisations.find((o) => o.key === user.organisation?.key);
    const corporation = meta.organisations.find((o) => o.kind === 'corporation');
    return pickGemeente(visible, [
      ...(own?.workingArea ?? []),
      ...(corporation?.workingArea ?? []),
    ]);
  }, [meta, user, visible]);
  // The gemeente and level come from the URL before the indicator: what has figures depends on them.
  const place = readView(search, { gemeente: defaultGemeente, indicator: '' });
  // A link to a gemeente outside the scope (shared by a colleague elsewhere): show the user's
  // own instead, and say why, rather than asking the server for what it will refuse.
  const placeAllowed =
    gemeenten.data !== undefined &&
    (place.gemeente === NATIONAL ? nationalAllowed : visible.includes(place.gemeente));
  // The refused code rides along in the URL until the user changes the view.
  const refused = search.get('buiten');
  useEffect(() => {
    if (gemeenten.data === undefined || placeAllowed) return;
    // The rest of the link (indicator, view) stays as it was; its year may not exist here.
    const next = new URLSearchParams(search);
    next.set('gemeente', defaultGemeente);
    next.delete('jaar');
    next.set('buiten', place.gemeente);
    navigate(`/?${next.toString()}`, { replace: true });
  }, [gemeenten.data, placeAllowed, place.gemeente, defaultGemeente, search]);
  const available = useAvailableIndicatorsQuery(
    place.level,
    place.gemeente === NATIONAL ? null : place.gemeente,
    placeAllowed,
  );
  const mappable = useMemo(() => {
    const withData = new Set((available.data?.indicators ?? []).map((i) => i.key));
    const all = (indicators.data?.indicators ?? []).filter((i) => i.kind !== 'class');
    // An indicator counts when it or its published class has figures here.
    return all.filter(
      (i) =>
        withData.has(i.key) || (i.classIndicatorKey !== null && withData.has(i.classIndicatorKey)),
    );
  }, [indicators.data, available.data]);
  const defaultIndicator =
    PREFERRED.find((key) => mappable.some((i) => i.key === key)) ?? mappable[0]?.key ?? 'lbm_score';
  const view = readView(search, { gemeente: defaultGemeente, indicator: defaultIndicator });
  const update = (change: Partial<ViewState>, replace = false) =>
    navigate(writeView({ ...view, ...change }), { replace });

  // Finer geometry once the user zooms in past what the layer shows; reset with the extent.
  const extentKey = `${view.gemeente}:${view.level}`;
  const [detail, setDetail] = useState<{ extent: string; detail: number } | null>(null);
  const zoom = detail && detail.extent === extentKey ? ZOOM_FOR_DETAIL[detail.detail] : undefined;

  const layerQuery = useMapLayerQuery(
    placeAllowed && indicators.data && available.data
      ? {
          level: view.level,
          parent: view.gemeente === NATIONAL ? null : view.gemeente,
          indicator: view.indicator,
          year: view.year,
          ...(zoom !== undefined ? { zoom } : {}),
        }
      : null,
  );
  const yearMissing =
    layerQuery.error instanceof ApiError && layerQuery.error.code === 'year_not_available';
  // A year the new indicator lacks: fall back to its newest year instead of an error page.
  useEffect(() => {
    if (yearMissing && view.year !== null)
      navigate(writeView({ ...view, year: null }), { replace: true });
  }, [yearMissing, view]);

  const layer = layerQuery.data;
  // The chosen indicator stays in the list even without figures here, marked as such.
  const listed = useMemo(() => {
    const current = (indicators.data?.indicators ?? []).find((i) => i.key === view.indicator);
    return current && !mappable.includes(current) ? [...mappable, current] : mappable;
  }, [mappable, indicators.data, view.indicator]);
  const grouped = useMemo(() => groupByTheme(listed), [listed]);
  const nationalLabel = user.scope.all ? t('map.allGemeenten') : t('map.allMyGemeenten');
  const where =
    view.gemeente === NATIONAL
      ? nationalLabel
      : (gemeenten.data?.areas.find((g) => g.code === view.gemeente)?.name ?? view.gemeente);
  const levelLabel = t(`map.level.${view.level}` as MessageKey);
  const levels =
    view.gemeente === NATIONAL
      ? (['buurt', 'wijk', 'gemeente'] as const)
      : (['buurt', 'wijk'] as const);

  if (gemeenten.error) return <ErrorPanel error={gemeenten.error} onRetry={gemeenten.reload} />;
  if (indicators.error) return <ErrorPanel error={indicators.error} onRetry={indicators.reload} />;
  // Until the user's gemeenten are known, any choice shown would be a guess.
  if (!gemeenten.data || !placeAllowed) return <Loading label={t('map.loading')} />;

  return (
    <div className="map-page">
      <aside className="panel controls" aria-label={t('map.settings')}>
        <div className="field">
          <label htmlFor="gemeente">{t('map.gemeente')}</label>
          <select
            id="gemeente"
            value={view.gemeente}
            onChange={(e) => update({ gemeente: e.target.value })}
          >
            {(gemeenten.data?.areas ?? []).map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
            {nationalAllowed ? <option value={NATIONAL}>{nationalLabel}</option> : null}
          </select>
        </div>
        <fieldset className="field segmented">
          <legend>{t('map.level')}</legend>
          {levels.map((level) => (
            <label key={level} className={view.level === level ? 'active' : undefined}>
              <input
                type="radio"
                name="level"
                value={level}
                checked={view.level === level}
                onChange={() => update({ level })}
              />
              {t(`map.level.${level}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="indicator">{t('map.indicator')}</label>
          <select
            id="indicator"
            value={view.indicator}
            onChange={(e) => update({ indicator: e.target.value, year: null })}
          >
            {grouped.map(([theme, list]) => (
              <optgroup key={theme} label={t(`theme.${theme}` as MessageKey)}>
                {list.map((i) => (
                  <option key={i.key} value={i.key}>
                    {indicatorName(i, locale)}
                    {mappable.includes(i) ? '' : ` (${t('map.noData').toLowerCase()})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">{t('map.year')}</label>
          <select
            id="year"
            value={layer?.year ?? ''}
            disabled={!layer || layerQuery.stale || layer.years.length === 0}
            onChange={(e) => update({ year: Number(e.target.value) })}
          >
            {(layer?.years ?? [])
              .slice()
              .reverse()
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        {layer ? <Legend layer={layer} /> : null}
        {layer ? (
          <SourceNote
            layer={layer}
            t={t}
            description={(() => {
              const i = indicators.data?.indicators.find((x) => x.key === layer.indicator.key);
              return i ? (locale === 'nl' ? i.descriptionNl : i.descriptionEn) : '';
            })()}
          />
        ) : null}
      </aside>
      <section className="map-main" aria-labelledby="view-title">
        <div className="toolbar">
          <h1 id="view-title">
            {layer ? indicatorName(layer.indicator, locale) : t('map.title')}
            <span className="subtitle">
              {' '}
              · {levelLabel} · {where}
              {layer?.year ? ` · ${layer.year}` : ''}
            </span>
          </h1>
          <div className="toolbar-actions">
            {layer && layer.year !== null && !layerQuery.stale ? (
              // The same areas, figures and disclosure control as on screen; the server logs it.
              <a
                className="button secondary small download"
                href={apiUrl('/api/export/figures.csv', {
                  level: layer.level,
                  parent: view.gemeente === NATIONAL ? null : view.gemeente,
                  indicator: layer.indicator.key,
                  year: layer.year,
                })}
                download
              >
                <span aria-hidden="true">⤓ </span>
                {t('map.downloadCsv')}
              </a>
            ) : null}
            <div className="view-switch" role="group" aria-label={t('map.view')}>
              {(['kaart', 'tabel'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view.view === v}
                  className={view.view === v ? 'active' : undefined}
                  onClick={() => update({ view: v })}
                >
                  {t(v === 'kaart' ? 'map.view.map' : 'map.view.table')}
                </button>
              ))}
            </div>
          </div>
        </div>
        {refused ? (
          <p className="notice" role="status">
            {t('map.outOfScope', { code: refused })}
          </p>
        ) : null}
        {layerQuery.error && !yearMissing ? (
          <ErrorPanel error={layerQuery.error} onRetry={layerQuery.reload} />
        ) : !layer ? (
          <Loading label={t('map.loading')} />
        ) : (
          <>
            {layer.year === null ? <p className="notice">{t('map.noYears')}</p> : null}
            {view.view === 'kaart' ? (
              <div
                className={layerQuery.stale ? 'stale-view' : 'current-view'}
                aria-busy={layerQuery.stale}
              >
                <ChoroplethMap
                  layer={layer}
                  extentKey={extentKey}
                  basemap={meta.basemap}
                  ariaLabel={t('map.aria', {
                    what: levelLabel.toLowerCase(),
                    where,
                    indicator: indicatorName(layer.indicator, locale),
                    year: layer.year ?? '–',
                  })}
                  onSelect={(code) => navigate(areaPath(code))}
                  onNeedDetail={(d) => setDetail({ extent: extentKey, detail: d })}
                  renderTooltip={({ properties: p }) => {
                    const cls = layer.classification.classes.find((c) => c.class === p.class);
                    const label = cls ? (locale === 'nl' ? cls.labelNl : cls.labelEn) : null;
                    const hasValue = p.value !== null && p.value !== undefined;
                    return (
                      <>
                        <strong>{p.name}</strong>
                        <span className="code">{p.code}</span>
                        <span className="tooltip-value">
                          {formatFigure(
                            p.value,
                            p.status,
                            layer.indicator,
                            locale,
                            p.suppression,
                            minCount,
                          )}
                          {hasValue && label ? ` · ${label}` : ''}
                        </span>
                        {!hasValue ? (
                          <span className="hint">
                            {explainStatus(t, p.status, p.suppression, minCount)}
                          </span>
                        ) : null}
                        {hasValue && p.source === 'demo' ? (
                          <span className="hint">{t('map.demoValues')}</span>
                        ) : null}
                      </>
                    );
                  }}
                />
              </div>
            ) : (
              <div
                className={layerQuery.stale ? 'stale-view' : 'current-view'}
                aria-busy={layerQuery.stale}
              >
                <AreaTable layer={layer} />
              </div>
            )}
            <p className="hint below-map">
              {t('map.areas', { n: layer.summary.areas })}
              {view.view === 'kaart' ? ` · ${t('map.hoverHint')}` : ''}
            </p>
          </>
        )}
      </section>
    </div>
  );
}

/** Where the figures on the map come from: the publisher, the year, and whether they are demo. */
function SourceNote({
  layer,
  t,
  description,
}: {
  layer: MapLayerResponse;
  t: Translate;
  /** What the figure is and what it leaves out, from the catalogue. */
  description: string;
}) {
  const sources = new Set(
    layer.features.flatMap((f) => (f.properties.source ? [f.properties.source] : [])),
  );
  const { locale } = useI18n();
  // With the source's own classes the legend already counts the areas without one; hidden
  // figures always have their own legend row.
  const statuses =
    layer.classification.method === 'fixed'
      ? []
      : Object.entries(layer.summary.byStatus).filter(
          ([status]) => status !== 'ok' && status !== 'provisional' && status !== 'suppressed',
        );
  return (
    <div className="source-note">
      {description ? <p className="indicator-description">{description}</p> : null}
      <p>
        <span className="label">{t('map.source')}:</span> {layer.indicator.source}
        {layer.year !== null ? `, ${layer.year}` : ''}
        {sources.has('demo') ? <span className="demo-tag"> · {t('map.demoValues')}</span> : null}
      </p>
      {statuses.length > 0 ? (
        <p>
          {statuses
            .map(([status, n]) => `${n} ${statusLabel(status as 'secret', locale)}`)
            .join(' · ')}
        </p>
      ) : null}
    </div>
  );
}

function groupByTheme(indicators: Indicator[]): Array<[string, Indicator[]]> {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators)
    groups.set(indicator.theme, [...(groups.get(indicator.theme) ?? []), indicator]);
  return [...groups.entries()].sort((a, b) => themeRank(a[0]) - themeRank(b[0]));
}
