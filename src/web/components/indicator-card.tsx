import { useId, useState } from 'react';
import { CLASS_SCHEMES_BY_KEY } from '../../domain/indicators/class-schemes.js';
import type { ClassSchemeKey, Indicator } from '../../domain/indicators/indicator.js';
import type { Series } from '../../domain/indicators/observation.js';
import { statusLabel } from '../../domain/format/format-value.js';
import { TrendChart, TrendKey, type TrendLine } from '../charts/trend-chart.js';
import { formatDifference, formatFigure, unitSuffix } from '../format.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n } from '../i18n/i18n.js';
import { LBM_CLASS_COLOURS } from '../../domain/map/palettes.js';
import { indicatorName } from './indicator-name.js';
import { explainStatus } from './status-text.js';

interface Reference {
  name: string;
  role: 'gemeente' | 'land';
  series: Series | undefined;
}

interface Props {
  indicator: Indicator;
  series: Series;
  classSeries: Series | undefined;
  /** Names of the classes in classSeries. */
  classScheme: ClassSchemeKey | null;
  areaName: string;
  references: Reference[];
}

/** One indicator of an area: newest figure, class, comparison with gemeente and land, trend. */
export function IndicatorCard({
  indicator,
  series,
  classSeries,
  classScheme,
  areaName,
  references,
}: Props) {
  const { t, locale } = useI18n();
  const { minCount } = usePrivacy();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  // The newest figure there is; a newer one hidden by disclosure control wins over an older
  // value, which would otherwise pass for the current state.
  const latest =
    [...series.points].reverse().find((p) => p.value !== null || p.status === 'suppressed') ??
    series.points[series.points.length - 1]!;
  const figure = (p: Series['points'][number], info: { unit: string; decimals: number }) =>
    formatFigure(p.value, p.status, info, locale, p.suppression, minCount);
  const latestClass = classSeries?.points.find((p) => p.year === latest.year && p.value !== null);
  const classLabels = classScheme ? CLASS_SCHEMES_BY_KEY[classScheme] : null;
  const name = indicatorName(indicator, locale);
  const lines: TrendLine[] = [
    { key: 'area', label: areaName, role: 'area', points: series.points },
    ...references.flatMap((r) =>
      r.series ? [{ key: r.role, label: r.name, role: r.role, points: r.series.points }] : [],
    ),
  ];
  const first = series.points.find((p) => p.value !== null);
  const chartLabel =
    first && latest.value !== null
      ? `${name}: ${first.year} ${figure(first, indicator)}, ${latest.year} ${figure(latest, indicator)}`
      : name;
  const explain =
    latest.value === null ? explainStatus(t, latest.status, latest.suppression, minCount) : null;
  return (
    <article className="card indicator-card" aria-labelledby={`${tableId}-title`}>
      <header>
        <h3 id={`${tableId}-title`}>{name}</h3>
        {latestClass && classLabels ? (
          <span
            className="class-chip"
            title={t('area.class', {
              n: latestClass.value!,
              label:
                (locale === 'nl' ? classLabels.labelsNl : classLabels.labelsEn)[
                  latestClass.value! - 1
                ] ?? '',
            })}
          >
            <span
              className="swatch"
              style={{ background: LBM_CLASS_COLOURS[latestClass.value! - 1] }}
              aria-hidden="true"
            />
            {
              (locale === 'nl' ? classLabels.labelsNl : classLabels.labelsEn)[
                latestClass.value! - 1
              ]
            }
          </span>
        ) : null}
      </header>
      <p className="figure">
        <span
          className={latest.value === null ? 'value status' : 'value'}
          title={explain ?? undefined}
        >
          {figure(latest, {
            unit: indicator.unit === '%' ? '%' : '',
            decimals: indicator.decimals,
          })}
        </span>
        {latest.value !== null && unitSuffix(indicator.unit) && indicator.unit !== '%' ? (
          <span className="unit">{indicator.unit}</span>
        ) : null}
        <span className="year">{latest.year}</span>
      </p>
      {explain ? <p className="hint">{explain}</p> : null}
      <ul className="comparisons" aria-label={t('area.compare')}>
        {references.map((r) => {
          const point = r.series?.points.find((p) => p.year === latest.year);
          if (!point) return null;
          const diff =
            point.value !== null && latest.value !== null ? latest.value - point.value : null;
          return (
            <li key={r.role}>
              <span className="ref-name">{r.name}</span>{' '}
              <span className="ref-value">{figure(point, indicator)}</span>
              {diff !== null ? (
                <span className="diff"> ({formatDifference(diff, indicator, locale)})</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {series.points.length > 1 ? (
        <>
          <TrendChart
            lines={lines}
            decimals={indicator.decimals}
            locale={locale}
            label={chartLabel}
          />
          <div className="card-foot">
            <TrendKey lines={lines} />
            <button
              type="button"
              className="link-button"
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable(!showTable)}
            >
              {showTable ? t('area.hideTable') : t('area.showTable')}
            </button>
          </div>
          {showTable ? (
            <table className="mini-table" id={tableId}>
              <thead>
                <tr>
                  <th scope="col">{t('area.year')}</th>
                  {lines.map((l) => (
                    <th scope="col" key={l.key}>
                      {l.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.year}>
                    <th scope="row">{p.year}</th>
                    {lines.map((l) => {
                      const q = l.points.find((x) => x.year === p.year) as
                        Series['points'][number] | undefined;
                      return (
                        <td key={l.key}>
                          {q ? figure(q, { unit: '', decimals: indicator.decimals }) : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      <p className="source-note">
        {t('area.sourceLine', { source: indicator.source, year: latest.year })}
        {latest.sourceRelease && latest.source !== 'demo' ? ` (${latest.sourceRelease})` : ''}
        {latest.source === 'demo' ? (
          <span className="demo-tag"> · {t('area.demoValue')}</span>
        ) : null}
        {latest.status !== 'ok' && latest.value !== null
          ? ` · ${statusLabel(latest.status, locale)}`
          : ''}
      </p>
    </article>
  );
}
