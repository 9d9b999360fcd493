import { formatEuros } from '../budget-format.js';
import { useI18n } from '../i18n/i18n.js';
import { layoutScenarioBars, type BarRow } from './scenario-bars.js';

// Okabe–Ito colours: told apart with every common colour-vision deficiency; the adopted (or
// reference) scenario is the dark blue first one.
export const SCENARIO_COLOURS = ['#0b4f8a', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

/**
 * Scenarios side by side as grouped horizontal bars per region and line, with the amounts at
 * the bar ends. The table below the chart holds the same figures for screen readers.
 */
export function ScenarioBarsChart({
  year,
  names,
  rows,
}: {
  year: number;
  names: readonly string[];
  rows: readonly BarRow[];
}) {
  const { t, locale } = useI18n();
  const layout = layoutScenarioBars(rows, names.length);
  const colour = (s: number) => SCENARIO_COLOURS[s % SCENARIO_COLOURS.length]!;
  const compact = (cents: number) =>
    cents >= 100_000_000
      ? `€ ${(cents / 100_000_000).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })} mln`
      : formatEuros(cents, locale);
  return (
    <figure className="scenario-chart" data-testid="scenario-chart">
      <figcaption>
        <strong>{t('chart.scenarios.title')}</strong>
        <ul className="chart-legend">
          {names.map((name, s) => (
            <li key={s}>
              <span className="swatch" style={{ background: colour(s) }} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      </figcaption>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t('chart.scenarios.aria', { year })}
      >
        {layout.ticks.map((tick) => (
          <g key={tick.cents}>
            <line x1={tick.x} x2={tick.x} y1={0} y2={layout.height - 18} className="grid" />
            <text x={tick.x} y={layout.height - 4} className="axis" textAnchor="middle">
              {compact(tick.cents)}
            </text>
          </g>
        ))}
        {layout.groups.map((group) => (
          <g key={group.label}>
            <text
              x={layout.x0 - 8}
              y={group.y}
              className="row-label"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {group.label}
            </text>
            {group.bars.map((bar) => (
              <g key={bar.scenario}>
                <rect
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={colour(bar.scenario)}
                  rx={2}
                >
                  <title>{`${names[bar.scenario]}: ${formatEuros(bar.cents, locale)}`}</title>
                </rect>
                <text
                  x={bar.x + bar.width + 4}
                  y={bar.y + bar.height / 2}
                  className="bar-value"
                  dominantBaseline="middle"
                >
                  {formatEuros(bar.cents, locale)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
