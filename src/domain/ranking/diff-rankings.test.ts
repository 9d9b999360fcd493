import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { computeRanking, type RankingAreaInput, type RankingResult } from './compute-ranking.js';
import { DEFAULT_METHOD } from './default-methods.js';
import {
  splitRankChanges,
  summariseRankChanges,
  type RankChange,
  type RankChangeInput,
} from './diff-rankings.js';
import type { MethodDefinition, MethodIndicator } from './method.js';
import { createUniformStream } from './random.js';

const input = (
  code: string,
  rankA: number | null,
  rankB: number | null,
  x: number | null = null,
  y: number | null = null,
): RankChangeInput => ({ code, rankA, rankB, rankMethodBDataA: x, rankMethodADataB: y });

describe('splitRankChanges', () => {
  it('splits a change symmetrically (Shapley)', () => {
    // A = 10, B = 4, X (method b, data a) = 7, Y (method a, data b) = 8. Change 4 − 10 = −6.
    // dataPart   = ½[(Y − A) + (B − X)] = ½[(8 − 10) + (4 − 7)] = ½[−2 − 3] = −2.5
    // methodPart = ½[(X − A) + (B − Y)] = ½[(7 − 10) + (4 − 8)] = ½[−3 − 4] = −3.5
    // −2.5 + −3.5 = −6.
    expect(splitRankChanges([input('BU1', 10, 4, 7, 8)])).toEqual([
      {
        code: 'BU1',
        rankA: 10,
        rankB: 4,
        change: -6,
        dataPart: -2.5,
        methodPart: -3.5,
        status: 'both',
      },
    ]);
  });

  it('equals both orders when they agree, and halves an interaction when they do not', () => {
    // A = 5, B = 5 (no net change), X = 1, Y = 9: method first gives method X − A = −4, then
    // data B − X = +4; data first gives data Y − A = +4, then method B − Y = −4. They agree.
    expect(splitRankChanges([input('a', 5, 5, 1, 9)])[0]).toMatchObject({
      change: 0,
      dataPart: 4,
      methodPart: -4,
    });
    // A = 3, B = 8, X = 3, Y = 3: method first gives method 0, data 5; data first gives data 0,
    // method 5: the effect needs both changes (interaction), so each gets half.
    expect(splitRankChanges([input('b', 3, 8, 3, 3)])[0]).toMatchObject({
      change: 5,
      dataPart: 2.5,
      methodPart: 2.5,
    });
  });

  it('same method (X = A, Y = B): all of the change is data', () => {
    // dataPart = ½[(B − A) + (B − A)] = B − A; methodPart = ½[(A − A) + (B − B)] = 0.
    const [change] = splitRankChanges([input('a', 12, 7, 12, 7)]);
    expect(change).toMatchObject({ change: -5, dataPart: -5, methodPart: 0 });
  });

  it('same data (X = B, Y = A): all of the change is method', () => {
    // dataPart = ½[(A − A) + (B − B)] = 0; methodPart = ½[(B − A) + (B − A)] = B − A.
    const [change] = splitRankChanges([input('a', 2, 9, 9, 2)]);
    expect(change).toMatchObject({ change: 7, dataPart: 0, methodPart: 7 });
  });

  it('keeps the change but no parts when a cross rank is missing', () => {
    expect(splitRankChanges([input('a', 3, 6, null, 4), input('b', 3, 1, 2, null)])).toEqual([
      {
        code: 'a',
        rankA: 3,
        rankB: 6,
        change: 3,
        dataPart: null,
        methodPart: null,
        status: 'both',
      },
      {
        code: 'b',
        rankA: 3,
        rankB: 1,
        change: -2,
        dataPart: null,
        methodPart: null,
        status: 'both',
      },
    ]);
  });

  it('marks areas ranked in one ranking only, and leaves out areas ranked in neither', () => {
    expect(
      splitRankChanges([
        input('b', null, 4, 1, 2),
        input('a', 6, null, 3, 4),
        input('z', null, null, 1, 1),
      ]),
    ).toEqual([
      {
        code: 'a',
        rankA: 6,
        rankB: null,
        change: null,
        dataPart: null,
        methodPart: null,
        status: 'only_a',
      },
      {
        code: 'b',
        rankA: null,
        rankB: 4,
        change: null,
        dataPart: null,
        methodPart: null,
        status: 'only_b',
      },
    ]);
  });

  it('sorts by the size of the change, then by code; areas without a change last', () => {
    const codes = splitRankChanges([
      input('e', null, 1),
      input('d', 1, 1, 1, 1),
      input('c', 5, 2, 5, 2),
      input('B', 2, 5, 2, 5),
      input('a', 1, 8, 1, 8),
      input('b', 3, null),
      input('A', 9, 2, 9, 2),
    ]).map((c) => [c.code, c.change]);
    // |7|: A and a (upper case first in code-unit order); |3|: B, c; 0: d; then b, e.
    expect(codes).toEqual([
      ['A', -7],
      ['a', 7],
      ['B', 3],
      ['c', -3],
      ['d', 0],
      ['b', null],
      ['e', null],
    ]);
  });

  it('parts always add up to the change exactly', () => {
    const next = createUniformStream(31);
    const rank = () => 1 + Math.floor(next() * 12_000);
    const inputs = Array.from({ length: 2000 }, (_, i) =>
      input(`BU${i}`, rank(), rank(), rank(), rank()),
    );
    for (const change of splitRankChanges(inputs)) {
      expect(change.dataPart! + change.methodPart!).toBe(change.change);
      expect(change.change).toBe(change.rankB! - change.rankA!);
      expect(Number.isInteger(2 * change.dataPart!)).toBe(true);
    }
  });

  it('returns an empty list for no input and does not change its input', () => {
    expect(splitRankChanges([])).toEqual([]);
    const inputs = [input('b', 1, 2, 1, 2), input('a', 3, 1, 3, 1)];
    const copy = JSON.parse(JSON.stringify(inputs));
    splitRankChanges(inputs);
    expect(inputs).toEqual(copy);
  });

  it('refuses duplicate codes and ranks that are not whole numbers ≥ 1', () => {
    const fails = (inputs: RankChangeInput[], field: string) => {
      try {
        splitRankChanges(inputs);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('validation_failed');
        expect((error as AppError).details?.field).toBe(field);
        return;
      }
      expect.fail('did not throw');
    };
    fails([input('a', 1, 2), input('a', 3, 4)], 'changes[1].code');
    fails([input('a', 0, 2)], 'changes[0].rankA');
    fails([input('a', 1, 2.5)], 'changes[0].rankB');
    fails([input('a', 1, 2, -1, 2)], 'changes[0].rankMethodBDataA');
    fails([input('a', 1, 2, 1, NaN)], 'changes[0].rankMethodADataB');
  });
});

