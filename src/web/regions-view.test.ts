import { describe, expect, test } from 'vitest';
import { ApiError } from './api-client.js';
import { nl, type MessageKey } from './i18n/nl.js';
import {
  KEY_PATTERN,
  listYears,
  matchesFilter,
  moveSummary,
  removalRefusal,
  suggestKey,
} from './regions-view.js';

const t = (key: MessageKey, vars: Record<string, string | number> = {}): string =>
  Object.entries(vars).reduce<string>(
    (text, [k, v]) => text.replaceAll(`{${k}}`, String(v)),
    nl[key],
  );

describe('suggestKey', () => {
  test('lower case, accents dropped, one dash between words, valid for the server', () => {
    expect(suggestKey('Haarlem-Noord', new Set())).toBe('haarlem-noord');
    expect(suggestKey("  's-Gravenzande  Zuid ", new Set())).toBe('s-gravenzande-zuid');
    expect(suggestKey('Curaçao & Ĳsselmonde', new Set())).toBe('curacao-ijsselmonde');
    expect(suggestKey('!!!', new Set())).toBe('');
    const long = suggestKey('Een heel lange regionaam '.repeat(5), new Set());
    expect(long.length).toBeLessThanOrEqual(56);
    expect(long).toMatch(KEY_PATTERN);
    expect(long.endsWith('-')).toBe(false);
  });

  test('a taken key (a region or a line) gets the next free number', () => {
    expect(suggestKey('Noord', new Set(['noord', 'noord-2']))).toBe('noord-3');
  });
});

test('the filter ignores case and accents', () => {
  expect(matchesFilter('Café Zuid BU99010101', 'cafe')).toBe(true);
  expect(matchesFilter('Binnenstad', ' STAD ')).toBe(true);
  expect(matchesFilter('Binnenstad', 'haven')).toBe(false);
});

test('moveSummary: buurten taken per region, regions left empty, buurten given up', () => {
  const regions = [
    { key: 'noord', name: 'Noord', buurtCodes: ['A', 'B', 'C'] },
    { key: 'zuid', name: 'Zuid', buurtCodes: ['D'] },
    { key: 'oost', name: 'Oost', buurtCodes: ['E', 'F'] },
  ];
  expect(moveSummary('oost', new Set(['A', 'B', 'D', 'E']), regions)).toEqual({
    moves: [
      { key: 'noord', name: 'Noord', count: 2 },
      { key: 'zuid', name: 'Zuid', count: 1 },
    ],
    emptied: [{ key: 'zuid', name: 'Zuid' }],
    leaving: 1,
  });
  expect(moveSummary(null, new Set(['X']), regions)).toEqual({
    moves: [],
    emptied: [],
    leaving: 0,
  });
});

test('listYears says a list of years the Dutch way', () => {
  expect(listYears([], 'en')).toBe('');
  expect(listYears([2025], 'en')).toBe('2025');
  expect(listYears([2023, 2024, 2025], 'en')).toBe('2023, 2024 en 2025');
});

describe('removalRefusal', () => {
  const conflict = (details: Record<string, unknown>) =>
    new ApiError(409, 'conflict', 'region … cannot be removed', details);

  test('spending and adopted begrotingen, with the years of the report that must stay whole', () => {
    const text = removalRefusal(
      conflict({
        kind: 'region',
        key: 'noord',
        name: 'Duinrand Noord',
        spendingLines: 8,
        spendingYears: [2024, 2025],
        adoptedYears: [2025],
        buurtSpendingLines: 40,
        buurtSpendingYears: [2023, 2024],
      }),
      t,
    );
    // The buurten's spending is left out: moving them would not make the removal possible.
    expect(text).toBe(
      'Regio Duinrand Noord kan niet worden verwijderd: er zijn 8 uitgavenregels op geboekt (2024 en 2025); de vastgestelde begroting van 2025 verdeelt geld over deze regio. Het jaarverslag van 2024 en 2025 moet blijven kloppen.',
    );
  });

  test("only the buurten's spending: asks for a region to move them to", () => {
    const text = removalRefusal(
      conflict({
        kind: 'region',
        name: 'Centrum',
        spendingLines: 0,
        adoptedYears: [],
        buurtSpendingLines: 1,
        buurtSpendingYears: [2025],
      }),
      t,
    );
    expect(text).toBe(
      'Regio Centrum kan niet worden verwijderd: er is 1 uitgavenregel geboekt op de buurten en complexen van de regio (2025), die dan in geen regio meer meetelt. Kies een regio waar de buurten naartoe gaan. Het jaarverslag van 2025 moet blijven kloppen.',
    );
  });

  test('a line, and errors that are no removal refusal', () => {
    expect(
      removalRefusal(
        conflict({ kind: 'line', name: 'Buurtbeheer', spendingLines: 1, spendingYears: [2024] }),
        t,
      ),
    ).toBe(
      'Post Buurtbeheer kan niet worden verwijderd: er is 1 uitgavenregel op geboekt (2024). Het jaarverslag van 2024 moet blijven kloppen.',
    );
    expect(removalRefusal(new ApiError(409, 'conflict', 'x', { spendingLines: 3 }), t)).toBeNull();
    expect(removalRefusal(new ApiError(404, 'not_found', 'x'), t)).toBeNull();
    expect(removalRefusal(new Error('x'), t)).toBeNull();
  });
});
