import { describe, expect, test } from 'vitest';
import {
  compactNames,
  formatNeed,
  formatPoints,
  formatScore,
  formatShare,
} from './ranking-format.js';

describe('ranking numbers', () => {
  test('scores and contributions read as points out of 100, Dutch style', () => {
    expect(formatScore(0.9375, 'nl')).toBe('93,8');
    expect(formatScore(0.9375, 'en')).toBe('93.8');
    expect(formatPoints(0.1763, 'nl')).toBe('+17,6');
    expect(formatPoints(-0.004, 'nl')).toBe('−0,4');
    expect(formatPoints(0.0001, 'nl')).toBe('0,0');
    expect(formatNeed(0.947, 'nl')).toBe('95');
    expect(formatShare(0.8, 'nl')).toBe('80%');
  });
});

describe('compactNames', () => {
  test('says a shared prefix once per run', () => {
    expect(
      compactNames([
        'Leefbaarometer: Overlast en onveiligheid',
        'Leefbaarometer: Woningvoorraad',
        'Huishoudens met laag inkomen',
        'Bijstand per 1.000 inwoners',
      ]),
    ).toBe(
      'Leefbaarometer: Overlast en onveiligheid, Woningvoorraad; Huishoudens met laag inkomen; Bijstand per 1.000 inwoners',
    );
  });
  test('names without a prefix stay as they are', () => {
    expect(compactNames(['a', 'b'])).toBe('a; b');
    expect(compactNames([])).toBe('');
  });
});
