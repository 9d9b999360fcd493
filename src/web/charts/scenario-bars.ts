import { linearScale, niceTicks } from './scales.js';

/**
 * Layout of the scenario comparison chart: per region or line a group of horizontal bars, one
 * per scenario, on one shared euro axis from 0. Pure, so the geometry is tested apart from SVG.
 */
export interface BarRow {
  label: string;
  /** Cents per scenario; null where the scenario lacks the row (never drawn as 0). */
  amounts: ReadonlyArray<number | null>;
}

export interface BarsLayout {
  width: number;
  height: number;
  /** Where bars start (after the row labels) and where the axis ends. */
  x0: number;
  x1: number;
  ticks: Array<{ x: number; cents: number }>;
  groups: Array<{
    label: string;
    /** Middle of the group, for the label. */
    y: number;
    bars: Array<{
      scenario: number;
      x: number;
      y: number;
      width: number;
      height: number;
      cents: number;
    }>;
  }>;
}

export const BAR = { height: 12, gap: 2, groupGap: 12, top: 8, axis: 22, label: 170, value: 96 };

export function layoutScenarioBars(
  rows: readonly BarRow[],
  scenarios: number,
  width = 760,
): BarsLayout {
  const max = Math.max(
    0,
    ...rows.flatMap((r) => r.amounts.flatMap((a) => (a === null ? [] : [a]))),
  );
  const ticks = niceTicks(0, max > 0 ? max : 100, 4);
  const top = ticks[ticks.length - 1]!;
  const x0 = BAR.label;
  const x1 = width - BAR.value;
  const x = linearScale([0, top], [x0, x1]);
  const groupHeight = scenarios * BAR.height + (scenarios - 1) * BAR.gap;
  const groups = rows.map((row, i) => {
    const y0 = BAR.top + i * (groupHeight + BAR.groupGap);
    return {
      label: row.label,
      y: y0 + groupHeight / 2,
      bars: row.amounts.flatMap((cents, s) =>
        cents === null
          ? []
          : [
              {
                scenario: s,
                x: x0,
                y: y0 + s * (BAR.height + BAR.gap),
                width: Math.max(0, x(cents) - x0),
                height: BAR.height,
                cents,
              },
            ],
      ),
    };
  });
  const height = BAR.top + rows.length * (groupHeight + BAR.groupGap) - BAR.groupGap + BAR.axis;
  return { width, height, x0, x1, ticks: ticks.map((cents) => ({ x: x(cents), cents })), groups };
}
