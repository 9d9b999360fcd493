import type { Indicator } from '../../domain/indicators/indicator.js';
import type { MethodDefinition } from '../../domain/ranking/method.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShare, themeName } from '../method-format.js';
import { formatNumber } from '../format.js';
import { indicatorName } from './indicator-name.js';

/**
 * A method's indicators per theme with their weights as bars: what weighs how much, at a
 * glance. The bar is each indicator's share of the total weight; a theme's share is its sum.
 */
export function MethodWeights({
  definition,
  catalogue,
  compact = false,
}: {
  definition: Pick<MethodDefinition, 'indicators' | 'themeWeights'>;
  catalogue: ReadonlyMap<string, Indicator>;
  compact?: boolean;
}) {
  const { t, locale } = useI18n();
  const total = definition.indicators.reduce((sum, i) => sum + i.weight, 0);
  const heaviest = Math.max(0, ...definition.indicators.map((i) => i.weight));
  const themes = [...new Set(definition.indicators.map((i) => i.theme))];
  const themeWeight = (theme: string) =>
    definition.indicators.filter((i) => i.theme === theme).reduce((sum, i) => sum + i.weight, 0);
  const themeTotal = definition.themeWeights
    ? Object.values(definition.themeWeights).reduce((sum, w) => sum + w, 0)
    : total;
  const themeShare = (theme: string) =>
    definition.themeWeights
      ? (definition.themeWeights[theme] ?? 0) / themeTotal
      : themeWeight(theme) / themeTotal;
  return (
    <div className={`method-weights${compact ? ' compact' : ''}`}>
      {themes.map((theme) => (
        <section key={theme} className="weight-theme" aria-label={themeName(theme, t)}>
          <h3>
            {themeName(theme, t)}{' '}
            <span className="hint">
              {t('methods.themeShare', { share: formatShare(themeShare(theme), locale) })}
            </span>
          </h3>
          <ul>
            {definition.indicators
              .filter((i) => i.theme === theme)
              .map((i) => {
                const entry = catalogue.get(i.key);
                return (
                  <li key={i.key}>
                    <span className="weight-name">
                      {entry ? indicatorName(entry, locale) : i.key}
                      {compact ? null : (
                        <span className="hint"> · {t(`direction.${i.direction}`)}</span>
                      )}
                    </span>
                    <span className="weight-bar" aria-hidden="true">
                      <span
                        style={{ width: `${heaviest > 0 ? (i.weight / heaviest) * 100 : 0}%` }}
                      />
                    </span>
                    <span className="weight-value">
                      {t('methods.weightValue', {
                        weight: formatNumber(i.weight, i.weight % 1 === 0 ? 0 : 1, locale),
                      })}
                    </span>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
