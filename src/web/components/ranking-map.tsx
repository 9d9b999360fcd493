import { useMemo, useState } from 'react';
import type { RankingTable } from '../hooks/ranking-types.js';
import { useMetaQuery } from '../hooks/use-meta-query.js';
import { useRankingMapLayer } from '../hooks/use-ranking-map-layer.js';
import { useI18n } from '../i18n/i18n.js';
import { ChoroplethMap } from '../map/choropleth-map.js';
import { classLabel } from '../ranking-classes.js';
import { rankingAreaPath } from '../ranking-view-state.js';
import { navigate } from '../router.js';
import { ErrorPanel, Loading } from './feedback.js';

// A representative zoom per stored detail level (as on the map page).
const ZOOM_FOR_DETAIL = [7, 10, 13];

interface Props {
  table: RankingTable;
  /** A gemeente code, or '' for every gemeente of the ranking. */
  gemeente: string;
  onGemeente(code: string): void;
  gemeenteName(code: string): string;
}

/**
 * The ranking on a map by class, with a legend of the class labels; hovering names the area and
 * its rank, a click opens its explanation.
 */
export function RankingMap({ table, gemeente, onGemeente, gemeenteName }: Props) {
  const { t, locale } = useI18n();
  const meta = useMetaQuery();
  const { method, ranking } = table;
  const all = useMemo(
    () =>
      [...new Set(table.areas.flatMap((r) => (r.gemeenteCode ? [r.gemeenteCode] : [])))].sort(
        (a, b) => gemeenteName(a).localeCompare(gemeenteName(b), 'nl'),
      ),
    [table, gemeenteName],
  );
  const chosen = useMemo(
    () => (gemeente && all.includes(gemeente) ? [gemeente] : all),
    [gemeente, all],
  );
  const extentKey = `${ranking.id}:${chosen.join(',')}`;
  const [detail, setDetail] = useState<{ extent: string; detail: number } | null>(null);
  const zoom = detail && detail.extent === extentKey ? ZOOM_FOR_DETAIL[detail.detail] : undefined;
  const { layer, error, reload } = useRankingMapLayer(table, chosen, zoom);
  const labelOf = (cls: number) =>
    classLabel(method.classes, cls, locale, (n) => t('map.classOf', { n }));
  const where = chosen.length === 1 ? gemeenteName(chosen[0]!) : t('ranking.allGemeenten');

  return (
    <div className="ranking-map-view">
      <aside className="panel ranking-map-side" aria-label={t('map.settings')}>
        {all.length > 1 ? (
          <div className="field">
            <label htmlFor="ranking-map-gemeente">{t('map.gemeente')}</label>
            <select
              id="ranking-map-gemeente"
              value={chosen.length === 1 ? chosen[0] : ''}
              onChange={(e) => onGemeente(e.target.value)}
            >
              <option value="">{t('ranking.allGemeenten')}</option>
              {all.map((code) => (
                <option key={code} value={code}>
                  {gemeenteName(code)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {layer ? (
          <section className="legend" aria-labelledby="ranking-legend-title">
            <h2 id="ranking-legend-title" className="panel-title">
              {t('map.legend')}
            </h2>
            <p className="legend-subject">{t('ranking.map.legendSubject')}</p>
            <ul className="legend-list" data-testid="ranking-legend">
              {layer.classification.classes.map((c) => (
                <li key={c.class} className={c.count === 0 ? 'empty' : undefined}>
                  <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                  <span className="legend-label">
                    {c.class} · {labelOf(c.class)}
                  </span>
                  <span className="legend-count">{c.count}</span>
                </li>
              ))}
              {layer.summary.byStatus.missing ? (
                <li>
                  <span
                    className="swatch"
                    style={{ background: layer.classification.noDataColour }}
                    aria-hidden="true"
                  />
                  <span className="legend-label">{t('ranking.notRanked')}</span>
                  <span className="legend-count">{layer.summary.byStatus.missing}</span>
                </li>
              ) : null}
            </ul>
            <p className="hint">{t('ranking.map.classNote', { n: method.classes.count })}</p>
          </section>
        ) : null}
      </aside>
      <div className="ranking-map-main">
        {error ? (
          <ErrorPanel error={error} onRetry={reload} />
        ) : !layer ? (
          <Loading label={t('map.loading')} />
        ) : (
          <>
            <ChoroplethMap
              layer={layer}
              extentKey={extentKey}
              basemap={meta.data?.basemap ?? null}
              ariaLabel={t('ranking.map.aria', { where, year: ranking.dataYear })}
              onSelect={(code) => navigate(rankingAreaPath(ranking.id, code))}
              onNeedDetail={(d) => setDetail({ extent: extentKey, detail: d })}
              renderTooltip={({ properties: p }) => (
                <>
                  <strong>{p.name}</strong>
                  <span className="code">{p.code}</span>
                  {p.class !== null && p.value !== null && p.value !== undefined ? (
                    <>
                      <span className="tooltip-value">
                        {t('ranking.rankOf', { rank: p.value, n: ranking.ranked })}
                      </span>
                      <span>{labelOf(p.class)}</span>
                    </>
                  ) : (
                    <span className="tooltip-value">{t('ranking.notRanked')}</span>
                  )}
                </>
              )}
            />
            <p className="hint below-map">
              {t('map.areas', { n: layer.summary.areas })} · {t('ranking.map.hint')}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
