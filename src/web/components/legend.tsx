import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import { formatNumber } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { indicatorName } from './indicator-name.js';

/** The map's legend: one row per class with colour, range or label, and how many areas. */
export function Legend({ layer }: { layer: MapLayerResponse }) {
  const { t, locale } = useI18n();
  const { classification, indicator, summary } = layer;
  const decimals = indicator.decimals;
  const missing = summary.areas - classification.classes.reduce((sum, c) => sum + c.count, 0);
  const range = (min: number | null, max: number | null) =>
    min === null || max === null
      ? '–'
      : min === max
        ? formatNumber(min, decimals, locale)
        : `${formatNumber(min, decimals, locale)} – ${formatNumber(max, decimals, locale)}`;
  const classes = [...classification.classes].reverse();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">
        {t('map.legend')}
      </h2>
      <p className="legend-subject">
        {indicatorName(indicator, locale)}
        {indicator.unit && indicator.unit !== 'aantal' ? (
          <span className="unit"> ({indicator.unit})</span>
        ) : null}
      </p>
      {indicator.direction !== 'neutral' ? (
        <p className="hint legend-direction">{t(`direction.${indicator.direction}`)}</p>
      ) : null}
      <ul className="legend-list">
        {classes.map((c) => (
          <li key={c.class} className={c.count === 0 ? 'empty' : undefined}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span className="legend-label">
              {classification.method === 'fixed'
                ? `${c.class} · ${(locale === 'nl' ? c.labelNl : c.labelEn) ?? ''}`
                : range(c.min, c.max)}
            </span>
            <span className="legend-count">{c.count}</span>
          </li>
        ))}
        <li>
          <span
            className="swatch"
            style={{ background: classification.noDataColour }}
            aria-hidden="true"
          />
          <span className="legend-label">{t('map.noData')}</span>
          <span className="legend-count">{missing}</span>
        </li>
      </ul>
      <p className="hint">
        {classification.method === 'fixed' ? t('map.fixedNote') : t('map.quantileNote')}
      </p>
    </section>
  );
}
