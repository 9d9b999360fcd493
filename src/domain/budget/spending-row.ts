import { levelOfCode, normaliseAreaCode } from '../shared/area-code.js';
import { normaliseComplexId } from './complex-row.js';
import { centsFromEuroNumber, formatEuro, parseMoney } from './money.js';
import {
  booleanOf,
  cellOf,
  quote,
  type Cell,
  type RawRow,
  type RowProblem,
  type RowResult,
} from './row-cells.js';

/**
 * Validation of ONE imported spending line (realisatie): date, where the money went (a region,
 * a buurt, a complex, or a line without an area such as "Buurtbeheer"), category, amount and
 * description. Pure: the budget year and the known regions, lines and complexes come in as
 * parameters.
 *
 * Rules, and why:
 * - Date: yyyy-mm-dd (what spreadsheets export; a trailing time of day is ignored) or
 *   dd-mm-yyyy (how Dutch users type it, day and month may be one digit). Slashes are refused:
 *   01/03/2025 is 1 March to a Dutch reader and 3 January to an American one. The date must
 *   be a real calendar date inside the budget year ("date out of range" otherwise): a line of
 *   another year belongs in that year's realisation.
 * - Exactly one of region / buurt / complex / line: a line booked on two places would be
 *   counted twice, on none it cannot be reported. Regions and lines match by key or by name
 *   (case-insensitively) when the caller passes the lists; complexes by id (trimmed,
 *   case-insensitive) when the caller passes the ids; buurt codes must look like BU + 8
 *   characters and, when the caller passes the codes, be one of them.
 * - Category: required text (the ledger's cost type: "schoonmaak", "sociaal beheer", …).
 * - Amount: money.ts reads it (1.234,56 / 1234.56 / € 12,-). Text that is not an amount is a
 *   problem. Spreadsheet float noise ("1234.5600000000002", nine or more decimals within a
 *   millionth of a cent) is accepted as the cent it is. NEGATIVE amounts are accepted: a
 *   credit note or reversal is how bookkeeping corrects a line, and refusing it would leave
 *   the realisation too high. They are flagged (`correction: true` and a warning) so they are
 *   visible in the import summary. A zero amount is accepted with a warning.
 * - Description: optional free text.
 * - Prestatieafspraken: optional yes/no — whether the spending is covered by performance
 *   agreements (domain.md §9.8 asks to record it); empty = unknown.
 */

export interface SpendingRowOptions {
  /** The budget year the line must fall in. */
  year: number;
  /** Known regions; when given, the region column must match a key or name. */
  regions?: readonly { key: string; name: string }[];
  /** Known lines without an area; when given, the line column must match a key or name. */
  lines?: readonly { key: string; name: string }[];
  /** Known complex ids; when given, the complex column must be one of them. */
  complexIds?: readonly string[];
  /** Known buurt codes; when given, the buurt column must be one of them. */
  buurtCodes?: readonly string[];
}

export type SpendingTarget =
  | { kind: 'region'; regionKey: string }
  | { kind: 'buurt'; buurtCode: string }
  | { kind: 'complex'; complexId: string }
  | { kind: 'line'; lineKey: string };

export interface SpendingRow {
  /** yyyy-mm-dd. */
  date: string;
  target: SpendingTarget;
  category: string;
  amountCents: number;
  /** A negative amount: a credit note or reversal. */
  correction: boolean;
  description: string | null;
  coveredByPrestatieafspraken: boolean | null;
}

