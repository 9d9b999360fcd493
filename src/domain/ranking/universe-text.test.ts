import { describe, expect, it } from 'vitest';
import { parseUniverseText } from './method.js';

describe('parseUniverseText', () => {
  it.each([
    ['country', { within: 'country' }],
    ['working-area', { within: 'working-area' }],
    ['GM0392', { within: ['GM0392'] }],
    [' GM0392 , WK036300,', { within: ['GM0392', 'WK036300'] }],
    ['WK0363AA', { within: ['WK0363AA'] }],
    ['Haarlem', { bad: 'Haarlem' }],
    ['GM0392,BU03920101', { bad: 'BU03920101' }],
    [',', { bad: ',' }],
  ])('%j → %j', (raw, expected) => {
    expect(parseUniverseText(raw)).toEqual(expected);
  });
});
