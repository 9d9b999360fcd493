import { Fragment } from 'react';
import {
  formatEuros,
  formatEurosPerDwelling,
  formatPercent,
  formatSignedEuros,
} from '../budget-format.js';
import { ScenarioBarsChart } from '../charts/scenario-bars-chart.js';
import type { BudgetCompare } from '../hooks/budget-types.js';
import { useI18n } from '../i18n/i18n.js';
import { ScenarioCards } from './scenario-cards.js';
import '../scenario.css';

/**
 * A year's scenarios side by side: per region and fixed line the amount in each, the
 * difference with the first, per DAEB dwelling; per scenario the totals and the share to the
 * most vulnerable quintile, as a chart and as the table with the same figures. The cards above
 * show each scenario's arithmetic and let users who may change budgets adopt or remove one.
 */
export function BudgetScenarios({
  year,
  compare,
  regionName,
  canAdopt,
  onAdopted,
}: {
  year: number;
  compare: BudgetCompare;
  regionName(key: string): string;
  canAdopt: boolean;
  onAdopted(): void;
}) {
  const { t, locale } = useI18n();
  const { scenarios, comparison } = compare;
  const first = scenarios[0];
  if (!first) return <p className="notice">{t('budget.scenarios.none', { year })}</p>;

  const rows = [
    ...comparison.regions.map((r) => ({
      key: r.regionKey,
      name: regionName(r.regionKey),
      amounts: r.amounts,
      differences: r.differences,
      perDaeb: r.centsPerDaeb as (number | null)[] | null,
    })),
    ...comparison.fixedLines.map((l) => ({
      key: l.key,
      name: l.name,
      amounts: l.amounts,
      differences: l.differences,
      perDaeb: null,
    })),
  ];
  // The first scenario is the reference: no difference column of its own.
  const spanOf = (i: number) => (i === 0 ? 2 : 3);
  const summary = (
    label: string,
    cell: (s: BudgetCompare['comparison']['scenarios'][number]) => string,
  ) => (
    <tr>
      <th scope="row">{label}</th>
      {comparison.scenarios.map((s, i) => (
        <td key={s.key} colSpan={spanOf(i)} className="num">
          {cell(s)}
        </td>
      ))}
    </tr>
  );

  return (
    <section className="budget-section" aria-labelledby="budget-scenarios-title">
      <h2 id="budget-scenarios-title">{t('budget.scenarios.title', { year })}</h2>
      <p className="hint">{t('budget.scenarios.lead', { name: first.name })}</p>
      <ScenarioCards
        year={year}
        scenarios={scenarios}
        regionName={regionName}
        canWrite={canAdopt}
        onChanged={onAdopted}
      />
      <ScenarioBarsChart
        year={year}
        names={scenarios.map((s) => s.name)}
        rows={rows.map((row) => ({ label: row.name, amounts: row.amounts }))}
      />
      <div className="table-wrap budget-table-wrap">
        <table className="data-table budget-scenarios-table" data-testid="budget-scenarios">
          <caption>{t('budget.scenarios.caption', { year })}</caption>
          <thead>
            <tr>
              <td />
              {scenarios.map((s, i) => (
                <th key={s.id} scope="colgroup" colSpan={spanOf(i)} className="scenario-head">
                  {s.name}
                  {s.adopted ? ` (${t('budget.scenarios.adopted')})` : ''}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">{t('budget.scenarios.region')}</th>
              {scenarios.map((s, i) => (
                <Fragment key={s.id}>
                  <th scope="col" className="num group-start">
                    {t('budget.scenarios.amount')}
                  </th>
                  {i > 0 ? (
                    <th scope="col" className="num">
                      {t('budget.scenarios.diff')}
                    </th>
                  ) : null}
                  <th scope="col" className="num">
                    {t('budget.scenarios.perDaeb')}
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {row.amounts.map((amount, i) => (
                  <Fragment key={i}>
                    <td className="num group-start">{formatEuros(amount, locale)}</td>
                    {i > 0 ? (
                      <td className="num">
                        {formatSignedEuros(row.differences[i] ?? null, locale)}
                      </td>
                    ) : null}
                    <td className="num">
                      {row.perDaeb ? formatEurosPerDwelling(row.perDaeb[i] ?? null, locale) : ''}
                    </td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {summary(t('budget.scenarios.total'), (s) => formatEuros(s.totalCents, locale))}
            {summary(t('budget.scenarios.areaBudget'), (s) =>
              formatEuros(s.areaBudgetCents, locale),
            )}
            {summary(t('budget.scenarios.areaPerDaeb'), (s) =>
              formatEurosPerDwelling(s.centsPerDaeb, locale),
            )}
            {summary(t('budget.scenarios.share'), (s) =>
              formatPercent(s.shareToMostVulnerableQuintile, locale),
            )}
          </tfoot>
        </table>
      </div>
    </section>
  );
}