describe('summariseRankChanges', () => {
  it('counts and finds the largest moves', () => {
    const changes = splitRankChanges([
      input('a', 10, 4, 10, 4), // −6 up
      input('b', 3, 9, 3, 9), // +6 down
      input('c', 8, 2, 8, 2), // −6 up (ties a; a wins by code)
      input('d', 5, 5, 5, 5), // 0
      input('e', 1, 2, 1, 2), // +1 down
      input('f', 7, null), // only A
      input('g', null, 3), // only B
      input('h', null, 4), // only B
    ]);
    const summary = summariseRankChanges(changes);
    expect(summary).toEqual({
      compared: 5,
      moved: 4,
      up: 2,
      down: 2,
      largestUp: changes.find((c) => c.code === 'a'),
      largestDown: changes.find((c) => c.code === 'b'),
      onlyA: 1,
      onlyB: 2,
    });
    // The order of the list does not matter.
    expect(summariseRankChanges([...changes].reverse())).toEqual(summary);
  });

  it('has no largest moves when nothing moved', () => {
    expect(summariseRankChanges(splitRankChanges([input('a', 1, 1, 1, 1)]))).toEqual({
      compared: 1,
      moved: 0,
      up: 0,
      down: 0,
      largestUp: null,
      largestDown: null,
      onlyA: 0,
      onlyB: 0,
    });
    expect(summariseRankChanges([])).toMatchObject({
      compared: 0,
      largestUp: null,
      largestDown: null,
    });
  });
});

