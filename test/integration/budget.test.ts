import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { listSpending } from '../../src/db/queries/budget-queries.js';
import { FULL_VIEW } from '../../src/domain/access/policy.js';
import type { AllocationResult } from '../../src/domain/budget/allocate.js';
import { getAnnualReport, getRealisation } from '../../src/services/budget-report.js';
import {
  adoptScenario,
  compareYear,
  listScenarioSummaries,
  type ScenarioDetail,
  type ScenarioSummary,
} from '../../src/services/budget-scenarios.js';
import { getStockOverview } from '../../src/services/stock.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const SYSTEM = { actor: null, ip: null };
const partnerView = { scope: { all: false, codes: ['GM9902'] }, restricted: true };

describe.each(testEngines())('budget on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
  });
  afterAll(() => handle?.close());

  test('the demo has a stock: complexes in every region, shares of the dwellings between 0 and 1', async () => {
    const stock = await getStockOverview(handle.db, FULL_VIEW);
    expect(stock.total.complexes).toBeGreaterThan(50);
    expect(stock.total.daebUnits).toBeLessThanOrEqual(stock.total.units);
    expect(stock.regions.length).toBeGreaterThanOrEqual(3);
    for (const region of stock.regions) expect(region.units).toBeGreaterThan(0);
    const shares = stock.buurten.flatMap((b) => (b.shareOwned === null ? [] : [b.shareOwned]));
    expect(shares.length).toBeGreaterThan(10);
    expect(shares.every((s) => s >= 0 && s <= 1)).toBe(true);
    const partner = await getStockOverview(handle.db, partnerView);
    expect(partner.buurten.every((b) => b.code.startsWith('BU9902'))).toBe(true);
    expect(partner.total.units).toBeLessThan(stock.total.units);
  });

  test('the demo has an adopted begroting for 2024 and 2025, and two 2025 scenarios to compare', async () => {
    const list = await listScenarioSummaries(handle.db);
    expect(list.filter((s) => s.adopted).map((s) => s.year)).toEqual([2025, 2024]);
    const { scenarios, comparison } = await compareYear(handle.db, FULL_VIEW, 2025);
    expect(scenarios.length).toBe(2);
    expect(scenarios[0]!.adopted).toBe(true);
    expect(comparison.regions.length).toBeGreaterThan(0);
    expect(comparison.regions.every((r) => r.differences[0] === 0)).toBe(true);
  });

  test('an adopted scenario is frozen, and a second adoption for its year is a conflict', async () => {
    const list = await listScenarioSummaries(handle.db, 2025);
    const adopted = list.find((s) => s.adopted)!;
    const other = list.find((s) => !s.adopted)!;
    await expect(
      sql`update budget_scenario set name = 'x' where id = ${adopted.id}`.execute(handle.db),
    ).rejects.toThrow(/adopted and cannot be changed/);
    await expect(
      sql`delete from budget_scenario where id = ${adopted.id}`.execute(handle.db),
    ).rejects.toThrow(/adopted and cannot be changed/);
    await expect(adoptScenario(handle.db, SYSTEM, other.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(adoptScenario(handle.db, SYSTEM, adopted.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    // The partial unique index holds even past the service.
    await expect(
      sql`update budget_scenario set adopted_at = now() where id = ${other.id}`.execute(handle.db),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  test('the annual report matches the adopted scenario and the spending lines', async () => {
    const report = await getAnnualReport(handle.db, FULL_VIEW, 2025);
    const adopted = (await listScenarioSummaries(handle.db, 2025)).find((s) => s.adopted)!;
    const total = report.rows.find((r) => r.kind === 'total')!;
    if (total.kind !== 'total') throw new Error('no total');
    expect(total.begrotingY.cents).toBe(adopted.totalCents);
    const spent = (await listSpending(handle.db, 2025)).reduce((s, l) => s + l.amountCents, 0);
    const spentBefore = (await listSpending(handle.db, 2024)).reduce(
      (s, l) => s + l.amountCents,
      0,
    );
    expect(total.realisatieY.cents).toBe(spent);
    expect(total.realisatieYMinus1.cents).toBe(spentBefore);
    // A bit off the begroting, not exactly on it.
    expect(spent).not.toBe(adopted.totalCents);
    expect(Math.abs(spent / adopted.totalCents - 1)).toBeLessThan(0.15);
    expect(report.unplaced).toEqual([]);
    const perDaeb = report.rows.find((r) => r.kind === 'per_daeb')!;
    if (perDaeb.kind !== 'per_daeb') throw new Error('no per-dwelling row');
    expect(perDaeb.realisatieY.cents).toBeGreaterThan(0);
    expect(report.capWarnings).toEqual([]);
    const capped = await getAnnualReport(handle.db, FULL_VIEW, 2025, 100);
    expect(capped.capWarnings.length).toBeGreaterThan(0);
  });

  test('realisation per region: begroting, realisatie and the difference; partners see their regions only', async () => {
    const full = await getRealisation(handle.db, FULL_VIEW, 2025);
    for (const row of full.rows)
      expect(row.differenceCents).toBe(row.spentCents! - row.budgetCents!);
    // A year with no adopted begroting and no spending: empty, never a row of zeros.
    const none = await getRealisation(handle.db, FULL_VIEW, 2023);
    expect(none.adoptedScenarioId).toBeNull();
    for (const row of none.rows)
      expect([row.budgetCents, row.spentCents, row.differenceCents]).toEqual([null, null, null]);
    expect(full.rows.some((r) => r.kind === 'line')).toBe(true);
    const partner = await getRealisation(handle.db, partnerView, 2025);
    expect(partner.rows.length).toBeGreaterThan(0);
    expect(partner.rows.length).toBeLessThan(full.rows.length);
    expect(partner.rows.every((r) => r.kind === 'region' && r.key.includes('gm9902'))).toBe(true);
    await expect(getAnnualReport(handle.db, partnerView, 2025)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  test('API: a scenario is made, listed, compared; adoption is refused twice; partners are scoped', async () => {
    const rankings = (
      await api.json<{ rankings: { id: number; dataYear: number }[] }>('/api/rankings')
    ).body.rankings;
    const ranking = rankings.find((r) => r.dataYear === 2024)!;
    const made = await api.send<ScenarioDetail>('POST', '/api/budget/scenarios', {
      year: 2026,
      name: 'Proef 2026',
      ranking: ranking.id,
      total: '2.000.000',
      fixedLines: { algemeen: '100.000' },
      needWeights: {
        by: 'decile',
        weights: { 1: 4, 2: 3, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 },
      },
      unrankedWeight: 1,
      basePerDaeb: '10,00',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const result = made.body.result as AllocationResult;
    expect(result.buurten.reduce((s, b) => s + b.totalCents, 0)).toBe(result.areaBudgetCents);
    expect(result.areaBudgetCents).toBe(1_900_000_00);
    const second = await api.send<ScenarioDetail>('POST', '/api/budget/scenarios', {
      year: 2026,
      name: 'Proef 2026 b',
      ranking: ranking.id,
      total: 2_000_000,
      needWeights: { by: 'class', weights: { 1: 2, 5: 1, 2: 1, 3: 1, 4: 1 } },
    });
    expect(second.status).toBe(201);
    const duplicate = await api.send('POST', '/api/budget/scenarios', {
      year: 2026,
      name: 'Proef 2026',
      ranking: ranking.id,
      total: 1,
      needWeights: { by: 'class', weights: { 1: 1 } },
    });
    expect(duplicate.status).toBe(409);
    const bad = await api.send<{ error: { code: string; message: string } }>(
      'POST',
      '/api/budget/scenarios',
      {
        year: 2026,
        name: 'Kapot',
        ranking: ranking.id,
        total: 'veel',
        needWeights: { by: 'class', weights: { 1: 1 } },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^total: /);

    const compared = await api.json<{ scenarios: ScenarioSummary[] }>(
      '/api/budget/scenarios/compare?year=2026',
    );
    expect(compared.body.scenarios.map((s) => s.name)).toEqual(['Proef 2026', 'Proef 2026 b']);

    const adopt = await api.send<{ scenario: ScenarioSummary }>(
      'POST',
      `/api/budget/scenarios/${made.body.id}/adopt`,
    );
    expect(adopt.status).toBe(200);
    expect(adopt.body.scenario.adopted).toBe(true);
    const again = await api.send('POST', `/api/budget/scenarios/${second.body.id}/adopt`);
    expect(again.status).toBe(409);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'budget_changed' and target = ${`scenario ${made.body.id}`}`.execute(
      handle.db,
    );
    expect(audit.rows[0]!.n).toBe(2);

    const partner = api.as({ role: 'partner', scope: ['GM9902'] });
    expect((await partner.send('POST', `/api/budget/scenarios`, {})).status).toBe(403);
    const seen = await partner.json<ScenarioDetail>(`/api/budget/scenarios/${made.body.id}`);
    expect(seen.status).toBe(200);
    const seenResult = seen.body.result as AllocationResult;
    expect(seenResult.buurten.length).toBeGreaterThan(0);
    expect(seenResult.buurten.every((b) => b.code.startsWith('BU9902'))).toBe(true);
    expect((await partner.get('/api/budget/report?year=2025')).status).toBe(403);
    const stock = await partner.json<{ buurten: { code: string }[] }>('/api/stock');
    expect(stock.body.buurten.every((b) => b.code.startsWith('BU9902'))).toBe(true);

    const csv = await api.get('/api/budget/report?year=2025&format=csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toMatch(/Leefbaarheidsuitgaven/);
    expect(text).toMatch(/Alle leefbaarheidsuitgaven/);
    const xlsx = await api.get('/api/budget/report?year=2025&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
  });
});
