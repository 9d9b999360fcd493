import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  allocateBudget,
  compareScenarios,
  type AllocationResult,
  type AllocationScenario,
  type BudgetArea,
  type ScenarioComparison,
} from '../domain/budget/allocate.js';
import { centsFromEuroNumber, parseEuroCents } from '../domain/budget/money.js';
import { FULL_VIEW, mayView, type DataView } from '../domain/access/policy.js';
import { normaliseAreaCode } from '../domain/shared/area-code.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  findAdoptedScenario,
  findScenario,
  insertScenario,
  listLines,
  listRegions,
  listScenarios,
  markScenarioAdopted,
  removeScenario,
  type StoredScenario,
} from '../db/queries/budget-queries.js';
import { listRankingAreas } from '../db/queries/ranking-queries.js';
import { findAreaNames, listComplexes } from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';
import { getRanking } from './rankings.js';
import { takeWriteLock } from './write-lock.js';

/** Euros as text ("1.250.000", "€ 12,50") or a number of euros. */
const Money = z.union([z.string(), z.number()]);

/**
 * A scenario file (`budget scenario add <file.json>`, `POST /api/budget/scenarios`). Amounts
 * are euros; see docs/BUDGET.md.
 */
export const ScenarioFileSchema = z
  .object({
    year: z.number().int().min(1900).max(2100),
    name: z.string().min(1).max(200),
    ranking: z.number().int().positive(),
    total: Money,
    fixedLines: z.record(z.string(), Money).default({}),
    needWeights: z
      .object({
        by: z.enum(['class', 'decile']),
        weights: z.record(z.string().regex(/^\d+$/), z.number().min(0)),
      })
      .strict(),
    unrankedWeight: z.number().min(0).nullable().optional(),
    basePerDaeb: Money.default(0),
    regionLimits: z
      .record(
        z.string(),
        z.object({ floor: Money.nullable().optional(), cap: Money.nullable().optional() }).strict(),
      )
      .default({}),
    earmarks: z
      .array(z.object({ buurt: z.string(), amount: Money, note: z.string().default('') }).strict())
      .default([]),
  })
  .strict();
export type ScenarioFile = z.input<typeof ScenarioFileSchema>;

function cents(value: string | number, field: string): number {
  if (typeof value === 'number') {
    const c = centsFromEuroNumber(value);
    if (c === null)
      throw new AppError(
        'validation_failed',
        `${field}: ${value} is not an amount in whole cents`,
        {
          field,
        },
      );
    return c;
  }
  return parseEuroCents(value, field);
}

