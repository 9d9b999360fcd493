import { useId, useState } from 'react';
import { apiUrl, sendJson } from '../api-client.js';
import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { useI18n } from '../i18n/i18n.js';
import { removalRefusal } from '../regions-view.js';
import { problemOf } from '../server-messages.js';
import { usePhrase } from './phrase.js';
import { RemovalDialog } from './removal-dialog.js';

type Region = BudgetSetupView['regions'][number];

/**
 * Removing a region: where its buurten go (another region, or none), then DELETE
 * /api/budget/regions/{key}. A refusal stays in the dialog in the interface language.
 */
export function RegionRemoveDialog({
  region,
  regions,
  onRemoved,
  onCancel,
}: {
  region: Region;
  regions: Region[];
  onRemoved(result: { name: string; to: string | null }): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const others = regions
    .filter((r) => r.key !== region.key)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const remove = async () => {
    setBusy(true);
    try {
      await sendJson(
        'DELETE',
        apiUrl(`/api/budget/regions/${encodeURIComponent(region.key)}`, { moveBuurtenTo: to }),
      );
      onRemoved({ name: region.name, to: others.find((r) => r.key === to)?.name ?? null });
    } catch (error) {
      setRefusal(removalRefusal(error, t) ?? phrase(problemOf(error as Error).phrase));
    } finally {
      setBusy(false);
    }
  };

  return (
    <RemovalDialog
      title={t('regions.removeTitle', { name: region.name })}
      confirmLabel={t('regions.remove')}
      refusal={refusal}
      busy={busy}
      onConfirm={() => void remove()}
      onCancel={onCancel}
    >
      <p>{t('regions.removeBody')}</p>
      {region.buurten.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-to`}>
            {t('regions.removeMoveTo', { n: region.buurten.length })}
          </label>
          <select
            id={`${id}-to`}
            value={to}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setTo(e.target.value);
              setRefusal(null);
            }}
          >
            <option value="">{t('regions.removeMoveNone')}</option>
            {others.map((r) => (
              <option key={r.key} value={r.key}>
                {r.name}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-hint`}>
            {t('regions.removeMoveHint')}
          </p>
        </div>
      ) : null}
    </RemovalDialog>
  );
}
