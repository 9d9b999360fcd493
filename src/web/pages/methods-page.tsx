import { useMemo } from 'react';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { MethodWeights } from '../components/method-weights.js';
import { useIndicatorsQuery } from '../hooks/use-indicators-query.js';
import { useMethodsQuery } from '../hooks/use-methods-query.js';
import { useI18n } from '../i18n/i18n.js';
import { formatDate, groupMethods, methodPath } from '../method-format.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import '../methods.css';

/** /methoden: every ranking method with its newest version, versions, use and reasons. */
export function MethodsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const methods = useMethodsQuery();
  const indicators = useIndicatorsQuery();
  const groups = useMemo(() => groupMethods(methods.data?.methods ?? []), [methods.data]);
  const catalogue = useMemo(
    () => new Map((indicators.data?.indicators ?? []).map((i) => [i.key, i])),
    [indicators.data],
  );

  if (methods.error) return <ErrorPanel error={methods.error} onRetry={methods.reload} />;
  if (!methods.data) return <Loading label={t('methods.loading')} />;

  return (
    <div className="page methods-page">
      <div className="page-head">
        <div>
          <h1>{t('methods.title')}</h1>
          <p className="lead">{t('methods.lead')}</p>
        </div>
        {can('methods:write') ? (
          <Link className="button" to="/methoden/nieuw">
            {t('methods.new')}
          </Link>
        ) : null}
      </div>
      <p className="notice immutable-note">{t('methods.immutable')}</p>
      {groups.length === 0 ? <p>{t('methods.none')}</p> : null}
      <ul className="method-list" data-testid="method-list">
        {groups.map((versions) => {
          const newest = versions[0]!;
          const rankings = versions.reduce((sum, v) => sum + v.rankings, 0);
          // Shipped with Buurtbalans, even when a later version was saved by a user.
          const builtIn = versions.some((v) => v.builtIn);
          const titleId = `method-${newest.key}`;
          return (
            <li key={newest.key}>
              <article className="card method-card" aria-labelledby={titleId}>
                <header className="method-card-head">
                  <h2 id={titleId}>
                    <Link to={methodPath(newest.key)}>{newest.name}</Link>
                  </h2>
                  <span className="badges">
                    <span className={`badge ${builtIn ? 'neutral' : 'own'}`}>
                      {builtIn ? t('methods.builtIn') : t('methods.own')}
                    </span>
                    {builtIn && !newest.builtIn ? (
                      <span className="badge own">{t('methods.adapted')}</span>
                    ) : null}
                  </span>
                </header>
                <div className="method-card-body">
                  <div className="method-card-text">
                    <dl className="method-facts">
                      <div>
                        <dt>{t('methods.key')}</dt>
                        <dd className="code">{newest.key}</dd>
                      </div>
                      <div>
                        <dt>{t('methods.newestVersion')}</dt>
                        <dd data-testid="newest-version">
                          {t('methods.versionN', { n: newest.version })}
                          <span className="hint">
                            {' '}
                            · {formatDate(newest.createdAt, locale)} · {newest.createdBy}
                          </span>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('methods.versions')}</dt>
                        <dd data-testid="version-count">{versions.length}</dd>
                      </div>
                      <div>
                        <dt>{t('methods.rankings')}</dt>
                        <dd>{rankings}</dd>
                      </div>
                    </dl>
                    <h3 className="reasons-title">{t('methods.reasons')}</h3>
                    {newest.definition.description ? (
                      <p className="method-description">{newest.definition.description}</p>
                    ) : (
                      <p className="hint">{t('methods.noDescription')}</p>
                    )}
                  </div>
                  <MethodWeights definition={newest.definition} catalogue={catalogue} compact />
                </div>
                {versions.length > 1 ? (
                  <details className="method-history">
                    <summary>{t('methods.history', { n: versions.length })}</summary>
                    <ol>
                      {versions.map((v) => (
                        <li key={v.id}>
                          <Link to={methodPath(v.key, v.version)}>
                            {t('methods.versionN', { n: v.version })}
                          </Link>{' '}
                          <span className="hint">
                            {formatDate(v.createdAt, locale)} · {v.createdBy} ·{' '}
                            {t('methods.rankingCount', { n: v.rankings })}
                          </span>
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
                <div className="card-foot">
                  <Link to={methodPath(newest.key)}>
                    {can('methods:write') ? t('methods.openEdit') : t('methods.open')}
                  </Link>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
