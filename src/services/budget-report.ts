import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { budgetFromAllocation, type AllocationResult } from '../domain/budget/allocate.js';
import {
  annualReport,
  reportCsv,
  type AnnualReport,
  type ReportItem,
} from '../domain/budget/annual-report.js';
import { divideRoundHalfAway } from '../domain/budget/money.js';
import { realisationByKey, type SpendingRow } from '../domain/budget/spending-row.js';
import { mayView, type DataView } from '../domain/access/policy.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findAdoptedScenario,
  listLines,
  listRegions,
  listSpending,
  type StoredSpending,
} from '../db/queries/budget-queries.js';
import { listComplexes } from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';

export interface RealisationRow {
  kind: 'region' | 'line';
  key: string;
  name: string;
  /** Null when the year has no adopted begroting, never 0 in its place. */
  budgetCents: number | null;
  /** Null when no spending of the year is known. */
  spentCents: number | null;
  differenceCents: number | null;
  daebUnits: number | null;
  budgetPerDaebCents: number | null;
  spentPerDaebCents: number | null;
}

export interface Realisation {
  year: number;
  /** The adopted scenario the begroting comes from; null when none is adopted. */
  adoptedScenarioId: number | null;
  rows: RealisationRow[];
  /** Spending lines whose buurt or complex is in no budget region (left out). */
  unplaced: string[];
}

function asRow(s: StoredSpending): SpendingRow {
  const target = s.regionKey
    ? { kind: 'region' as const, regionKey: s.regionKey }
    : s.lineKey
      ? { kind: 'line' as const, lineKey: s.lineKey }
      : s.complexId
        ? { kind: 'complex' as const, complexId: s.complexId }
        : { kind: 'buurt' as const, buurtCode: s.buurtCode! };
  return {
    date: s.date,
    target,
    category: s.category,
    amountCents: s.amountCents,
    correction: s.amountCents < 0,
    description: s.description,
    coveredByPrestatieafspraken: s.coveredByAgreements,
  };
}

interface YearFigures {
  regions: Awaited<ReturnType<typeof listRegions>>;
  lines: Awaited<ReturnType<typeof listLines>>;
  regionDaeb: Record<string, number>;
  daebTotal: number;
  spent: (
    year: number,
  ) => Promise<{ totals: Record<string, number>; unplaced: string[]; lines: number }>;
}

async function figures(db: Kysely<Database>): Promise<YearFigures> {
  const regions = await listRegions(db);
  const lines = await listLines(db);
  const complexes = await listComplexes(db);
  const regionOfBuurt: Record<string, string> = {};
  for (const r of regions) for (const code of r.buurtCodes) regionOfBuurt[code] = r.key;
  const regionOfComplex: Record<string, string> = {};
  const regionDaeb: Record<string, number> = Object.fromEntries(regions.map((r) => [r.key, 0]));
  let daebTotal = 0;
  for (const c of complexes) {
    const region = regionOfBuurt[c.buurtCode];
    if (region === undefined) continue;
    regionOfComplex[c.corporationId] = region;
    regionDaeb[region] = (regionDaeb[region] ?? 0) + c.daebUnits;
    daebTotal += c.daebUnits;
  }
  return {
    regions,
    lines,
    regionDaeb,
    daebTotal,
    spent: async (year) => {
      const rows = await listSpending(db, year);
      const result = realisationByKey(rows.map(asRow), { regionOfBuurt, regionOfComplex });
      return {
        totals: result.totals,
        unplaced: result.unplaced.map((u) => u.reason),
        lines: rows.length,
      };
    },
  };
}

/**
 * Per region and line of a year: begroting (the adopted scenario), realisatie (the spending
 * lines), the difference and both per DAEB dwelling. Viewers limited to some areas see the
 * regions holding a buurt in their scope, and no lines without an area.
 */
export async function getRealisation(
  db: Kysely<Database>,
  view: DataView,
  year: number,
): Promise<Realisation> {
  const f = await figures(db);
  const adopted = await findAdoptedScenario(db, year);
  const budget = adopted ? budgetFromAllocation(adopted.result as unknown as AllocationResult) : {};
  const spent = await f.spent(year);
  const per = (cents: number | null, n: number | null) =>
    cents !== null && n !== null && n > 0 ? divideRoundHalfAway(cents, n) : null;
  const row = (kind: 'region' | 'line', key: string, name: string, daeb: number | null) => {
    const budgetCents = adopted ? (budget[key] ?? 0) : null;
    const spentCents = spent.lines > 0 ? (spent.totals[key] ?? 0) : null;
    return {
      kind,
      key,
      name,
      budgetCents,
      spentCents,
      differenceCents:
        budgetCents === null || spentCents === null ? null : spentCents - budgetCents,
      daebUnits: daeb,
      budgetPerDaebCents: per(budgetCents, daeb),
      spentPerDaebCents: per(spentCents, daeb),
    };
  };
  const regions = view.scope.all
    ? f.regions
    : f.regions.filter((r) => r.buurtCodes.some((c) => mayView(view.scope, c)));
  return {
    year,
    adoptedScenarioId: adopted?.id ?? null,
    rows: [
      ...regions.map((r) => row('region', r.key, r.name, f.regionDaeb[r.key] ?? 0)),
      ...(view.scope.all ? f.lines.map((l) => row('line', l.key, l.name, null)) : []),
    ],
    unplaced: view.scope.all ? spent.unplaced : [],
  };
}

