import type { MethodDefinition, MethodDirection, Normalisation } from '../domain/ranking/method.js';
import type { Phrase } from './server-messages.js';

/**
 * The method editor's form state and the pure steps around it: a stored definition becomes a
 * draft (numbers as the text the user types, shares as percentages), a draft becomes the JSON
 * the server validates, and the server's issues are sorted to the fields that caused them.
 * Nothing is validated here: the server's rules are the only rules, so the preview and the
 * save report exactly the same problems.
 */

export type WithinKind = 'working-area' | 'country' | 'codes';

export interface IndicatorDraft {
  key: string;
  direction: MethodDirection;
  /** As typed: "2", "1,5" or "" (sent as given when it is not a number, so the server says why). */
  weight: string;
  theme: string;
}

export interface MethodDraft {
  key: string;
  name: string;
  description: string;
  level: MethodDefinition['universe']['level'];
  withinKind: WithinKind;
  /** Gemeente or wijk codes, separated by commas or spaces (only for withinKind 'codes'). */
  withinCodes: string;
  normalisation: Normalisation;
  antiCompensation: boolean;
  /** Percent, as typed (0.8 is "80"). */
  minWeightShare: string;
  /** Percent, as typed (0.9 is "90"). */
  flagPercentile: string;
  indicators: IndicatorDraft[];
  /** Parts the editor does not change; kept as they were. */
  kept: Pick<MethodDefinition, 'classes' | 'uncertainty' | 'themeWeights'>;
}

/** The form state of a stored definition. */
export function draftOf(def: MethodDefinition, locale: 'nl' | 'en' = 'nl'): MethodDraft {
  const within = def.universe.within;
  return {
    key: def.key,
    name: def.name,
    description: def.description,
    level: def.universe.level,
    withinKind: Array.isArray(within) ? 'codes' : within,
    withinCodes: Array.isArray(within) ? within.join(', ') : '',
    normalisation: def.normalisation,
    antiCompensation: def.antiCompensation,
    minWeightShare: decimalText(def.completeness.minWeightShare * 100, locale),
    flagPercentile: decimalText(def.flags.percentile * 100, locale),
    indicators: def.indicators.map((i) => ({
      key: i.key,
      direction: i.direction,
      weight: decimalText(i.weight, locale),
      theme: i.theme,
    })),
    kept: {
      classes: def.classes,
      uncertainty: def.uncertainty,
      themeWeights: def.themeWeights,
    },
  };
}

/** The method JSON the server validates (POST /api/methods and the preview). */
export function definitionOf(draft: MethodDraft): Record<string, unknown> {
  const percent = (text: string) => {
    const n = parseDecimal(text);
    return n === null ? text : round(n / 100, 10);
  };
  return {
    key: draft.key.trim(),
    name: draft.name,
    description: draft.description,
    universe: {
      level: draft.level,
      within: draft.withinKind === 'codes' ? splitCodes(draft.withinCodes) : draft.withinKind,
    },
    normalisation: draft.normalisation,
    antiCompensation: draft.antiCompensation,
    completeness: { minWeightShare: percent(draft.minWeightShare) },
    classes: draft.kept.classes,
    flags: { percentile: percent(draft.flagPercentile) },
    uncertainty: draft.kept.uncertainty,
    themeWeights: draft.kept.themeWeights,
    indicators: draft.indicators.map((i) => ({
      key: i.key,
      direction: i.direction,
      weight: parseDecimal(i.weight) ?? i.weight,
      theme: i.theme,
    })),
  };
}

/**
 * A number as typed in either language: "1,5", "1.5", " 2 ". Null for anything else (also "").
 * @example parseDecimal('1,5') // 1.5
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/**
 * A number for an input field: no thousands separators, at most 4 decimals, no float noise,
 * a decimal comma in Dutch.
 * @example decimalText(1.5, 'nl') // '1,5'
 */
export function decimalText(n: number, locale: 'nl' | 'en' = 'en'): string {
  const text = String(round(n, 4));
  return locale === 'nl' ? text.replace('.', ',') : text;
}

const round = (n: number, decimals: number) => Number(n.toFixed(decimals));

/** "gm9901, GM9902 GM9903" → ["GM9901", "GM9902", "GM9903"]; empty pieces dropped. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

/** Each indicator's share of the total weight (null where a weight is not a positive number). */
export function weightShares(indicators: readonly IndicatorDraft[]): Array<number | null> {
  const weights = indicators.map((i) => parseDecimal(i.weight));
  const total = weights.reduce<number>((sum, w) => sum + (w !== null && w > 0 ? w : 0), 0);
  return weights.map((w) => (w !== null && w > 0 && total > 0 ? w / total : null));
}

