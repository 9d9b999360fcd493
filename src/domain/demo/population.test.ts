import { describe, expect, test } from 'vitest';
import { buildGeography } from './geography.js';
import { buildPopulations, round5 } from './population.js';

describe('round5', () => {
  test.each([
    [0, 0],
    [2, 0],
    [3, 5],
    [1234, 1235],
    [1232.4, 1230],
  ])('%d → %d', (input, expected) => {
    expect(round5(input)).toBe(expected);
  });
});

describe('buildPopulations', () => {
  const geography = buildGeography(3);
  const populations = buildPopulations(geography, 3);

  test.each(geography.gemeenten.map((g) => [g.code, g.plan.population2024, g] as const))(
    '%s reaches its planned %d inhabitants in 2024',
    (_, planned, gemeente) => {
      const total = gemeente.wijken
        .flatMap((w) => w.buurten)
        .reduce((sum, b) => sum + populations.get(b.code)!.inhabitants[10]!, 0);
      expect(Math.abs(total - planned)).toBeLessThan(planned * 0.01);
    },
  );

  test('there are always dwellings for the households', () => {
    for (const population of populations.values()) {
      population.households.forEach((households, i) => {
        expect(population.dwellings[i]!).toBeGreaterThanOrEqual(
          Math.min(households, population.dwellings[i]!),
        );
        expect(households).toBeGreaterThan(0);
      });
    }
  });
});
