import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import {
  DEFAULT_CLASS_LABELS_EN,
  DEFAULT_CLASS_LABELS_NL,
  DEFAULT_METHOD,
} from './default-methods.js';
import {
  canonicalJson,
  compareStrings,
  METHOD_EXAMPLE,
  methodFingerprint,
  parseMethod,
  type CatalogueEntry,
  type MethodDefinition,
  type MethodIssue,
} from './method.js';

const catalogue = new Map<string, CatalogueEntry>([
  ['lbm_onv', { direction: 'higher_is_better', theme: 'leefbaarheid', kind: 'score' }],
  ['lbm_won', { direction: 'higher_is_better', theme: 'leefbaarheid', kind: 'score' }],
  ['lbm_soc', { direction: 'higher_is_better', theme: 'leefbaarheid', kind: 'score' }],
  ['lbm_vrz', { direction: 'higher_is_better', theme: 'leefbaarheid', kind: 'score' }],
  ['lbm_fys', { direction: 'higher_is_better', theme: 'leefbaarheid', kind: 'score' }],
  ['p_hh_li', { direction: 'higher_is_worse', theme: 'kwetsbaarheid', kind: 'share' }],
  ['p_hh_osm', { direction: 'higher_is_worse', theme: 'kwetsbaarheid', kind: 'share' }],
  ['soz_wb_per_1000', { direction: 'higher_is_worse', theme: 'kwetsbaarheid', kind: 'rate' }],
  ['a_inw', { direction: 'neutral', theme: 'bevolking', kind: 'count' }],
  ['p_65plus', { direction: 'neutral', theme: 'bevolking', kind: 'share' }],
]);

/** The smallest valid method file of the spec. */
const smallest = () =>
  ({
    key: 'onv-haarlem',
    name: 'Onveiligheid Haarlem',
    universe: { level: 'buurt', within: ['GM0392'] },
    indicators: [{ key: 'lbm_onv', direction: 'higher_is_better', weight: 1 }],
  }) as Record<string, unknown>;

/** The issues parseMethod throws for `json`; fails the test when it does not throw. */
function issuesOf(json: unknown): MethodIssue[] {
  try {
    parseMethod(json, catalogue);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation_failed');
    const issues = appError.details!.issues as MethodIssue[];
    // The first issue leads the message and names the field.
    expect(appError.details!.field).toBe(issues[0]!.field);
    expect(appError.message.startsWith(`${issues[0]!.field}: ${issues[0]!.message}`)).toBe(true);
    for (const issue of issues) {
      expect(issue.field).not.toBe('');
      expect(issue.message).not.toBe('');
    }
    return issues;
  }
  return expect.fail('parseMethod did not throw');
}

const withIndicators = (indicators: unknown[], extra: Record<string, unknown> = {}) => ({
  ...smallest(),
  ...extra,
  indicators,
});

