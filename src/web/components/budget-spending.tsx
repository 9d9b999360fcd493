import { useId, useMemo, useState } from 'react';
import { sendJson } from '../api-client.js';
import { formatEuros } from '../budget-format.js';
import { useBudgetSpendingQuery, type SpendingLine } from '../hooks/use-budget-spending-query.js';
import { useI18n } from '../i18n/i18n.js';
import { problemOf } from '../server-messages.js';
import { BudgetSpendingForm } from './budget-spending-form.js';
import { BudgetSpendingTable, dayMonthYear } from './budget-spending-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ErrorPanel, Loading } from './feedback.js';
import { usePhrase } from './phrase.js';

const targetId = (line: SpendingLine) => `${line.target.kind}:${line.target.key}`;

/**
 * "Uitgaven {jaar}": the year's spending lines with filters by target and category and the
 * total of what is shown. Users who may change budgets add a line by hand and delete lines
 * entered by hand (an imported line returns with the next import, so it has no button).
 * `onChanged` reloads the page's realisation and annual report after a change.
 */
export function BudgetSpending({
  year,
  canWrite,
  onChanged,
}: {
  year: number;
  canWrite: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const query = useBudgetSpendingQuery(year);
  const [target, setTarget] = useState('');
  const [category, setCategory] = useState('');
  const [asking, setAsking] = useState<SpendingLine | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const data = query.stale ? undefined : query.data;
  const categories = useMemo(
    () => [...new Set((data?.lines ?? []).map((l) => l.category))].sort(),
    [data],
  );
  // A filter on something no longer there (its last line deleted) is no filter: the select
  // shows "Alle" then, and the table must agree with it.
  const byTarget = data?.totals.some((s) => `${s.kind}:${s.key}` === target) ? target : '';
  const byCategory = categories.includes(category) ? category : '';
  const shown = useMemo(
    () =>
      (data?.lines ?? []).filter(
        (l) =>
          (!byTarget || targetId(l) === byTarget) && (!byCategory || l.category === byCategory),
      ),
    [data, byTarget, byCategory],
  );
  const euros = (cents: number) => formatEuros(cents, locale, 2);
  const changed = () => {
    query.reload();
    onChanged();
  };

  const remove = async (line: SpendingLine) => {
    const vars = { date: dayMonthYear(line.date), amount: euros(line.amountCents) };
    setBusy(true);
    try {
      await sendJson('DELETE', `/api/budget/spending/${line.id}`);
      setMessage({ kind: 'done', text: t('budget.spending.deleted', vars) });
      changed();
    } catch (error) {
      const text = phrase(problemOf(error as Error).phrase);
      setMessage({ kind: 'failed', text: t('budget.spending.deleteFailed', { message: text }) });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const select = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    items: [string, string][],
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('budget.spending.all')}</option>
        {items.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="budget-section budget-spending" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('budget.spending.title', { year })}</h2>
      <p className="hint">{t('budget.spending.lead')}</p>
      {canWrite ? (
        <BudgetSpendingForm
          year={year}
          categories={categories}
          onAdded={(line) => {
            setMessage({
              kind: 'done',
              text: t('budget.spending.add.done', {
                amount: euros(line.amountCents),
                target: line.target.name,
              }),
            });
            changed();
          }}
        />
      ) : null}
      {message ? (
        <p
          className={message.kind === 'done' ? 'form-ok' : 'form-error'}
          role={message.kind === 'done' ? 'status' : 'alert'}
          data-testid="spending-message"
        >
          {message.text}
        </p>
      ) : null}
      {query.error ? (
        <ErrorPanel error={query.error} onRetry={query.reload} />
      ) : !data ? (
        <Loading label={t('budget.spending.loading')} />
      ) : data.lines.length === 0 ? (
        <p className="notice">{t('budget.spending.none', { year })}</p>
      ) : (
        <>
          <div className="budget-spending-filters">
            {select(
              'target',
              t('budget.spending.filterTarget'),
              byTarget,
              setTarget,
              data.totals.map((s) => [
                `${s.kind}:${s.key}`,
                `${s.name} (${t(`budget.spending.kind.${s.kind}`).toLowerCase()})`,
              ]),
            )}
            {select(
              'category',
              t('budget.spending.filterCategory'),
              byCategory,
              setCategory,
              categories.map((c) => [c, c]),
            )}
          </div>
          <BudgetSpendingTable
            year={year}
            lines={shown}
            onDelete={
              canWrite
                ? (line) => {
                    setMessage(null);
                    setAsking(line);
                  }
                : null
            }
          />
        </>
      )}
      {asking ? (
        <ConfirmDialog
          title={t('budget.spending.deleteTitle', {
            date: dayMonthYear(asking.date),
            amount: euros(asking.amountCents),
          })}
          confirmLabel={busy ? t('budget.spending.deleteBusy') : t('budget.spending.delete')}
          danger
          busy={busy}
          onConfirm={() => void remove(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {t('budget.spending.deleteBody', {
              category: asking.category,
              target: asking.target.name,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
