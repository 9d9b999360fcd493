import { useState } from 'react';
import type { AllocationResult } from '../../domain/budget/allocate.js';
import { ApiError, apiUrl, sendJson } from '../api-client.js';
import type { BudgetScenarioSummary } from '../hooks/budget-types.js';
import { invalidateQueries, OWN_DATA_QUERIES, useQuery } from '../hooks/use-query.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { SCENARIO_COLOURS } from '../charts/scenario-bars-chart.js';
import { AllocationView } from './allocation-view.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ErrorPanel, Loading } from './feedback.js';

type Pending = { kind: 'adopt' | 'delete'; scenario: BudgetScenarioSummary };

/**
 * The scenarios of a year as cards, in the chart's colours: per scenario its arithmetic, a
 * copy into a new scenario, and — for users who may change budgets — adoption (only while the
 * year has no begroting) and removal (never of the adopted one), each after a confirmation.
 */
export function ScenarioCards({
  year,
  scenarios,
  regionName,
  canWrite,
  onChanged,
}: {
  year: number;
  scenarios: readonly BudgetScenarioSummary[];
  regionName(key: string): string;
  canWrite: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const yearAdopted = scenarios.some((s) => s.adopted);

  const run = async ({ kind, scenario }: Pending) => {
    setBusy(true);
    // Close a removed scenario's arithmetic first, so nothing asks for it once it is gone.
    if (kind === 'delete' && shown === scenario.id) setShown(null);
    try {
      if (kind === 'adopt') await sendJson('POST', `/api/budget/scenarios/${scenario.id}/adopt`);
      else await sendJson('DELETE', `/api/budget/scenarios/${scenario.id}`);
      invalidateQueries(OWN_DATA_QUERIES);
      setMessage({
        kind: 'done',
        text:
          kind === 'adopt'
            ? t('budget.adopt.done', { name: scenario.name, year })
            : t('scenario.deleted', { name: scenario.name }),
      });
      onChanged();
    } catch (error) {
      const text = refusalText(error, kind, year, t);
      setMessage({
        kind: 'failed',
        text: t(kind === 'adopt' ? 'budget.adopt.failed' : 'scenario.deleteFailed', {
          message: text,
        }),
      });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <>
      {yearAdopted ? <p className="hint">{t('scenario.adoptedExists', { year })}</p> : null}
      <ul className="scenario-cards">
        {scenarios.map((s, i) => (
          <li
            key={s.id}
            className={s.adopted ? 'card scenario-card adopted' : 'card scenario-card'}
          >
            <h3>
              <span
                className="swatch"
                style={{ background: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length] }}
                aria-hidden="true"
              />
              {s.name}{' '}
              {s.adopted ? (
                <span className="badge succeeded">{t('budget.scenarios.adopted')}</span>
              ) : null}
            </h3>
            <p className="hint">
              {s.adopted && s.adoptedBy
                ? t('budget.scenarios.adoptedMeta', { by: s.adoptedBy })
                : t('budget.scenarios.meta', { by: s.createdBy })}
            </p>
            <div className="card-actions">
              <button
                type="button"
                className="button secondary small"
                aria-expanded={shown === s.id}
                aria-controls="scenario-arithmetic"
                onClick={() => setShown(shown === s.id ? null : s.id)}
              >
                {t(shown === s.id ? 'scenario.hideArithmetic' : 'scenario.showArithmetic')}
              </button>
              {canWrite ? (
                <Link
                  className="button secondary small"
                  to={`/begroting/scenario?jaar=${year}&van=${s.id}`}
                >
                  {t('scenario.copy')}
                </Link>
              ) : null}
              {canWrite && !yearAdopted ? (
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    setMessage(null);
                    setPending({ kind: 'adopt', scenario: s });
                  }}
                >
                  {t('budget.adopt')}
                </button>
              ) : null}
              {canWrite && !s.adopted ? (
                <button
                  type="button"
                  className="button secondary small danger-text"
                  onClick={() => {
                    setMessage(null);
                    setPending({ kind: 'delete', scenario: s });
                  }}
                >
                  {t('scenario.delete')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {message ? (
        <p
          className={message.kind === 'done' ? 'notice' : 'error-panel'}
          role={message.kind === 'done' ? 'status' : 'alert'}
          data-testid="budget-adopt-message"
        >
          {message.text}
        </p>
      ) : null}
      {shown !== null ? <ScenarioArithmetic id={shown} regionName={regionName} /> : null}
      {pending ? (
        <ConfirmDialog
          title={
            pending.kind === 'adopt'
              ? t('budget.adopt.confirmTitle', { name: pending.scenario.name, year })
              : t('scenario.deleteTitle', { name: pending.scenario.name })
          }
          confirmLabel={
            busy
              ? t(pending.kind === 'adopt' ? 'budget.adopt.busy' : 'scenario.deleteBusy')
              : t(pending.kind === 'adopt' ? 'budget.adopt' : 'scenario.delete')
          }
          danger={pending.kind === 'delete'}
          busy={busy}
          onConfirm={() => void run(pending)}
          onCancel={() => setPending(null)}
        >
          <p>{t(pending.kind === 'adopt' ? 'budget.adopt.confirmBody' : 'scenario.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** One stored scenario's arithmetic (GET /api/budget/scenarios/{id}). */
function ScenarioArithmetic({ id, regionName }: { id: number; regionName(key: string): string }) {
  const { t } = useI18n();
  const detail = useQuery<{ name: string; result: AllocationResult }>(
    apiUrl(`/api/budget/scenarios/${id}`),
  );
  return (
    <section
      id="scenario-arithmetic"
      className="card scenario-arithmetic"
      aria-label={detail.data?.name}
    >
      {detail.error ? (
        <ErrorPanel error={detail.error} onRetry={detail.reload} />
      ) : !detail.data || detail.stale ? (
        <Loading label={t('allocation.loading')} />
      ) : (
        <>
          <h3 className="arithmetic-title">{detail.data.name}</h3>
          <AllocationView result={detail.data.result} regionName={regionName} />
        </>
      )}
    </section>
  );
}

/** A refusal in the interface's language: the server's sentences are for developers. */
function refusalText(error: unknown, kind: Pending['kind'], year: number, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 409)
      return t(kind === 'adopt' ? 'scenario.refused.adopted' : 'scenario.refused.frozen', { year });
    if (error.status === 403) return t('scenario.refused.wholeArea');
    if (error.status === 404) return t('scenario.refused.gone');
  }
  return error instanceof Error ? error.message : String(error);
}
