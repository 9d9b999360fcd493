import { formatNumber } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import type { ImportResult } from './import-form.js';

/** What the last upload did, or why nothing was written. */
export function ImportResultPanel({ result }: { result: ImportResult }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, 0, locale);
  if (!result.ok || !result.summary) {
    const error = result.error!;
    return (
      <section className="card result error" role="alert" aria-labelledby="result-title">
        <h2 id="result-title">
          {error.code === 'import_invalid' ? t('admin.invalid') : t('error.title')}
        </h2>
        <p>{error.code === 'import_invalid' ? t('admin.nothingWritten') : error.message}</p>
        {error.issues.length > 0 ? (
          <ul className="issues">
            {error.issues.map((issue) => (
              <li key={issue}>
                <code>{issue}</code>
              </li>
            ))}
          </ul>
        ) : error.code === 'import_invalid' ? (
          <p>
            <code>{error.message}</code>
          </p>
        ) : null}
      </section>
    );
  }
  const s = result.summary;
  const title =
    s.status === 'dry_run'
      ? t('admin.dryRunDone')
      : s.status === 'unchanged'
        ? t('admin.unchanged')
        : t('admin.imported');
  const secret = s.valuesByStatus.secret ?? 0;
  const missing = s.valuesByStatus.missing ?? 0;
  return (
    <section className="card result ok" role="status" aria-labelledby="result-title">
      <h2 id="result-title">
        {title}: {s.file}
      </h2>
      {s.status !== 'unchanged' ? (
        <dl className="summary-list">
          <dt>{t('admin.rows')}</dt>
          <dd>{n(s.rowsRead)}</dd>
          <dt>{t('admin.areas')}</dt>
          <dd>
            {t('admin.areasValue', { created: n(s.areasCreated), updated: n(s.areasUpdated) })}
          </dd>
          <dt>{t('admin.values')}</dt>
          <dd>
            {t('admin.valuesValue', {
              written: n(s.valuesWritten),
              secret: n(secret),
              missing: n(missing),
            })}
          </dd>
          <dt>{t('admin.notMatched')}</dt>
          <dd>
            {n(s.codesNotMatchedCount)}
            {s.codesNotMatched.length
              ? ` (${s.codesNotMatched.slice(0, 6).join(', ')}${s.codesNotMatchedCount > 6 ? ', …' : ''})`
              : ''}
          </dd>
          {s.release ? (
            <>
              <dt>{t('admin.releaseLabel')}</dt>
              <dd>{s.release}</dd>
            </>
          ) : null}
          <dt>{t('admin.boundaryYear')}</dt>
          <dd>{s.boundaryYear}</dd>
          <dt>{t('admin.time')}</dt>
          <dd>{formatNumber(s.seconds, 1, locale)} s</dd>
        </dl>
      ) : null}
      {s.messages.length > 0 ? (
        <ul className="messages">
          {s.messages.map((m) => (
            <li key={m.text} className={m.level}>
              {m.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
