/**
 * Pure layout of a waterfall chart: contributions that add up to a total, grouped per theme.
 * Each theme is a subtotal bar spanning its indicators; each indicator a step that starts where
 * the previous one ended; the last row is the total, from 0 to the sum.
 */

export interface WaterfallTheme {
  theme: string;
  contribution: number;
}

export interface WaterfallIndicator {
  key: string;
  theme: string;
  contribution: number;
}

export type WaterfallRow =
  | { kind: 'theme'; theme: string; start: number; end: number; value: number }
  | { kind: 'indicator'; key: string; theme: string; start: number; end: number; value: number }
  | { kind: 'total'; start: number; end: number; value: number };

/**
 * The rows of the chart, top to bottom: per theme (in the given order, then any theme only the
 * indicators name) its subtotal, then its indicators in the given order; last the total.
 * Indicator steps are cumulative over all themes, so a theme's bar spans exactly its indicators.
 * @example
 * waterfallRows([{ theme: 'a', contribution: 0.3 }], [
 *   { key: 'x', theme: 'a', contribution: 0.1 }, { key: 'y', theme: 'a', contribution: 0.2 },
 * ]).map((r) => [r.kind, r.start, r.end])
 * // [['theme', 0, 0.3], ['indicator', 0, 0.1], ['indicator', 0.1, 0.3], ['total', 0, 0.3]]
 */
export function waterfallRows(
  themes: readonly WaterfallTheme[],
  indicators: readonly WaterfallIndicator[],
): WaterfallRow[] {
  const order = [...new Set([...themes.map((t) => t.theme), ...indicators.map((i) => i.theme)])];
  const rows: WaterfallRow[] = [];
  let at = 0;
  for (const theme of order) {
    const members = indicators.filter((i) => i.theme === theme);
    const start = at;
    const steps: WaterfallRow[] = members.map((i) => {
      const step = {
        kind: 'indicator' as const,
        key: i.key,
        theme,
        start: at,
        end: at + i.contribution,
        value: i.contribution,
      };
      at = step.end;
      return step;
    });
    // Without indicators, the theme's own contribution is the step.
    if (members.length === 0) at += themes.find((t) => t.theme === theme)?.contribution ?? 0;
    rows.push({ kind: 'theme', theme, start, end: at, value: at - start }, ...steps);
  }
  rows.push({ kind: 'total', start: 0, end: at, value: at });
  return rows;
}

/**
 * The value range the axis must show: 0, every start and end, and at least `minimum` above 0
 * (a tiny score should not fill the whole width).
 */
export function waterfallExtent(rows: readonly WaterfallRow[], minimum = 0): [number, number] {
  let low = 0;
  let high = minimum;
  for (const r of rows) {
    low = Math.min(low, r.start, r.end);
    high = Math.max(high, r.start, r.end);
  }
  return [low, high];
}

/**
 * A bar between two values on a scale, left to right whatever the sign, and at least
 * `minWidth` pixels wide so a zero step still shows where it sits.
 * @example barGeometry(0.2, 0.1, (v) => v * 100) // { x: 10, width: 10 }
 */
export function barGeometry(
  start: number,
  end: number,
  scale: (v: number) => number,
  minWidth = 0,
): { x: number; width: number } {
  const a = scale(start);
  const b = scale(end);
  const width = Math.abs(b - a);
  if (width >= minWidth) return { x: Math.min(a, b), width };
  return { x: (a + b) / 2 - minWidth / 2, width: minWidth };
}
