import { describe, expect, test } from 'vitest';
import { BAR, layoutScenarioBars } from './scenario-bars.js';

describe('layoutScenarioBars', () => {
  const layout = layoutScenarioBars(
    [
      { label: 'Noord', amounts: [1_000_000, 800_000] },
      { label: 'Zuid', amounts: [250_000, null] },
    ],
    2,
  );

  test('one axis from 0 for every bar; the largest amount reaches the last tick or stays below it', () => {
    expect(layout.ticks[0]).toEqual({ x: BAR.label, cents: 0 });
    const last = layout.ticks[layout.ticks.length - 1]!;
    expect(last.cents).toBeGreaterThanOrEqual(1_000_000);
    const [a, b] = layout.groups[0]!.bars;
    expect(a!.x).toBe(BAR.label);
    expect(b!.width / a!.width).toBeCloseTo(0.8, 10);
    expect(a!.x + a!.width).toBeLessThanOrEqual(last.x + 1e-9);
  });

  test('a scenario without the row draws no bar rather than a 0', () => {
    expect(layout.groups[1]!.bars.map((b) => b.scenario)).toEqual([0]);
  });

  test('groups do not overlap and the height holds them all', () => {
    const [g1, g2] = layout.groups;
    const bottomOfFirst = Math.max(...g1!.bars.map((b) => b.y + b.height));
    expect(g2!.bars[0]!.y).toBeGreaterThan(bottomOfFirst);
    expect(layout.height).toBeGreaterThan(g2!.bars[0]!.y + BAR.height);
  });

  test('all zero still gives an axis', () => {
    const zero = layoutScenarioBars([{ label: 'Leeg', amounts: [0] }], 1);
    expect(zero.ticks.length).toBeGreaterThan(1);
    expect(zero.groups[0]!.bars[0]!.width).toBe(0);
  });
});
