import { formatEuroNumber, formatGrouped, parseMoney } from '../domain/budget/money.js';

/**
 * The scenario editor's form state and its translation to the scenario file the API takes
 * (docs/BUDGET.md). Everything is text as typed — "1.500.000", "1,5" — so a half-typed value
 * never jumps; amounts are checked with the domain's own money parser, weights as Dutch or
 * English decimals, and each problem names its field the way the form does.
 */
export interface ScenarioDraft {
  year: number;
  name: string;
  rankingId: number | null;
  total: string;
  /** Per line key without an area: its fixed amount. */
  fixedLines: Record<string, string>;
  by: 'class' | 'decile';
  /** Per class or decile number (1 = most need). */
  weights: Record<number, string>;
  /** Empty: the least-needy weight (the server's default). */
  unrankedWeight: string;
  basePerDaeb: string;
  /** Per region key: floor and cap, empty for none. */
  limits: Record<string, { floor: string; cap: string }>;
  earmarks: Array<{ buurt: string; amount: string; note: string }>;
}

export interface DraftProblem {
  /** The form field: total, fixedLines.<key>, weights.<n>, limits.<key>.floor, earmarks.<i>.amount … */
  field: string;
  kind: 'amount' | 'weight' | 'required';
}

/** The scenario file the API takes, amounts as text for the server's parser. */
export interface ScenarioFile {
  year: number;
  name: string;
  ranking: number;
  total: string;
  fixedLines: Record<string, string>;
  needWeights: { by: 'class' | 'decile'; weights: Record<string, number> };
  unrankedWeight: number | null;
  basePerDaeb: string;
  regionLimits: Record<string, { floor: string | null; cap: string | null }>;
  earmarks: Array<{ buurt: string; amount: string; note: string }>;
}

/** Default need weights: the neediest fifth counts three times, the next fifth twice. */
export function defaultWeights(by: 'class' | 'decile', classCount: number): Record<number, string> {
  const n = by === 'decile' ? 10 : classCount;
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => {
      const fifth = (i / n) * 5;
      return [i + 1, fifth < 1 ? '3' : fifth < 2 ? '2' : '1'];
    }),
  );
}

/** A new scenario: no money yet, the default weights, every line at zero. */
export function emptyDraft(
  year: number,
  rankingId: number | null,
  lineKeys: readonly string[],
  classCount = 5,
): ScenarioDraft {
  return {
    year,
    name: '',
    rankingId,
    total: '',
    fixedLines: Object.fromEntries(lineKeys.map((k) => [k, '0'])),
    by: 'class',
    weights: defaultWeights('class', classCount),
    unrankedWeight: '',
    basePerDaeb: '0',
    limits: {},
    earmarks: [],
  };
}

