import { describe, expect, test } from 'vitest';
import { QUADRANT_LABELS, QUADRANTS, quadrantOf, trendOf } from './quadrants.js';

describe('trendOf', () => {
  test('the stable band is closed: exactly ±band is stable', () => {
    expect(trendOf(0.1, 0.1)).toBe('stable');
    expect(trendOf(-0.1, 0.1)).toBe('stable');
    expect(trendOf(0, 0.1)).toBe('stable');
  });

  test('just beyond the band is up or down', () => {
    expect(trendOf(0.1001, 0.1)).toBe('up');
    expect(trendOf(-0.1001, 0.1)).toBe('down');
  });

  test('floating-point noise at the edge does not cross it', () => {
    expect(0.4 - 0.3).toBeGreaterThan(0.1);
    expect(trendOf(0.4 - 0.3, 0.1)).toBe('stable');
    expect(trendOf(-(0.4 - 0.3), 0.1)).toBe('stable');
  });

  test('a zero band makes any change up or down', () => {
    expect(trendOf(0.001, 0)).toBe('up');
    expect(trendOf(-0.001, 0)).toBe('down');
    expect(trendOf(0, 0)).toBe('stable');
  });
});

describe('quadrantOf', () => {
  const up = 0.5;
  const stable = 0.05;
  const down = -0.5;

  test.each([
    [up, up, 'onder_druk'],
    [up, stable, 'veerkrachtig'],
    [up, down, 'veerkrachtig'],
    [stable, up, 'overlast_stijgt'],
    [down, up, 'overlast_stijgt'],
    [stable, stable, 'stabiel'],
    [stable, down, 'stabiel'],
    [down, stable, 'stabiel'],
    [down, down, 'stabiel'],
  ] as const)('vulnerability %d, nuisance %d → %s', (v, n, quadrant) => {
    expect(quadrantOf(v, n, 0.1)).toBe(quadrant);
  });

  test('no quadrant from one axis', () => {
    expect(quadrantOf(null, up, 0.1)).toBeNull();
    expect(quadrantOf(up, null, 0.1)).toBeNull();
  });
});

test('every quadrant has Dutch and English labels and descriptions', () => {
  for (const quadrant of QUADRANTS) {
    const label = QUADRANT_LABELS[quadrant];
    expect(label.nl.length).toBeGreaterThan(0);
    expect(label.en.length).toBeGreaterThan(0);
    expect(label.descriptionNl.length).toBeGreaterThan(0);
    expect(label.descriptionEn.length).toBeGreaterThan(0);
  }
  expect(QUADRANT_LABELS.onder_druk.nl).toBe('Veerkracht onder druk');
  expect(QUADRANT_LABELS.stabiel.nl).toBe('Stabiel of verbeterend');
});
