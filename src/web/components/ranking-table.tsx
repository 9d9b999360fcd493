import { useMemo, useState } from 'react';
import type { RankingTable as RankingTableData, RankingTableRow } from '../hooks/ranking-types.js';
import { useI18n } from '../i18n/i18n.js';
import { classLabel, rankingClassColours } from '../ranking-classes.js';
import { compactNames, formatScore, formatShare } from '../ranking-format.js';
import {
  filterRows,
  firstDirection,
  sortRows,
  type RankingFilter,
  type RankingSort,
  type RankingSortKey,
} from '../ranking-rows.js';
import { rankingAreaPath } from '../ranking-view-state.js';
import { Link } from '../router.js';
import { ClassChip, FlagList, RankChange, RankInterval } from './ranking-cells.js';

// A national ranking has thousands of rows: the first ones at once, the rest on request.
const FIRST_ROWS = 200;

interface Props {
  table: RankingTableData;
  filter: RankingFilter;
  sort: RankingSort;
  onFilter(change: Partial<RankingFilter>, replace?: boolean): void;
  onSort(sort: RankingSort): void;
  gemeenteName(code: string): string;
  nameOf(key: string): string;
}

/** The ranking as a sortable, filterable table: rank, area, class, interval, score, flags, change. */
export function RankingTable({
  table,
  filter,
  sort,
  onFilter,
  onSort,
  gemeenteName,
  nameOf,
}: Props) {
  const { t, locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const { method, ranking, previous } = table;
  const colours = rankingClassColours(method.classes.count);
  const labelOf = (cls: number) =>
    classLabel(method.classes, cls, locale, (n) => t('map.classOf', { n }));
  const rows = useMemo(
    () => sortRows(filterRows(table.areas, filter), sort),
    [table, filter, sort],
  );
  const gemeenten = useMemo(
    () =>
      [...new Set(table.areas.flatMap((r) => (r.gemeenteCode ? [r.gemeenteCode] : [])))].sort(
        (a, b) => gemeenteName(a).localeCompare(gemeenteName(b), 'nl'),
      ),
    [table, gemeenteName],
  );
  const notRanked = table.areas.filter((r) => !r.ranked).length;
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);

  const header = (key: RankingSortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
        className={className}
      >
        <button
          type="button"
          className="sort"
          onClick={() => onSort({ key, ascending: active ? !sort.ascending : firstDirection(key) })}
          aria-label={t('table.sortBy', { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  const notRankedCells = (row: RankingTableRow) => (
    <td colSpan={3} className="not-ranked">
      <strong>{t('ranking.notRanked')}</strong>
      {row.reason ? (
        <>
          {' '}
          ·{' '}
          {t('ranking.notRanked.reason', {
            share: formatShare(row.reason.weightPresent, locale),
            min: formatShare(method.completeness.minWeightShare, locale),
          })}
          <br />
          <span className="missing">
            {t('ranking.missing', { list: compactNames(row.reason.missing.map(nameOf)) })}
          </span>
        </>
      ) : null}
    </td>
  );

  return (
    <>
      <div className="ranking-filters" role="search" aria-label={t('ranking.filters')}>
        <div className="field">
          <label htmlFor="ranking-search">{t('ranking.search')}</label>
          <input
            id="ranking-search"
            type="search"
            value={filter.search}
            placeholder={t('ranking.search.placeholder')}
            onChange={(e) => onFilter({ search: e.target.value }, true)}
          />
        </div>
        {gemeenten.length > 1 ? (
          <div className="field">
            <label htmlFor="ranking-gemeente">{t('map.gemeente')}</label>
            <select
              id="ranking-gemeente"
              value={filter.gemeente}
              onChange={(e) => onFilter({ gemeente: e.target.value })}
            >
              <option value="">{t('ranking.allGemeenten')}</option>
              {gemeenten.map((code) => (
                <option key={code} value={code}>
                  {gemeenteName(code)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="ranking-class">{t('table.class')}</label>
          <select
            id="ranking-class"
            value={filter.cls ?? ''}
            onChange={(e) => onFilter({ cls: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('ranking.allClasses')}</option>
            {colours.map((_, i) => (
              <option key={i} value={i + 1}>
                {i + 1} · {labelOf(i + 1)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.flaggedOnly}
            onChange={(e) => onFilter({ flaggedOnly: e.target.checked })}
          />
          {t('ranking.flaggedOnly')}
        </label>
        {notRanked > 0 ? (
          <label className="check">
            <input
              type="checkbox"
              checked={filter.showNotRanked}
              onChange={(e) => onFilter({ showNotRanked: e.target.checked })}
            />
            {t('ranking.showNotRanked', { n: notRanked })}
          </label>
        ) : null}
        <p className="ranking-count" role="status" aria-live="polite">
          {t('ranking.rowsShown', { shown: rows.length, total: table.areas.length })}
        </p>
      </div>
      <div className="table-wrap ranking-table-wrap">
        <table className="data-table ranking-table" data-testid="ranking-table">
          <caption>
            {t('ranking.table.caption', {
              method: ranking.method.name,
              version: ranking.method.version,
              year: ranking.dataYear,
            })}
          </caption>
          <thead>
            <tr>
              {header('rank', t('ranking.col.rank'), 'num')}
              {header('name', t('ranking.col.area'))}
              {header('class', t('table.class'))}
              {header('interval', t('ranking.col.interval'))}
              {header('score', t('ranking.col.score'), 'num')}
              {header('flags', t('ranking.col.flags'))}
              {header(
                'change',
                previous
                  ? t('ranking.col.changeSince', { year: previous.dataYear })
                  : t('ranking.col.change'),
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.code} className={row.ranked ? undefined : 'not-ranked-row'}>
                <td className="num rank">{row.rank ?? '–'}</td>
                <th scope="row">
                  <Link to={rankingAreaPath(ranking.id, row.code)}>{row.name}</Link>
                  <span className="sub">
                    <span className="code">{row.code}</span>
                    {row.gemeenteCode && gemeenten.length > 1
                      ? ` · ${gemeenteName(row.gemeenteCode)}`
                      : ''}
                  </span>
                </th>
                {row.ranked && row.class !== null ? (
                  <>
                    <td>
                      <ClassChip
                        colour={colours[row.class - 1] ?? '#ccc'}
                        label={labelOf(row.class)}
                      />
                    </td>
                    <td>
                      {row.rankLow !== null && row.rankHigh !== null && row.rank !== null ? (
                        <RankInterval
                          low={row.rankLow}
                          high={row.rankHigh}
                          rank={row.rank}
                          total={ranking.ranked}
                        />
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="num">
                      {row.score !== null ? formatScore(row.score, locale) : '–'}
                    </td>
                  </>
                ) : (
                  notRankedCells(row)
                )}
                <td>
                  <FlagList flags={row.flags} nameOf={nameOf} />
                </td>
                <td>
                  <RankChange
                    previousRank={row.previousRank}
                    rank={row.rank}
                    hasPrevious={previous !== null}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="empty-rows">{t('ranking.noRows')}</p> : null}
      </div>
      {rows.length > shown.length ? (
        <p>
          <button type="button" className="button secondary" onClick={() => setShowAll(true)}>
            {t('ranking.showAllRows', { n: rows.length })}
          </button>
        </p>
      ) : null}
    </>
  );
}
