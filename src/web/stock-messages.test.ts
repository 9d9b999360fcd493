import { describe, expect, test } from 'vitest';
import { AppError } from '../domain/shared/app-error.js';
import { placeComplexes } from '../domain/budget/place-complexes.js';
import { checkComplexDraft, type ComplexDraft } from '../services/complex-draft.js';
import { ApiError } from './api-client.js';
import { nl } from './i18n/nl.js';
import { complexIssuePhrase, complexProblems, spendingRefusal } from './stock-messages.js';

/** The ApiError the browser gets for what the service throws on this draft. */
function refusalOf(draft: ComplexDraft): ApiError {
  try {
    checkComplexDraft(draft, 2025);
  } catch (error) {
    const e = error as AppError;
    return new ApiError(400, e.code, e.message, e.details);
  }
  throw new Error('the draft was accepted');
}

const base = {
  complexId: 'C-1',
  address: 'Kade 1',
  buurtCode: 'BU99010101',
  units: '10',
  daebUnits: '5',
};

describe('complexProblems', () => {
  test('every rule of the real validator becomes a Dutch sentence at its field', () => {
    const cases: Array<[ComplexDraft, string, string]> = [
      [{ ...base, complexId: ' ' }, 'complexId', 'stock.error.idRequired'],
      [{ ...base, postcode: '0123 AB' }, 'postcode', 'stock.error.postcode'],
      [{ ...base, houseNumber: 'twaalf' }, 'houseNumber', 'stock.error.houseNumber'],
      [{ ...base, address: null, postcode: '2011 AB' }, 'address', 'stock.error.noHouseNumber'],
      [{ ...base, address: null, houseNumber: '12' }, 'address', 'stock.error.noPostcode'],
      [{ ...base, address: null }, 'address', 'stock.error.noLocation'],
      [{ ...base, x: '4.6' }, 'y', 'stock.error.coordinatePair'],
      [{ ...base, x: 'oost', y: '52' }, 'x', 'stock.error.coordinateNumber'],
      [{ ...base, x: '52.4', y: '4.6' }, 'x', 'stock.error.coordinatesSwapped'],
      [{ ...base, x: '1', y: '1' }, 'x', 'stock.error.coordinatesOutside'],
      [{ ...base, buurtCode: 'WK990101' }, 'buurtCode', 'stock.error.buurtCode'],
      [
        { ...base, buurtCode: null, address: 'Dorpsstraat 1' },
        'buurtCode',
        'stock.error.notPlaceable',
      ],
      [{ ...base, units: null }, 'units', 'stock.error.unitsRequired'],
      [{ ...base, units: '-3' }, 'units', 'stock.error.units'],
      [{ ...base, daebUnits: '' }, 'daebUnits', 'stock.error.daebRequired'],
      [{ ...base, daebUnits: 'veel' }, 'daebUnits', 'stock.error.daeb'],
      [{ ...base, daebUnits: '12' }, 'daebUnits', 'stock.error.daebAboveUnits'],
      [{ ...base, yearBuilt: '1200' }, 'yearBuilt', 'stock.error.yearBuilt'],
    ];
    for (const [draft, field, key] of cases) {
      const problems = complexProblems(refusalOf(draft));
      expect(problems.general, JSON.stringify(draft)).toBeNull();
      expect(problems.fields, JSON.stringify(draft)).toEqual({
        [field]: expect.objectContaining({ key }),
      });
      expect(Object.keys(nl)).toContain(key);
    }
    expect(complexProblems(refusalOf({ ...base, daebUnits: '12' })).fields.daebUnits).toEqual({
      key: 'stock.error.daebAboveUnits',
      vars: { daeb: '12', units: '10' },
    });
    expect(complexProblems(refusalOf({ ...base, yearBuilt: '2100' })).fields.yearBuilt).toEqual({
      key: 'stock.error.yearBuilt',
      vars: { from: '1500', to: '2030' },
    });
  });

  test('several problems at once: one sentence per field', () => {
    const problems = complexProblems(refusalOf({ complexId: '', units: '0', daebUnits: '1' }));
    expect(Object.keys(problems.fields).sort()).toEqual(['address', 'complexId', 'units']);
  });

  test('placement: an unknown buurt and a point outside every buurt', () => {
    const row = { ...checkComplexDraft({ ...base, buurtCode: 'BU99999999' }, 2025), point: null };
    const lookups = { knownCodes: new Set<string>(), shapes: [], boundaryYear: 2024 };
    const unknown = placeComplexes([row], lookups).problems[0]!;
    expect(complexIssuePhrase(unknown.message)).toEqual({
      key: 'stock.error.unknownBuurt',
      vars: { code: 'BU99999999', year: '2024' },
    });
    const away = placeComplexes(
      [{ ...row, buurtCode: null, point: [6.9, 53.2] as [number, number] }],
      lookups,
    ).problems[0]!;
    expect(complexIssuePhrase(away.message)).toEqual({
      key: 'stock.error.outsideBuurten',
      vars: { year: '2024' },
    });
  });

  test('a duplicate id, a buurt outside the scope, a refused delete, an unknown message', () => {
    const duplicate = new ApiError(409, 'conflict', 'complex C-1 (Hof, BU1) already exists', {
      field: 'complexId',
      existing: { id: 3, corporationId: 'C-1', name: 'Hof' },
    });
    expect(complexProblems(duplicate).fields.complexId).toEqual({
      key: 'stock.error.duplicate',
      vars: { id: 'C-1', name: ' (Hof)' },
    });
    const scope = new ApiError(403, 'forbidden', 'Buurt BU1 lies outside your scope', {
      code: 'BU99010101',
      field: 'x',
    });
    expect(complexProblems(scope)).toEqual({
      fields: { x: { key: 'stock.error.outOfScope', vars: { code: 'BU99010101' } } },
      general: null,
    });
    const spending = new ApiError(409, 'conflict', 'cannot be deleted', {
      spendingLines: 4,
      years: [2024, 2025],
    });
    expect(spendingRefusal(spending, 'C-1')).toEqual({
      key: 'stock.error.hasSpending.many',
      vars: { id: 'C-1', n: 4, years: '2024, 2025' },
    });
    expect(spendingRefusal(duplicate, 'C-1')).toBeNull();
    expect(complexIssuePhrase('something new')).toEqual({ text: 'something new' });
    expect(complexProblems(new ApiError(0, 'network', 'network')).general).toEqual({
      key: 'error.network',
    });
  });
});