describe('parseMethod: defaults', () => {
  it('fills every default in the smallest valid file', () => {
    const method = parseMethod(smallest(), catalogue);
    expect(method).toEqual({
      key: 'onv-haarlem',
      name: 'Onveiligheid Haarlem',
      description: '',
      universe: { level: 'buurt', within: ['GM0392'] },
      normalisation: 'percentile',
      antiCompensation: false,
      completeness: { minWeightShare: 0.8 },
      classes: {
        count: 5,
        labelsNl: [
          'zeer hoge prioriteit',
          'hoge prioriteit',
          'gemiddelde prioriteit',
          'lage prioriteit',
          'zeer lage prioriteit',
        ],
        labelsEn: [
          'very high priority',
          'high priority',
          'medium priority',
          'low priority',
          'very low priority',
        ],
      },
      flags: { percentile: 0.9 },
      uncertainty: { draws: 1000, perturbation: 0.5, seed: 1 },
      themeWeights: null,
      // Theme from the catalogue.
      indicators: [
        { key: 'lbm_onv', direction: 'higher_is_better', weight: 1, theme: 'leefbaarheid' },
      ],
    } satisfies MethodDefinition);
  });

  it('takes the direction from the catalogue and keeps an explicit direction and theme', () => {
    const method = parseMethod(
      withIndicators([
        { key: 'p_hh_li', weight: 2 },
        { key: 'lbm_onv', direction: 'higher_is_worse', weight: 1, theme: 'eigen thema' },
        { key: 'p_65plus', direction: 'higher_is_worse', weight: 1 },
      ]),
      catalogue,
    );
    expect(method.indicators).toEqual([
      { key: 'p_hh_li', direction: 'higher_is_worse', weight: 2, theme: 'kwetsbaarheid' },
      { key: 'lbm_onv', direction: 'higher_is_worse', weight: 1, theme: 'eigen thema' },
      { key: 'p_65plus', direction: 'higher_is_worse', weight: 1, theme: 'bevolking' },
    ]);
  });

  it('fills a partly given block and keeps other class counts with their labels', () => {
    const method = parseMethod(
      {
        ...smallest(),
        uncertainty: { draws: 0 },
        classes: { count: 2, labelsNl: ['hoog', 'laag'], labelsEn: ['high', 'low'] },
        completeness: {},
      },
      catalogue,
    );
    expect(method.uncertainty).toEqual({ draws: 0, perturbation: 0.5, seed: 1 });
    expect(method.classes).toEqual({
      count: 2,
      labelsNl: ['hoog', 'laag'],
      labelsEn: ['high', 'low'],
    });
    expect(method.completeness).toEqual({ minWeightShare: 0.8 });
  });

  it('does not share arrays with the input or with the default labels', () => {
    const json = smallest();
    const method = parseMethod(json, catalogue);
    (json.universe as { within: string[] }).within.push('GM0363');
    expect(method.universe.within).toEqual(['GM0392']);
    method.classes.labelsNl[0] = 'x';
    expect(DEFAULT_CLASS_LABELS_NL[0]).toBe('zeer hoge prioriteit');
    expect(parseMethod(smallest(), catalogue).classes.labelsEn).toEqual([
      ...DEFAULT_CLASS_LABELS_EN,
    ]);
  });

  it('round-trips METHOD_EXAMPLE through JSON', () => {
    const parsed = parseMethod(JSON.parse(JSON.stringify(METHOD_EXAMPLE)), catalogue);
    expect(parsed).toEqual(METHOD_EXAMPLE);
    expect(METHOD_EXAMPLE).toEqual(DEFAULT_METHOD);
    // A parsed method parses to itself again.
    expect(parseMethod(JSON.parse(JSON.stringify(parsed)), catalogue)).toEqual(parsed);
  });

  it('accepts the special universes and theme weights for every theme', () => {
    const method = parseMethod(
      withIndicators(
        [
          { key: 'lbm_onv', weight: 1 },
          { key: 'p_hh_li', weight: 1 },
        ],
        {
          universe: { level: 'wijk', within: 'working-area' },
          themeWeights: { leefbaarheid: 2, kwetsbaarheid: 1 },
        },
      ),
      catalogue,
    );
    expect(method.universe).toEqual({ level: 'wijk', within: 'working-area' });
    expect(method.themeWeights).toEqual({ leefbaarheid: 2, kwetsbaarheid: 1 });
    expect(
      parseMethod(
        { ...smallest(), universe: { level: 'buurt', within: ['WK039201', 'GM0363'] } },
        catalogue,
      ).universe.within,
    ).toEqual(['WK039201', 'GM0363']);
  });
});