/** Parses a weight typed in Dutch ("1,5") or English ("1.5"); null when it is not one. */
export function parseWeight(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Cents as the editor shows them: "1.500.000" or "12,50". */
const euroText = (cents: number) =>
  cents % 100 === 0 ? formatGrouped(cents / 100) : formatEuroNumber(cents);

const asText = (value: unknown): string => {
  if (typeof value === 'number') return euroText(Math.round(value * 100));
  return typeof value === 'string' ? value : '';
};

/**
 * A stored scenario's input (the file as given) as a draft, for "copy into a new scenario".
 * Amounts come back as the user typed them, numbers as Dutch amounts.
 */
export function draftFromInput(input: Record<string, unknown>, year: number): ScenarioDraft {
  const weights = (input.needWeights ?? {}) as { by?: string; weights?: Record<string, number> };
  const limits = (input.regionLimits ?? {}) as Record<string, { floor?: unknown; cap?: unknown }>;
  const earmarks = (input.earmarks ?? []) as Array<{
    buurt?: string;
    amount?: unknown;
    note?: string;
  }>;
  return {
    year,
    name: '',
    rankingId: typeof input.ranking === 'number' ? input.ranking : null,
    total: asText(input.total),
    fixedLines: Object.fromEntries(
      Object.entries((input.fixedLines ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k,
        asText(v),
      ]),
    ),
    by: weights.by === 'decile' ? 'decile' : 'class',
    weights: Object.fromEntries(
      Object.entries(weights.weights ?? {}).map(([k, w]) => [
        Number(k),
        String(w).replace('.', ','),
      ]),
    ),
    unrankedWeight:
      typeof input.unrankedWeight === 'number'
        ? String(input.unrankedWeight).replace('.', ',')
        : '',
    basePerDaeb: asText(input.basePerDaeb ?? '0'),
    limits: Object.fromEntries(
      Object.entries(limits).map(([k, l]) => [k, { floor: asText(l.floor), cap: asText(l.cap) }]),
    ),
    earmarks: earmarks.map((e) => ({
      buurt: e.buurt ?? '',
      amount: asText(e.amount),
      note: e.note ?? '',
    })),
  };
}

/**
 * The draft as a scenario file, or the problems that keep it from being one. The name may be
 * empty for a preview (`forSaving` false): a preview needs no name, a saved scenario does.
 */
export function scenarioFileOf(
  draft: ScenarioDraft,
  forSaving: boolean,
): { file: ScenarioFile | null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const amount = (field: string, text: string, required: boolean): string | null => {
    if (text.trim() === '') {
      if (required) problems.push({ field, kind: 'required' });
      return null;
    }
    if (!parseMoney(text).ok) problems.push({ field, kind: 'amount' });
    return text.trim();
  };
  const total = amount('total', draft.total, true);
  const fixedLines: Record<string, string> = {};
  for (const [key, text] of Object.entries(draft.fixedLines)) {
    const value = amount(`fixedLines.${key}`, text, false);
    if (value !== null) fixedLines[key] = value;
  }
  const weights: Record<string, number> = {};
  for (const [n, text] of Object.entries(draft.weights)) {
    const w = parseWeight(text);
    if (w === null)
      problems.push({ field: `weights.${n}`, kind: text.trim() ? 'weight' : 'required' });
    else weights[n] = w;
  }
  let unrankedWeight: number | null = null;
  if (draft.unrankedWeight.trim() !== '') {
    unrankedWeight = parseWeight(draft.unrankedWeight);
    if (unrankedWeight === null) problems.push({ field: 'unrankedWeight', kind: 'weight' });
  }
  const basePerDaeb = amount('basePerDaeb', draft.basePerDaeb, false) ?? '0';
  const regionLimits: ScenarioFile['regionLimits'] = {};
  for (const [key, limit] of Object.entries(draft.limits)) {
    const floor = amount(`limits.${key}.floor`, limit.floor, false);
    const cap = amount(`limits.${key}.cap`, limit.cap, false);
    if (floor !== null || cap !== null) regionLimits[key] = { floor, cap };
  }
  const earmarks = draft.earmarks.flatMap((e, i) => {
    if (e.buurt === '' && e.amount.trim() === '') return [];
    if (e.buurt === '') problems.push({ field: `earmarks.${i}.buurt`, kind: 'required' });
    const value = amount(`earmarks.${i}.amount`, e.amount, true);
    return value === null ? [] : [{ buurt: e.buurt, amount: value, note: e.note.trim() }];
  });
  if (draft.rankingId === null) problems.push({ field: 'ranking', kind: 'required' });
  const name = draft.name.trim();
  if (forSaving && name === '') problems.push({ field: 'name', kind: 'required' });
  if (problems.length > 0 || total === null || draft.rankingId === null)
    return { file: null, problems };
  return {
    file: {
      year: draft.year,
      // The server wants a name; a preview borrows a placeholder that is never stored.
      name: name || 'Voorbeeld',
      ranking: draft.rankingId,
      total,
      fixedLines,
      needWeights: { by: draft.by, weights },
      unrankedWeight,
      basePerDaeb,
      regionLimits,
      earmarks,
    },
    problems,
  };
}
