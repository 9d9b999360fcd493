import type { MapLayerResponse } from '../../domain/map/map-layer.js';
import { formatNumber } from '../format.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n } from '../i18n/i18n.js';
import { SUPPRESSED_SWATCH } from '../map/map-style.js';
import { indicatorName } from './indicator-name.js';

/** The map's legend: one row per class with colour, range or label, and how many areas. */
export function Legend({ layer }: { layer: MapLayerResponse }) {
  const { t, locale } = useI18n();
  const { restricted, minCount } = usePrivacy();
  const { classification, indicator, summary } = layer;
  const decimals = indicator.decimals;
  // Hidden figures have no class either, but are not "no data": they get their own row.
  const suppressed = summary.byStatus.suppressed ?? 0;
  const missing = Math.max(
    0,
    summary.areas - classification.classes.reduce((sum, c) => sum + c.count, 0) - suppressed,
  );
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
        {suppressed > 0 ? (
          <li title={t('suppression.small_count', { n: minCount })}>
            <span
              className="swatch"
              style={{ background: SUPPRESSED_SWATCH }}
              aria-hidden="true"
              data-testid="suppressed-swatch"
            />
            <span className="legend-label">{t('map.suppressed', { n: minCount })}</span>
            <span className="legend-count">{suppressed}</span>
          </li>
        ) : null}
      </ul>
      <p className="hint">
        {classification.method === 'fixed' ? t('map.fixedNote') : t('map.quantileNote')}
      </p>
      {restricted ? (
        <p className="hint privacy-note">{t('privacy.note', { n: minCount })}</p>
      ) : null}
    </section>
  );
}
