import { useId, useState } from 'react';
import { sendJson } from '../api-client.js';
import { errorText } from '../error-text.js';
import type { StoredMethod } from '../hooks/use-methods-query.js';
import { useI18n } from '../i18n/i18n.js';
import { rankingPath } from '../method-format.js';
import { Link } from '../router.js';

interface MadeRanking {
  id: number;
  dataYear: number;
  ranked: number;
  notRanked: number;
}

/**
 * "Rangorde maken": applies a stored method version to the figures of a data year and stores
 * the ranking, which keeps pointing at that version; then links to it.
 */
export function RankingMaker({
  method,
  years,
  dirty,
  onMade,
}: {
  method: StoredMethod;
  years: number[];
  /** The form holds changes that are not saved: they do not count. */
  dirty: boolean;
  onMade?(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<MadeRanking | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const chosen = year !== null && years.includes(year) ? year : (years[0] ?? null);

  const make = async () => {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      const result = await sendJson<{ ranking: MadeRanking }>('POST', '/api/rankings', {
        method: `${method.key}@${method.version}`,
        year: chosen,
      });
      setMade(result.ranking);
      onMade?.();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card ranking-maker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('methods.makeTitle')}</h2>
      <p className="hint">{t('methods.makeLead', { n: method.version })}</p>
      {dirty ? <p className="notice">{t('methods.makeDirty', { n: method.version })}</p> : null}
      <div className="make-row">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('methods.dataYear')}</label>
          <select
            id={`${id}-year`}
            value={chosen ?? ''}
            disabled={years.length === 0}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={make} disabled={busy || chosen === null}>
          {busy ? t('methods.making') : t('methods.make', { n: method.version })}
        </button>
      </div>
      <div aria-live="polite">
        {made ? (
          <p className="form-ok" data-testid="ranking-made">
            {t('methods.made', {
              year: made.dataYear,
              ranked: made.ranked,
              notRanked: made.notRanked,
            })}{' '}
            <Link to={rankingPath(made.id)}>{t('methods.openRanking')}</Link>
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {errorText(error, t).message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
