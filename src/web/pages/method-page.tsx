import { useMemo, useState } from 'react';
import { DEFAULT_METHOD } from '../../domain/ranking/default-methods.js';
import type { MethodDefinition } from '../../domain/ranking/method.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { MethodEditor, type SaveOutcome } from '../components/method-editor.js';
import { MethodReadOnly } from '../components/method-read-only.js';
import { useIndicatorsQuery } from '../hooks/use-indicators-query.js';
import { useMethodsQuery } from '../hooks/use-methods-query.js';
import { useI18n } from '../i18n/i18n.js';
import { formatDate, groupMethods, methodPath } from '../method-format.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';
import '../methods.css';

/** The key in /methoden/nieuw: a new method, started from a copy (`?van=key`). */
export const NEW_METHOD = 'nieuw';

/**
 * /methoden/{key}: one method, a version of it (`?versie=N`, else the newest). Users who may
 * write methods edit it with a live preview; everyone else reads it.
 */
export function MethodPage({ methodKey }: { methodKey: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const methods = useMethodsQuery();
  const indicators = useIndicatorsQuery();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const canWrite = can('methods:write');
  const isNew = methodKey === NEW_METHOD;

  const groups = useMemo(() => groupMethods(methods.data?.methods ?? []), [methods.data]);
  const versions = groups.find((g) => g[0]!.key === methodKey) ?? [];
  const asked = Number(search.get('versie'));
  const shown = versions.find((v) => v.version === asked) ?? versions[0] ?? null;

  // A new method starts as a copy of another (or of the shipped default), under a new key.
  const copyOf = search.get('van');
  const source = useMemo<MethodDefinition>(() => {
    const from = groups.find((g) => g[0]!.key === copyOf)?.[0]?.definition ?? DEFAULT_METHOD;
    return {
      ...from,
      // A valid key to start from, so the form opens without a problem; the user renames it.
      key: `${from.key}-kopie`.slice(0, 63),
      name: t('methods.copyName', { name: from.name }),
    };
  }, [groups, copyOf, t]);

  if (methods.error) return <ErrorPanel error={methods.error} onRetry={methods.reload} />;
  if (indicators.error) return <ErrorPanel error={indicators.error} onRetry={indicators.reload} />;
  if (!methods.data || !indicators.data) return <Loading label={t('methods.loading')} />;

  const back = (
    <nav aria-label={t('area.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/methoden">{t('methods.title')}</Link>
        </li>
        <li aria-current="page">{isNew ? t('methods.new') : (shown?.name ?? methodKey)}</li>
      </ol>
    </nav>
  );

  if (isNew && !canWrite)
    return (
      <div className="page narrow">
        {back}
        <p className="error-panel" role="alert">
          {t('methods.noWrite')}
        </p>
      </div>
    );
  if (!isNew && !shown && (methods.loading || outcome?.method.key === methodKey))
    return <Loading label={t('methods.loading')} />;
  if (!isNew && !shown)
    return (
      <div className="page narrow">
        {back}
        <h1>{t('methods.notFoundTitle')}</h1>
        <p>{t('methods.notFound', { key: methodKey })}</p>
      </div>
    );

  const onSaved = (result: SaveOutcome) => {
    setOutcome(result);
    methods.reload();
    // After a save the page shows the newest version (the saved one), for a new key its page.
    navigate(methodPath(result.method.key), { replace: true });
  };
  const newest = versions[0];
  const olderShown = shown && newest && shown.version !== newest.version;

  return (
    <div className="page method-page">
      {back}
      <header className="method-head">
        <div>
          <h1>
            {isNew ? t('methods.newTitle') : shown!.name}
            {shown ? (
              <span className="subtitle"> · {t('methods.versionN', { n: shown.version })}</span>
            ) : null}
          </h1>
          {shown ? (
            <p className="hint">
              <span className="code">{shown.key}</span> ·{' '}
              {t('methods.savedBy', {
                date: formatDate(shown.createdAt, locale),
                who: shown.createdBy,
              })}{' '}
              · {t('methods.rankingCount', { n: shown.rankings })}
              {shown.builtIn ? ` · ${t('methods.builtIn')}` : ''}
            </p>
          ) : null}
        </div>
        {versions.length > 1 ? (
          <div className="field version-pick">
            <label htmlFor="method-version">{t('methods.version')}</label>
            <select
              id="method-version"
              value={shown!.version}
              onChange={(e) => {
                setOutcome(null);
                navigate(methodPath(methodKey, Number(e.target.value)));
              }}
            >
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('methods.versionN', { n: v.version })}
                  {v === newest ? ` (${t('methods.newest')})` : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {canWrite && !isNew ? (
          <Link
            className="button secondary"
            to={`/methoden/${NEW_METHOD}?van=${encodeURIComponent(methodKey)}`}
          >
            {t('methods.copy')}
          </Link>
        ) : null}
      </header>
      <p className="notice immutable-note">{t('methods.immutable')}</p>
      {olderShown ? (
        <p className="notice">
          {t('methods.olderShown', { n: shown!.version, newest: newest!.version })}{' '}
          <Link to={methodPath(methodKey)}>{t('methods.toNewest')}</Link>
        </p>
      ) : null}
      {canWrite ? (
        <MethodEditor
          // A fresh form per version shown: after a save it starts from what was saved.
          key={shown ? shown.id : `new:${copyOf ?? ''}`}
          initial={shown ? shown.definition : source}
          stored={shown}
          newest={newest ?? null}
          isNew={isNew}
          catalogue={indicators.data.indicators}
          outcome={outcome?.method.key === methodKey ? outcome : null}
          onSaved={onSaved}
          existingKeys={groups.map((g) => g[0]!.key)}
          onRankingMade={methods.reload}
        />
      ) : (
        <MethodReadOnly method={shown!} catalogue={indicators.data.indicators} />
      )}
    </div>
  );
}
