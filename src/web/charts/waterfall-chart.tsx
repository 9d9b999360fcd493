import { linearScale, niceTicks } from './scales.js';
import {
  barGeometry,
  waterfallExtent,
  waterfallRows,
  type WaterfallTheme,
} from './waterfall-scales.js';

export interface WaterfallItem {
  key: string;
  theme: string;
  contribution: number;
  /** The first label line (the indicator's name) and the second (value, year, need). */
  label: string;
  detail: string;
  /** Drawn as an empty step: the indicator has no value here. */
  missing: boolean;
}

interface Props {
  themes: readonly WaterfallTheme[];
  items: readonly WaterfallItem[];
  themeLabel(theme: string): string;
  themeDetail(theme: string): string;
  totalLabel: string;
  /** Formats a bar's value (a contribution) and an axis tick. */
  formatValue(value: number): string;
  formatTick(value: number): string;
  /** The total at the bottom. */
  formatTotal(value: number): string;
  /** The chart's text alternative (a summary; the table next to it has every number). */
  label: string;
}

const W = 800;
const LABEL_W = 300;
const VALUE_W = 64;
const X0 = LABEL_W + 12;
const X1 = W - VALUE_W - 8;
const AXIS_H = 26;
const HEIGHT = { theme: 36, indicator: 38, total: 36 } as const;
const MAX_LABEL = 40;

const clip = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

/**
 * The contributions to a score as a waterfall, in plain SVG: per theme a subtotal bar, under it
 * its indicators as steps that start where the previous ended, and at the bottom the total,
 * from 0 to the score. Labels say the indicator, its value and year and its need; the value
 * column on the right says each step in points.
 */
export function WaterfallChart({
  themes,
  items,
  themeLabel,
  themeDetail,
  totalLabel,
  formatValue,
  formatTick,
  formatTotal,
  label,
}: Props) {
  const rows = waterfallRows(themes, items);
  const itemOf = new Map(items.map((i) => [i.key, i]));
  const [low, high] = waterfallExtent(rows, 0.05);
  const ticks = niceTicks(low, high, 5);
  const x = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [X0, X1]);
  // Each row starts below the ones above it.
  const placed = rows.map((row, i) => ({
    row,
    top: AXIS_H + rows.slice(0, i).reduce((sum, r) => sum + HEIGHT[r.kind], 0),
  }));
  const height = AXIS_H + rows.reduce((sum, r) => sum + HEIGHT[r.kind], 0) + 6;
  return (
    <svg
      className="waterfall-chart"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={label}
      data-testid="waterfall"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={AXIS_H - 6} y2={height - 4} className="grid" />
          <text x={x(tick)} y={AXIS_H - 10} className="axis" textAnchor="middle">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {placed.map(({ row, top }, i) => {
        const h = HEIGHT[row.kind];
        const { x: bx, width } = barGeometry(row.start, row.end, x, 2);
        const barH = row.kind === 'indicator' ? 14 : 18;
        const barY = top + (h - barH) / 2;
        // A dotted line down to where the next step starts (a theme's first indicator starts
        // where the theme does; each step where the previous ended).
        const next = placed[i + 1];
        const connector =
          next && next.row.kind !== 'total' ? (
            <line
              x1={x(next.row.start)}
              x2={x(next.row.start)}
              y1={barY + barH}
              y2={
                next.top + (HEIGHT[next.row.kind] - (next.row.kind === 'indicator' ? 14 : 18)) / 2
              }
              className="connector"
            />
          ) : null;
        if (row.kind === 'indicator') {
          const item = itemOf.get(row.key)!;
          return (
            <g key={`i-${row.key}`} className="waterfall-row indicator" data-key={row.key}>
              <text x={LABEL_W} y={top + 16} textAnchor="end" className="label">
                {item.label.length > MAX_LABEL ? <title>{item.label}</title> : null}
                {clip(item.label)}
              </text>
              <text x={LABEL_W} y={top + 31} textAnchor="end" className="detail">
                {item.detail}
              </text>
              <rect
                x={bx}
                y={barY}
                width={width}
                height={barH}
                className={item.missing ? 'waterfall-bar missing' : 'waterfall-bar'}
              />
              {connector}
              <text x={W - 4} y={top + 22} textAnchor="end" className="value">
                {formatValue(row.value)}
              </text>
            </g>
          );
        }
        if (row.kind === 'theme') {
          return (
            <g key={`t-${row.theme}`} className="waterfall-row theme">
              <line x1={0} x2={W} y1={top + 1} y2={top + 1} className="separator" />
              <text x={LABEL_W} y={top + 18} textAnchor="end" className="theme-label">
                {themeLabel(row.theme)}
              </text>
              <text x={LABEL_W} y={top + 31} textAnchor="end" className="detail">
                {themeDetail(row.theme)}
              </text>
              <rect x={bx} y={barY} width={width} height={barH} className="waterfall-bar theme" />
              {connector}
              <text x={W - 4} y={top + 23} textAnchor="end" className="value strong">
                {formatValue(row.value)}
              </text>
            </g>
          );
        }
        return (
          <g key="total" className="waterfall-row total">
            <line x1={0} x2={W} y1={top + 1} y2={top + 1} className="separator strong" />
            <text x={LABEL_W} y={top + 23} textAnchor="end" className="theme-label">
              {totalLabel}
            </text>
            <rect x={bx} y={barY} width={width} height={barH} className="waterfall-bar total" />
            <text x={W - 4} y={top + 23} textAnchor="end" className="value strong">
              {formatTotal(row.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
