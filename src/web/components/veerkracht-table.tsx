import { useMemo, useState } from 'react';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { Quadrant } from '../../domain/veerkracht/quadrants.js';
import { signed } from '../charts/scatter-scales.js';
import { formatNumber } from '../format.js';
import type { MissingInput, VeerkrachtArea } from '../hooks/use-veerkracht-query.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import { areaPath, Link } from '../router.js';
import {
  missingList,
  ownGaps,
  QUADRANT_COLOURS,
  sortAreas,
  UNDETERMINED_SWATCH,
  type SortKey,
  type Variant,
} from '../veerkracht-view.js';

/**
 * Every area with its quadrant, focus, the two changes of the chosen variant and the levels of
 * the later year, sortable; areas with a gap say which input is missing. The table is also the
 * text alternative of the map and the scatter.
 */
export function VeerkrachtTable({
  areas,
  everywhere,
  variant,
  to,
  catalogue,
  quadrantLabel,
}: {
  areas: VeerkrachtArea[];
  /** Inputs no area has: named once above the table, not in every row. */
  everywhere: MissingInput[];
  variant: Variant;
  to: number;
  catalogue: ReadonlyMap<string, Indicator>;
  quadrantLabel(q: Quadrant): string;
}) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'quadrant',
    ascending: true,
  });
  const rows = useMemo(
    () => sortAreas(areas, sort.key, sort.ascending, variant),
    [areas, sort, variant],
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
          onClick={() =>
            setSort({
              key,
              // Names and quadrants start A→Z / most attention first; numbers largest first.
              ascending: active ? !sort.ascending : !numeric,
            })
          }
          aria-label={t('table.sortBy', { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  const gapText = (area: VeerkrachtArea) => {
    if (area.missing.length === 0) return '';
    const own = ownGaps(area.missing, everywhere);
    return own.length > 0 ? missingList(own, catalogue, locale) : t('veerkracht.missingAsAbove');
  };
  const anyGaps = areas.some((a) => a.missing.length > 0);
  const change = (value: number | null) => (value === null ? '–' : signed(value, locale));
  const level = (value: number | null) =>
    value === null ? '–' : formatNumber(value * 100, 0, locale);

  return (
    <div className="table-wrap">
      <table className="data-table veerkracht-table" data-testid="veerkracht-table">
        <caption>{t(`veerkracht.tableCaption.${variant}` as MessageKey)}</caption>
        <thead>
          <tr>
            {header('name', t('table.name'))}
            {header('quadrant', t('veerkracht.quadrant'))}
            {header('focus', t('veerkracht.focus'))}
            {header('vulnerability', t('veerkracht.colChangeV'), true)}
            {header('nuisance', t('veerkracht.colChangeN'), true)}
            {header('levelV', t('veerkracht.colLevelV', { year: to }), true)}
            {header('levelN', t('veerkracht.colLevelN', { year: to }), true)}
            {anyGaps ? <th scope="col">{t('veerkracht.colMissing')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => {
            const q = area.quadrant[variant];
            return (
              <tr key={area.code} data-code={area.code}>
                <th scope="row">
                  <Link to={areaPath(area.code)}>{area.name}</Link>
                </th>
                <td>
                  <span className="class-chip">
                    <span
                      className="swatch"
                      style={{ background: q ? QUADRANT_COLOURS[q] : UNDETERMINED_SWATCH }}
                      aria-hidden="true"
                    />
                    {q ? quadrantLabel(q) : t('veerkracht.undetermined')}
                  </span>
                </td>
                <td>
                  {area.focus === null
                    ? '–'
                    : area.focus
                      ? t('veerkracht.focusYes')
                      : t('methods.no')}
                </td>
                <td className="num">{change(area.vulnerabilityChange[variant])}</td>
                <td className="num">{change(area.nuisanceChange[variant])}</td>
                <td className="num">{level(area.levels.vulnerability)}</td>
                <td className="num">{level(area.levels.nuisance)}</td>
                {anyGaps ? <td className="missing-cell">{gapText(area)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
