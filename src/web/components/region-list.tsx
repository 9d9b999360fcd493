import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { useI18n } from '../i18n/i18n.js';
import { RowActions } from './row-actions.js';

type Region = BudgetSetupView['regions'][number];

/**
 * The budget regions with their key and buurten (opened on request: a region may hold dozens).
 * Who may change them gets "Wijzigen" and "Verwijderen" per region, named after it.
 */
export function RegionList({
  regions,
  canWrite,
  onEdit,
  onRemove,
}: {
  regions: Region[];
  canWrite: boolean;
  onEdit(region: Region): void;
  onRemove(region: Region): void;
}) {
  const { t } = useI18n();
  if (regions.length === 0) return <p className="notice">{t('regions.none')}</p>;
  const sorted = [...regions].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <div className="table-wrap budget-table-wrap fit">
      <table className="data-table region-table" data-testid="region-list">
        <caption>{t('regions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regions.col.region')}</th>
            <th scope="col">{t('regions.col.key')}</th>
            <th scope="col">{t('regions.col.buurten')}</th>
            {canWrite ? (
              <th scope="col" className="row-actions">
                {t('regions.col.actions')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((region) => (
            <tr key={region.key} data-region={region.key}>
              <th scope="row">{region.name}</th>
              <td>
                <span className="code">{region.key}</span>
              </td>
              <td className="region-buurten-cell">
                {region.buurten.length === 0 ? (
                  <>
                    <span className="badge neutral">{t('regions.empty')}</span>
                    {canWrite ? <span className="sub">{t('regions.emptyHint')}</span> : null}
                  </>
                ) : (
                  <details>
                    <summary>
                      {region.buurten.length === 1
                        ? t('regions.buurtCount.one')
                        : t('regions.buurtCount', { n: region.buurten.length })}
                      <span className="visually-hidden">: {t('regions.showBuurten')}</span>
                    </summary>
                    <ul className="region-buurt-names">
                      {region.buurten.map((b) => (
                        <li key={b.code}>
                          {b.name} <span className="code">{b.code}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              {canWrite ? (
                <RowActions
                  change={{
                    text: t('regions.edit'),
                    label: t('regions.editLabel', { name: region.name }),
                    onClick: () => onEdit(region),
                  }}
                  remove={{
                    text: t('regions.remove'),
                    label: t('regions.removeLabel', { name: region.name }),
                    onClick: () => onRemove(region),
                  }}
                />
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
