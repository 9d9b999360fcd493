import fs from 'node:fs';
import { FULL_VIEW } from '../../domain/access/policy.js';
import { formatEuro, parseEuroCents } from '../../domain/budget/money.js';
import { AppError } from '../../domain/shared/app-error.js';
import {
  exportAnnualReport,
  getAnnualReport,
  getRealisation,
} from '../../services/budget-report.js';
import type { AllocationResult } from '../../domain/budget/allocate.js';
import {
  adoptScenario,
  compareYear,
  createScenario,
  deleteScenario,
  listScenarioSummaries,
  previewScenario,
} from '../../services/budget-scenarios.js';
import { applyBudgetSetup, getBudgetSetup, parseBudgetSetup } from '../../services/budget-setup.js';
import { getStockOverview } from '../../services/stock.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';
import { parseYear } from './parse.js';

export interface BudgetFlags {
  year?: string;
  csv?: string;
  xlsx?: string;
  cap?: string;
  json?: boolean;
}

function readJson(file: string | undefined, what: string): unknown {
  if (!file) throw new AppError('bad_request', `${what} needs a JSON file`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'not_found',
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('bad_request', `${file}: not valid JSON (${(error as Error).message})`);
  }
}

const requireYear = (flags: BudgetFlags) => {
  const year = parseYear(flags.year, '--year');
  if (year === undefined) throw new AppError('bad_request', 'this needs --year N');
  return year;
};
const pct = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(1)}%`);
const euro = (cents: number | null) => (cents === null ? '' : formatEuro(cents));

/** `budget setup <file.json>` and `budget regions`: regions and lines without an area. */
export async function budgetSetupCommand(file: string | undefined, flags: BudgetFlags) {
  const setup = file ? parseBudgetSetup(readJson(file, 'budget setup')) : null;
  return withDatabase(async ({ db }) => {
    const view = setup
      ? await applyBudgetSetup(db, cliAuditContext(), setup)
      : await getBudgetSetup(db, FULL_VIEW);
    if (flags.json) printJson(view);
    else {
      printTable(
        ['region', 'name', 'buurten'],
        view.regions.map((r) => [r.key, r.name, r.buurtCodes.join(' ')]),
      );
      printTable(
        ['line', 'name'],
        view.lines.map((l) => [l.key, l.name]),
      );
    }
    return 0;
  });
}

/** `budget stock`: complexes, units, DAEB units and the share owned, per region and buurt. */
export async function budgetStockCommand(flags: BudgetFlags) {
  return withDatabase(async ({ db }) => {
    const stock = await getStockOverview(db, FULL_VIEW);
    if (flags.json) printJson(stock);
    else {
      printTable(
        ['region', 'name', 'buurten', 'complexes', 'units', 'daeb', 'share owned'],
        stock.regions.map((r) => [
          r.key,
          r.name,
          r.buurten,
          r.complexes,
          r.units,
          r.daebUnits,
          pct(r.shareOwned),
        ]),
      );
      printTable(
        ['buurt', 'name', 'region', 'complexes', 'units', 'daeb', 'dwellings', 'share owned'],
        stock.buurten.map((b) => [
          b.code,
          b.name,
          b.regionKey,
          b.complexes,
          b.units,
          b.daebUnits,
          b.dwellings,
          pct(b.shareOwned),
        ]),
      );
    }
    return 0;
  });
}

/** Per region: DAEB dwellings, earmarks, base, need, total, per DAEB dwelling, a binding limit. */
function printRegions(result: AllocationResult) {
  printTable(
    ['region', 'daeb', 'earmarks', 'base', 'need', 'total', 'per daeb', 'limit'],
    result.regions.map((r) => [
      r.regionKey,
      r.daebUnits,
      euro(r.earmarkCents),
      euro(r.baseCents),
      euro(r.needCents),
      euro(r.totalCents),
      euro(r.centsPerDaeb),
      r.applied ?? '',
    ]),
  );
}

/** `budget scenario add|preview|list|compare|adopt|delete`. */
export async function budgetScenarioCommand(
  sub: string | undefined,
  arg: string | undefined,
  flags: BudgetFlags,
) {
  if (sub === 'add') {
    const file = readJson(arg, 'budget scenario add');
    return withDatabase(async ({ db }) => {
      const made = await createScenario(db, cliAuditContext(), file);
      if (flags.json) printJson(made);
      else {
        process.stdout.write(
          `Scenario ${made.id} "${made.name}" (${made.year}) stored: ${euro(made.totalCents)}, area budget ${euro(made.areaBudgetCents)}, ${euro(made.centsPerDaeb)} per DAEB dwelling, ${pct(made.shareToMostVulnerableQuintile)} to the most vulnerable fifth.\n`,
        );
        printRegions(made.result);
      }
      return 0;
    });
  }
  if (sub === 'preview') {
    const file = readJson(arg, 'budget scenario preview');
    return withDatabase(async ({ db }) => {
      const { result, nameTaken } = await previewScenario(db, FULL_VIEW, file);
      if (flags.json) printJson({ result, nameTaken });
      else {
        process.stdout.write(
          `Not stored. ${euro(result.totalCents)}, area budget ${euro(result.areaBudgetCents)}, ${euro(result.centsPerDaeb)} per DAEB dwelling, ${pct(result.shareToMostVulnerableQuintile)} to the most vulnerable fifth.${nameTaken ? ` The name "${result.scenarioName}" is taken in ${result.year}: 'add' would refuse it.` : ''}\n`,
        );
        printRegions(result);
      }
      return 0;
    });
  }
  if (sub === 'delete') {
    const id = Number(arg);
    if (!Number.isInteger(id) || id <= 0)
      throw new AppError('bad_request', 'budget scenario delete needs a scenario id');
    return withDatabase(async ({ db }) => {
      await deleteScenario(db, cliAuditContext(), id);
      if (flags.json) printJson({ deleted: id });
      else process.stdout.write(`Scenario ${id} deleted.\n`);
      return 0;
    });
  }
  if (sub === 'list') {
    const year = parseYear(flags.year, '--year');
    return withDatabase(async ({ db }) => {
      const list = await listScenarioSummaries(db, year);
      if (flags.json) printJson({ scenarios: list });
      else
        printTable(
          ['id', 'year', 'name', 'total', 'per daeb', 'most vulnerable fifth', 'adopted'],
          list.map((s) => [
            s.id,
            s.year,
            s.name,
            euro(s.totalCents),
            euro(s.centsPerDaeb),
            pct(s.shareToMostVulnerableQuintile),
            s.adoptedAt ?? '',
          ]),
        );
      return 0;
    });
  }
  if (sub === 'compare') {
    const year = requireYear(flags);
    return withDatabase(async ({ db }) => {
      const { scenarios, comparison } = await compareYear(db, FULL_VIEW, year);
      if (flags.json) printJson({ scenarios, comparison });
      else {
        const names = scenarios.map((s) => `${s.id} ${s.name}${s.adopted ? ' *' : ''}`);
        printTable(
          ['region', ...names, ...names.slice(1).map((n) => `Δ ${n}`)],
          [
            ...comparison.regions.map((r) => [
              r.regionKey,
              ...r.amounts.map(euro),
              ...r.differences.slice(1).map(euro),
            ]),
            ...comparison.fixedLines.map((l) => [
              l.key,
              ...l.amounts.map(euro),
              ...l.differences.slice(1).map(euro),
            ]),
          ],
        );
        printTable(
          ['scenario', 'per daeb', 'most vulnerable fifth'],
          comparison.scenarios.map((s, i) => [
            names[i]!,
            euro(s.centsPerDaeb),
            pct(s.shareToMostVulnerableQuintile),
          ]),
        );
      }
      return 0;
    });
  }
  if (sub === 'adopt') {
    const id = Number(arg);
    if (!Number.isInteger(id) || id <= 0)
      throw new AppError('bad_request', 'budget scenario adopt needs a scenario id');
    return withDatabase(async ({ db }) => {
      const adopted = await adoptScenario(db, cliAuditContext(), id);
      if (flags.json) printJson(adopted);
      else
        process.stdout.write(
          `Scenario ${adopted.id} "${adopted.name}" is now the begroting of ${adopted.year}; it can no longer be changed.\n`,
        );
      return 0;
    });
  }
  throw new AppError(
    'bad_request',
    'budget scenario needs add, preview, list, compare, adopt or delete; run buurtbalans budget --help',
  );
}

/** `budget realisation --year N`: per region and line, begroting against realisatie. */
export async function budgetRealisationCommand(flags: BudgetFlags) {
  const year = requireYear(flags);
  return withDatabase(async ({ db }) => {
    const r = await getRealisation(db, FULL_VIEW, year);
    if (flags.json) printJson(r);
    else
      printTable(
        ['key', 'name', 'begroting', 'realisatie', 'verschil', 'daeb', 'realisatie per daeb'],
        r.rows.map((row) => [
          row.key,
          row.name,
          euro(row.budgetCents),
          euro(row.spentCents),
          euro(row.differenceCents),
          row.daebUnits,
          euro(row.spentPerDaebCents),
        ]),
      );
    return 0;
  });
}

/** `budget report --year N [--csv FILE|--xlsx FILE] [--cap EUR]`: the annual-report table. */
export async function budgetReportCommand(flags: BudgetFlags) {
  const year = requireYear(flags);
  const cap = flags.cap ? parseEuroCents(flags.cap, '--cap') : null;
  return withDatabase(async ({ db }) => {
    const report = await getAnnualReport(db, FULL_VIEW, year, cap);
    for (const warning of report.capWarnings)
      process.stderr.write(`buurtbalans: warning: ${warning.message}\n`);
    for (const [flag, format] of [
      ['csv', flags.csv],
      ['xlsx', flags.xlsx],
    ] as const) {
      if (!format) continue;
      const file = await exportAnnualReport(report, flag);
      fs.writeFileSync(format, file.body);
      process.stderr.write(`Written ${format}\n`);
    }
    if (flags.json) printJson(report);
    else if (!flags.csv && !flags.xlsx)
      printTable(
        [report.title, ...report.columns.map((c) => c.label)],
        report.rows.map((row) => [
          row.label,
          row.begrotingY.display,
          row.realisatieY.display,
          row.realisatieYMinus1.display,
        ]),
      );
    return 0;
  });
}
