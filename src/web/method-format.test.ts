import { describe, expect, test } from 'vitest';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import type { StoredMethod } from './hooks/use-methods-query.js';
import { nl } from './i18n/nl.js';
import { formatDate, formatShare, groupMethods, methodPath, themeName } from './method-format.js';

const stored = (key: string, version: number): StoredMethod => ({
  id: version * 10 + key.length,
  key,
  version,
  name: key,
  builtIn: false,
  createdBy: 'x',
  createdAt: '2025-03-04T10:00:00Z',
  rankings: 0,
  definition: DEFAULT_METHOD,
});

describe('method helpers', () => {
  test('versions per key, newest first, keys in the given order', () => {
    const groups = groupMethods([stored('b', 1), stored('a', 2), stored('b', 3), stored('a', 1)]);
    expect(groups.map((g) => g.map((m) => `${m.key}@${m.version}`))).toEqual([
      ['b@3', 'b@1'],
      ['a@2', 'a@1'],
    ]);
  });
  test('paths', () => {
    expect(methodPath('leefbaarheid')).toBe('/methoden/leefbaarheid');
    expect(methodPath('leefbaarheid', 2)).toBe('/methoden/leefbaarheid?versie=2');
  });
  test('dates and shares in the interface language', () => {
    expect(formatDate('2025-03-04T10:00:00Z', 'nl')).toBe('4 maart 2025');
    expect(formatDate('2025-03-04T10:00:00Z', 'en')).toBe('4 March 2025');
    expect(formatShare(0.125, 'nl')).toBe('13%');
    expect(formatShare(0.004, 'nl')).toBe('0,4%');
  });
  test('catalogue themes have a text, a method’s own theme is shown as named', () => {
    const t = (key: string) => (nl as Record<string, string>)[key] ?? key;
    expect(themeName('veiligheid', t as never)).toBe('Veiligheid');
    expect(themeName('kwetsbaarheid', t as never)).toMatch(/^Kwetsbaarheid$/);
  });
});
