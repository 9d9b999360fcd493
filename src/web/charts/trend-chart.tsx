import type { Locale } from '../../domain/format/format-value.js';
import { formatNumber } from '../format.js';
import { linearScale, linePath, niceTicks } from './scales.js';

export interface TrendLine {
  key: string;
  label: string;
  /** 'area' is drawn strongest; references are thinner and dashed so colour is not the only cue. */
  role: 'area' | 'gemeente' | 'land';
  points: ReadonlyArray<{ year: number; value: number | null }>;
}

const STYLE = {
  area: { stroke: '#17324d', width: 2.5, dash: undefined },
  gemeente: { stroke: '#c2570c', width: 1.75, dash: '5 3' },
  land: { stroke: '#6b7280', width: 1.5, dash: '1.5 3' },
} as const;

const W = 360;
const H = 150;
const M = { top: 10, right: 12, bottom: 22 };
// Room for the longest tick label (about 6 units a character at the axis font size), so
// "1.500.000" is not cut off and "0,5" does not leave a gap.
const leftFor = (labels: readonly string[]) =>
  Math.max(30, 10 + 6 * Math.max(...labels.map((l) => l.length)));

/** A small multi-line chart of one indicator over the years, in plain SVG. */
export function TrendChart({
  lines,
  decimals,
  locale,
  label,
}: {
  lines: TrendLine[];
  decimals: number;
  locale: Locale;
  label: string;
}) {
  const years = [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort(
    (a, b) => a - b,
  );
  const values = lines.flatMap((l) => l.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  if (years.length === 0 || values.length === 0) return null;
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 3);
  const tickDecimals = Math.max(0, Math.min(decimals, decimalsOfStep(ticks)));
  const tickLabels = ticks.map((tick) => formatNumber(tick, tickDecimals, locale));
  const left = leftFor(tickLabels);
  const y = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [H - M.bottom, M.top]);
  const x = linearScale([years[0]!, years[years.length - 1]!], [left, W - M.right]);
  const yearLabels =
    years.length <= 6
      ? years
      : years.filter((yr, i) => i === 0 || i === years.length - 1 || (yr - years[0]!) % 2 === 0);
  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {ticks.map((tick, i) => (
        <g key={tick}>
          <line x1={left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="grid" />
          <text
            x={left - 6}
            y={y(tick)}
            className="axis"
            textAnchor="end"
            dominantBaseline="middle"
          >
            {tickLabels[i]}
          </text>
        </g>
      ))}
      {yearLabels.map((yr) => (
        <text key={yr} x={x(yr)} y={H - 6} className="axis" textAnchor="middle">
          {yr}
        </text>
      ))}
      {[...lines].reverse().map((line) => {
        const style = STYLE[line.role];
        const byYear = new Map(line.points.map((p) => [p.year, p.value]));
        const pts = years.map((yr) => ({
          x: x(yr),
          y: byYear.has(yr) && byYear.get(yr) !== null ? y(byYear.get(yr)!) : null,
        }));
        // Years without any observation are skipped rather than breaking the line: biennial
        // series (Leefbaarometer) connect their measurements; an explicit null breaks it.
        const drawn = years.flatMap((yr, i) => (byYear.has(yr) ? [pts[i]!] : []));
        return (
          <g key={line.key}>
            <path
              d={linePath(drawn)}
              fill="none"
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
            />
            {line.role === 'area'
              ? drawn.map((p, i) =>
                  p.y === null ? null : (
                    <circle key={i} cx={p.x} cy={p.y} r={2.6} fill={style.stroke} />
                  ),
                )
              : null}
          </g>
        );
      })}
    </svg>
  );
}

export function TrendKey({ lines }: { lines: TrendLine[] }) {
  return (
    <ul className="trend-key">
      {lines.map((line) => {
        const style = STYLE[line.role];
        return (
          <li key={line.key}>
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="1"
                x2="21"
                y1="4"
                y2="4"
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              />
            </svg>
            {line.label}
          </li>
        );
      })}
    </ul>
  );
}

function decimalsOfStep(ticks: number[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1]! - ticks[0]!);
  return Math.max(
    0,
    -Math.floor(Math.log10(step)) + (step / 10 ** Math.floor(Math.log10(step)) === 2.5 ? 1 : 0),
  );
}
