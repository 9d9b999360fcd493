import { describe, expect, test } from 'vitest';
import {
  defaultWeights,
  draftFromInput,
  emptyDraft,
  parseWeight,
  scenarioFileOf,
  type ScenarioDraft,
} from './budget-scenario-draft.js';

const draft = (over: Partial<ScenarioDraft> = {}): ScenarioDraft => ({
  ...emptyDraft(2026, 2, ['buurtbeheer', 'personeel']),
  name: 'Basis 2026',
  total: '1.500.000',
  ...over,
});

describe('scenarioFileOf', () => {
  test('a complete draft is the scenario file of docs/BUDGET.md, amounts as typed', () => {
    const { file, problems } = scenarioFileOf(
      draft({
        fixedLines: { buurtbeheer: '150.000', personeel: '' },
        weights: { 1: '3', 2: '1,5', 3: '1', 4: '1', 5: '0' },
        basePerDaeb: '€ 20',
        limits: { noord: { floor: '100.000', cap: '' }, zuid: { floor: '', cap: '' } },
        earmarks: [
          { buurt: 'BU03920101', amount: '40.000', note: ' speeltuin ' },
          { buurt: '', amount: '', note: '' },
        ],
      }),
      true,
    );
    expect(problems).toEqual([]);
    expect(file).toEqual({
      year: 2026,
      name: 'Basis 2026',
      ranking: 2,
      total: '1.500.000',
      fixedLines: { buurtbeheer: '150.000' },
      needWeights: { by: 'class', weights: { 1: 3, 2: 1.5, 3: 1, 4: 1, 5: 0 } },
      unrankedWeight: null,
      basePerDaeb: '€ 20',
      regionLimits: { noord: { floor: '100.000', cap: null } },
      earmarks: [{ buurt: 'BU03920101', amount: '40.000', note: 'speeltuin' }],
    });
  });

  test('every problem names its field; nothing is sent while one remains', () => {
    const { file, problems } = scenarioFileOf(
      draft({
        name: ' ',
        total: 'veel',
        fixedLines: { buurtbeheer: '12,3,4', personeel: '0' },
        weights: { 1: 'drie', 2: '' },
        unrankedWeight: '-1',
        limits: { noord: { floor: '1.0.0', cap: '5' } },
        earmarks: [{ buurt: '', amount: '10', note: '' }],
        rankingId: null,
      }),
      true,
    );
    expect(file).toBeNull();
    expect(problems).toEqual([
      { field: 'total', kind: 'amount' },
      { field: 'fixedLines.buurtbeheer', kind: 'amount' },
      { field: 'weights.1', kind: 'weight' },
      { field: 'weights.2', kind: 'required' },
      { field: 'unrankedWeight', kind: 'weight' },
      { field: 'limits.noord.floor', kind: 'amount' },
      { field: 'earmarks.0.buurt', kind: 'required' },
      { field: 'ranking', kind: 'required' },
      { field: 'name', kind: 'required' },
    ]);
  });

  test('a preview needs no name yet; saving does', () => {
    expect(scenarioFileOf(draft({ name: '' }), false).file?.name).toBe('Voorbeeld');
    expect(scenarioFileOf(draft({ name: '' }), true).problems).toEqual([
      { field: 'name', kind: 'required' },
    ]);
  });

  test('an empty total is required, not zero', () => {
    expect(scenarioFileOf(draft({ total: '' }), false).problems).toEqual([
      { field: 'total', kind: 'required' },
    ]);
  });
});

describe('draftFromInput', () => {
  test('a stored input comes back as the form shows it, round trip to the same file', () => {
    const input = {
      year: 2025,
      name: 'Begroting 2025',
      ranking: 2,
      total: 2_720_000,
      fixedLines: { buurtbeheer: 326_400, personeel: '489.600' },
      needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1.5, 4: 1, 5: 1 } },
      basePerDaeb: 20,
      regionLimits: { noord: { floor: 100_000.5, cap: null } },
      earmarks: [{ buurt: 'BU99010101', amount: 25_000, note: 'speeltuin' }],
    };
    const back = draftFromInput(input, 2026);
    expect(back).toMatchObject({
      year: 2026,
      name: '',
      total: '2.720.000',
      fixedLines: { buurtbeheer: '326.400', personeel: '489.600' },
      weights: { 3: '1,5' },
      basePerDaeb: '20',
      limits: { noord: { floor: '100.000,50', cap: '' } },
    });
    const file = scenarioFileOf({ ...back, name: 'Kopie' }, true).file!;
    expect(file.needWeights.weights).toEqual(input.needWeights.weights);
    expect(file.regionLimits).toEqual({ noord: { floor: '100.000,50', cap: null } });
  });
});

test('default weights: the neediest fifth 3, the next 2, the rest 1', () => {
  expect(defaultWeights('class', 5)).toEqual({ 1: '3', 2: '2', 3: '1', 4: '1', 5: '1' });
  expect(Object.values(defaultWeights('decile', 5))).toEqual([
    '3',
    '3',
    '2',
    '2',
    '1',
    '1',
    '1',
    '1',
    '1',
    '1',
  ]);
});

test.each([
  ['1,5', 1.5],
  ['2', 2],
  ['0.25', 0.25],
  ['-1', null],
  ['', null],
  ['1,5,0', null],
])('parseWeight(%j)', (text, expected) => expect(parseWeight(text)).toBe(expected));