export const SPENDING_COLUMNS = {
  date: ['datum', 'date', 'boekdatum'],
  region: ['regio', 'region'],
  buurt: ['buurtcode', 'buurt', 'buurt_code', 'bu_code'],
  complex: ['complex', 'complex_id', 'complexnummer'],
  line: ['post', 'line', 'budgetpost', 'kostenpost'],
  category: ['categorie', 'category', 'kostensoort'],
  amount: ['bedrag', 'amount'],
  description: ['omschrijving', 'description'],
  prestatieafspraken: ['prestatieafspraken', 'prestatieafspraak', 'covered_by_agreements'],
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
/** A point decimal with the long tail that binary floats leave in spreadsheet exports. */
const FLOAT_NOISE = /^-?\d+\.\d{9,}$/;

/**
 * Checks one spending line.
 * @example validateSpendingRow({ datum: '15-03-2025', regio: 'Zandvoort', categorie: 'schoonmaak', bedrag: '1.250,00' }, { year: 2025 })
 * // { ok: true, value: { date: '2025-03-15', target: { kind: 'region', regionKey: 'Zandvoort' }, …, amountCents: 125000 }, warnings: [] }
 */
export function validateSpendingRow(
  row: RawRow,
  options: SpendingRowOptions,
): RowResult<SpendingRow> {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const cells = {
    date: cellOf(row, SPENDING_COLUMNS.date),
    region: cellOf(row, SPENDING_COLUMNS.region),
    buurt: cellOf(row, SPENDING_COLUMNS.buurt),
    complex: cellOf(row, SPENDING_COLUMNS.complex),
    line: cellOf(row, SPENDING_COLUMNS.line),
    category: cellOf(row, SPENDING_COLUMNS.category),
    amount: cellOf(row, SPENDING_COLUMNS.amount),
    description: cellOf(row, SPENDING_COLUMNS.description),
    prestatieafspraken: cellOf(row, SPENDING_COLUMNS.prestatieafspraken),
  };

  const date = readDate(cells.date, options.year, problems);
  const target = readTarget(cells, options, problems);

  const category = cells.category.text;
  if (category === null) {
    problems.push({
      column: cells.category.column,
      message: 'empty category',
      expected: 'the kind of spending, such as schoonmaak or sociaal beheer',
    });
  }

  let amountCents: number | null = null;
  if (cells.amount.text === null) {
    problems.push({
      column: cells.amount.column,
      message: 'empty amount',
      expected: 'an amount in euros such as 1.234,56',
    });
  } else if (typeof cells.amount.raw === 'number') {
    amountCents = centsFromEuroNumber(cells.amount.raw);
    if (amountCents === null) {
      problems.push({
        column: cells.amount.column,
        message: `${cells.amount.raw} is not an amount in whole cents`,
        expected: 'an amount in euros with at most two decimals',
      });
    }
  } else {
    const parsed = parseMoney(cells.amount.text);
    if (parsed.ok) amountCents = parsed.cents;
    else if (FLOAT_NOISE.test(cells.amount.text)) {
      amountCents = centsFromEuroNumber(Number(cells.amount.text));
    }
    if (amountCents === null) {
      problems.push({
        column: cells.amount.column,
        message: parsed.ok ? `${quote(cells.amount.text)} is not an amount` : parsed.reason,
        expected: 'an amount in euros such as 1.234,56 or -12,50 for a correction',
      });
    }
  }
  if (amountCents !== null && amountCents < 0) {
    warnings.push({
      column: cells.amount.column,
      message: `negative amount ${formatEuro(amountCents)}: booked as a correction`,
    });
  } else if (amountCents === 0) {
    warnings.push({ column: cells.amount.column, message: 'the amount is 0' });
  }

  let covered: boolean | null = null;
  if (cells.prestatieafspraken.text !== null) {
    covered = booleanOf(cells.prestatieafspraken.text);
    if (covered === null) {
      problems.push({
        column: cells.prestatieafspraken.column,
        message: `${quote(cells.prestatieafspraken.text)} is not yes or no`,
        expected: 'ja or nee (yes or no), or empty when unknown',
      });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      date: date!,
      target: target!,
      category: category!,
      amountCents: amountCents!,
      correction: amountCents! < 0,
      description: cells.description.text,
      coveredByPrestatieafspraken: covered,
    },
    warnings,
  };
}

/**
 * A calendar date as yyyy-mm-dd from yyyy-mm-dd or d-m-yyyy; null when not a real date.
 * @example parseSpendingDate('1-3-2025') // '2025-03-01'
 */
export function parseSpendingDate(text: string): string | null {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(trimmed);
  const dutch = iso ? null : DUTCH_DATE.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dutch) {
    [day, month, year] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readDate(cell: Cell, year: number, problems: RowProblem[]): string | null {
  if (cell.text === null) {
    problems.push({ column: cell.column, message: 'empty date', expected: `a date in ${year}` });
    return null;
  }
  const date = parseSpendingDate(cell.text);
  if (date === null) {
    problems.push({
      column: cell.column,
      message: `${quote(cell.text)} is not a date`,
      expected: `a date as yyyy-mm-dd or dd-mm-yyyy, such as ${year}-03-15 or 15-03-${year}`,
    });
    return null;
  }
  if (Number(date.slice(0, 4)) !== year) {
    problems.push({
      column: cell.column,
      message: `date out of range: ${date} is not in the budget year ${year}`,
      expected: `a date from ${year}-01-01 to ${year}-12-31`,
    });
    return null;
  }
  return date;
}

function readTarget(
  cells: Record<'region' | 'buurt' | 'complex' | 'line', Cell>,
  options: SpendingRowOptions,
  problems: RowProblem[],
): SpendingTarget | null {
  const filled = (['region', 'buurt', 'complex', 'line'] as const).filter(
    (kind) => cells[kind].text !== null,
  );
  const names = `${cells.region.column}, ${cells.buurt.column}, ${cells.complex.column} or ${cells.line.column}`;
  if (filled.length !== 1) {
    problems.push({
      column: filled.length === 0 ? cells.region.column : cells[filled[1]!].column,
      message:
        filled.length === 0
          ? 'no region, buurt, complex or line'
          : `more than one place to book on: ${filled.map((kind) => cells[kind].column).join(', ')}`,
      expected: `exactly one of ${names}`,
    });
    return null;
  }
  const kind = filled[0]!;
  const cell = cells[kind];
  const text = cell.text!;
  if (kind === 'region' || kind === 'line') {
    const known = kind === 'region' ? options.regions : options.lines;
    if (!known) return kind === 'region' ? { kind, regionKey: text } : { kind, lineKey: text };
    const wanted = text.toLowerCase();
    const match =
      known.find((item) => item.key.toLowerCase() === wanted) ??
      known.find((item) => item.name.trim().toLowerCase() === wanted);
    if (!match) {
      problems.push({
        column: cell.column,
        message: `unknown ${kind} ${quote(text)}`,
        expected: `one of ${known.map((item) => item.name).join(', ')}`,
      });
      return null;
    }
    return kind === 'region' ? { kind, regionKey: match.key } : { kind, lineKey: match.key };
  }
  if (kind === 'buurt') {
    const code = normaliseAreaCode(text);
    if (levelOfCode(code) !== 'buurt') {
      problems.push({
        column: cell.column,
        message: `${quote(text)} is not a buurt code`,
        expected: 'BU + 8 characters, such as BU03920101',
      });
      return null;
    }
    if (options.buurtCodes && !options.buurtCodes.includes(code)) {
      problems.push({
        column: cell.column,
        message: `buurt ${code} is not in the working area`,
        expected: 'a buurt of one of the budget regions',
      });
      return null;
    }
    return { kind, buurtCode: code };
  }
  if (options.complexIds) {
    const wanted = normaliseComplexId(text);
    const match = options.complexIds.find((id) => normaliseComplexId(id) === wanted);
    if (match === undefined) {
      problems.push({
        column: cell.column,
        message: `unknown complex ${quote(text)}`,
        expected: 'the id of a complex in the complex list',
      });
      return null;
    }
    return { kind: 'complex', complexId: match };
  }
  return { kind: 'complex', complexId: text };
}

export interface Realisation {
  /** Cents per region key and per line key. */
  totals: Record<string, number>;
  /** Positions of rows whose buurt or complex has no region in the lookups. */
  unplaced: { index: number; reason: string }[];
}

/**
 * Adds validated spending lines up per region and line key: the `spent` input of
 * annualReport. Buurten and complexes are placed in their region through the caller's
 * lookups; a row that cannot be placed is listed, never dropped silently or guessed.
 * @example realisationByKey([row], { regionOfBuurt: { BU03920101: 'Haarlem-Noord' }, regionOfComplex: {} })
 */
export function realisationByKey(
  rows: readonly SpendingRow[],
  lookups: {
    regionOfBuurt: Readonly<Record<string, string>>;
    regionOfComplex: Readonly<Record<string, string>>;
  },
): Realisation {
  const totals: Record<string, number> = {};
  const unplaced: { index: number; reason: string }[] = [];
  const complexRegion = new Map(
    Object.entries(lookups.regionOfComplex).map(([id, region]) => [normaliseComplexId(id), region]),
  );
  rows.forEach((row, index) => {
    const { target } = row;
    let key: string | undefined;
    if (target.kind === 'region') key = target.regionKey;
    else if (target.kind === 'line') key = target.lineKey;
    else if (target.kind === 'buurt') {
      key = Object.hasOwn(lookups.regionOfBuurt, target.buurtCode)
        ? lookups.regionOfBuurt[target.buurtCode]
        : undefined;
      if (key === undefined)
        unplaced.push({ index, reason: `buurt ${target.buurtCode} has no region` });
    } else {
      key = complexRegion.get(normaliseComplexId(target.complexId));
      if (key === undefined)
        unplaced.push({ index, reason: `complex ${target.complexId} has no region` });
    }
    if (key === undefined) return;
    const sum = (Object.hasOwn(totals, key) ? totals[key]! : 0) + row.amountCents;
    totals[key] = sum;
  });
  return { totals, unplaced };
}
