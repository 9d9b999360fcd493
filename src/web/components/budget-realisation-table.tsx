import {
  differenceSign,
  formatEuros,
  formatEurosPerDwelling,
  formatSignedEuros,
} from '../budget-format.js';
import type { BudgetRealisation } from '../hooks/budget-types.js';
import { formatNumber } from '../format.js';
import { useI18n } from '../i18n/i18n.js';

/** Begroting against realisatie per region and line; the difference signed, colour as extra. */
export function BudgetRealisationTable({ realisation }: { realisation: BudgetRealisation }) {
  const { t, locale } = useI18n();
  return (
    <section className="budget-section" aria-labelledby="budget-realisation-title">
      <h2 id="budget-realisation-title">{t('budget.realisation.title')}</h2>
      <p className="hint">{t('budget.realisation.hint')}</p>
      {realisation.rows.length === 0 ? (
        <p className="notice">{t('budget.realisation.none')}</p>
      ) : (
        <div className="table-wrap budget-table-wrap">
          <table className="data-table budget-realisation-table" data-testid="budget-realisation">
            <caption>{t('budget.realisation.caption', { year: realisation.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.col.item')}</th>
                <th scope="col" className="num">
                  {t('budget.col.budget')}
                </th>
                <th scope="col" className="num">
                  {t('budget.col.spent')}
                </th>
                <th scope="col" className="num">
                  {t('budget.col.difference')}
                </th>
                <th scope="col" className="num">
                  {t('budget.col.daeb')}
                </th>
                <th scope="col" className="num">
                  {t('budget.col.budgetPerDaeb')}
                </th>
                <th scope="col" className="num">
                  {t('budget.col.spentPerDaeb')}
                </th>
              </tr>
            </thead>
            <tbody>
              {realisation.rows.map((row) => {
                const sign = differenceSign(row.differenceCents);
                return (
                  <tr key={row.key}>
                    <th scope="row">
                      {row.name}
                      {row.kind === 'line' ? <span className="sub">{t('budget.line')}</span> : null}
                    </th>
                    <td className="num">{formatEuros(row.budgetCents, locale)}</td>
                    <td className="num">{formatEuros(row.spentCents, locale)}</td>
                    <td className={`num difference ${sign ?? ''}`}>
                      {formatSignedEuros(row.differenceCents, locale)}
                      {sign ? (
                        <span className="visually-hidden"> ({t(`budget.diff.${sign}`)})</span>
                      ) : null}
                    </td>
                    <td className="num">
                      {row.daebUnits === null ? '–' : formatNumber(row.daebUnits, 0, locale)}
                    </td>
                    <td className="num">
                      {formatEurosPerDwelling(row.budgetPerDaebCents, locale)}
                    </td>
                    <td className="num">{formatEurosPerDwelling(row.spentPerDaebCents, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
