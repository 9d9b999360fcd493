import { useMemo, useState } from 'react';
import type { MapFeatureProperties, MapLayerResponse } from '../../domain/map/map-layer.js';
import { formatFigure } from '../format.js';
import { usePrivacy } from '../hooks/use-privacy.js';
import { useI18n } from '../i18n/i18n.js';
import { areaPath, Link } from '../router.js';
import { indicatorName } from './indicator-name.js';
import { explainStatus } from './status-text.js';

type SortKey = 'name' | 'code' | 'value';

/**
 * The same data as the map, as a table: every map has one (WCAG; and it is how analysts read).
 * Sortable by column; missing values always sort last, whatever the direction.
 */
export function AreaTable({ layer }: { layer: MapLayerResponse }) {
  const { t, locale } = useI18n();
  const { restricted, minCount } = usePrivacy();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'value',
    ascending: false,
  });
  const rows = useMemo(() => {
    const list = layer.features.map((f) => f.properties);
    const compare = (a: MapFeatureProperties, b: MapFeatureProperties) => {
      if (sort.key === 'value') {
        if (a.value === null && b.value === null) return a.name.localeCompare(b.name, 'nl');
        if (a.value === null) return 1;
        if (b.value === null) return -1;
        return sort.ascending ? a.value - b.value : b.value - a.value;
      }
      const result = a[sort.key].localeCompare(b[sort.key], 'nl', { numeric: true });
      return sort.ascending ? result : -result;
    };
    return list.sort(compare);
  }, [layer, sort]);
  const colourOf = new Map(layer.classification.classes.map((c) => [c.class, c.colour]));
  const labelOf = new Map(
    layer.classification.classes.map((c) => [c.class, locale === 'nl' ? c.labelNl : c.labelEn]),
  );
  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
        className={numeric ? 'num' : undefined}
      >
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : key !== 'value' })}
          aria-label={t('table.sortBy', { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="area-table">
        <caption>
          {t('table.caption', {
            indicator: indicatorName(layer.indicator, locale),
            year: layer.year ?? '–',
          })}
        </caption>
        <thead>
          <tr>
            {header('name', t('table.name'))}
            {header('code', t('table.code'))}
            {header(
              'value',
              `${t('table.value')}${layer.indicator.unit !== 'aantal' ? ` (${layer.indicator.unit})` : ''}`,
              true,
            )}
            <th scope="col">{t('table.class')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.code}>
              <th scope="row">
                <Link to={areaPath(p.code)}>{p.name}</Link>
              </th>
              <td className="code">{p.code}</td>
              <td
                className={`num${p.value === null ? ' status' : ''}`}
                title={
                  p.value === null ? explainStatus(t, p.status, p.suppression, minCount) : undefined
                }
              >
                {formatFigure(
                  p.value,
                  p.status,
                  { unit: '', decimals: layer.indicator.decimals },
                  locale,
                  p.suppression,
                  minCount,
                )}
              </td>
              <td>
                {p.class !== null ? (
                  <span className="class-chip">
                    <span
                      className="swatch"
                      style={{ background: colourOf.get(p.class) }}
                      aria-hidden="true"
                    />
                    {labelOf.get(p.class) ?? t('map.classOf', { n: p.class })}
                  </span>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {restricted ? (
          <tfoot>
            <tr>
              <td colSpan={4} className="privacy-note">
                {t('privacy.note', { n: minCount })}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
