import type { MethodDefinition } from '../../domain/ranking/method.js';
import { formatNumber } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShare, themeLabel } from '../ranking-format.js';

/**
 * Each theme's share of the total weight: its weight in `themeWeights`, or by default the sum
 * of its indicators' weights.
 */
export function themeShares(method: MethodDefinition): Array<{ theme: string; share: number }> {
  const themes = [...new Set(method.indicators.map((i) => i.theme))];
  const weightOf = (theme: string) =>
    method.themeWeights?.[theme] ??
    method.indicators.filter((i) => i.theme === theme).reduce((sum, i) => sum + i.weight, 0);
  const total = themes.reduce((sum, theme) => sum + weightOf(theme), 0) || 1;
  return themes.map((theme) => ({ theme, share: weightOf(theme) / total }));
}

/**
 * How a rank is made, in plain words and with this method's numbers, and what a rank is for:
 * users should not need the method document to read the ranking.
 */
export function RankingMethodNote({
  method,
  headingLevel = 2,
}: {
  method: MethodDefinition;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const themes = themeShares(method)
    .map((s) => `${themeLabel(t, s.theme).toLowerCase()} ${formatShare(s.share, locale)}`)
    .join(', ');
  return (
    <section className="ranking-method-note" aria-labelledby="how-title">
      <Heading id="how-title">{t('ranking.how.title')}</Heading>
      <ol>
        <li>{t(`ranking.how.norm.${method.normalisation}`)}</li>
        <li>{t('ranking.how.themes', { themes })}</li>
        <li>{t('ranking.how.rank', { n: method.classes.count })}</li>
        <li>
          {t('ranking.how.complete', {
            share: formatShare(method.completeness.minWeightShare, locale),
          })}
        </li>
        <li>
          {t('ranking.how.flags', {
            share: formatShare(1 - method.flags.percentile, locale),
          })}
        </li>
        {method.uncertainty.draws > 0 ? (
          <li>
            {t('ranking.how.interval', {
              share: formatShare(method.uncertainty.perturbation, locale),
              draws: formatNumber(method.uncertainty.draws, 0, locale),
            })}
          </li>
        ) : null}
      </ol>
      {method.description ? (
        <details className="method-description">
          <summary>{t('ranking.how.why', { name: method.name })}</summary>
          <p>{method.description}</p>
        </details>
      ) : null}
      <p className="signal-note">{t('ranking.how.signal')}</p>
    </section>
  );
}