/** One problem the server found, at a JSON path such as `indicators[2].weight`. */
export interface MethodIssue {
  field: string;
  message: string;
}

/**
 * The form field an issue belongs to: list items of the universe go to the codes field, an
 * indicator as a whole to its key, a group to its one field, the root to nothing.
 * @example fieldOfIssue('universe.within[1]') // 'universe.within'
 */
export function fieldOfIssue(field: string): string {
  if (/^universe\.within\[\d+\]$/.test(field)) return 'universe.within';
  if (/^indicators\[\d+\]$/.test(field)) return `${field}.key`;
  if (field === 'completeness') return 'completeness.minWeightShare';
  if (field === 'flags') return 'flags.percentile';
  return field;
}

/** The issues per form field; those no shown field takes stay in `other`, for the summary. */
export function groupIssues(
  issues: readonly MethodIssue[],
  shown: (field: string) => boolean,
): { byField: Map<string, MethodIssue[]>; other: MethodIssue[] } {
  const byField = new Map<string, MethodIssue[]>();
  const other: MethodIssue[] = [];
  for (const issue of issues) {
    const field = fieldOfIssue(issue.field);
    if (shown(field)) byField.set(field, [...(byField.get(field) ?? []), issue]);
    else other.push(issue);
  }
  return { byField, other };
}

/** An id for a field path, usable in HTML ids and hrefs: `indicators[2].weight` → `m-indicators-2-weight`. */
export function fieldId(field: string): string {
  return `m-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

/** The same draft, as far as the numbers go (what decides whether there is anything to save). */
export function sameDraft(a: MethodDraft, b: MethodDraft): boolean {
  return JSON.stringify(definitionOf(a)) === JSON.stringify(definitionOf(b));
}

// The server's method messages (domain/ranking/method.ts) a form runs into, in the interface's
// words; anything else passes as the server wrote it.
const ISSUE_PATTERNS: Array<[RegExp, (m: RegExpMatchArray, field: string) => Phrase]> = [
  [/^must be greater than 0$/, () => ({ key: 'methods.issue.positive' })],
  [/^must be (a number|a whole number)$/, () => ({ key: 'methods.issue.number' })],
  [
    /^must be at most 1$/,
    (_m, field) =>
      isPercentField(field)
        ? { key: 'methods.issue.maxPercent' }
        : { key: 'methods.issue.max', vars: { n: 1 } },
  ],
  [/^must not be empty$/, () => ({ key: 'methods.issue.empty' })],
  [/^is required/, () => ({ key: 'methods.issue.required' })],
  [/^must be 2–63 lower-case letters/, () => ({ key: 'methods.issue.key' })],
  [/^must be at most ([\d,]+) characters$/, (m) => ({ key: 'form.tooLong', vars: { n: m[1]! } })],
  [/^duplicate of indicators\[\d+\]$/, () => ({ key: 'methods.issue.duplicate' })],
  [/^unknown indicator '(.+)'$/, (m) => ({ key: 'methods.issue.unknown', vars: { key: m[1]! } })],
  [/^'(.+)' is a count/, (m) => ({ key: 'methods.issue.count', vars: { key: m[1]! } })],
  [/^must list at least one indicator$/, () => ({ key: 'methods.issue.noIndicators' })],
  [/^must list at least one code$/, () => ({ key: 'methods.issue.noCodes' })],
  [
    /^duplicate code '(.+)'$/,
    (m) => ({ key: 'methods.issue.duplicateCode', vars: { code: m[1]! } }),
  ],
  [
    /^'(.+)' is not a gemeente \(GM0000\) or wijk/,
    (m) => ({ key: 'methods.issue.notCode', vars: { code: m[1]! } }),
  ],
  [/^misses theme '(.+)'/, (m) => ({ key: 'methods.issue.themeWeight', vars: { theme: m[1]! } })],
];

const isPercentField = (field: string) =>
  field.startsWith('completeness') || field.startsWith('flags');

/** What to say about an issue, in the interface language. */
export function issuePhrase(issue: MethodIssue): Phrase {
  for (const [pattern, phrase] of ISSUE_PATTERNS) {
    const match = issue.message.match(pattern);
    if (match) return phrase(match, issue.field);
  }
  return { text: issue.message };
}
