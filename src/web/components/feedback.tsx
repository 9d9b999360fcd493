import { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n.js';

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error the user can act on: the server's message, and a retry. */
export function ErrorPanel({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const message =
    error instanceof ApiError && error.code === 'network' ? t('error.network') : error.message;
  return (
    <div className="error-panel" role="alert">
      <strong>{t('error.title')}</strong>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
