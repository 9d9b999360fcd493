import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { AllocationResult } from '../../src/domain/budget/allocate.js';
import type { ScenarioDetail } from '../../src/services/budget-scenarios.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

type Preview = { result: AllocationResult; nameTaken: boolean };

describe.each(testEngines())('the scenario editor API on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let file: Record<string, unknown>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    const rankings = await api.json<{
      rankings: { id: number; dataYear: number; level: string }[];
    }>('/api/rankings');
    const ranking = rankings.body.rankings.find((r) => r.level === 'buurt' && r.dataYear === 2024)!;
    file = {
      year: 2026,
      name: 'Ontwerp 2026',
      ranking: ranking.id,
      total: '2.000.000',
      fixedLines: { buurtbeheer: '200.000' },
      needWeights: {
        by: 'decile',
        weights: Object.fromEntries([...Array(10)].map((_, i) => [i + 1, i < 2 ? 3 : 1])),
      },
      basePerDaeb: '15',
    };
  });
  afterAll(() => handle?.close());

  const scenarioCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from budget_scenario`.execute(handle.db))
      .rows[0]!.n;

  test('a preview computes exactly what saving stores, and stores nothing', async () => {
    const before = await scenarioCount();
    const preview = await api.send<Preview>('POST', '/api/budget/scenarios/preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.nameTaken).toBe(false);
    const { result } = preview.body;
    expect(result.areaBudgetCents).toBe(180_000_000);
    const buurtSum = result.buurten.reduce((s, b) => s + b.totalCents, 0);
    expect(buurtSum).toBe(result.areaBudgetCents);
    expect(await scenarioCount()).toBe(before);
    const saved = await api.send<ScenarioDetail>('POST', '/api/budget/scenarios', file);
    expect(saved.status).toBe(201);
    expect(saved.body.result.regions).toEqual(result.regions);
    expect(saved.body.result.buurten).toEqual(result.buurten);
    const again = await api.send<Preview>('POST', '/api/budget/scenarios/preview', file);
    expect(again.body.nameTaken).toBe(true);
  });

  test('a preview with an impossible floor says which region, as saving would', async () => {
    const regions = await api.json<{ regions: { key: string }[] }>('/api/budget/setup');
    const key = regions.body.regions[0]!.key;
    const bad = { ...file, name: 'Te hoge vloer', regionLimits: { [key]: { floor: '5.000.000' } } };
    const preview = await api.send<{ error: { code: string; message: string } }>(
      'POST',
      '/api/budget/scenarios/preview',
      bad,
    );
    expect(preview.status).toBe(400);
    expect(preview.body.error.code).toBe('validation_failed');
    expect(preview.body.error.message).toContain(key);
    const save = await api.send('POST', '/api/budget/scenarios', bad);
    expect(save.status).toBe(400);
  });

  test('a draft can be removed; the adopted begroting cannot; others may not remove either', async () => {
    const list = await api.json<{ scenarios: { id: number; name: string; adopted: boolean }[] }>(
      '/api/budget/scenarios?year=2026',
    );
    const draft = list.body.scenarios.find((s) => s.name === 'Ontwerp 2026')!;
    const partner = api.as({ role: 'partner', scope: ['GM9901'] });
    expect((await partner.send('DELETE', `/api/budget/scenarios/${draft.id}`)).status).toBe(403);
    expect((await partner.send('POST', '/api/budget/scenarios/preview', file)).status).toBe(403);
    const removed = await api.send('DELETE', `/api/budget/scenarios/${draft.id}`);
    expect(removed.status).toBe(200);
    expect((await api.send('DELETE', `/api/budget/scenarios/${draft.id}`)).status).toBe(404);
    const adopted = (
      await api.json<{ scenarios: { id: number; adopted: boolean }[] }>(
        '/api/budget/scenarios?year=2025',
      )
    ).body.scenarios.find((s) => s.adopted)!;
    const refused = await api.send<{ error: { code: string } }>(
      'DELETE',
      `/api/budget/scenarios/${adopted.id}`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'budget_changed' and details->>'action' = 'scenario_deleted'`.execute(
      handle.db,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  test('an analyst limited to some areas cannot make, adopt or remove scenarios of the whole area', async () => {
    const limited = api.as({ role: 'analyst', scope: ['GM9901'] });
    const list = await api.json<{ scenarios: { id: number; adopted: boolean }[] }>(
      '/api/budget/scenarios?year=2025',
    );
    const draft = list.body.scenarios.find((s) => !s.adopted)!;
    for (const [method, path, body] of [
      ['POST', '/api/budget/scenarios/preview', file],
      ['POST', '/api/budget/scenarios', { ...file, name: 'Beperkt' }],
      ['POST', `/api/budget/scenarios/${draft.id}/adopt`, undefined],
      ['DELETE', `/api/budget/scenarios/${draft.id}`, undefined],
    ] as const) {
      const answer = await limited.send<{ error: { code: string } }>(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect(
      (await api.json<{ scenarios: unknown[] }>('/api/budget/scenarios?year=2025')).body.scenarios,
    ).toHaveLength(list.body.scenarios.length);
  });
});
