import { apiUrl } from '../api-client.js';
import { formatEurosPerDwelling } from '../budget-format.js';
import { CapControl } from './budget-cap-control.js';
import type { BudgetReport } from '../hooks/budget-types.js';
import { useI18n } from '../i18n/i18n.js';

const COLUMNS = ['begrotingY', 'realisatieY', 'realisatieYMinus1'] as const;

/**
 * The annual-report table exactly as the API gives it (x € 1.000, Dutch, the total rounded
 * once), with the downloads and any cap warnings.
 */
export function BudgetReportTable({
  report,
  cap,
  onCap,
}: {
  report: BudgetReport;
  /** The cap per DAEB dwelling to test against (euros as typed), or null: none. */
  cap: string | null;
  onCap(cap: string | null): void;
}) {
  const { t, locale } = useI18n();
  const columnLabel = (key: string) => report.columns.find((c) => c.key === key)?.label ?? key;
  const rounded = COLUMNS.some((c) => report.roundingDifferences[c] !== 0);
  return (
    <section className="budget-section" aria-labelledby="budget-report-title">
      <div className="budget-section-head">
        <h2 id="budget-report-title">{t('budget.report.title')}</h2>
        <div className="export-links" role="group" aria-label={t('budget.report.download')}>
          <a
            className="button secondary small download"
            href={apiUrl('/api/budget/report', { year: report.year, format: 'csv', cap })}
            download
          >
            <span aria-hidden="true">⤓ </span>CSV
          </a>
          <a
            className="button secondary small download"
            href={apiUrl('/api/budget/report', { year: report.year, format: 'xlsx', cap })}
            download
          >
            <span aria-hidden="true">⤓ </span>Excel (XLSX)
          </a>
        </div>
      </div>
      <CapControl cap={cap} onCap={onCap} />
      {report.capWarnings.map((w) => (
        <p key={w.column} className="notice budget-warning" role="note">
          {t('budget.report.capWarning', {
            column: columnLabel(w.column),
            amount: formatEurosPerDwelling(w.perDwellingCents, locale),
            cap: formatEurosPerDwelling(w.capCents, locale),
          })}
        </p>
      ))}
      <div className="table-wrap budget-table-wrap fit">
        <table className="data-table budget-report-table" data-testid="budget-report">
          <caption>{t('budget.report.caption', { year: report.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.report.item')}</th>
              {report.columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.key} className={`report-${row.kind}`}>
                <th scope="row">{row.label}</th>
                {COLUMNS.map((column) => {
                  const cell = row[column];
                  const over = row.kind === 'per_daeb' && row[column].exceedsCap;
                  return (
                    <td key={column} className={over ? 'num exceeds-cap' : 'num'}>
                      {cell.display || '–'}
                      {over ? (
                        <>
                          {' '}
                          <span aria-hidden="true">⚠</span>
                          <span className="visually-hidden">{t('budget.report.exceedsCap')}</span>
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rounded ? <p className="hint">{t('budget.report.rounding')}</p> : null}
    </section>
  );
}
