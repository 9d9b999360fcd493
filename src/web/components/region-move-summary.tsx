import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { moveSummary, type RegionRef } from '../regions-view.js';

/**
 * What saving the chosen buurten does, said before it is done: how many are chosen, how many
 * move from which region, which region is left without buurten, how many leave this one.
 */
export function RegionMoveSummary({
  regionKey,
  chosen,
  regions,
}: {
  regionKey: string | null;
  chosen: ReadonlySet<string>;
  regions: readonly RegionRef[];
}) {
  const { t } = useI18n();
  const summary = useMemo(
    () => moveSummary(regionKey, chosen, regions),
    [regionKey, chosen, regions],
  );
  return (
    <div className="region-summary" aria-live="polite" data-testid="region-summary">
      <p>
        {chosen.size === 1
          ? t('regions.summary.chosen.one')
          : t('regions.summary.chosen', { n: chosen.size })}
        {summary.moves.map((m) => (
          <span key={m.key}> {t('regions.summary.moves', { n: m.count, region: m.name })}</span>
        ))}
        {summary.leaving > 0 ? (
          <span> {t('regions.summary.leaves', { n: summary.leaving })}</span>
        ) : null}
      </p>
      {summary.emptied.map((r) => (
        <p key={r.key} className="notice budget-warning">
          {t('regions.summary.emptied', { region: r.name })}
        </p>
      ))}
    </div>
  );
}
