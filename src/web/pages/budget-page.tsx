import { useCallback, useMemo } from 'react';
import { ApiError } from '../api-client.js';
import { BudgetRealisationTable } from '../components/budget-realisation-table.js';
import { BudgetReportTable } from '../components/budget-report-table.js';
import { BudgetScenarios } from '../components/budget-scenarios.js';
import { BudgetSpending } from '../components/budget-spending.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { useBudgetCompareQuery } from '../hooks/use-budget-compare-query.js';
import { useBudgetRealisationQuery } from '../hooks/use-budget-realisation-query.js';
import { useBudgetReportQuery } from '../hooks/use-budget-report-query.js';
import { useBudgetScenariosQuery } from '../hooks/use-budget-scenarios-query.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate, useLocation } from '../router.js';
import { SCENARIO_EDITOR_PATH } from './scenario-editor-page.js';
import { useSession, useUser } from '../session.js';
import '../budget.css';

export const BUDGET_PATH = '/begroting';

/**
 * Begroting: a year (default the newest with an adopted scenario), the annual-report table,
 * the realisation per region and the year's scenarios side by side.
 */
export function BudgetPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const user = useUser();
  // Scenarios and their adoption cover the whole working area (the server says so too).
  const mayPlan = can('budgets:write') && (user.scope.all || user.role === 'admin');
  const { search } = useLocation();
  const list = useBudgetScenariosQuery();

  const years = useMemo(() => {
    const byYear = new Map<number, boolean>();
    for (const s of list.data?.scenarios ?? [])
      byYear.set(s.year, (byYear.get(s.year) ?? false) || s.adopted);
    return [...byYear].sort((a, b) => b[0] - a[0]);
  }, [list.data]);
  const asked = Number(search.get('jaar'));
  const year =
    years.find(([y]) => y === asked)?.[0] ??
    years.find(([, adopted]) => adopted)?.[0] ??
    years[0]?.[0] ??
    null;

  // The cap test is off unless asked for; in the address, so a link or reload keeps it.
  const cap = search.get('max');
  const report = useBudgetReportQuery(year, cap);
  const realisation = useBudgetRealisationQuery(year);
  const compare = useBudgetCompareQuery(year);
  const regionNames = useMemo(
    () => new Map((realisation.data?.rows ?? []).map((r) => [r.key, r.name])),
    [realisation.data],
  );
  const regionName = useCallback((key: string) => regionNames.get(key) ?? key, [regionNames]);
  const { reload: reloadList } = list;
  const { reload: reloadReport } = report;
  const { reload: reloadRealisation } = realisation;
  const { reload: reloadCompare } = compare;
  const reloadAll = useCallback(() => {
    reloadList();
    reloadReport();
    reloadRealisation();
    reloadCompare();
  }, [reloadList, reloadReport, reloadRealisation, reloadCompare]);

  const header = (
    <header className="budget-header">
      <div>
        <p className="eyebrow">{t('budget.eyebrow')}</p>
        <h1>{t('budget.title')}</h1>
        <p className="lead">{t('budget.lead')}</p>
      </div>
      <div className="budget-header-actions">
        {mayPlan ? (
          <Link
            className="button"
            to={year === null ? SCENARIO_EDITOR_PATH : `${SCENARIO_EDITOR_PATH}?jaar=${year}`}
          >
            {t('scenario.new')}
          </Link>
        ) : null}
        {year !== null ? (
          <div className="field">
            <label htmlFor="budget-year">{t('budget.year')}</label>
            <select
              id="budget-year"
              value={year}
              onChange={(e) =>
                navigate(
                  `/begroting?jaar=${e.target.value}${cap ? `&max=${encodeURIComponent(cap)}` : ''}`,
                )
              }
            >
              {years.map(([y, adopted]) => (
                <option key={y} value={y}>
                  {adopted ? y : t('budget.yearNotAdopted', { year: y })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
    </header>
  );
  const saved = search.get('opgeslagen');

  if (list.error)
    return (
      <div className="page budget-page">
        {header}
        <ErrorPanel error={list.error} onRetry={list.reload} />
      </div>
    );
  if (!list.data) return <Loading label={t('budget.loading')} />;
  if (year === null)
    return (
      <div className="page budget-page">
        {header}
        <p className="notice">{t('budget.none')}</p>
      </div>
    );

  const forbidden =
    report.error instanceof ApiError &&
    (report.error.status === 403 || report.error.code === 'forbidden');
  const current = (q: { data?: unknown; stale: boolean }) => (q.stale ? undefined : q.data);
  const reportData = current(report) as typeof report.data;
  const realisationData = current(realisation) as typeof realisation.data;
  const compareData = current(compare) as typeof compare.data;
  const unplaced = reportData?.unplaced.length ?? realisationData?.unplaced.length ?? 0;

  return (
    <div className="page budget-page">
      {header}
      {saved ? (
        <p className="notice" role="status" data-testid="scenario-saved">
          {t('scenario.saved', { name: saved })}
        </p>
      ) : null}
      {realisationData && realisationData.adoptedScenarioId === null ? (
        <p className="notice" role="note">
          {t('budget.noAdopted', { year })}
        </p>
      ) : null}
      {unplaced > 0 ? (
        <p className="notice" role="note">
          {t('budget.unplaced', { n: unplaced })}
        </p>
      ) : null}

      {forbidden ? (
        <section className="budget-section" aria-labelledby="budget-report-title">
          <h2 id="budget-report-title">{t('budget.report.title')}</h2>
          <div className="notice" role="note" data-testid="budget-report-forbidden">
            <strong>{t('budget.report.forbiddenTitle')}</strong>
            <p>{t('budget.report.forbidden')}</p>
          </div>
        </section>
      ) : report.error ? (
        <ErrorPanel error={report.error} onRetry={report.reload} />
      ) : reportData ? (
        <BudgetReportTable
          report={reportData}
          cap={cap}
          onCap={(next) => {
            const params = new URLSearchParams(search);
            if (next === null) params.delete('max');
            else params.set('max', next);
            navigate(`/begroting?${params.toString()}`, { replace: true });
          }}
        />
      ) : (
        <Loading label={t('budget.loading')} />
      )}

      {realisation.error ? (
        <ErrorPanel error={realisation.error} onRetry={realisation.reload} />
      ) : realisationData ? (
        <BudgetRealisationTable realisation={realisationData} />
      ) : (
        <Loading label={t('budget.loading')} />
      )}
      {can('records:read') ? (
        <BudgetSpending
          key={`spending-${year}`}
          year={year}
          canWrite={can('budgets:write')}
          onChanged={reloadAll}
        />
      ) : null}

      {compare.error ? (
        compare.error instanceof ApiError && compare.error.status === 404 ? (
          <p className="notice">{t('budget.scenarios.none', { year })}</p>
        ) : (
          <ErrorPanel error={compare.error} onRetry={compare.reload} />
        )
      ) : compareData ? (
        <BudgetScenarios
          key={year}
          year={year}
          compare={compareData}
          regionName={regionName}
          canAdopt={mayPlan}
          onAdopted={reloadAll}
        />
      ) : (
        <Loading label={t('budget.loading')} />
      )}
    </div>
  );
}
