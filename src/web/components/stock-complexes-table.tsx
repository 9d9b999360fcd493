import { useId, useMemo, useState } from 'react';
import { formatNumber } from '../format.js';
import type { StockBuurt, StockRegion } from '../hooks/stock-types.js';
import { useI18n } from '../i18n/i18n.js';
import { areaPath, Link } from '../router.js';
import {
  addressText,
  filterComplexes,
  NO_REGION,
  sortComplexes,
  type ComplexRowView,
  type ComplexSort,
  type ComplexSortKey,
} from '../stock-view.js';
import { RowActions } from './row-actions.js';

/**
 * The complexes: a text search, a region and a buurt filter, sortable columns and the count.
 * Edit and delete buttons only for who may change the stock (the server checks again).
 */
export function StockComplexesTable({
  rows,
  regions,
  buurten,
  canWrite,
  onEdit,
  onDelete,
}: {
  rows: ComplexRowView[];
  regions: StockRegion[];
  buurten: StockBuurt[];
  canWrite: boolean;
  onEdit(row: ComplexRowView): void;
  onDelete(row: ComplexRowView): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState({ text: '', region: '', buurt: '' });
  const [sort, setSort] = useState<ComplexSort>({ key: 'corporationId', ascending: true });
  const shown = useMemo(
    () => sortComplexes(filterComplexes(rows, filter), sort),
    [rows, filter, sort],
  );
  // The buurt choice follows the region choice: only buurten with a complex, in that region.
  const buurtOptions = buurten
    .filter((b) => b.complexes > 0)
    .filter((b) =>
      filter.region === NO_REGION
        ? b.regionKey === null
        : !filter.region || b.regionKey === filter.region,
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const hasOutside = buurten.some((b) => b.regionKey === null && b.complexes > 0);

  const header = (key: ComplexSortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
          aria-label={t('table.sortBy', { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="budget-section" aria-labelledby="stock-complexes-title">
      <h2 id="stock-complexes-title">{t('stock.complexes.title')}</h2>
      <div className="stock-filters" role="search">
        <div className="field search-field">
          <label htmlFor={`${id}-search`}>{t('stock.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={filter.text}
            placeholder={t('stock.searchPlaceholder')}
            onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('stock.filter.region')}</label>
          <select
            id={`${id}-region`}
            value={filter.region}
            onChange={(e) => setFilter((f) => ({ ...f, region: e.target.value, buurt: '' }))}
          >
            <option value="">{t('stock.filter.all')}</option>
            {regions.map((r) => (
              <option key={r.key} value={r.key}>
                {r.name}
              </option>
            ))}
            {hasOutside ? <option value={NO_REGION}>{t('stock.noRegion')}</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-buurt`}>{t('stock.filter.buurt')}</label>
          <select
            id={`${id}-buurt`}
            value={filter.buurt}
            onChange={(e) => setFilter((f) => ({ ...f, buurt: e.target.value }))}
          >
            <option value="">{t('stock.filter.all')}</option>
            {buurtOptions.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <p className="stock-count" aria-live="polite" data-testid="stock-count">
          {t('stock.count', {
            shown: formatNumber(shown.length, 0, locale),
            total: formatNumber(rows.length, 0, locale),
          })}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="notice">{t('stock.complexes.none')}</p>
      ) : shown.length === 0 ? (
        <p className="notice">{t('stock.complexes.noMatch')}</p>
      ) : (
        <div className="table-wrap stock-table-wrap">
          <table className="data-table stock-complexes-table" data-testid="stock-complexes">
            <caption className="visually-hidden">{t('stock.complexes.caption')}</caption>
            <thead>
              <tr>
                {header('corporationId', t('stock.col.id'))}
                {header('name', t('stock.col.name'))}
                {header('address', t('stock.col.address'))}
                {header('buurt', t('stock.col.buurt'))}
                {header('units', t('stock.col.units'), true)}
                {header('daebUnits', t('stock.col.daebShort'), true)}
                {header('yearBuilt', t('stock.col.yearBuilt'), true)}
                {header('placedBy', t('stock.col.placed'))}
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('stock.col.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} data-complex={row.corporationId}>
                  <th scope="row" className="code">
                    {row.corporationId}
                  </th>
                  <td>{row.name ?? '–'}</td>
                  <td>{addressText(row) || '–'}</td>
                  <td>
                    <Link to={areaPath(row.buurtCode)}>{row.buurtName}</Link>
                    <span className="sub code">{row.buurtCode}</span>
                  </td>
                  <td className="num">{formatNumber(row.units, 0, locale)}</td>
                  <td className="num">{formatNumber(row.daebUnits, 0, locale)}</td>
                  <td className="num">{row.yearBuilt ?? '–'}</td>
                  <td>
                    <span className={`placed placed-${row.placedBy}`}>
                      {t(`stock.placed.${row.placedBy}`)}
                    </span>
                  </td>
                  {canWrite ? (
                    <RowActions
                      change={{
                        text: t('stock.edit'),
                        label: t('stock.editLabel', { id: row.corporationId }),
                        onClick: () => onEdit(row),
                      }}
                      remove={{
                        text: t('stock.delete'),
                        label: t('stock.deleteLabel', { id: row.corporationId }),
                        onClick: () => onDelete(row),
                      }}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
