import { useMemo, useState } from 'react';
import { sendJson } from '../api-client.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { usePhrase } from '../components/phrase.js';
import { StockComplexForm, type SavedComplex } from '../components/stock-complex-form.js';
import { StockComplexesTable } from '../components/stock-complexes-table.js';
import { StockRegionsTable } from '../components/stock-regions-table.js';
import { formatNumber } from '../format.js';
import { clearQueries } from '../hooks/use-query.js';
import { useStockComplexesQuery } from '../hooks/use-stock-complexes-query.js';
import { useStockQuery } from '../hooks/use-stock-query.js';
import { useI18n } from '../i18n/i18n.js';
import type { Phrase } from '../server-messages.js';
import { useSession } from '../session.js';
import { complexProblems, spendingRefusal } from '../stock-messages.js';
import { complexRows, type ComplexRowView } from '../stock-view.js';
import '../budget.css';
import '../stock.css';

export const STOCK_PATH = '/bezit';

type Editing = { kind: 'new' } | { kind: 'edit'; row: ComplexRowView } | null;

/**
 * Bezit: the corporation's complexes per budget region, and the complexes one by one with a
 * search and filters. Who may change budgets adds, changes and deletes complexes here; every
 * change is saved at once (the server audits it and refreshes the map's figures).
 */
export function StockPage() {
  const { t, locale } = useI18n();
  const phrase = usePhrase();
  const { can } = useSession();
  const canWrite = can('budgets:write');
  const stock = useStockQuery();
  const complexes = useStockComplexesQuery();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ComplexRowView | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; phrase: Phrase } | null>(null);

  const rows = useMemo(
    () => complexRows(complexes.data?.complexes ?? [], stock.data?.buurten ?? []),
    [complexes.data, stock.data],
  );

  // A change moves figures everywhere (map layers, budget, area pages): every cached answer
  // is dropped, and those on screen are fetched again.
  const saved = (complex: SavedComplex, created: boolean) => {
    setEditing(null);
    clearQueries();
    const placed = t(`stock.placed.${complex.placedBy}`);
    setFeedback({
      ok: true,
      phrase: created
        ? {
            key: 'stock.saved.created',
            vars: { id: complex.corporationId, buurt: complex.buurtName, placed },
          }
        : {
            key: 'stock.saved.changed',
            vars: { id: complex.corporationId, buurt: complex.buurtName },
          },
    });
  };

  const remove = async (row: ComplexRowView) => {
    setBusy(true);
    try {
      await sendJson('DELETE', `/api/stock/complexes/${row.id}`);
      clearQueries();
      setFeedback({
        ok: true,
        phrase: { key: 'stock.saved.deleted', vars: { id: row.corporationId } },
      });
    } catch (error) {
      const refusal = spendingRefusal(error as Error, row.corporationId);
      const problems = complexProblems(error as Error);
      const general = refusal ?? problems.general ?? Object.values(problems.fields)[0] ?? null;
      setFeedback({ ok: false, phrase: general ?? { key: 'error.server' } });
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const header = (
    <header className="budget-header">
      <div>
        <p className="eyebrow">{t('stock.eyebrow')}</p>
        <h1>{t('stock.title')}</h1>
        <p className="lead">{t('stock.lead')}</p>
      </div>
      {canWrite ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setFeedback(null);
            setEditing({ kind: 'new' });
          }}
        >
          {t('stock.add')}
        </button>
      ) : null}
    </header>
  );

  const error = stock.error ?? complexes.error;
  let body: React.ReactNode;
  if (error)
    body = (
      <ErrorPanel
        error={error}
        onRetry={() => {
          stock.reload();
          complexes.reload();
        }}
      />
    );
  else if (!stock.data || !complexes.data) body = <Loading label={t('stock.loading')} />;
  else
    body = (
      <>
        <StockRegionsTable stock={stock.data} />
        <StockComplexesTable
          rows={rows}
          regions={stock.data.regions}
          buurten={stock.data.buurten}
          canWrite={canWrite}
          onEdit={(row) => {
            setFeedback(null);
            setEditing({ kind: 'edit', row });
          }}
          onDelete={(row) => {
            setFeedback(null);
            setDeleting(row);
          }}
        />
      </>
    );

  return (
    <div className="page budget-page stock-page">
      {header}
      {/* Always in the page, so screen readers hear each outcome as it is set. */}
      <div role="status" aria-live="polite" className="stock-feedback" data-testid="stock-feedback">
        {feedback ? (
          <p className={feedback.ok ? 'form-ok' : 'form-error'}>{phrase(feedback.phrase)}</p>
        ) : null}
      </div>
      {body}
      {editing ? (
        <StockComplexForm
          key={editing.kind === 'edit' ? editing.row.id : 'new'}
          editing={editing.kind === 'edit' ? editing.row : null}
          buurten={stock.data?.buurten ?? []}
          onSaved={(complex) => saved(complex, editing.kind === 'new')}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('stock.confirmDelete.title', { id: deleting.corporationId })}
          confirmLabel={t('stock.delete')}
          danger
          busy={busy}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            {t('stock.confirmDelete.body', {
              name: deleting.name ?? deleting.corporationId,
              units: formatNumber(deleting.units, 0, locale),
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
