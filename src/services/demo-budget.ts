import type { Kysely, Transaction } from 'kysely';
import { systemPrincipal } from '../domain/access/principal.js';
import { budgetFromAllocation, type AllocationResult } from '../domain/budget/allocate.js';
import {
  DEMO_COMPLEX_PREFIX,
  DEMO_LINES,
  DEMO_REGION_PREFIX,
  demoSpending,
  demoStock,
} from '../domain/demo/budget.js';
import type { DemoDataset } from '../domain/demo/demo-dataset.js';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import {
  countSpendingBy,
  deleteBudgetRowsByPrefix,
  findAdoptedScenario,
  insertSpending,
  listLines,
  listRegions,
  listScenarios,
  upsertLine,
  upsertRegion,
} from '../db/queries/budget-queries.js';
import { listRankings } from '../db/queries/ranking-queries.js';
import { listComplexes, upsertComplexes } from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { adoptScenario, createScenario } from './budget-scenarios.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';

/** The author of the demo's spending lines (the list shows them as demo data). */
export const DEMO_BY = 'demo';
const SYSTEM = { actor: systemPrincipal('demo'), ip: null };

/** The demo budget years and the data year of the ranking each is divided by. */
export const DEMO_BUDGET_YEARS = [
  { year: 2024, rankingYear: 2023 },
  { year: 2025, rankingYear: 2024 },
] as const;

/** The demo's complexes, budget regions and lines, in the demo load's transaction. */
export async function writeDemoStock(
  trx: Transaction<Database>,
  dataset: DemoDataset,
): Promise<number> {
  const { complexes, regions } = demoStock(dataset);
  await upsertComplexes(
    trx,
    complexes.map((c) => ({
      corporationId: c.corporationId,
      name: c.name,
      address: c.address,
      postcode: null,
      houseNumber: null,
      houseNumberAddition: null,
      lon: null,
      lat: null,
      buurtCode: c.buurtCode,
      boundaryYear: dataset.boundaryYear,
      placedBy: 'file',
      units: c.units,
      daebUnits: c.daebUnits,
      yearBuilt: c.yearBuilt,
    })),
    null,
  );
  for (const region of regions) await upsertRegion(trx, region);
  for (const line of DEMO_LINES) await upsertLine(trx, line);
  return complexes.length;
}

/** Removes the demo's complexes, regions and spending (adopted scenarios stay: frozen). */
export async function removeDemoStock(trx: Transaction<Database>): Promise<void> {
  await deleteBudgetRowsByPrefix(trx, {
    complex: DEMO_COMPLEX_PREFIX,
    region: DEMO_REGION_PREFIX,
    createdBy: DEMO_BY,
  });
}

/**
 * After the demo rankings exist: an adopted scenario for 2024 and 2025 (and an alternative for
 * 2025 to compare with) and two years of spending a little off the begroting. Only what is
 * missing is made, so it is safe to run after every demo load.
 */
export async function ensureDemoBudget(db: Kysely<Database>): Promise<void> {
  const regions = (await listRegions(db)).filter((r) => r.key.startsWith(DEMO_REGION_PREFIX));
  if (regions.length === 0) return;
  const lines = await listLines(db);
  const complexes = await listComplexes(db);
  const daeb = complexes
    .filter((c) => c.corporationId.startsWith(DEMO_COMPLEX_PREFIX))
    .reduce((s, c) => s + c.daebUnits, 0);
  const rankings = await listRankings(db);
  for (const { year, rankingYear } of DEMO_BUDGET_YEARS) {
    const ranking = rankings.find(
      (r) =>
        r.dataYear === rankingYear && r.methodKey === DEFAULT_METHOD.key && r.level === 'buurt',
    );
    if (!ranking) continue;
    let adopted = await findAdoptedScenario(db, year);
    if (!adopted) {
      // About € 115 per DAEB dwelling, in round ten thousands, a little more each year.
      const total = Math.round((daeb * (year === 2024 ? 115 : 121)) / 10_000) * 10_000;
      const base = {
        year,
        ranking: ranking.id,
        total,
        fixedLines: {
          buurtbeheer: Math.round(total * 0.12),
          personeel: Math.round(total * 0.18),
          algemeen: Math.round(total * 0.05),
        },
        needWeights: { by: 'class' as const, weights: { 1: 3, 2: 2, 3: 1.5, 4: 1, 5: 1 } },
        basePerDaeb: 20,
        earmarks: [
          { buurt: regions[0]!.buurtCodes[0]!, amount: 25_000, note: 'speeltuin (fictief)' },
        ],
      };
      const existing = await listScenarios(db, year);
      const name = `Begroting ${year} (demo)`;
      const made =
        existing.find((s) => s.name === name) ??
        (await createScenario(db, SYSTEM, { ...base, name }));
      if (year === 2025 && !existing.some((s) => s.name.startsWith('Alleen behoefte')))
        await createScenario(db, SYSTEM, {
          ...base,
          name: `Alleen behoefte ${year} (demo)`,
          basePerDaeb: 0,
          earmarks: [],
        });
      await adoptScenario(db, SYSTEM, made.id);
      adopted = await findAdoptedScenario(db, year);
    }
    if (!adopted || (await countSpendingBy(db, year, DEMO_BY)) > 0) continue;
    const budget = budgetFromAllocation(adopted.result as unknown as AllocationResult);
    const demoRegions = regions.map((r) => ({
      key: r.key,
      name: r.name,
      buurtCodes: r.buurtCodes,
    }));
    const complexesOfBuurt: Record<string, string[]> = {};
    for (const c of complexes) (complexesOfBuurt[c.buurtCode] ??= []).push(c.corporationId);
    const regionId = new Map(regions.map((r) => [r.key, r.id]));
    const lineId = new Map(lines.map((l) => [l.key, l.id]));
    const complexId = new Map(complexes.map((c) => [c.corporationId, c.id]));
    const known = Object.fromEntries(
      Object.entries(budget).filter(([key]) => regionId.has(key) || lineId.has(key)),
    );
    await insertSpending(
      db,
      demoSpending(year, known, demoRegions, complexesOfBuurt).map((s) => ({
        date: s.date,
        year,
        regionId: s.target.kind === 'region' ? regionId.get(s.target.regionKey)! : null,
        buurtCode: s.target.kind === 'buurt' ? s.target.buurtCode : null,
        complexId: s.target.kind === 'complex' ? complexId.get(s.target.complexId)! : null,
        lineId: s.target.kind === 'line' ? lineId.get(s.target.lineKey)! : null,
        category: s.category,
        amountCents: s.amountCents,
        description: s.description,
        coveredByAgreements: null,
        createdBy: DEMO_BY,
      })),
      null,
    );
  }
  // The spending above was written line by line; the map's figures follow once, at the end.
  await db.transaction().execute(async (trx) => {
    await refreshOwnFigures(trx);
    await bumpDataVersion(trx);
  });
}
