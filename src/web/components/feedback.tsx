import { errorText } from '../error-text.js';
import { useI18n } from '../i18n/i18n.js';

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error the user can act on: what happened in their language, and a retry where it helps. */
export function ErrorPanel({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const { message, retry } = errorText(error, t);
  return (
    <div className="error-panel" role="alert">
      <strong>{t('error.title')}</strong>
      <p>{message}</p>
      {onRetry && retry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
