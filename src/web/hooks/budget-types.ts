import type { AnnualReport } from '../../domain/budget/annual-report.js';
import type { ScenarioComparison } from '../../domain/budget/allocate.js';

export type { AnnualReport, ScenarioComparison };

/** GET /api/budget/scenarios (services/budget-scenarios.ts ScenarioSummary). */
export interface BudgetScenarioSummary {
  id: number;
  year: number;
  name: string;
  rankingId: number | null;
  adopted: boolean;
  adoptedAt: string | null;
  adoptedBy: string | null;
  createdBy: string;
  createdAt: string;
  totalCents: number;
  areaBudgetCents: number;
  centsPerDaeb: number | null;
  shareToMostVulnerableQuintile: number | null;
}

/** GET /api/budget/report?year=N (services/budget-report.ts getAnnualReport). */
export type BudgetReport = AnnualReport & { adoptedScenarioId: number | null; unplaced: string[] };

/** One row of GET /api/budget/realisation (services/budget-report.ts RealisationRow). */
export interface RealisationRow {
  kind: 'region' | 'line';
  key: string;
  name: string;
  budgetCents: number | null;
  spentCents: number | null;
  differenceCents: number | null;
  daebUnits: number | null;
  budgetPerDaebCents: number | null;
  spentPerDaebCents: number | null;
}

export interface BudgetRealisation {
  year: number;
  adoptedScenarioId: number | null;
  rows: RealisationRow[];
  unplaced: string[];
}

/** GET /api/budget/scenarios/compare?year=N: adopted first, then by id. */
export interface BudgetCompare {
  scenarios: BudgetScenarioSummary[];
  comparison: ScenarioComparison;
}