/**
 * The annual-report table of a year (annual-report.ts): begroting Y from the adopted scenario,
 * realisatie Y and Y−1 from the spending lines; DAEB dwellings from the current stock (the
 * stock has no history, so Y−1 uses the same count). The cap per DAEB dwelling is off unless
 * given. The whole working area: viewers limited to some areas are refused.
 */
export async function getAnnualReport(
  db: Kysely<Database>,
  view: DataView,
  year: number,
  capPerDaebCents: number | null = null,
): Promise<AnnualReport & { adoptedScenarioId: number | null; unplaced: string[] }> {
  if (!view.scope.all)
    throw new AppError(
      'forbidden',
      'The annual report covers the whole working area; your account sees part of it (use the realisation per region)',
    );
  const f = await figures(db);
  const adopted = await findAdoptedScenario(db, year);
  const budget = adopted ? budgetFromAllocation(adopted.result as unknown as AllocationResult) : {};
  const spent = await f.spent(year);
  const previous = await f.spent(year - 1);
  // Keys an older scenario or spending knows but the setup no longer has: kept, by key.
  const regionItems: ReportItem[] = f.regions.map((r) => ({ key: r.key, name: r.name }));
  const lineItems: ReportItem[] = f.lines.map((l) => ({ key: l.key, name: l.name }));
  const known = new Set([...regionItems, ...lineItems].map((i) => i.key));
  for (const key of Object.keys({ ...budget, ...spent.totals, ...previous.totals }).sort())
    if (!known.has(key)) regionItems.push({ key, name: key });
  const report = annualReport({
    year,
    regions: regionItems,
    lines: lineItems,
    // A year without an adopted begroting or without any spending is an empty column, not 0.
    budget: adopted ? budget : null,
    spent: spent.lines > 0 ? spent.totals : null,
    spentPrevious: previous.lines > 0 ? previous.totals : null,
    daebUnits: { Y: f.daebTotal, 'Y-1': f.daebTotal },
    capPerDaebCents,
    regionDaebUnits: f.regionDaeb,
  });
  return {
    ...report,
    adoptedScenarioId: adopted?.id ?? null,
    unplaced: [...spent.unplaced, ...previous.unplaced],
  };
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** The annual report as CSV (reportCsv) or XLSX (the table and the region detail). */
export async function exportAnnualReport(
  report: AnnualReport,
  format: 'csv' | 'xlsx',
): Promise<ReportFile> {
  const base = `buurtbalans-leefbaarheidsuitgaven-${report.year}`;
  if (format === 'csv')
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: reportCsv(report),
    };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Jaarverslag');
  sheet.addRow([report.title, ...report.columns.map((c) => c.label)]).font = { bold: true };
  for (const row of report.rows) {
    const cells = (['begrotingY', 'realisatieY', 'realisatieYMinus1'] as const).map((column) => {
      if (row.kind === 'daeb_units') return row[column].units;
      if (row.kind === 'per_daeb') return row[column].euros;
      return row[column].thousands;
    });
    const added = sheet.addRow([row.label, ...cells]);
    if (row.kind === 'total') added.font = { bold: true };
  }
  sheet.getColumn(1).width = 40;
  for (const w of report.capWarnings) sheet.addRow([`Let op: ${w.message}`]);
  const detail = workbook.addWorksheet('Per regio');
  detail.addRow([
    'regio',
    'naam',
    'begroting (€)',
    'realisatie (€)',
    'verschil (€)',
    'DAEB-woningen',
    'begroting per DAEB (€)',
    'realisatie per DAEB (€)',
  ]).font = { bold: true };
  const euros = (c: number | null) => (c === null ? null : c / 100);
  for (const r of report.regionDetail)
    detail.addRow([
      r.key,
      r.name,
      euros(r.budgetCents),
      euros(r.spentCents),
      euros(r.differenceCents),
      r.daebUnits,
      euros(r.budgetPerDaebCents),
      euros(r.spentPerDaebCents),
    ]);
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
