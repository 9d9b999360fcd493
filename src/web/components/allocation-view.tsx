import { Fragment, useState } from 'react';
import type { AllocationResult, RegionAllocation } from '../../domain/budget/allocate.js';
import { formatNumber } from '../../domain/format/format-value.js';
import { formatEuros, formatEurosPerDwelling, formatPercent } from '../budget-format.js';
import { useI18n } from '../i18n/i18n.js';
import { areaPath, Link } from '../router.js';

/**
 * The arithmetic of one allocation, as a board member would follow a euro: the steps from the
 * total to the need pool, then per region what it gets and why (earmarks, base, need, a floor
 * or cap that bound), and per buurt its weight and share. The amounts are the result's own;
 * only what is shown per dwelling (the base rate, a buurt's total per DAEB dwelling) and a
 * buurt's amount without limits are divided or added here, for display.
 */
export function AllocationView({
  result,
  regionName,
}: {
  result: AllocationResult;
  regionName(key: string): string;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const euros = (cents: number) => formatEuros(cents, locale);
  const basePerDaeb = result.daebUnits > 0 ? result.baseCents / result.daebUnits : 0;
  const limited = result.regions.filter((r) => r.applied !== null);
  // Floors and caps get their columns only in a scenario that sets one.
  const withLimits = result.regions.some((r) => r.floorCents !== null || r.capCents !== null);
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="allocation-view" data-testid="allocation-view">
      <h3>{t('allocation.steps')}</h3>
      <ol className="allocation-steps">
        <li>
          <span>{t('allocation.step.total')}</span>
          <span className="num">{euros(result.totalCents)}</span>
        </li>
        {result.fixedLines.map((line) => (
          <li key={line.key} className="minus">
            <span>
              − {line.name}{' '}
              <span className="hint">({t('allocation.step.fixed').toLowerCase()})</span>
            </span>
            <span className="num">{euros(line.amountCents)}</span>
          </li>
        ))}
        <li className="subtotal">
          <span>= {t('allocation.step.area')}</span>
          <span className="num">{euros(result.areaBudgetCents)}</span>
        </li>
        <li className="minus">
          <span>− {t('allocation.step.earmarks')}</span>
          <span className="num">{euros(result.earmarkCents)}</span>
        </li>
        <li className="minus">
          <span>
            −{' '}
            {t('allocation.step.base', {
              amount: formatEurosPerDwelling(Math.round(basePerDaeb), locale),
              n: formatNumber(result.daebUnits, 0, locale),
            })}
          </span>
          <span className="num">{euros(result.baseCents)}</span>
        </li>
        <li className="subtotal">
          <span>= {t('allocation.step.need')}</span>
          <span className="num">{euros(result.needPoolCents)}</span>
        </li>
      </ol>
      <p className="hint">
        {t('allocation.step.lambda', { amount: formatEurosPerDwelling(result.waterLevel, locale) })}{' '}
        {limited.length > 0
          ? t('allocation.step.limits', {
              regions: limited
                .map((r) => `${regionName(r.regionKey)} (${t(`allocation.limit.${r.applied!}`)})`)
                .join(', '),
            })
          : ''}{' '}
        {t('allocation.step.rounding')}
      </p>
      <dl className="allocation-summary">
        <div>
          <dt>{t('allocation.summary.perDaeb')}</dt>
          <dd>{formatEurosPerDwelling(result.centsPerDaeb, locale)}</dd>
        </div>
        <div>
          <dt>{t('allocation.summary.quintile')}</dt>
          <dd>
            {formatPercent(result.shareToMostVulnerableQuintile, locale)} (
            {euros(result.quintileCents)})
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="data-table allocation-table">
          <caption>{t('allocation.regions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.col.region')}</th>
              <th scope="col" className="num">
                {t('allocation.col.daeb')}
              </th>
              <th scope="col" className="num">
                {t('allocation.col.weighted')}
              </th>
              <th scope="col" className="num">
                {t('allocation.col.earmark')}
              </th>
              <th scope="col" className="num">
                {t('allocation.col.base')}
              </th>
              <th scope="col" className="num">
                {t('allocation.col.need')}
              </th>
              <th scope="col" className="num">
                {t('allocation.col.total')}
              </th>
              {withLimits ? (
                <>
                  <th scope="col" className="num">
                    {t('allocation.col.unconstrained')}
                  </th>
                  <th scope="col">{t('allocation.col.limit')}</th>
                </>
              ) : null}
              <th scope="col" className="num">
                {t('allocation.col.perDaeb')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.regions.map((region) => (
              <Fragment key={region.regionKey}>
                <RegionRow
                  withLimits={withLimits}
                  region={region}
                  name={regionName(region.regionKey)}
                  open={open.has(region.regionKey)}
                  onToggle={() => toggle(region.regionKey)}
                />
                {open.has(region.regionKey) ? (
                  <BuurtRows result={result} regionKey={region.regionKey} withLimits={withLimits} />
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RegionRow({
  withLimits,
  region,
  name,
  open,
  onToggle,
}: {
  withLimits: boolean;
  region: RegionAllocation;
  name: string;
  open: boolean;
  onToggle(): void;
}) {
  const { t, locale } = useI18n();
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <tr className="region-row">
      <th scope="row">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-label={t(open ? 'allocation.hideBuurten' : 'allocation.showBuurten', {
            region: name,
          })}
          onClick={onToggle}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>
          {name}
        </button>
      </th>
      <td className="num">{formatNumber(region.daebUnits, 0, locale)}</td>
      <td className="num">{formatNumber(region.weightedDaeb, 1, locale)}</td>
      <td className="num">{euros(region.earmarkCents)}</td>
      <td className="num">{euros(region.baseCents)}</td>
      <td className="num">{euros(region.needCents)}</td>
      <td className="num strong">{euros(region.totalCents)}</td>
      {withLimits ? (
        <>
          <td className="num">{euros(Math.round(region.unconstrainedCents))}</td>
          <td>
            {region.applied
              ? `${t(`allocation.limit.${region.applied}`)} ${euros((region.applied === 'floor' ? region.floorCents : region.capCents) ?? 0)}`
              : '–'}
          </td>
        </>
      ) : null}
      <td className="num">{formatEurosPerDwelling(region.centsPerDaeb, locale)}</td>
    </tr>
  );
}

function BuurtRows({
  result,
  regionKey,
  withLimits,
}: {
  result: AllocationResult;
  regionKey: string;
  withLimits: boolean;
}) {
  const { t, locale } = useI18n();
  const euros = (cents: number) => formatEuros(cents, locale);
  const buurten = result.buurten.filter((b) => b.regionKey === regionKey);
  return (
    <>
      {buurten.map((b) => (
        <tr key={b.code} className="buurt-row">
          <th scope="row">
            <Link to={areaPath(b.code)}>{b.name}</Link>{' '}
            <span className="sub">
              {b.steps.weightSource === 'unranked'
                ? t('allocation.unranked')
                : t(
                    b.steps.weightSource === 'class'
                      ? 'scenario.field.classLabel'
                      : 'scenario.field.decileLabel',
                    {
                      n: b.steps.rankValue ?? '–',
                    },
                  )}
              {' · '}
              {t('allocation.col.weight').toLowerCase()}{' '}
              {formatNumber(b.weight, weightDecimals(b.weight), locale)}
              {b.earmarkNotes.length > 0 ? ` · ${b.earmarkNotes.join(', ')}` : ''}
            </span>
          </th>
          <td className="num">{formatNumber(b.daebUnits, 0, locale)}</td>
          <td className="num">{formatNumber(b.steps.weightedDaeb, 1, locale)}</td>
          <td className="num">{b.earmarkCents > 0 ? euros(b.earmarkCents) : '–'}</td>
          <td className="num">{euros(b.baseCents)}</td>
          <td className="num">{euros(b.needCents)}</td>
          <td className="num strong">{euros(b.totalCents)}</td>
          {withLimits ? (
            <>
              <td className="num">
                {euros(Math.round(b.steps.unconstrainedNeedCents + b.baseCents + b.earmarkCents))}
              </td>
              <td />
            </>
          ) : null}
          <td className="num">
            {formatEurosPerDwelling(
              b.daebUnits > 0 ? Math.round(b.totalCents / b.daebUnits) : null,
              locale,
            )}
          </td>
        </tr>
      ))}
    </>
  );
}

/** A weight as typed: 3, 1,5 or 1,25 — no trailing zeros. */
function weightDecimals(weight: number): number {
  if (Number.isInteger(weight)) return 0;
  return Number.isInteger(weight * 10) ? 1 : 2;
}
