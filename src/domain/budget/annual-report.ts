import { toCsv, type CsvCell } from '../format/csv.js';
import { checkCents, checkCount, throwIfIssues, type BudgetIssue } from './budget-error.js';
import {
  divideRoundHalfAway,
  formatEuro,
  formatEuroNumber,
  formatGrouped,
  sumCents,
  thousandsOf,
} from './money.js';

/**
 * The livability table of a corporation's annual report (jaarverslag): rows = the budget
 * regions, then the lines without an area, then the total "Alle leefbaarheidsuitgaven", then
 * "Aantal zelfstandige woningen DAEB" and "Uitgaven per zelfstandige woning"; columns =
 * begroting of year Y, realisatie of Y, realisatie of Y−1.
 *
 * Rounding follows annual-report practice:
 * - Every amount is kept in unrounded cents AND shown in whole thousands of euros, rounded half
 *   away from zero (1,873,500.00 euro → 1.874; −500 euro → −1).
 * - The total is the sum of the UNROUNDED amounts, rounded once — not the sum of the rounded
 *   rows. So the rounded rows may not add up to the rounded total (three rows of 0.4 thousand
 *   print 0, 0, 0 and a total of 1); that is how published annual reports do it, and
 *   `roundingDifferences` says by how much per column, for a footnote ("afrondingsverschillen").
 * - The amount per dwelling = unrounded total ÷ DAEB dwellings, rounded half away from zero to
 *   cents: 1,874 thousand over 14,594 dwellings is 187,400,000 / 14,594 = 12,840.9 cents, so
 *   € 128,41. Dividing the rounded thousands instead would put a rounding error of up to € 500
 *   into the numerator.
 * - Begroting Y and realisatie Y are divided by the DAEB dwellings of Y, realisatie Y−1 by
 *   those of Y−1.
 *
 * The cap per DAEB dwelling (domain.md §6.1: historically € 125 per DAEB dwelling per year,
 * indexed, under BTIV 2015 art. 51, believed abolished from 2022 — to verify) is off unless
 * `capPerDaebCents` is given. A column exceeds the cap when total > cap × dwellings, compared
 * exactly on unrounded cents: € 125,004 per dwelling prints as € 125,00 and still warns.
 *
 * Keys in `budget`, `spent` and `spentPrevious` that are not a region or line are refused:
 * their money would otherwise vanish from the total. An absent key is 0 (nothing budgeted or
 * spent).
 */

export interface ReportItem {
  key: string;
  name: string;
}

export interface AnnualReportInput {
  year: number;
  regions: readonly ReportItem[];
  lines: readonly ReportItem[];
  /**
   * Begroting of year Y: cents per region or line key. Null when there is none (no scenario
   * adopted): the column is then empty, never a column of zeros.
   */
  budget: Readonly<Record<string, number>> | null;
  /** Realisatie of year Y; null when no spending of the year is known. */
  spent: Readonly<Record<string, number>> | null;
  /** Realisatie of year Y−1; null when no spending of that year is known. */
  spentPrevious: Readonly<Record<string, number>> | null;
  /** DAEB dwellings (zelfstandige woningen DAEB) in year Y and Y−1. */
  daebUnits: { Y: number; 'Y-1': number };
  /** Optional cap per DAEB dwelling in cents; null/absent = no cap (the default). */
  capPerDaebCents?: number | null;
  /** Optional DAEB dwellings per region in year Y, for the per-region figures per dwelling. */
  regionDaebUnits?: Readonly<Record<string, number>> | null;
}

