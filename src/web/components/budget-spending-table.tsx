import { useId } from 'react';
import { formatEuros } from '../budget-format.js';
import type { SpendingLine } from '../hooks/use-budget-spending-query.js';
import { useI18n } from '../i18n/i18n.js';

/** dd-mm-jjjj, as Dutch bookkeeping writes a date (the API gives yyyy-mm-dd). */
export const dayMonthYear = (iso: string) =>
  `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * Spending lines by date with their total: where (region, buurt, complex or line), category,
 * amount (a negative one marked as a correction), description, prestatieafspraken and where
 * the line came from. With `onDelete`, lines entered by hand get a delete button; the frame
 * scrolls (a year has a hundred lines or more), so it takes keyboard focus.
 */
export function BudgetSpendingTable({
  year,
  lines,
  onDelete,
}: {
  year: number;
  lines: readonly SpendingLine[];
  onDelete: ((line: SpendingLine) => void) | null;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const euros = (cents: number) => formatEuros(cents, locale, 2);
  return (
    <div
      className="table-wrap budget-table-wrap budget-spending-wrap"
      tabIndex={0}
      role="region"
      aria-labelledby={`${id}-caption`}
    >
      <table className="data-table budget-spending-table" data-testid="spending-table">
        <caption id={`${id}-caption`}>{t('budget.spending.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.spending.col.date')}</th>
            <th scope="col">{t('budget.spending.col.target')}</th>
            <th scope="col">{t('budget.spending.col.category')}</th>
            <th scope="col" className="num">
              {t('budget.spending.col.amount')}
            </th>
            <th scope="col">{t('budget.spending.col.description')}</th>
            <th scope="col">{t('budget.spending.col.agreements')}</th>
            <th scope="col">{t('budget.spending.col.source')}</th>
            {onDelete ? <th scope="col">{t('budget.spending.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <td className="nowrap">{dayMonthYear(line.date)}</td>
              <td>
                {line.target.name}
                <span className="sub">
                  {t(`budget.spending.kind.${line.target.kind}`)}
                  {line.target.kind === 'buurt' || line.target.kind === 'complex'
                    ? ` ${line.target.key}`
                    : ''}
                </span>
              </td>
              <td>{line.category}</td>
              <td className="num nowrap">
                {euros(line.amountCents)}
                {line.amountCents < 0 ? (
                  <span className="sub">{t('budget.spending.correction')}</span>
                ) : null}
              </td>
              <td className="spending-description">{line.description ?? ''}</td>
              <td>{t(`budget.spending.agreements.${line.prestatieafspraken}`)}</td>
              <td className="spending-source">
                {line.source === 'import'
                  ? t('budget.spending.source.import', { file: line.importFile ?? '' })
                  : line.source === 'demo'
                    ? t('budget.spending.source.demo')
                    : line.createdBy
                      ? t('budget.spending.source.entered', { by: line.createdBy })
                      : t('budget.spending.source.enteredAnonymous')}
              </td>
              {onDelete ? (
                <td>
                  {line.source === 'entered' ? (
                    <button
                      type="button"
                      className="button small secondary"
                      aria-label={t('budget.spending.deleteLabel', {
                        date: dayMonthYear(line.date),
                        amount: euros(line.amountCents),
                      })}
                      onClick={() => onDelete(line)}
                    >
                      {t('budget.spending.delete')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('budget.spending.total', { n: lines.length })}
            </th>
            <td className="num nowrap" data-testid="spending-total">
              {euros(lines.reduce((sum, l) => sum + l.amountCents, 0))}
            </td>
            <td colSpan={onDelete ? 4 : 3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
