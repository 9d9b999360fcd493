import { useState } from 'react';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { ImportForm, KINDS, type ImportResult } from '../components/import-form.js';
import { ImportResultPanel } from '../components/import-result.js';
import { formatNumber } from '../format.js';
import { useImportRunsQuery, type ImportRun } from '../hooks/use-import-runs-query.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';

const KNOWN_KINDS = new Set<string>([...KINDS, 'demo']);

/** Administration of data: upload files, and the log of every import with its messages. */
export function AdminImportsPage() {
  const { t } = useI18n();
  const runs = useImportRunsQuery();
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <div className="page admin-page">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      <div className="admin-grid">
        <ImportForm
          onDone={(r) => {
            setResult(r);
            runs.reload();
          }}
        />
        {result ? <ImportResultPanel result={result} /> : <Explainer />}
      </div>
      <section className="runs" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('admin.runs')}</h2>
        {runs.error ? (
          <ErrorPanel error={runs.error} onRetry={runs.reload} />
        ) : !runs.data ? (
          <Loading label="…" />
        ) : (
          <RunsTable runs={runs.data.importRuns} />
        )}
      </section>
    </div>
  );
}

function Explainer() {
  const { t } = useI18n();
  return (
    <section className="card explainer" aria-labelledby="explainer-title">
      <h2 id="explainer-title">{t('admin.howTitle')}</h2>
      <ol>
        <li>{t('admin.how1')}</li>
        <li>{t('admin.how2')}</li>
        <li>{t('admin.how3')}</li>
      </ol>
      <p className="hint">{t('admin.howCli')}</p>
    </section>
  );
}

function RunsTable({ runs }: { runs: ImportRun[] }) {
  const { t, locale } = useI18n();
  if (runs.length === 0) return <p className="notice">{t('admin.noRuns')}</p>;
  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className="table-wrap">
      <table className="data-table runs-table" data-testid="import-runs">
        <thead>
          <tr>
            <th scope="col">{t('admin.started')}</th>
            <th scope="col">{t('admin.kind')}</th>
            <th scope="col">{t('admin.file')}</th>
            <th scope="col" className="num">
              {t('admin.rows')}
            </th>
            <th scope="col" className="num">
              {t('admin.values')}
            </th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.messages')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{when.format(new Date(run.startedAt))}</td>
              <td>
                {KNOWN_KINDS.has(run.kind) ? t(`admin.kind.${run.kind}` as MessageKey) : run.kind}
              </td>
              <td className="file">{run.fileName ?? '–'}</td>
              <td className="num">{run.rows === null ? '–' : formatNumber(run.rows, 0, locale)}</td>
              <td className="num">
                {valuesOf(run) === null ? '–' : formatNumber(valuesOf(run)!, 0, locale)}
              </td>
              <td>
                <span className={`badge ${run.status}`}>
                  {t(`admin.status.${run.status}` as MessageKey)}
                </span>
              </td>
              <td>
                {run.messages.length > 0 ? (
                  <details>
                    <summary>
                      {run.messages.length === 1
                        ? t('admin.messageOne')
                        : t('admin.messageCount', { n: run.messages.length })}
                    </summary>
                    <ul className="messages">
                      {run.messages.map((m, i) => (
                        <li key={i} className={m.level}>
                          {m.text}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Figures a run wrote: imports say valuesWritten, the demo loader observations. */
function valuesOf(run: ImportRun): number | null {
  const value = run.summary.valuesWritten ?? run.summary.observations;
  return typeof value === 'number' ? value : null;
}
