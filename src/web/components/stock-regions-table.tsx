import { formatPercent } from '../budget-format.js';
import { formatNumber } from '../format.js';
import type { StockOverview } from '../hooks/stock-types.js';
import { useI18n } from '../i18n/i18n.js';
import { REGIONS_PATH } from '../regions-view.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { shareOver } from '../stock-view.js';

interface Row {
  key: string;
  name: string;
  buurten: number;
  complexes: number;
  units: number;
  daebUnits: number;
  shareOwned: number | null;
  buurtenWithoutDwellings: number;
}

/**
 * Per budget region: complexes, dwellings, DAEB dwellings and the share of the buurten's
 * dwellings the corporation owns. Buurten outside every region get a row of their own, so the
 * rows add up to the total. A missing share says why instead of showing 0 %.
 */
export function StockRegionsTable({ stock }: { stock: StockOverview }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const outside = stock.buurten.filter((b) => b.regionKey === null && b.complexes > 0);
  const rows: Row[] = stock.regions.map((r) => ({ ...r }));
  if (outside.length > 0)
    rows.push({
      key: '-',
      name: t('stock.noRegion'),
      buurten: outside.length,
      complexes: outside.reduce((s, b) => s + b.complexes, 0),
      units: outside.reduce((s, b) => s + b.units, 0),
      daebUnits: outside.reduce((s, b) => s + b.daebUnits, 0),
      shareOwned: shareOver(outside),
      buurtenWithoutDwellings: outside.filter((b) => b.dwellings === null).length,
    });
  // The total over the same buurten as the rows: every buurt of a region, and the others
  // with a complex.
  const counted = stock.buurten.filter((b) => b.regionKey !== null || b.complexes > 0);
  const number = (n: number) => formatNumber(n, 0, locale);
  const share = (row: Pick<Row, 'shareOwned' | 'buurtenWithoutDwellings'>) =>
    row.shareOwned === null ? (
      <>
        <span aria-hidden="true">–</span>
        <span className="sub">{t('stock.share.none')}</span>
      </>
    ) : (
      <>
        {formatPercent(row.shareOwned, locale)}
        {row.buurtenWithoutDwellings > 0 ? (
          <span className="sub">
            {t('stock.share.partial', { n: row.buurtenWithoutDwellings })}
          </span>
        ) : null}
      </>
    );

  return (
    <section className="budget-section" aria-labelledby="stock-regions-title">
      <div className="budget-section-head">
        <h2 id="stock-regions-title">{t('stock.regions.title')}</h2>
        {/* Regions are set up on a page of their own: the buurten to choose from need room. */}
        <Link to={REGIONS_PATH} className="button secondary" data-testid="regions-link">
          {t(can('budgets:write') ? 'regions.link.manage' : 'regions.link.view')}
        </Link>
      </div>
      <p className="hint">{t('stock.regions.hint')}</p>
      {rows.length === 0 ? (
        <p className="notice">{t('stock.regions.none')}</p>
      ) : (
        <div className="table-wrap budget-table-wrap fit">
          <table className="data-table stock-regions-table" data-testid="stock-regions">
            <caption>{t('stock.regions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stock.col.region')}</th>
                <th scope="col" className="num">
                  {t('stock.col.buurten')}
                </th>
                <th scope="col" className="num">
                  {t('stock.col.complexes')}
                </th>
                <th scope="col" className="num">
                  {t('stock.col.units')}
                </th>
                <th scope="col" className="num">
                  {t('stock.col.daeb')}
                </th>
                <th scope="col" className="num">
                  {t('stock.col.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{number(row.buurten)}</td>
                  <td className="num">{number(row.complexes)}</td>
                  <td className="num">{number(row.units)}</td>
                  <td className="num">{number(row.daebUnits)}</td>
                  <td className="num share">{share(row)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stock.total')}</th>
                <td className="num">{number(counted.length)}</td>
                <td className="num">{number(stock.total.complexes)}</td>
                <td className="num">{number(stock.total.units)}</td>
                <td className="num">{number(stock.total.daebUnits)}</td>
                <td className="num share">
                  {share({
                    shareOwned: shareOver(counted),
                    buurtenWithoutDwellings: counted.filter(
                      (b) => b.complexes > 0 && b.dwellings === null,
                    ).length,
                  })}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
