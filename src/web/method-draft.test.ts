import { describe, expect, test } from 'vitest';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import {
  decimalText,
  definitionOf,
  draftOf,
  fieldId,
  fieldOfIssue,
  groupIssues,
  issuePhrase,
  parseDecimal,
  sameDraft,
  splitCodes,
  weightShares,
} from './method-draft.js';

describe('draft and definition', () => {
  test('a stored method survives the round trip through the form unchanged', () => {
    expect(definitionOf(draftOf(DEFAULT_METHOD, 'nl'))).toEqual(
      JSON.parse(JSON.stringify(DEFAULT_METHOD)),
    );
    expect(definitionOf(draftOf(DEFAULT_METHOD, 'en'))).toEqual(
      JSON.parse(JSON.stringify(DEFAULT_METHOD)),
    );
  });
  test('shares are percentages in the form, fractions in the method', () => {
    const draft = draftOf(DEFAULT_METHOD, 'nl');
    expect(draft.minWeightShare).toBe('80');
    expect(draft.flagPercentile).toBe('90');
    const def = definitionOf({ ...draft, minWeightShare: '75,5', flagPercentile: '95' });
    expect(def.completeness).toEqual({ minWeightShare: 0.755 });
    expect(def.flags).toEqual({ percentile: 0.95 });
  });
  test('weights as typed in Dutch or English; anything else goes to the server as typed', () => {
    const draft = draftOf(DEFAULT_METHOD, 'nl');
    const edited = {
      ...draft,
      indicators: draft.indicators.map((i, n) =>
        n === 0 ? { ...i, weight: '1,5' } : n === 1 ? { ...i, weight: 'veel' } : i,
      ),
    };
    const indicators = definitionOf(edited).indicators as Array<{ weight: unknown }>;
    expect(indicators[0]!.weight).toBe(1.5);
    expect(indicators[1]!.weight).toBe('veel');
  });
  test('a list of codes becomes the universe; the two named universes stay names', () => {
    const draft = draftOf(DEFAULT_METHOD);
    expect(definitionOf(draft).universe).toEqual({ level: 'buurt', within: 'working-area' });
    expect(
      definitionOf({ ...draft, withinKind: 'codes', withinCodes: 'gm9901, GM9902;WK990101' })
        .universe,
    ).toEqual({ level: 'buurt', within: ['GM9901', 'GM9902', 'WK990101'] });
    const withCodes = {
      ...DEFAULT_METHOD,
      universe: { level: 'wijk' as const, within: ['GM9901'] },
    };
    expect(draftOf(withCodes)).toMatchObject({ withinKind: 'codes', withinCodes: 'GM9901' });
  });
  test('sameDraft compares what would be sent', () => {
    const a = draftOf(DEFAULT_METHOD);
    expect(sameDraft(a, draftOf(DEFAULT_METHOD))).toBe(true);
    expect(sameDraft(a, { ...a, antiCompensation: true })).toBe(false);
  });
});

describe('numbers as typed', () => {
  test.each([
    ['2', 2],
    ['1,5', 1.5],
    [' 1.25 ', 1.25],
    ['.5', 0.5],
    ['-1', -1],
    ['', null],
    ['1,2,3', null],
    ['abc', null],
  ] as const)('parseDecimal(%j) = %j', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });
  test('decimalText drops float noise and writes a comma in Dutch', () => {
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(1.5, 'nl')).toBe('1,5');
    expect(decimalText(80.00000000001, 'nl')).toBe('80');
  });
  test('splitCodes', () => {
    expect(splitCodes(' gm9901 ,,GM9902\nGM9903 ')).toEqual(['GM9901', 'GM9902', 'GM9903']);
  });
  test('weight shares over the positive weights', () => {
    const base = { key: 'a', direction: 'higher_is_worse' as const, theme: 't' };
    expect(
      weightShares([
        { ...base, weight: '3' },
        { ...base, weight: '1' },
        { ...base, weight: '0' },
        { ...base, weight: 'x' },
      ]),
    ).toEqual([0.75, 0.25, null, null]);
  });
});

describe('issues at their fields', () => {
  test('paths become form fields', () => {
    expect(fieldOfIssue('universe.within[2]')).toBe('universe.within');
    expect(fieldOfIssue('indicators[3]')).toBe('indicators[3].key');
    expect(fieldOfIssue('completeness')).toBe('completeness.minWeightShare');
    expect(fieldOfIssue('indicators[0].weight')).toBe('indicators[0].weight');
    expect(fieldId('indicators[2].weight')).toBe('m-indicators-2-weight');
  });
  test('issues of shown fields are grouped, the rest stays for the summary', () => {
    const { byField, other } = groupIssues(
      [
        { field: 'indicators[0].weight', message: 'must be greater than 0' },
        { field: 'universe.within[1]', message: "duplicate code 'GM9901'" },
        { field: 'classes.labelsNl', message: 'has 4 labels for 5 classes' },
      ],
      (field) => field !== 'classes.labelsNl',
    );
    expect([...byField.keys()]).toEqual(['indicators[0].weight', 'universe.within']);
    expect(other.map((i) => i.field)).toEqual(['classes.labelsNl']);
  });
  test('known server messages get words of their own; others pass as written', () => {
    expect(
      issuePhrase({ field: 'indicators[0].weight', message: 'must be greater than 0' }),
    ).toEqual({ key: 'methods.issue.positive' });
    expect(
      issuePhrase({ field: 'completeness.minWeightShare', message: 'must be at most 1' }),
    ).toEqual({ key: 'methods.issue.maxPercent' });
    expect(
      issuePhrase({
        field: 'indicators[8].key',
        message: "'a_inw' is a count, which measures size rather than need; use a share or rate",
      }),
    ).toEqual({ key: 'methods.issue.count', vars: { key: 'a_inw' } });
    expect(
      issuePhrase({
        field: 'indicators[8].direction',
        message: "is required: the catalogue gives 'a_inw' no direction (neutral)",
      }),
    ).toEqual({ key: 'methods.issue.required' });
    expect(issuePhrase({ field: 'x', message: 'something new' })).toEqual({
      text: 'something new',
    });
  });
});
