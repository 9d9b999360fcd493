import { describe, expect, test } from 'vitest';
import {
  indicatorsWithoutData,
  moveCounts,
  moveOf,
  sortedMoves,
  type PreviewRow,
} from './method-preview-moves.js';

const row = (
  name: string,
  baselineRank: number | null,
  rank: number | null,
  missing: string[] = [],
): PreviewRow => ({
  code: `BU${name}`,
  name,
  ranked: rank !== null,
  rank,
  class: null,
  baselineRank,
  baselineClass: null,
  missing,
});

describe('moves', () => {
  test('up is towards rank 1 (more need), down away from it', () => {
    expect(moveOf(row('a', 10, 4))).toMatchObject({ kind: 'up', places: 6 });
    expect(moveOf(row('b', 4, 10))).toMatchObject({ kind: 'down', places: -6 });
    expect(moveOf(row('c', 4, 4))).toMatchObject({ kind: 'same', places: 0 });
    expect(moveOf(row('d', null, 3))).toMatchObject({ kind: 'entered', places: null });
    expect(moveOf(row('e', 3, null))).toMatchObject({ kind: 'left', places: null });
    expect(moveOf(row('f', null, null))).toMatchObject({ kind: 'unranked' });
  });
  test('biggest movers first either way, then entered/left, then unchanged by rank, unranked last', () => {
    const rows = [
      row('same2', 2, 2),
      row('small', 5, 6),
      row('never', null, null),
      row('big', 9, 1),
      row('left', 3, null),
      row('same1', 1, 1),
      row('bigDown', 1, 8),
    ];
    expect(sortedMoves(rows).map((m) => m.name)).toEqual([
      'big',
      'bigDown',
      'small',
      'left',
      'same1',
      'same2',
      'never',
    ]);
  });
  test('counts: up, down, same, and not ranked under the edited method', () => {
    expect(
      moveCounts([
        row('a', 3, 1),
        row('b', 1, 2),
        row('c', 2, 2),
        row('d', 4, null),
        row('e', null, null),
      ]),
    ).toEqual({ up: 1, down: 1, same: 1, notRanked: 2, entered: 0, left: 1 });
  });
  test('indicators without figures for the year', () => {
    expect(indicatorsWithoutData({ years: { a: 2024, b: null, c: 2022 } })).toEqual(['b']);
  });
});
