import { describe, expect, test } from 'vitest';
import { defaultGemeente, NATIONAL, readView, writeView, type ViewState } from './view-state.js';

const defaults = { gemeente: 'GM9901', indicator: 'lbm_score' };

describe('view state in the URL', () => {
  test('defaults for an empty query', () => {
    expect(readView(new URLSearchParams(''), defaults)).toEqual({
      gemeente: 'GM9901',
      level: 'buurt',
      indicator: 'lbm_score',
      year: null,
      view: 'kaart',
    });
  });

  test.each([
    ['jaar=abc', { year: null }],
    ['jaar=1492', { year: null }],
    ['jaar=2022', { year: 2022 }],
    ['niveau=straat', { level: 'buurt' }],
    ['niveau=gemeente', { level: 'buurt' }],
    [`gemeente=${NATIONAL}&niveau=gemeente`, { level: 'gemeente' }],
    ['weergave=tabel', { view: 'tabel' }],
  ])('%s reads as %j', (query, expected) => {
    expect(readView(new URLSearchParams(query), defaults)).toMatchObject(expected);
  });

  test('write then read gives the same view', () => {
    const view: ViewState = {
      gemeente: 'GM9902',
      level: 'wijk',
      indicator: 'p_hh_li',
      year: 2018,
      view: 'tabel',
    };
    const url = writeView(view);
    expect(readView(new URL(url, 'http://x').searchParams, defaults)).toEqual(view);
  });

  test('gemeenten as level only for the whole country', () => {
    expect(
      writeView({
        gemeente: 'GM9901',
        level: 'gemeente',
        indicator: 'a',
        year: null,
        view: 'kaart',
      }),
    ).toContain('niveau=buurt');
  });
});

describe('defaultGemeente', () => {
  test('the first preferred gemeente the user may see', () => {
    expect(defaultGemeente(['GM9901', 'GM9902', 'GM9903'], ['GM9901', 'GM9902'])).toBe('GM9901');
  });
  test('a preferred gemeente outside the scope is skipped, never chosen', () => {
    expect(defaultGemeente(['GM9902'], ['GM9901', 'GM9902'])).toBe('GM9902');
    expect(defaultGemeente(['GM9903'], ['GM9901'])).toBe('GM9903');
  });
  test('nothing visible: the whole country (which then shows nothing)', () => {
    expect(defaultGemeente([], ['GM9901'])).toBe(NATIONAL);
  });
});