describe('parseMethod: every error names its field', () => {
  it('refuses an unknown indicator', () => {
    expect(issuesOf(withIndicators([{ key: 'nope', weight: 1 }]))).toEqual([
      { field: 'indicators[0].key', message: "unknown indicator 'nope'" },
    ]);
  });

  it('refuses a count indicator', () => {
    expect(
      issuesOf(withIndicators([{ key: 'a_inw', direction: 'higher_is_worse', weight: 1 }])),
    ).toEqual([
      {
        field: 'indicators[0].key',
        message: "'a_inw' is a count, which measures size rather than need; use a share or rate",
      },
    ]);
  });

  it('refuses a duplicate key', () => {
    expect(
      issuesOf(
        withIndicators([
          { key: 'lbm_onv', weight: 1 },
          { key: 'p_hh_li', weight: 1 },
          { key: 'lbm_onv', weight: 2 },
        ]),
      ),
    ).toEqual([{ field: 'indicators[2].key', message: 'duplicate of indicators[0]' }]);
  });

  it('refuses a weight of 0 or less, or not a number', () => {
    for (const weight of [0, -1]) {
      expect(issuesOf(withIndicators([{ key: 'lbm_onv', weight }]))).toEqual([
        { field: 'indicators[0].weight', message: 'must be greater than 0' },
      ]);
    }
    expect(issuesOf(withIndicators([{ key: 'lbm_onv', weight: '1' }]))).toEqual([
      { field: 'indicators[0].weight', message: 'must be a number' },
    ]);
    expect(issuesOf(withIndicators([{ key: 'lbm_onv' }]))).toEqual([
      { field: 'indicators[0].weight', message: 'is required' },
    ]);
  });

  it('requires a direction where the catalogue gives none', () => {
    expect(issuesOf(withIndicators([{ key: 'p_65plus', weight: 1 }]))).toEqual([
      {
        field: 'indicators[0].direction',
        message: "is required: the catalogue gives 'p_65plus' no direction (neutral)",
      },
    ]);
    expect(
      issuesOf(withIndicators([{ key: 'p_65plus', direction: 'neutral', weight: 1 }])),
    ).toEqual([
      {
        field: 'indicators[0].direction',
        message: "must be 'higher_is_better' or 'higher_is_worse'",
      },
    ]);
  });

  it('requires theme weights for exactly the themes of the indicators', () => {
    const two = [
      { key: 'lbm_onv', weight: 1 },
      { key: 'p_hh_li', weight: 1 },
    ];
    expect(issuesOf(withIndicators(two, { themeWeights: { leefbaarheid: 1 } }))).toEqual([
      {
        field: 'themeWeights',
        message:
          "misses theme 'kwetsbaarheid': give every theme of the indicators a weight, or set themeWeights to null",
      },
    ]);
    expect(
      issuesOf(
        withIndicators(two, { themeWeights: { leefbaarheid: 1, kwetsbaarheid: 1, extra: 2 } }),
      ),
    ).toEqual([{ field: 'themeWeights.extra', message: "no indicator has theme 'extra'" }]);
    expect(
      issuesOf(withIndicators(two, { themeWeights: { leefbaarheid: 0, kwetsbaarheid: 1 } })),
    ).toEqual([{ field: 'themeWeights.leefbaarheid', message: 'must be greater than 0' }]);
  });

  it('sees a theme named like an Object.prototype member without a weight (was a bug)', () => {
    // `theme in themeWeights` found 'constructor' on the prototype: the file passed and the
    // ranking failed later with "misses theme 'constructor'".
    for (const theme of ['constructor', 'toString', 'hasOwnProperty']) {
      const json = JSON.parse(
        JSON.stringify(
          withIndicators(
            [
              { key: 'lbm_onv', weight: 1 },
              { key: 'p_hh_li', weight: 1, theme },
            ],
            { themeWeights: { leefbaarheid: 1 } },
          ),
        ),
      );
      expect(issuesOf(json).map((issue) => issue.field)).toEqual(['themeWeights']);
      // With its weight it parses, and the weight is there.
      json.themeWeights[theme] = 3;
      expect(parseMethod(json, catalogue).themeWeights).toEqual({ leefbaarheid: 1, [theme]: 3 });
    }
    expect(
      issuesOf(
        JSON.parse(
          '{"key":"ab","name":"x","universe":{"level":"buurt","within":"country"},' +
            '"themeWeights":{"leefbaarheid":1,"__proto__":2},' +
            '"indicators":[{"key":"lbm_onv","weight":1},{"key":"p_hh_li","weight":1,"theme":"__proto__"}]}',
        ),
      ),
    ).toContainEqual({ field: 'indicators[1].theme', message: 'must not be __proto__' });
  });

  it('requires as many labels as classes', () => {
    expect(issuesOf({ ...smallest(), classes: { count: 5, labelsNl: ['a', 'b'] } })).toEqual([
      { field: 'classes.labelsNl', message: 'has 2 labels for 5 classes' },
    ]);
    expect(
      issuesOf({ ...smallest(), classes: { labelsEn: ['a', 'b', 'c', 'd', 'e', 'f'] } }),
    ).toEqual([{ field: 'classes.labelsEn', message: 'has 6 labels for 5 classes' }]);
    expect(issuesOf({ ...smallest(), classes: { count: 3 } })).toEqual([
      {
        field: 'classes.labelsNl',
        message: 'is required for 3 classes (the default labels are for 5)',
      },
      {
        field: 'classes.labelsEn',
        message: 'is required for 3 classes (the default labels are for 5)',
      },
    ]);
  });

  it('checks universe codes', () => {
    expect(
      issuesOf({
        ...smallest(),
        universe: { level: 'buurt', within: ['GM039', 'XX1234', 'GM0392', 'GM0392', 'WK03920'] },
      }),
    ).toEqual([
      {
        field: 'universe.within[0]',
        message: "'GM039' is not a gemeente (GM0000) or wijk (WK000000) code",
      },
      {
        field: 'universe.within[1]',
        message: "'XX1234' is not a gemeente (GM0000) or wijk (WK000000) code",
      },
      { field: 'universe.within[3]', message: "duplicate code 'GM0392'" },
      {
        field: 'universe.within[4]',
        message: "'WK03920' is not a gemeente (GM0000) or wijk (WK000000) code",
      },
    ]);
    expect(
      issuesOf({ ...smallest(), universe: { level: 'gemeente', within: ['WK039201'] } }),
    ).toEqual([
      { field: 'universe.within[0]', message: "a wijk code ('WK039201') holds no gemeenten" },
    ]);
    expect(issuesOf({ ...smallest(), universe: { level: 'buurt', within: [] } })).toEqual([
      { field: 'universe.within', message: 'must list at least one code' },
    ]);
    expect(issuesOf({ ...smallest(), universe: { level: 'land', within: 'everywhere' } })).toEqual([
      { field: 'universe.level', message: "must be 'buurt', 'wijk' or 'gemeente'" },
      {
        field: 'universe.within',
        message: "must be 'country', 'working-area' or a list of gemeente (GM) or wijk (WK) codes",
      },
    ]);
  });

  it('refuses unknown fields, at the top and nested', () => {
    expect(issuesOf({ ...smallest(), colour: 'red' })).toEqual([
      { field: 'colour', message: 'is not a method field' },
    ]);
    expect(issuesOf(withIndicators([{ key: 'lbm_onv', weight: 1, colour: 1 }]))).toEqual([
      { field: 'indicators[0].colour', message: 'is not a method field' },
    ]);
    expect(issuesOf({ ...smallest(), uncertainty: { runs: 5 } })).toEqual([
      { field: 'uncertainty.runs', message: 'is not a method field' },
    ]);
  });

  it('names missing required fields', () => {
    for (const field of ['key', 'name', 'universe', 'indicators']) {
      const json = smallest();
      delete json[field];
      expect(issuesOf(json)).toEqual([{ field, message: 'is required' }]);
    }
    expect(issuesOf(withIndicators([]))).toEqual([
      { field: 'indicators', message: 'must list at least one indicator' },
    ]);
    expect(issuesOf('not a method').map((issue) => issue.field)).toEqual(['$']);
    expect(issuesOf(null).map((issue) => issue.field)).toEqual(['$']);
  });

  it('checks the ranges of the numeric settings', () => {
    const cases: [Record<string, unknown>, MethodIssue][] = [
      [
        { uncertainty: { draws: 10_001 } },
        { field: 'uncertainty.draws', message: 'must be at most 10000' },
      ],
      [
        { uncertainty: { draws: 1.5 } },
        { field: 'uncertainty.draws', message: 'must be a whole number' },
      ],
      [
        { uncertainty: { perturbation: 1 } },
        { field: 'uncertainty.perturbation', message: 'must be less than 1' },
      ],
      [{ uncertainty: { seed: -1 } }, { field: 'uncertainty.seed', message: 'must be at least 0' }],
      [
        { uncertainty: { seed: 2 ** 32 } },
        { field: 'uncertainty.seed', message: 'must be at most 4294967295' },
      ],
      [
        { completeness: { minWeightShare: 0 } },
        { field: 'completeness.minWeightShare', message: 'must be greater than 0' },
      ],
      [{ flags: { percentile: 1.5 } }, { field: 'flags.percentile', message: 'must be at most 1' }],
      [{ classes: { count: 1 } }, { field: 'classes.count', message: 'must be at least 2' }],
      [
        { normalisation: 'rank' },
        { field: 'normalisation', message: "must be 'percentile', 'zscore' or 'minmax'" },
      ],
      [
        { antiCompensation: 'yes' },
        { field: 'antiCompensation', message: 'must be true or false' },
      ],
      [
        { key: '-abc' },
        {
          field: 'key',
          message: 'must be 2–63 lower-case letters, digits or dashes, not starting with a dash',
        },
      ],
      [{ name: '   ' }, { field: 'name', message: 'must not be empty' }],
    ];
    for (const [patch, issue] of cases) {
      expect(issuesOf({ ...smallest(), ...patch })).toContainEqual(issue);
    }
  });

  it('reports every problem at once in details.issues', () => {
    const issues = issuesOf({
      ...smallest(),
      key: 'X',
      colour: 1,
      indicators: [
        { key: 'nope', weight: 0 },
        { key: 'a_inw', weight: 1 },
        { key: 'lbm_onv', weight: 1 },
        { key: 'lbm_onv', weight: 1 },
      ],
    });
    const expected: MethodIssue[] = [
      {
        field: 'key',
        message: 'must be 2–63 lower-case letters, digits or dashes, not starting with a dash',
      },
      { field: 'indicators[0].weight', message: 'must be greater than 0' },
      { field: 'colour', message: 'is not a method field' },
      { field: 'indicators[0].key', message: "unknown indicator 'nope'" },
      {
        field: 'indicators[1].key',
        message: "'a_inw' is a count, which measures size rather than need; use a share or rate",
      },
      {
        field: 'indicators[1].direction',
        message: "is required: the catalogue gives 'a_inw' no direction (neutral)",
      },
      { field: 'indicators[3].key', message: 'duplicate of indicators[2]' },
    ];
    expect(issues).toHaveLength(expected.length);
    for (const issue of expected) expect(issues).toContainEqual(issue);
    try {
      parseMethod({ ...smallest(), key: 'X', colour: 1 }, catalogue);
    } catch (error) {
      expect((error as AppError).message).toMatch(/\(and 1 more\)$/);
    }
  });
});