export interface ScenarioSummary {
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

export interface ScenarioDetail extends ScenarioSummary {
  input: Record<string, unknown>;
  result: AllocationResult;
}

function summary(s: StoredScenario): ScenarioSummary {
  const r = s.result as unknown as AllocationResult;
  return {
    id: s.id,
    year: s.year,
    name: s.name,
    rankingId: s.rankingId,
    adopted: s.adoptedAt !== null,
    adoptedAt: s.adoptedAt ? new Date(s.adoptedAt).toISOString() : null,
    adoptedBy: s.adoptedBy,
    createdBy: s.createdBy,
    createdAt: new Date(s.createdAt).toISOString(),
    totalCents: r.totalCents,
    areaBudgetCents: r.areaBudgetCents,
    centsPerDaeb: r.centsPerDaeb,
    shareToMostVulnerableQuintile: r.shareToMostVulnerableQuintile,
  };
}

/** A result with only the buurten in the viewer's scope and the regions holding one. */
function scoped(result: AllocationResult, view: DataView): AllocationResult {
  if (view.scope.all) return result;
  const buurten = result.buurten.filter((b) => mayView(view.scope, b.code));
  const keys = new Set(buurten.map((b) => b.regionKey));
  return {
    ...result,
    buurten,
    regions: result.regions
      .filter((r) => keys.has(r.regionKey))
      .map((r) => ({ ...r, buurtCodes: r.buurtCodes.filter((c) => mayView(view.scope, c)) })),
  };
}

/** A scenario file checked and computed, not stored. */
interface ComputedScenario {
  file: z.output<typeof ScenarioFileSchema>;
  scenario: AllocationScenario;
  rankingId: number;
  result: AllocationResult;
}

/**
 * Checks a scenario file and computes it (allocateBudget over the buurten of the budget
 * regions: DAEB dwellings from the stock, class and decile from the stored ranking).
 */
async function computeScenario(db: Kysely<Database>, raw: unknown): Promise<ComputedScenario> {
  const parsed = ScenarioFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || '(root)',
      message: i.message,
    }));
    throw new AppError(
      'validation_failed',
      issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      { issues },
    );
  }
  const file = parsed.data;
  const ranking = await getRanking(db, file.ranking);
  if (ranking.level !== 'buurt')
    throw new AppError(
      'validation_failed',
      `ranking: ranking ${ranking.id} ranks ${ranking.level}en, a scenario needs a buurt ranking`,
      { field: 'ranking' },
    );
  const regions = await listRegions(db);
  const lines = await listLines(db);
  if (regions.length === 0)
    throw new AppError(
      'validation_failed',
      'regions: there are no budget regions yet; run buurtbalans budget setup first',
    );
  const lineByKey = new Map(lines.map((l) => [l.key, l]));
  const fixedLines = Object.entries(file.fixedLines).map(([key, amount]) => {
    const line = lineByKey.get(key);
    if (!line)
      throw new AppError(
        'validation_failed',
        `fixedLines.${key}: unknown line; known: ${lines.map((l) => l.key).join(', ')}`,
        { field: `fixedLines.${key}` },
      );
    return { key, name: line.name, amountCents: cents(amount, `fixedLines.${key}`) };
  });
  const scenario: AllocationScenario = {
    key: file.name,
    name: file.name,
    year: file.year,
    rankingRef: `ranking ${ranking.id} (${ranking.methodKey}@${ranking.methodVersion}, ${ranking.dataYear})`,
    totalCents: cents(file.total, 'total'),
    fixedLines,
    needWeights: {
      by: file.needWeights.by,
      weights: Object.fromEntries(
        Object.entries(file.needWeights.weights).map(([k, w]) => [Number(k), w]),
      ),
    },
    unrankedWeight: file.unrankedWeight ?? null,
    basePerDaebCents: cents(file.basePerDaeb, 'basePerDaeb'),
    regionLimits: Object.fromEntries(
      Object.entries(file.regionLimits).map(([key, limit]) => [
        key,
        {
          floorCents:
            limit.floor === null || limit.floor === undefined
              ? null
              : cents(limit.floor, `regionLimits.${key}.floor`),
          capCents:
            limit.cap === null || limit.cap === undefined
              ? null
              : cents(limit.cap, `regionLimits.${key}.cap`),
        },
      ]),
    ),
    earmarks: file.earmarks.map((e, i) => ({
      buurtCode: normaliseAreaCode(e.buurt),
      amountCents: cents(e.amount, `earmarks[${i}].amount`),
      note: e.note,
    })),
  };
  const areas = await budgetAreas(db, regions, ranking.id);
  return { file, scenario, rankingId: ranking.id, result: allocateBudget(scenario, areas) };
}

/**
 * What a scenario would give, computed exactly as `createScenario` would store it, without
 * storing anything: the editor's live preview. Only the buurten in the viewer's scope.
 */
export async function previewScenario(
  db: Kysely<Database>,
  view: DataView,
  raw: unknown,
): Promise<{ result: AllocationResult; nameTaken: boolean }> {
  const { file, result } = await computeScenario(db, raw);
  const nameTaken = (await listScenarios(db, file.year)).some((s) => s.name === file.name);
  return { result: scoped(result, view), nameTaken };
}

/** Computes a scenario and stores input and result; a name is unique within its year. */
export async function createScenario(
  db: Kysely<Database>,
  actor: AuditContext,
  raw: unknown,
): Promise<ScenarioDetail> {
  // A taken name is said first: it is the one problem no change to the figures can mend.
  const named = ScenarioFileSchema.safeParse(raw);
  if (named.success) {
    const { year, name } = named.data;
    if ((await listScenarios(db, year)).some((s) => s.name === name))
      throw new AppError(
        'conflict',
        `There is already a scenario "${name}" for ${year}; give this one another name`,
        { field: 'name' },
      );
  }
  const { file, scenario, rankingId, result } = await computeScenario(db, raw);
  const id = await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const made = await insertScenario(trx, {
      year: file.year,
      name: file.name,
      rankingId,
      input: { ...file, cents: scenario },
      result,
      createdBy: actor.actor?.email ?? 'system',
    });
    await audit(trx, actor, 'budget_changed', `scenario ${made}`, {
      year: file.year,
      name: file.name,
      action: 'scenario_created',
    });
    return made;
  });
  return getScenario(db, FULL_VIEW, id);
}

/** Removes a scenario that is not adopted (an adopted one is the year's begroting: frozen). */
export async function deleteScenario(
  db: Kysely<Database>,
  actor: AuditContext,
  id: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const scenario = await findDraftScenario(
      trx,
      id,
      (year) => `Scenario ${id} is the adopted ${year} begroting; an adopted scenario is frozen`,
    );
    await removeScenario(trx, id);
    await audit(trx, actor, 'budget_changed', `scenario ${id}`, {
      year: scenario.year,
      name: scenario.name,
      action: 'scenario_deleted',
    });
  });
}

