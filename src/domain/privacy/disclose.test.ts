import { describe, expect, test } from 'vitest';
import { disclose } from './disclose.js';

const rules = { roundCountsTo: 5 };

describe('disclose', () => {
  test('the corporation’s analysts see the stored figure, reason or not', () => {
    expect(disclose({ value: 4, status: 'ok' }, 'small_count', 'count', false, rules)).toEqual({
      value: 4,
      status: 'ok',
      suppression: null,
    });
  });

  test('a restricted viewer gets no value for a hidden figure, and the reason', () => {
    expect(disclose({ value: 4, status: 'ok' }, 'small_count', 'count', true, rules)).toEqual({
      value: null,
      status: 'suppressed',
      suppression: 'small_count',
    });
    expect(
      disclose({ value: 61.5, status: 'ok' }, 'small_base', 'percentage', true, rules),
    ).toMatchObject({
      value: null,
      suppression: 'small_base',
    });
  });

  test('visible counts are rounded when asked; shares and scores are not', () => {
    expect(disclose({ value: 1234, status: 'ok' }, null, 'count', true, rules).value).toBe(1235);
    expect(
      disclose({ value: 1234, status: 'ok' }, null, 'count', true, { roundCountsTo: 0 }).value,
    ).toBe(1234);
    expect(disclose({ value: 12.3, status: 'ok' }, null, 'percentage', true, rules).value).toBe(
      12.3,
    );
    expect(disclose({ value: null, status: 'secret' }, null, 'count', true, rules)).toEqual({
      value: null,
      status: 'secret',
      suppression: null,
    });
  });

  test('counts outside disclosure control (the corporation’s own stock and money) stay exact', () => {
    expect(disclose({ value: 3, status: 'ok' }, null, 'count', true, rules, false).value).toBe(3);
    expect(disclose({ value: 1234, status: 'ok' }, null, 'count', true, rules, false).value).toBe(
      1234,
    );
  });
});
