import { useMemo } from 'react';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { StoredMethod } from '../hooks/use-methods-query.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShare } from '../method-format.js';
import { MethodWeights } from './method-weights.js';

/** A method for readers who may not change it: its reasons, weights and rules, in words. */
export function MethodReadOnly({
  method,
  catalogue,
}: {
  method: StoredMethod;
  catalogue: Indicator[];
}) {
  const { t, locale } = useI18n();
  const byKey = useMemo(() => new Map(catalogue.map((i) => [i.key, i])), [catalogue]);
  const def = method.definition;
  const within = def.universe.within;
  return (
    <div className="method-read-only" data-testid="method-read-only">
      <p className="hint">{t('methods.readOnly')}</p>
      <div className="method-layout">
        <div className="method-form">
          <section className="card method-section">
            <h2>{t('methods.description')}</h2>
            {def.description ? (
              <p className="method-description">{def.description}</p>
            ) : (
              <p className="hint">{t('methods.noDescription')}</p>
            )}
          </section>
          <section className="card method-section">
            <h2>{t('methods.section.indicators')}</h2>
            <p className="hint section-lead">{t('methods.weightsHint')}</p>
            <MethodWeights definition={def} catalogue={byKey} />
          </section>
        </div>
        <aside className="method-side">
          <section className="card method-section">
            <h2>{t('methods.section.rules')}</h2>
            <dl className="rule-list">
              <dt>{t('methods.level')}</dt>
              <dd>{t(`map.level.${def.universe.level}`)}</dd>
              <dt>{t('methods.within')}</dt>
              <dd>{Array.isArray(within) ? within.join(', ') : t(`methods.within.${within}`)}</dd>
              <dt>{t('methods.normalisation')}</dt>
              <dd>
                {t(`methods.normalisation.${def.normalisation}`)}
                <span className="hint">{t(`methods.normalisation.${def.normalisation}.help`)}</span>
              </dd>
              <dt>{t('methods.antiCompensation')}</dt>
              <dd>
                {def.antiCompensation ? t('methods.yes') : t('methods.no')}
                <span className="hint">{t('methods.antiCompensation.help')}</span>
              </dd>
              <dt>{t('methods.completeness')}</dt>
              <dd>
                {formatShare(def.completeness.minWeightShare, locale)}
                <span className="hint">{t('methods.completeness.help')}</span>
              </dd>
              <dt>{t('methods.flags')}</dt>
              <dd>
                {formatShare(def.flags.percentile, locale)}
                <span className="hint">{t('methods.flags.help')}</span>
              </dd>
              <dt>{t('methods.classes')}</dt>
              <dd>{(locale === 'nl' ? def.classes.labelsNl : def.classes.labelsEn).join(' · ')}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
