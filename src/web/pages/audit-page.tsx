import { useMemo, useState, type FormEvent } from 'react';
import { apiUrl } from '../api-client.js';
import { compactDetails, fullDetails } from '../audit-format.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { useAuditLog, type AuditEntry, type AuditFilters } from '../hooks/use-audit-log.js';
import { useMetaQuery } from '../hooks/use-meta-query.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { navigate, useLocation } from '../router.js';

const PATH = '/beheer/auditlog';
// URL parameter per filter: the filtered view is a link, like the map's.
const PARAMS: Record<keyof AuditFilters, string> = {
  action: 'actie',
  text: 'tekst',
  organisation: 'organisatie',
  from: 'van',
  to: 'tot',
};
const KEYS = Object.keys(PARAMS) as Array<keyof AuditFilters>;

function readFilters(search: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = search.get(PARAMS[key])?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

function writeFilters(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) search.set(PARAMS[key], filters[key]!);
  const query = search.toString();
  return query ? `${PATH}?${query}` : PATH;
}

/** The audit log (audit:read): who did what and when, filtered, paged, and as CSV. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const meta = useMetaQuery();
  const query = search.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(query)), [query]);
  const log = useAuditLog(filters);

  const organisations = meta.data?.organisations ?? [];
  const organisationName = new Map(organisations.map((o) => [o.key, o.name]));
  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  // Actions in the log, plus the chosen one (a link may name an action not yet logged).
  const actions = [...new Set([...log.actions, ...(filters.action ? [filters.action] : [])])].sort(
    (a, b) => actionLabel(a, t).localeCompare(actionLabel(b, t), locale),
  );

  const active = KEYS.some((k) => filters[k]);

  return (
    <div className="page admin-page audit-page">
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      {/* Keyed by the URL: other filters there (back, a link) start a fresh draft. */}
      <FilterForm key={query} filters={filters} actions={actions} organisations={organisations} />
      <div className="table-head">
        <p className="hint" aria-live="polite">
          {log.loading && log.entries.length === 0
            ? ''
            : t(
                log.hasMore
                  ? 'audit.countMore'
                  : log.entries.length === 1
                    ? 'audit.countOne'
                    : 'audit.count',
                { n: log.entries.length },
              )}
        </p>
        <a
          className="button secondary small download"
          href={apiUrl('/api/audit.csv', { ...filters })}
          download
        >
          <span aria-hidden="true">⤓ </span>
          {t('map.downloadCsv')}
        </a>
      </div>
      {log.error && log.entries.length === 0 ? (
        <ErrorPanel error={log.error} onRetry={log.reload} />
      ) : log.loading && log.entries.length === 0 ? (
        <Loading label="…" />
      ) : log.entries.length === 0 ? (
        <p className="notice">{active ? t('audit.noneFiltered') : t('audit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table audit-table" data-testid="audit-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('users.organisation')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
                <th scope="col">{t('audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id} data-id={e.id}>
                  <td className="nowrap">
                    <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  </td>
                  <td className="actor">
                    {e.actor}
                    {e.actorKind !== 'user' ? (
                      <span className="actor-kind"> · {t(`audit.kind.${e.actorKind}`)}</span>
                    ) : null}
                  </td>
                  <td>
                    {e.organisation
                      ? (organisationName.get(e.organisation) ?? e.organisation)
                      : '–'}
                  </td>
                  <td>
                    <span className={`badge action ${actionTone(e)}`}>
                      {actionLabel(e.action, t)}
                    </span>
                  </td>
                  <td className="target">{e.target ?? '–'}</td>
                  <td className="details" title={fullDetails(e.details) || undefined}>
                    {compactDetails(e.details) || '–'}
                  </td>
                  <td className="code nowrap">{e.ip ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasMore ? (
        <p className="more">
          <button
            type="button"
            className="button secondary"
            onClick={() => void log.loadMore()}
            disabled={log.loadingMore}
          >
            {log.loadingMore ? t('audit.loadingMore') : t('audit.more')}
          </button>
        </p>
      ) : null}
      {log.error && log.entries.length > 0 ? <ErrorPanel error={log.error} /> : null}
    </div>
  );
}

/** The filters as a form: a draft until applied, then the URL. */
function FilterForm({
  filters,
  actions,
  organisations,
}: {
  filters: AuditFilters;
  actions: string[];
  organisations: Array<{ key: string; name: string }>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(writeFilters(draft));
  };
  const set = (key: keyof AuditFilters, value: string) =>
    setDraft((d) => ({ ...d, [key]: value || undefined }));
  const active = KEYS.some((k) => filters[k]);
  return (
    <form className="card filters" onSubmit={apply} aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div className="filter-row">
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select
            id="audit-action"
            value={draft.action ?? ''}
            onChange={(e) => set('action', e.target.value)}
          >
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="audit-text">{t('audit.text')}</label>
          <input
            id="audit-text"
            type="search"
            value={draft.text ?? ''}
            placeholder={t('audit.textPlaceholder')}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-organisation">{t('users.organisation')}</label>
          <select
            id="audit-organisation"
            value={draft.organisation ?? ''}
            onChange={(e) => set('organisation', e.target.value)}
          >
            <option value="">{t('audit.allOrganisations')}</option>
            {organisations.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from ?? ''}
            max={draft.to}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to ?? ''}
            min={draft.from}
            onChange={(e) => set('to', e.target.value)}
          />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          {active ? (
            <button type="button" className="button secondary" onClick={() => navigate(PATH)}>
              {t('audit.clear')}
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}

const KNOWN_ACTIONS = new Set([
  'login',
  'login_failed',
  'logout',
  'logout_everywhere',
  'user_created',
  'user_changed',
  'password_reset',
  'import',
  'export',
  'view_sensitive',
  'method_changed',
  'budget_changed',
  'demo_loaded',
  'demo_removed',
]);

/** An action in words ("gebruiker aangemaakt"); an action this version does not know, as is. */
export function actionLabel(action: string, t: Translate): string {
  return KNOWN_ACTIONS.has(action)
    ? t(`audit.action.${action}` as MessageKey)
    : action.replaceAll('_', ' ');
}

/** Failures stand out; reads and sessions stay quiet. */
function actionTone(entry: AuditEntry): string {
  if (entry.action === 'login_failed') return 'failed';
  if (
    entry.action.endsWith('_changed') ||
    entry.action.endsWith('_created') ||
    entry.action === 'password_reset'
  )
    return 'change';
  return 'neutral';
}
