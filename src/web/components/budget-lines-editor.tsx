import { useId, useState, type FormEvent } from 'react';
import { sendJson } from '../api-client.js';
import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { useI18n } from '../i18n/i18n.js';
import { removalRefusal } from '../regions-view.js';
import { problemOf } from '../server-messages.js';
import { BudgetLineAdd } from './budget-line-add.js';
import { usePhrase } from './phrase.js';
import { RemovalDialog } from './removal-dialog.js';
import { RowActions } from './row-actions.js';

type Line = BudgetSetupView['lines'][number];

/**
 * The lines without an area: renamed in place, added (key suggested from the name) and removed
 * after a confirmation, through PUT /api/budget/setup and DELETE /api/budget/lines/{key}.
 * `onChanged` reports each outcome for the page's status line.
 */
export function BudgetLinesEditor({
  setup,
  canWrite,
  onChanged,
}: {
  setup: BudgetSetupView;
  canWrite: boolean;
  onChanged(message: string): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const [renaming, setRenaming] = useState<{ key: string; name: string } | null>(null);
  const [removing, setRemoving] = useState<Line | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [problem, setProblem] = useState<{
    field: 'rename' | null;
    text: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  // Regions and lines share one key space: a report row must mean one thing.
  const taken = new Map([...setup.regions, ...setup.lines].map((x) => [x.key, x.name]));

  const put = async (line: { key: string; name: string }, done: string) => {
    setBusy(true);
    try {
      await sendJson('PUT', '/api/budget/setup', { lines: [line] });
      setProblem(null);
      onChanged(done);
      return true;
    } catch (error) {
      setProblem({ field: null, text: phrase(problemOf(error as Error).phrase) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const name = renaming.name.trim();
    if (!name) return setProblem({ field: 'rename', text: t('regions.error.nameRequired') });
    if (
      await put({ key: renaming.key, name }, t('lines.saved.renamed', { key: renaming.key, name }))
    )
      setRenaming(null);
  };

  const remove = async (line: Line) => {
    setBusy(true);
    try {
      await sendJson('DELETE', `/api/budget/lines/${encodeURIComponent(line.key)}`);
      setRemoving(null);
      onChanged(t('lines.saved.removed', { name: line.name }));
    } catch (error) {
      setRefusal(removalRefusal(error, t) ?? phrase(problemOf(error as Error).phrase));
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: 'rename') =>
    problem?.field === field ? `${id}-${field}-error` : undefined;
  const errorText = (field: 'rename') =>
    problem?.field === field ? (
      <p className="form-error field-error" id={`${id}-${field}-error`}>
        {problem.text}
      </p>
    ) : null;

  return (
    <section className="budget-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('lines.section')}</h2>
      <p className="hint">{t('lines.hint')}</p>
      {setup.lines.length === 0 ? (
        <p className="notice">{t('lines.none')}</p>
      ) : (
        <div className="table-wrap budget-table-wrap fit">
          <table className="data-table line-table" data-testid="line-list">
            <caption>{t('lines.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lines.col.name')}</th>
                <th scope="col">{t('regions.col.key')}</th>
                {canWrite ? (
                  <th scope="col" className="row-actions">
                    {t('regions.col.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {setup.lines.map((line) => (
                <tr key={line.key} data-line={line.key}>
                  <th scope="row">
                    {renaming?.key === line.key ? (
                      <form className="line-rename" onSubmit={rename} noValidate>
                        <label className="visually-hidden" htmlFor={`${id}-rename`}>
                          {t('lines.newName', { name: line.name })}
                        </label>
                        <input
                          id={`${id}-rename`}
                          value={renaming.name}
                          autoFocus
                          autoComplete="off"
                          aria-invalid={errorFor('rename') ? true : undefined}
                          aria-describedby={errorFor('rename')}
                          onChange={(e) => setRenaming({ key: line.key, name: e.target.value })}
                          onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                        />
                        <button type="submit" className="button small" disabled={busy}>
                          {t('form.save')}
                        </button>
                        <button
                          type="button"
                          className="button small secondary"
                          onClick={() => setRenaming(null)}
                        >
                          {t('form.cancel')}
                        </button>
                        {errorText('rename')}
                      </form>
                    ) : (
                      line.name
                    )}
                  </th>
                  <td>
                    <span className="code">{line.key}</span>
                  </td>
                  {canWrite ? (
                    <RowActions
                      change={{
                        text: t('lines.rename'),
                        label: t('lines.renameLabel', { name: line.name }),
                        onClick: () => {
                          setProblem(null);
                          setRenaming({ key: line.key, name: line.name });
                        },
                      }}
                      remove={{
                        text: t('lines.remove'),
                        label: t('lines.removeLabel', { name: line.name }),
                        onClick: () => {
                          setRefusal(null);
                          setRemoving(line);
                        },
                      }}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite ? (
        <BudgetLineAdd
          taken={taken}
          busy={busy}
          onAdd={(line) => put(line, t('lines.saved.created', { name: line.name }))}
        />
      ) : null}
      {problem && problem.field === null ? (
        <p className="form-error" role="alert">
          {problem.text}
        </p>
      ) : null}
      {removing ? (
        <RemovalDialog
          title={t('lines.removeTitle', { name: removing.name })}
          confirmLabel={t('lines.remove')}
          refusal={refusal}
          busy={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('lines.removeBody')}</p>
        </RemovalDialog>
      ) : null}
    </section>
  );
}
