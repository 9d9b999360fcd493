import { useEffect, useState } from 'react';
import { BudgetLinesEditor } from '../components/budget-lines-editor.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { RegionEditor } from '../components/region-editor.js';
import { RegionList } from '../components/region-list.js';
import { RegionRemoveDialog } from '../components/region-remove-dialog.js';
import { useBudgetSetupQuery, type BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { invalidateQueries, OWN_DATA_QUERIES } from '../hooks/use-query.js';
import { useI18n } from '../i18n/i18n.js';
import { REGIONS_PATH } from '../regions-view.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { STOCK_PATH } from './stock-page.js';
import '../budget.css';
import '../stock.css';
import '../regions.css';

export { REGIONS_PATH };

type Region = BudgetSetupView['regions'][number];
type Editing = { kind: 'new' } | { kind: 'edit'; region: Region } | null;

/**
 * "Regio's en posten": the budget regions with their buurten and the lines without an area.
 * Accounts that may change budgets and see the whole working area add, change and remove
 * them; everyone else sees them. A change moves the begroting, the scenario editor and the
 * map, so every cached answer about the corporation's own data is dropped after it.
 */
export function RegionsPage() {
  const { t } = useI18n();
  const { can, user } = useSession();
  const mayWrite = can('budgets:write');
  const canWrite = mayWrite && user?.scope.all === true;
  const setup = useBudgetSetupQuery();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Region | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  // After the editor or a dialog closes, the keyboard goes back to the button that opened it
  // or, when that is gone, to the section's heading (the status line says what happened).
  const [focus, setFocus] = useState<{ selector: string } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const target = document.querySelector<HTMLElement>(focus.selector);
    (target ?? document.getElementById('regions-title'))?.focus();
  }, [focus]);

  const changed = (message: string) => {
    invalidateQueries(OWN_DATA_QUERIES);
    setFeedback(message);
  };
  const open = (next: Editing) => {
    setFeedback(null);
    setEditing(next);
  };
  const close = (saved: boolean) => {
    const selector =
      editing?.kind === 'edit'
        ? `tr[data-region="${editing.region.key}"] button`
        : '[data-testid=region-add]';
    setEditing(null);
    setFocus({ selector: saved ? '#regions-title' : selector });
  };

  let regions: React.ReactNode;
  if (setup.error) regions = <ErrorPanel error={setup.error} onRetry={setup.reload} />;
  else if (!setup.data) regions = <Loading label={t('regions.loading')} />;
  else if (editing)
    regions = (
      <RegionEditor
        key={editing.kind === 'edit' ? editing.region.key : 'new'}
        region={editing.kind === 'edit' ? editing.region : null}
        setup={setup.data}
        onSaved={({ name, count, created }) => {
          changed(
            t(created ? 'regions.saved.created' : 'regions.saved.changed', { name, n: count }),
          );
          close(true);
        }}
        onCancel={() => close(false)}
      />
    );
  else
    regions = (
      <RegionList
        regions={setup.data.regions}
        canWrite={canWrite}
        onEdit={(region) => open({ kind: 'edit', region })}
        onRemove={(region) => {
          setFeedback(null);
          setRemoving(region);
        }}
      />
    );

  return (
    <div className="page budget-page regions-page">
      <p className="back-link">
        <Link to={STOCK_PATH}>{t('regions.back')}</Link>
      </p>
      <header className="budget-header">
        <div>
          <p className="eyebrow">{t('regions.eyebrow')}</p>
          <h1>{t('regions.title')}</h1>
          <p className="lead">{t('regions.lead')}</p>
        </div>
      </header>
      {!canWrite ? (
        <p className="notice">{t(mayWrite ? 'regions.scopedOnly' : 'regions.readOnly')}</p>
      ) : null}
      {/* Always in the page, so screen readers hear each outcome as it is set. */}
      <div
        role="status"
        aria-live="polite"
        className="stock-feedback"
        data-testid="regions-feedback"
      >
        {feedback ? <p className="form-ok">{feedback}</p> : null}
      </div>
      <section className="budget-section" aria-labelledby="regions-title">
        <div className="budget-section-head">
          <h2 id="regions-title" tabIndex={-1}>
            {t('regions.section')}
          </h2>
          {canWrite && setup.data && !editing ? (
            <button
              type="button"
              className="button"
              data-testid="region-add"
              onClick={() => open({ kind: 'new' })}
            >
              {t('regions.add')}
            </button>
          ) : null}
        </div>
        {regions}
      </section>
      {setup.data ? (
        <BudgetLinesEditor setup={setup.data} canWrite={canWrite} onChanged={changed} />
      ) : null}
      {removing && setup.data ? (
        <RegionRemoveDialog
          region={removing}
          regions={setup.data.regions}
          onRemoved={({ name, to }) => {
            setRemoving(null);
            changed(
              to
                ? t('regions.saved.removedMoved', { name, to })
                : t('regions.saved.removed', { name }),
            );
            setFocus({ selector: '#regions-title' });
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