/** The buurten of the budget regions with their DAEB dwellings and the ranking's class. */
async function budgetAreas(
  db: Kysely<Database>,
  regions: Awaited<ReturnType<typeof listRegions>>,
  rankingId: number,
): Promise<BudgetArea[]> {
  const complexes = await listComplexes(db);
  const daeb = new Map<string, number>();
  for (const c of complexes) daeb.set(c.buurtCode, (daeb.get(c.buurtCode) ?? 0) + c.daebUnits);
  const codes = regions.flatMap((r) => r.buurtCodes);
  const ranks = new Map((await listRankingAreas(db, rankingId, { codes })).map((r) => [r.code, r]));
  const names = await findAreaNames(db, codes);
  return regions.flatMap((region) =>
    region.buurtCodes.map((code) => ({
      code,
      name: names.get(code) ?? code,
      regionKey: region.key,
      daebUnits: daeb.get(code) ?? 0,
      rankClass: ranks.get(code)?.class ?? null,
      rankDecile: ranks.get(code)?.decile ?? null,
    })),
  );
}

export async function listScenarioSummaries(
  db: Kysely<Database>,
  year?: number,
): Promise<ScenarioSummary[]> {
  return (await listScenarios(db, year)).map(summary);
}

export async function getScenario(
  db: Kysely<Database>,
  view: DataView,
  id: number,
): Promise<ScenarioDetail> {
  const stored = await findScenario(db, id);
  if (!stored) throw new AppError('not_found', `No budget scenario ${id}`, { scenario: id });
  return {
    ...summary(stored),
    input: stored.input,
    result: scoped(stored.result as unknown as AllocationResult, view),
  };
}

/**
 * The scenarios of a year side by side; the adopted one (else the first made) is the reference
 * the differences are taken against.
 */
export async function compareYear(
  db: Kysely<Database>,
  view: DataView,
  year: number,
): Promise<{ scenarios: ScenarioSummary[]; comparison: ScenarioComparison }> {
  const stored = await listScenarios(db, year);
  if (stored.length === 0)
    throw new AppError('not_found', `No budget scenarios for ${year}`, { year });
  stored.sort((a, b) => Number(b.adoptedAt !== null) - Number(a.adoptedAt !== null) || a.id - b.id);
  const results = stored.map((s) => scoped(s.result as unknown as AllocationResult, view));
  return { scenarios: stored.map(summary), comparison: compareScenarios(results) };
}

/**
 * Adopts a scenario as its year's begroting; it is frozen from then on (a database trigger).
 * A second adoption for the same year is a conflict.
 */
export async function adoptScenario(
  db: Kysely<Database>,
  actor: AuditContext,
  id: number,
): Promise<ScenarioSummary> {
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const scenario = await findDraftScenario(
      trx,
      id,
      (year) => `Scenario ${id} is already adopted as the ${year} begroting`,
    );
    const adopted = await findAdoptedScenario(trx, scenario.year);
    if (adopted)
      throw new AppError(
        'conflict',
        `The begroting of ${scenario.year} is already adopted: scenario ${adopted.id} "${adopted.name}"; an adopted scenario is frozen`,
        { adopted: adopted.id },
      );
    try {
      await markScenarioAdopted(trx, id, actor.actor?.email ?? 'system');
    } catch (error) {
      if (String((error as { code?: string }).code) === '23505' || /unique/i.test(String(error)))
        throw new AppError('conflict', `The begroting of ${scenario.year} is already adopted`);
      throw error;
    }
    await audit(trx, actor, 'budget_changed', `scenario ${id}`, {
      year: scenario.year,
      name: scenario.name,
      action: 'scenario_adopted',
    });
    // The adopted begroting per buurt is on the map.
    await refreshOwnFigures(trx);
    await bumpDataVersion(trx);
  });
  const stored = await findScenario(db, id);
  return summary(stored!);
}

/** A scenario that is not adopted yet; not_found without one, conflict (`frozen`) when adopted. */
async function findDraftScenario(
  trx: Transaction<Database>,
  id: number,
  frozen: (year: number) => string,
): Promise<StoredScenario> {
  const scenario = await findScenario(trx, id);
  if (!scenario) throw new AppError('not_found', `No budget scenario ${id}`, { scenario: id });
  if (scenario.adoptedAt) throw new AppError('conflict', frozen(scenario.year));
  return scenario;
}
