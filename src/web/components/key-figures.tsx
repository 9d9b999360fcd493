import { CLASS_SCHEMES_BY_KEY } from '../../domain/indicators/class-schemes.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { Series } from '../../domain/indicators/observation.js';
import { formatFigure } from '../format.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n } from '../i18n/i18n.js';
import { indicatorName } from './indicator-name.js';
import { explainStatus } from './status-text.js';

// The figures a policy adviser looks for first, in this order, where the area has them.
const KEYS = ['a_inw', 'a_woning', 'p_wcorpw', 'lbm_score_class', 'lbm_afw_class'];

/** A strip of key figures for the area header: newest value with its year. */
export function KeyFigures({
  series,
  indicators,
}: {
  series: Series[];
  indicators: Map<string, Indicator>;
}) {
  const { t, locale } = useI18n();
  const { minCount } = usePrivacy();
  const byKey = new Map(series.map((s) => [s.indicatorKey, s]));
  const shown = KEYS.filter((k) => byKey.has(k) && indicators.has(k))
    .filter((k, _, list) => !(k === 'lbm_afw_class' && list.includes('lbm_score_class')))
    .slice(0, 4);
  if (shown.length === 0) return null;
  return (
    <dl className="key-figures">
      {shown.map((key) => {
        const indicator = indicators.get(key)!;
        const points = byKey.get(key)!.points;
        const latest =
          [...points].reverse().find((p) => p.value !== null || p.status === 'suppressed') ??
          points[points.length - 1]!;
        const scheme = indicator.classScheme ? CLASS_SCHEMES_BY_KEY[indicator.classScheme] : null;
        const text =
          scheme && latest.value !== null
            ? `${(locale === 'nl' ? scheme.labelsNl : scheme.labelsEn)[latest.value - 1] ?? latest.value}`
            : formatFigure(
                latest.value,
                latest.status,
                indicator,
                locale,
                latest.suppression,
                minCount,
              );
        return (
          <div key={key}>
            <dt>{indicatorName(indicator, locale).replace(/ \((klasse|class)\)$/, '')}</dt>
            <dd>
              <span
                className="kf-value"
                title={
                  latest.value === null
                    ? explainStatus(t, latest.status, latest.suppression, minCount)
                    : undefined
                }
              >
                {text}
              </span>{' '}
              <span className="kf-year">{latest.year}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
