import { formatNumber, type Locale } from '../../domain/format/format-value.js';
import { linearScale, niceTicks } from './scales.js';

/** Pure helpers of the veerkracht scatter plot: a domain centred on zero, ticks, keyboard order. */

/**
 * A domain that holds every value and at least `minHalf` either side of 0 (so the stable band
 * and both sides of each quadrant edge always show), widened to round tick values.
 * @example paddedDomain([-0.3, 0.8], 0.25) // { domain: [-0.4, 1], ticks: [-0.4, -0.2, …, 1] }
 */
export function paddedDomain(
  values: readonly number[],
  minHalf: number,
  tickCount = 5,
): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(-minHalf, ...finite);
  const high = Math.max(minHalf, ...finite);
  const pad = (high - low) * 0.04;
  const ticks = niceTicks(low - pad, high + pad, tickCount);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

export interface ScatterPoint {
  code: string;
  x: number;
  y: number;
}

/**
 * The order arrow keys walk the points in: left to right, then bottom to top, so that the
 * next point is the next one along the horizontal axis.
 */
export function keyboardOrder<T extends ScatterPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.x - b.x || a.y - b.y || (a.code < b.code ? -1 : 1));
}

/**
 * Pixel positions of the points in a plot area, with the axes' scales.
 * @example plotScales({ x: [-1, 1], y: [-1, 1] }, { left: 0, right: 100, top: 0, bottom: 100 }).x(0) // 50
 */
export function plotScales(
  domains: { x: [number, number]; y: [number, number] },
  area: { left: number; right: number; top: number; bottom: number },
) {
  return {
    x: linearScale(domains.x, [area.left, area.right]),
    // SVG's y grows downward: the top of the plot is the domain's maximum.
    y: linearScale(domains.y, [area.bottom, area.top]),
  };
}

/**
 * The next index after an arrow or Home/End key in a list of `count` points; null for other keys.
 * @example nextIndex('ArrowRight', 2, 5) // 3
 */
export function nextIndex(key: string, current: number | null, count: number): number | null {
  if (count === 0) return null;
  const at = current ?? -1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(count - 1, at + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return current === null ? 0 : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Decimals that show a tick step exactly.
 * @example tickDecimals([-0.5, -0.25, 0]) // 2
 */
export function tickDecimals(ticks: readonly number[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1]! - ticks[0]!);
  for (let d = 0; d < 6; d += 1) {
    const scaled = step * 10 ** d;
    if (Math.abs(Math.round(scaled) - scaled) < 1e-9) return d;
  }
  return 6;
}

/**
 * A signed change with a real minus sign; zero after rounding has no sign.
 * @example signed(-0.304, 'nl') // '−0,30'
 */
export function signed(value: number, locale: Locale, decimals = 2): string {
  const text = formatNumber(Math.abs(value), decimals, locale);
  if (Number(Math.abs(value).toFixed(decimals)) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}