describe('splitRankChanges on real rankings (crosswise computeRanking)', () => {
  const ind = (key: string, weight: number, theme: string): MethodIndicator => ({
    key,
    direction: 'higher_is_worse',
    weight,
    theme,
  });
  const method = (indicators: MethodIndicator[]): MethodDefinition => ({
    ...DEFAULT_METHOD,
    uncertainty: { draws: 0, perturbation: 0.5, seed: 1 },
    indicators,
  });
  const randomData = (seed: number): RankingAreaInput[] => {
    const next = createUniformStream(seed);
    return Array.from({ length: 30 }, (_, a) => ({
      code: `BU${String(a).padStart(3, '0')}`,
      values: Object.fromEntries(
        ['x', 'y', 'z'].map((key) => [
          key,
          next() < 0.1 ? null : { value: Math.floor(next() * 20), year: 2024 },
        ]),
      ),
    }));
  };
  const ranksOf = (r: RankingResult) => new Map(r.areas.map((a) => [a.code, a.rank]));

  function diff(
    ma: MethodDefinition,
    da: RankingAreaInput[],
    mb: MethodDefinition,
    db: RankingAreaInput[],
  ) {
    const a = ranksOf(computeRanking(ma, da));
    const b = ranksOf(computeRanking(mb, db));
    const x = ranksOf(computeRanking(mb, da));
    const y = ranksOf(computeRanking(ma, db));
    const codes = [...new Set([...a.keys(), ...b.keys()])];
    return splitRankChanges(
      codes.map((code) => ({
        code,
        rankA: a.get(code) ?? null,
        rankB: b.get(code) ?? null,
        rankMethodBDataA: x.get(code) ?? null,
        rankMethodADataB: y.get(code) ?? null,
      })),
    );
  }

  const methodA = method([ind('x', 1, 't'), ind('y', 1, 't'), ind('z', 1, 'u')]);
  const methodB = method([ind('x', 3, 't'), ind('y', 1, 't'), ind('z', 2, 'u')]);
  const dataA = randomData(1);
  const dataB = randomData(2);

  const both = (changes: RankChange[]) =>
    changes.filter((c) => c.status === 'both' && c.dataPart !== null);

  it('same method: every method part is 0', () => {
    const changes = both(diff(methodA, dataA, methodA, dataB));
    expect(changes.length).toBeGreaterThan(10);
    for (const c of changes) {
      expect(c.methodPart).toBe(0);
      expect(c.dataPart).toBe(c.change);
    }
  });

  it('same data: every data part is 0', () => {
    const changes = both(diff(methodA, dataA, methodB, dataA));
    expect(changes.some((c) => c.change !== 0)).toBe(true);
    for (const c of changes) {
      expect(c.dataPart).toBe(0);
      expect(c.methodPart).toBe(c.change);
    }
  });

  it('both changed: the parts add up to the change', () => {
    const changes = diff(methodA, dataA, methodB, dataB);
    for (const c of both(changes)) expect(c.dataPart! + c.methodPart!).toBe(c.change);
    // Sorted by the size of the change, areas without a change (ranked in one ranking only)
    // last. (Those must not count as a change of size 1: this data has an area ranked in both
    // whose rank did not change, BU000 at 0, right before them.)
    const size = (c: RankChange) => (c.change === null ? -1 : Math.abs(c.change));
    expect(changes.every((c, i) => i === 0 || size(changes[i - 1]!) >= size(c))).toBe(true);
    const firstWithout = changes.findIndex((c) => c.change === null);
    expect(firstWithout).toBeGreaterThan(0);
    expect(changes.slice(firstWithout).every((c) => c.change === null)).toBe(true);
    expect(changes[firstWithout - 1]!.change).toBe(0);
  });
});