export const REPORT_COLUMNS = ['begrotingY', 'realisatieY', 'realisatieYMinus1'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export const REPORT_TITLE = 'Leefbaarheidsuitgaven (x € 1.000)';
export const TOTAL_LABEL = 'Alle leefbaarheidsuitgaven';
export const DAEB_LABEL = 'Aantal zelfstandige woningen DAEB';
export const PER_DWELLING_LABEL = 'Uitgaven per zelfstandige woning';

export interface AmountCell {
  /** Unrounded cents; null in a column without figures (no begroting, no spending known). */
  cents: number | null;
  /** Whole thousands of euros, rounded half away from zero; null without figures. */
  thousands: number | null;
  /** Dutch: "1.874"; "–" without figures. */
  display: string;
}

export interface CountCell {
  units: number;
  display: string;
}

export interface PerDwellingCell {
  /** Cents per dwelling from the unrounded total, rounded half away from zero; null without dwellings. */
  cents: number | null;
  /** The same in euros (cents / 100), e.g. 128.41. */
  euros: number | null;
  /** Dutch: "128,41"; empty without dwellings. */
  display: string;
  /** Above capPerDaebCents (exact comparison on unrounded cents); false without a cap. */
  exceedsCap: boolean;
}

/** A row of amounts: a region, a line without an area, or the total. */
export type AmountRow = {
  kind: 'region' | 'line' | 'total';
  key: string;
  label: string;
  /** realisatie Y − begroting Y (positive = overspent). */
  difference: AmountCell;
} & Record<ReportColumn, AmountCell>;

export type CountRow = { kind: 'daeb_units'; key: 'daeb_units'; label: string } & Record<
  ReportColumn,
  CountCell
>;

export type PerDwellingRow = { kind: 'per_daeb'; key: 'per_daeb'; label: string } & Record<
  ReportColumn,
  PerDwellingCell
>;

export type ReportRow = AmountRow | CountRow | PerDwellingRow;

export interface RegionDetail {
  key: string;
  name: string;
  budgetCents: number;
  spentCents: number;
  /** spent − budget. */
  differenceCents: number;
  daebUnits: number | null;
  budgetPerDaebCents: number | null;
  spentPerDaebCents: number | null;
}

export interface CapWarning {
  column: ReportColumn;
  perDwellingCents: number;
  capCents: number;
  message: string;
}

export interface AnnualReport {
  year: number;
  title: string;
  columns: { key: ReportColumn; label: string }[];
  rows: ReportRow[];
  regionDetail: RegionDetail[];
  capPerDaebCents: number | null;
  capWarnings: CapWarning[];
  /** Per column: rounded total − Σ rounded region and line rows, in thousands (0 when they agree). */
  roundingDifferences: Record<ReportColumn, number>;
}

/**
 * Builds the annual-report table (see the header for the rounding rules).
 * @throws AppError('validation_failed', details { field, issues }) for duplicate or empty keys,
 * amounts that are not whole cents, unknown keys in the amounts, or bad dwelling counts.
 */
export function annualReport(input: AnnualReportInput): AnnualReport {
  const issues: BudgetIssue[] = [];
  validate(input, issues);
  throwIfIssues(issues);

  const { year } = input;
  const columns: { key: ReportColumn; label: string }[] = [
    { key: 'begrotingY', label: `Begroting ${year}` },
    { key: 'realisatieY', label: `Realisatie ${year}` },
    { key: 'realisatieYMinus1', label: `Realisatie ${year - 1}` },
  ];
  const source: Record<ReportColumn, Readonly<Record<string, number>> | null> = {
    begrotingY: input.budget,
    realisatieY: input.spent,
    realisatieYMinus1: input.spentPrevious,
  };
  // Within a column with figures, a key without an amount is 0 (nothing planned or spent);
  // a column without figures stays empty.
  const amountOf = (column: ReportColumn, key: string): number | null => {
    const amounts = source[column];
    if (amounts === null) return null;
    return Object.hasOwn(amounts, key) ? amounts[key]! : 0;
  };
  const difference = (cells: Record<ReportColumn, AmountCell>): AmountCell =>
    cells.realisatieY.cents === null || cells.begrotingY.cents === null
      ? amountCell(null)
      : amountCell(cells.realisatieY.cents - cells.begrotingY.cents);

  const moneyRow = (kind: 'region' | 'line', item: ReportItem): AmountRow => {
    const cells = cellsFor((column) => amountOf(column, item.key));
    return {
      kind,
      key: item.key,
      label: item.name,
      ...cells,
      difference: difference(cells),
    };
  };
  const itemRows = [
    ...input.regions.map((item) => moneyRow('region', item)),
    ...input.lines.map((item) => moneyRow('line', item)),
  ];
  const totals = cellsFor((column) =>
    source[column] === null
      ? null
      : sumCents([...input.regions, ...input.lines].map((item) => amountOf(column, item.key)!)),
  );
  const units: Record<ReportColumn, number> = {
    begrotingY: input.daebUnits.Y,
    realisatieY: input.daebUnits.Y,
    realisatieYMinus1: input.daebUnits['Y-1'],
  };
  const cap = input.capPerDaebCents ?? null;
  const perDwelling = (column: ReportColumn): PerDwellingCell => {
    const total = totals[column].cents;
    const n = units[column];
    if (n === 0 || total === null)
      return { cents: null, euros: null, display: '', exceedsCap: false };
    const cents = divideRoundHalfAway(total, n);
    return {
      cents,
      euros: cents / 100,
      display: formatEuroNumber(cents),
      // BigInt: cap × dwellings can pass 2^53 where each alone is exact.
      exceedsCap: cap !== null && BigInt(total) > BigInt(cap) * BigInt(n),
    };
  };
  const perDwellingRow: PerDwellingRow = {
    kind: 'per_daeb',
    key: 'per_daeb',
    label: PER_DWELLING_LABEL,
    begrotingY: perDwelling('begrotingY'),
    realisatieY: perDwelling('realisatieY'),
    realisatieYMinus1: perDwelling('realisatieYMinus1'),
  };
  const countCell = (n: number): CountCell => ({ units: n, display: formatGrouped(n) });

  const rows: ReportRow[] = [
    ...itemRows,
    {
      kind: 'total',
      key: 'total',
      label: TOTAL_LABEL,
      ...totals,
      difference: difference(totals),
    },
    {
      kind: 'daeb_units',
      key: 'daeb_units',
      label: DAEB_LABEL,
      begrotingY: countCell(units.begrotingY),
      realisatieY: countCell(units.realisatieY),
      realisatieYMinus1: countCell(units.realisatieYMinus1),
    },
    perDwellingRow,
  ];

  const capWarnings: CapWarning[] = [];
  if (cap !== null) {
    for (const column of columns) {
      const cell = perDwellingRow[column.key];
      if (!cell.exceedsCap) continue;
      capWarnings.push({
        column: column.key,
        perDwellingCents: cell.cents!,
        capCents: cap,
        message: `${column.label}: ${formatEuro(cell.cents!)} per DAEB dwelling is above the cap of ${formatEuro(cap)}`,
      });
    }
  }

  const roundingDifferences = {} as Record<ReportColumn, number>;
  for (const column of REPORT_COLUMNS) {
    let rounded = 0;
    for (const row of itemRows) rounded += row[column].thousands ?? 0;
    roundingDifferences[column] = (totals[column].thousands ?? 0) - rounded;
  }

  const regionUnits = input.regionDaebUnits ?? {};
  const regionDetail: RegionDetail[] = input.regions.map((item) => {
    const budgetCents = amountOf('begrotingY', item.key) ?? 0;
    const spentCents = amountOf('realisatieY', item.key) ?? 0;
    const n = Object.hasOwn(regionUnits, item.key) ? regionUnits[item.key]! : null;
    const per = (cents: number) => (n !== null && n > 0 ? divideRoundHalfAway(cents, n) : null);
    return {
      key: item.key,
      name: item.name,
      budgetCents,
      spentCents,
      differenceCents: spentCents - budgetCents,
      daebUnits: n,
      budgetPerDaebCents: per(budgetCents),
      spentPerDaebCents: per(spentCents),
    };
  });

  return {
    year,
    title: REPORT_TITLE,
    columns,
    rows,
    regionDetail,
    capPerDaebCents: cap,
    capWarnings,
    roundingDifferences,
  };
}

/**
 * The table as Dutch CSV (UTF-8 with BOM, `;`, decimal comma, CRLF — format/csv.ts): the
 * header "Leefbaarheidsuitgaven (x € 1.000);Begroting 2025;Realisatie 2025;Realisatie 2024",
 * then one line per row. Amounts are whole thousands, the dwelling count whole, the amount per
 * dwelling in euros with a decimal comma (128,41). Cells are numbers, without thousands
 * points: a spreadsheet then reads them as numbers to compute with, and a "." in a CSV number
 * would mean a decimal point to any program not set to Dutch. The grouped display text
 * ("1.874") is in the report's cells for screens and print.
 */
export function reportCsv(report: AnnualReport): string {
  const header = [report.title, ...report.columns.map((c) => c.label)];
  const rows: CsvCell[][] = report.rows.map((row) => {
    const cells = REPORT_COLUMNS.map((column): CsvCell => {
      if (row.kind === 'daeb_units') return row[column].units;
      if (row.kind === 'per_daeb') return row[column].euros;
      return row[column].thousands;
    });
    return [row.label, ...cells];
  });
  return toCsv(header, rows);
}

function amountCell(cents: number | null): AmountCell {
  if (cents === null) return { cents: null, thousands: null, display: '–' };
  const thousands = thousandsOf(cents);
  return { cents, thousands, display: formatGrouped(thousands) };
}

function cellsFor(
  amount: (column: ReportColumn) => number | null,
): Record<ReportColumn, AmountCell> {
  return {
    begrotingY: amountCell(amount('begrotingY')),
    realisatieY: amountCell(amount('realisatieY')),
    realisatieYMinus1: amountCell(amount('realisatieYMinus1')),
  };
}

function validate(input: AnnualReportInput, issues: BudgetIssue[]): void {
  if (!Number.isInteger(input.year)) {
    issues.push({ field: 'year', message: `must be a whole year (got ${input.year})` });
  }
  const keys = new Set<string>();
  const regionKeys = new Set<string>();
  for (const [list, items] of [
    ['regions', input.regions],
    ['lines', input.lines],
  ] as const) {
    items.forEach((item, i) => {
      if (typeof item.key !== 'string' || item.key.trim() === '') {
        issues.push({ field: `${list}[${i}].key`, message: 'needs a key' });
        return;
      }
      if (keys.has(item.key)) {
        issues.push({
          field: `${list}[${i}].key`,
          message: `'${item.key}' appears twice among the regions and lines`,
        });
      }
      keys.add(item.key);
      if (list === 'regions') regionKeys.add(item.key);
      if (typeof item.name !== 'string' || item.name.trim() === '') {
        issues.push({ field: `${list}[${i}].name`, message: `'${item.key}' needs a name` });
      }
    });
  }
  for (const field of ['budget', 'spent', 'spentPrevious'] as const) {
    for (const [key, value] of Object.entries(input[field] ?? {})) {
      if (!keys.has(key)) {
        issues.push({
          field: `${field}.${key}`,
          message: `'${key}' is not a region or line of the report; its money would be missing from the total`,
        });
      }
      checkCents(issues, `${field}.${key}`, value, { allowNegative: true });
    }
  }
  checkCount(issues, 'daebUnits.Y', input.daebUnits.Y);
  checkCount(issues, "daebUnits['Y-1']", input.daebUnits['Y-1']);
  const cap = input.capPerDaebCents ?? null;
  if (cap !== null && checkCents(issues, 'capPerDaebCents', cap) && cap === 0) {
    issues.push({
      field: 'capPerDaebCents',
      message: 'a cap of 0 forbids all spending; leave it empty for no cap',
    });
  }
  for (const [key, value] of Object.entries(input.regionDaebUnits ?? {})) {
    if (!regionKeys.has(key)) {
      issues.push({
        field: `regionDaebUnits.${key}`,
        message: `'${key}' is not a region of the report`,
      });
    }
    checkCount(issues, `regionDaebUnits.${key}`, value);
  }
}