describe('methodFingerprint', () => {
  const base = parseMethod(
    withIndicators([
      { key: 'lbm_onv', weight: 3 },
      { key: 'p_hh_li', weight: 2 },
      { key: 'lbm_won', weight: 1 },
    ]),
    catalogue,
  );
  const fingerprint = methodFingerprint(base);

  it('ignores name, description, labels and the order of indicators and universe codes', () => {
    expect(methodFingerprint({ ...base, name: 'Nieuwe naam', description: 'Andere uitleg' })).toBe(
      fingerprint,
    );
    expect(
      methodFingerprint({
        ...base,
        classes: {
          ...base.classes,
          labelsNl: ['a', 'b', 'c', 'd', 'e'],
          labelsEn: ['1', '2', '3', '4', '5'],
        },
      }),
    ).toBe(fingerprint);
    expect(methodFingerprint({ ...base, indicators: [...base.indicators].reverse() })).toBe(
      fingerprint,
    );
    const twoCodes = {
      ...base,
      universe: { level: 'buurt' as const, within: ['GM0392', 'GM0363'] },
    };
    expect(
      methodFingerprint({
        ...twoCodes,
        universe: { level: 'buurt', within: ['GM0363', 'GM0392'] },
      }),
    ).toBe(methodFingerprint(twoCodes));
    // Key order inside objects does not matter either.
    const reordered = JSON.parse(canonicalJson(base)) as MethodDefinition;
    expect(methodFingerprint(reordered)).toBe(fingerprint);
  });

  it('changes with everything that changes a number', () => {
    const changed = (patch: Partial<MethodDefinition>) => methodFingerprint({ ...base, ...patch });
    const indicators = base.indicators.map((i) => ({ ...i }));
    indicators[1]!.weight = 2.5;
    expect(changed({ indicators })).not.toBe(fingerprint);
    const flipped = base.indicators.map((i, n) =>
      n === 0 ? { ...i, direction: 'higher_is_worse' as const } : i,
    );
    expect(changed({ indicators: flipped })).not.toBe(fingerprint);
    const retheme = base.indicators.map((i, n) => (n === 0 ? { ...i, theme: 'anders' } : i));
    expect(changed({ indicators: retheme })).not.toBe(fingerprint);
    expect(changed({ normalisation: 'zscore' })).not.toBe(fingerprint);
    expect(changed({ antiCompensation: true })).not.toBe(fingerprint);
    expect(changed({ completeness: { minWeightShare: 0.7 } })).not.toBe(fingerprint);
    expect(changed({ classes: { ...base.classes, count: 4 } })).not.toBe(fingerprint);
    expect(changed({ flags: { percentile: 0.8 } })).not.toBe(fingerprint);
    expect(changed({ uncertainty: { ...base.uncertainty, seed: 2 } })).not.toBe(fingerprint);
    expect(changed({ uncertainty: { ...base.uncertainty, draws: 500 } })).not.toBe(fingerprint);
    expect(changed({ themeWeights: { leefbaarheid: 1, kwetsbaarheid: 1 } })).not.toBe(fingerprint);
    expect(changed({ universe: { level: 'wijk', within: ['GM0392'] } })).not.toBe(fingerprint);
    expect(changed({ universe: { level: 'buurt', within: 'country' } })).not.toBe(fingerprint);
  });
});

describe('canonicalJson and compareStrings', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,1]},"b":1}',
    );
  });

  it('compares by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'Z'].sort(compareStrings)).toEqual(['B', 'Z', 'a', 'b', 'é']);
    expect(compareStrings('x', 'x')).toBe(0);
  });
});
