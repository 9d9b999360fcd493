import { describe, expect, test } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { DEFAULT_VEERKRACHT_CONFIG, parseVeerkrachtConfig } from './veerkracht-config.js';

function errorOf(json: unknown): AppError {
  try {
    parseVeerkrachtConfig(json);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseVeerkrachtConfig', () => {
  test('the defaults', () => {
    expect(DEFAULT_VEERKRACHT_CONFIG).toEqual({
      vulnerability: ['p_hh_li', 'p_hh_osm', 'soz_wb_per_1000'],
      nuisance: { key: 'lbm_onv', direction: 'higher_is_better' },
      stableBand: 0.1,
      focus: { vulnerabilityPercentile: 0.8, nuisancePercentile: 0.8 },
    });
    expect(parseVeerkrachtConfig({})).toEqual(DEFAULT_VEERKRACHT_CONFIG);
    expect(parseVeerkrachtConfig(undefined)).toEqual(DEFAULT_VEERKRACHT_CONFIG);
  });

  test('the defaults cannot be changed through a parsed copy', () => {
    const parsed = parseVeerkrachtConfig({});
    parsed.vulnerability.push('x');
    parsed.nuisance.key = 'own_overlast';
    expect(DEFAULT_VEERKRACHT_CONFIG.vulnerability).toHaveLength(3);
    expect(DEFAULT_VEERKRACHT_CONFIG.nuisance.key).toBe('lbm_onv');
    expect(Object.isFrozen(DEFAULT_VEERKRACHT_CONFIG.focus)).toBe(true);
  });

  test('own nuisance figures and partial focus settings', () => {
    const config = parseVeerkrachtConfig({
      nuisance: { key: 'own_overlast', direction: 'higher_is_worse' },
      focus: { nuisancePercentile: 0.9 },
      stableBand: 0,
    });
    expect(config.nuisance).toEqual({ key: 'own_overlast', direction: 'higher_is_worse' });
    expect(config.focus).toEqual({ vulnerabilityPercentile: 0.8, nuisancePercentile: 0.9 });
    expect(config.stableBand).toBe(0);
  });

  test('a nuisance key without its direction is refused, not defaulted', () => {
    const error = errorOf({ nuisance: { key: 'own_overlast' } });
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^nuisance\.direction: /);
  });

  test.each([
    [{ stableBand: -0.1 }, /^stableBand: /],
    [{ stableBand: 'wide' }, /^stableBand: /],
    [{ focus: { vulnerabilityPercentile: 1.5 } }, /^focus\.vulnerabilityPercentile: /],
    [{ vulnerability: [] }, /^vulnerability: at least one/],
    [{ vulnerability: ['p_hh_li', ''] }, /^vulnerability\.1: /],
    [{ vulnerability: ['p_hh_li', 'p_hh_li'] }, /^vulnerability: each indicator once/],
    [{ stablebBand: 0.2 }, /^config: /],
    [{ nuisance: { key: 'lbm_onv', direction: 'neutral' } }, /^nuisance\.direction: /],
    [{ vulnerability: ['p_hh_li', 'lbm_onv'] }, /^nuisance\.key: lbm_onv is a vulnerability/],
    [null, undefined],
  ])('%j is refused with its path', (json, message) => {
    if (message === undefined) {
      // null reads as "no configuration" and gives the defaults.
      expect(parseVeerkrachtConfig(json)).toEqual(DEFAULT_VEERKRACHT_CONFIG);
      return;
    }
    const error = errorOf(json);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(message);
  });

  test.each([
    'p_n_w_al',
    'p_marok',
    'a_nl_all',
    'pct_herkomst_buiten_europa',
    'migratieachtergrond',
  ])('origin or migration background (%s) is never a vulnerability indicator', (key) => {
    const error = errorOf({ vulnerability: ['p_hh_li', key] });
    expect(error.message).toMatch(/^vulnerability\.1: origin or migration background/);
  });
});
