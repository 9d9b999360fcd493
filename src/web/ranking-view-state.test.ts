import { describe, expect, test } from 'vitest';
import { parseRankingPath, readRankingView, writeRankingView } from './ranking-view-state.js';

describe('the ranking view in the URL', () => {
  test('the default view has an empty query and reads back', () => {
    const view = readRankingView(new URLSearchParams(''));
    expect(view.mode).toBe('tabel');
    expect(view.sort).toEqual({ key: 'rank', ascending: true });
    expect(writeRankingView(view)).toBe('');
  });
  test('a filtered, sorted view survives a round trip', () => {
    const query =
      '?weergave=kaart&gemeente=GM9901&klasse=2&vlag=1&zoek=duin&alles=1&sorteer=score&richting=af&met=3';
    const view = readRankingView(new URLSearchParams(query));
    expect(view).toEqual({
      mode: 'kaart',
      filter: {
        gemeente: 'GM9901',
        cls: 2,
        flaggedOnly: true,
        search: 'duin',
        showNotRanked: true,
      },
      sort: { key: 'score', ascending: false },
      compareWith: 3,
    });
    expect(writeRankingView(view)).toBe(query);
  });
  test('nonsense in the URL falls back to the defaults', () => {
    const view = readRankingView(
      new URLSearchParams('weergave=x&gemeente=Amsterdam&klasse=-1&sorteer=x&met=a'),
    );
    expect(view.mode).toBe('tabel');
    expect(view.filter.gemeente).toBe('');
    expect(view.filter.cls).toBeNull();
    expect(view.sort.key).toBe('rank');
    expect(view.compareWith).toBeNull();
  });
});

describe('parseRankingPath', () => {
  test.each([
    ['/rangorde', { id: null, code: null }],
    ['/rangorde/', { id: null, code: null }],
    ['/rangorde/12', { id: 12, code: null }],
    ['/rangorde/12/bu99010101', { id: 12, code: 'BU99010101' }],
    ['/rangordes', null],
    ['/rangorde/x', null],
  ])('%s', (path, expected) => {
    expect(parseRankingPath(path)).toEqual(expected);
  });
});
