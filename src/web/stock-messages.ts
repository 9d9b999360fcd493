import { ApiError } from './api-client.js';
import type { MessageKey } from './i18n/nl.js';
import { problemOf, type Phrase } from './server-messages.js';

/** The fields of the complex form, named as the API names them. */
export const COMPLEX_FIELDS = [
  'complexId',
  'name',
  'address',
  'postcode',
  'houseNumber',
  'buurtCode',
  'x',
  'y',
  'units',
  'daebUnits',
  'yearBuilt',
] as const;
export type ComplexField = (typeof COMPLEX_FIELDS)[number];

export interface ComplexProblems {
  /** A sentence per field the server named, in the order of the form. */
  fields: Partial<Record<ComplexField, Phrase>>;
  /** What belongs to no field (a network failure, a refusal). */
  general: Phrase | null;
}

type Vars = Record<string, string | number>;
const say = (key: MessageKey, vars?: Vars): Phrase => (vars ? { key, vars } : { key });

// The API's messages are the import's English sentences (domain/budget/complex-row.ts,
// domain/budget/place-complexes.ts and services/complex-draft.ts); each one the form can meet
// gets a sentence of its own.
const PATTERNS: Array<[RegExp, (m: RegExpMatchArray, expected: string) => Phrase]> = [
  [/^empty complex id/, () => say('stock.error.idRequired')],
  [/is not a Dutch postcode/, () => say('stock.error.postcode')],
  [/is not a house number/, () => say('stock.error.houseNumber')],
  [/^no location \(a postcode without/, () => say('stock.error.noHouseNumber')],
  [/^no location \(a house number without/, () => say('stock.error.noPostcode')],
  [/^no location/, () => say('stock.error.noLocation')],
  [/only one of the two coordinates/, () => say('stock.error.coordinatePair')],
  [/is not a coordinate/, () => say('stock.error.coordinateNumber')],
  [/coordinates seem swapped/, () => say('stock.error.coordinatesSwapped')],
  [/is not a location in the Netherlands/, () => say('stock.error.coordinatesOutside')],
  [/is not a buurt code/, () => say('stock.error.buurtCode')],
  [
    /^unknown buurt (\S+): not a buurt of boundary year (\d+)/,
    (m) => say('stock.error.unknownBuurt', { code: m[1]!, year: m[2]! }),
  ],
  [/lies outside every buurt of (\d+)/, (m) => say('stock.error.outsideBuurten', { year: m[1]! })],
  [/cannot be placed: no buurt code and no coordinates/, () => say('stock.error.notPlaceable')],
  [/^empty number of dwellings/, () => say('stock.error.unitsRequired')],
  [/is not a number of dwellings/, () => say('stock.error.units')],
  [/^empty number of DAEB dwellings/, () => say('stock.error.daebRequired')],
  [/is not a number of DAEB dwellings/, () => say('stock.error.daeb')],
  [
    /^DAEB > units: (\d+) DAEB dwellings in a complex of (\d+)/,
    (m) => say('stock.error.daebAboveUnits', { daeb: m[1]!, units: m[2]! }),
  ],
  [
    /is not a year of construction/,
    (_m, expected) => {
      const range = /from (\d+) to (\d+)/.exec(expected);
      return say('stock.error.yearBuilt', { from: range?.[1] ?? '1500', to: range?.[2] ?? '' });
    },
  ],
];

const isField = (name: unknown): name is ComplexField =>
  typeof name === 'string' && (COMPLEX_FIELDS as readonly string[]).includes(name);

/** One server message in the interface language; the text itself when none fits. */
export function complexIssuePhrase(message: string, expected = ''): Phrase {
  for (const [pattern, phrase] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return phrase(match, expected);
  }
  return { text: message };
}

/**
 * What a failed save or delete should say, and next to which field: every issue of a
 * validation_failed, the existing complex of a duplicate id, the buurt outside the scope, the
 * spending lines that keep a complex.
 */
export function complexProblems(error: Error): ComplexProblems {
  const none: ComplexProblems = { fields: {}, general: null };
  if (!(error instanceof ApiError)) return { ...none, general: problemOf(error).phrase };
  const d = error.details;
  if (error.code === 'validation_failed' && Array.isArray(d.issues)) {
    const fields: ComplexProblems['fields'] = {};
    for (const raw of d.issues as Array<Record<string, unknown>>) {
      // The service names `field`; a malformed body (zod) names `path`.
      const field = raw.field ?? raw.path;
      const phrase = complexIssuePhrase(String(raw.message ?? ''), String(raw.expected ?? ''));
      if (isField(field)) fields[field] ??= phrase;
      else return { fields, general: phrase };
    }
    return { fields, general: null };
  }
  if (error.code === 'conflict' && d.field === 'complexId') {
    const existing = (d.existing ?? {}) as { corporationId?: string; name?: string | null };
    const name = existing.name ? ` (${existing.name})` : '';
    return {
      fields: {
        complexId: say('stock.error.duplicate', { id: existing.corporationId ?? '', name }),
      },
      general: null,
    };
  }
  if (error.code === 'conflict' && d.field === 'buurtCode')
    return { ...none, general: say('stock.error.noBoundaries') };
  if (error.code === 'forbidden' && typeof d.code === 'string') {
    const phrase = say('stock.error.outOfScope', { code: d.code });
    return isField(d.field)
      ? { fields: { [d.field]: phrase }, general: null }
      : { ...none, general: phrase };
  }
  return { ...none, general: problemOf(error).phrase };
}

/** The 409 of a delete refused for spending lines, as a sentence; null for any other error. */
export function spendingRefusal(error: Error, id: string): Phrase | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const lines = error.details.spendingLines;
  const years = error.details.years;
  if (typeof lines !== 'number' || !Array.isArray(years)) return null;
  return {
    key: lines === 1 ? 'stock.error.hasSpending.one' : 'stock.error.hasSpending.many',
    vars: { id, n: lines, years: years.join(', ') },
  };
}
