import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adapterFor } from '../../src/import/adapters.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { readDataVersion } from '../../src/services/data-version.js';
import type { SpendingList } from '../../src/services/spending.js';
import { spendingApi, type BudgetSetup } from '../helpers/spending-api.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

describe.each(testEngines())('spending lines, imports and scope on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let spending: ReturnType<typeof spendingApi>;
  let setup: BudgetSetup;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    spending = spendingApi(handle, api);
    setup = (await api.json<BudgetSetup>('/api/budget/setup')).body;
  });
  afterAll(() => handle?.close());

  test('an entered line survives a re-import of its year; an imported line cannot be deleted, an entered one can', async () => {
    const region = setup.regions[0]!;
    const ledger = `datum;regio;categorie;bedrag\n2025-02-01;${region.key};schoonmaak;500\n`;
    const importLedger = () =>
      runImport(
        handle.db,
        adapterFor('spending'),
        inputFile('grootboek-2025.csv', new TextEncoder().encode(ledger)),
        { year: 2025 },
      );
    await importLedger();
    const entered = (
      await spending.enter({ region: region.key, amount: '77,77', description: 'met de hand' })
    ).body.line;
    await importLedger();
    const list = (await api.json<SpendingList>('/api/budget/spending?year=2025')).body;
    expect(list.lines.filter((l) => l.id === entered.id)).toHaveLength(1);
    const imported = list.lines.filter((l) => l.source === 'import');
    expect(imported.map((l) => [l.importFile, l.amountCents])).toEqual([
      ['grootboek-2025.csv', 50_000],
    ]);

    const refused = await spending.remove(imported[0]!.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/next import of 2025 replaces it/);
    // A line of the demo data goes with the demo, not one by one.
    const demo = list.lines.find((l) => l.source === 'demo')!;
    expect((await spending.remove(demo.id)).status).toBe(409);
    expect(
      (await api.json<SpendingList>('/api/budget/spending?year=2025')).body.lines,
    ).toContainEqual(imported[0]);

    const before = await spending.realisation(region.key);
    const version = await readDataVersion(handle.db);
    expect((await spending.remove(entered.id)).status).toBe(204);
    expect(await spending.realisation(region.key)).toBe(before - 7_777);
    expect(await readDataVersion(handle.db)).toBe(version + 1);
    expect((await spending.remove(entered.id)).status).toBe(404);

    const trail = await spending.audits(`spending ${entered.id}`);
    expect(trail.map((a) => a.details.change)).toEqual(['added', 'deleted']);
    expect(trail[0]!.details).toMatchObject({
      year: 2025,
      amountCents: 7_777,
      target: `region ${region.key}`,
    });
    expect(trail.every((a) => /^analyst-/.test(a.actor_label))).toBe(true);
  });

  test('scope: a partner sees lines on its buurten, complexes and regions only, and cannot write', async () => {
    const partner = api.as({ role: 'partner', scope: ['GM9902'] });
    const all = (await api.json<SpendingList>('/api/budget/spending?year=2025')).body;
    const seen = (await partner.json<SpendingList>('/api/budget/spending?year=2025')).body;
    expect(seen.lines.length).toBeGreaterThan(0);
    expect(seen.lines.length).toBeLessThan(all.lines.length);
    // Exactly the lines the realisation would show the partner: on its buurten, on complexes
    // in them and on regions holding one of them; none without an area.
    const complexes = (
      await api.json<{ complexes: { corporationId: string; buurtCode: string }[] }>(
        '/api/stock/complexes',
      )
    ).body.complexes;
    const buurtOf = new Map(complexes.map((c) => [c.corporationId, c.buurtCode]));
    const mine = (code: string) => code.startsWith('BU9902');
    const visible = all.lines.filter(({ target: { kind, key } }) =>
      kind === 'region'
        ? setup.regions.find((r) => r.key === key)!.buurtCodes.some(mine)
        : kind === 'buurt'
          ? mine(key)
          : kind === 'complex'
            ? mine(buurtOf.get(key)!)
            : false,
    );
    // The same lines, without who entered them: e-mail addresses are for who keeps the ledger.
    expect(seen.lines).toEqual(visible.map((l) => ({ ...l, createdBy: null })));
    expect(all.lines.every((l) => l.createdBy !== null)).toBe(true);
    expect(new Set(seen.lines.map((l) => l.target.kind))).toEqual(
      new Set(['region', 'buurt', 'complex']),
    );
    expect(seen.totalCents).toBe(seen.lines.reduce((s, l) => s + l.amountCents, 0));
    expect((await spending.enter({ line: 'algemeen' }, partner)).status).toBe(403);
    expect(
      (await partner.request(`/api/budget/spending/${all.lines[0]!.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(403);
  });

  test('scope: an analyst limited to some areas books only on what it sees', async () => {
    const scoped = api.as({ role: 'analyst', scope: ['GM9902'] });
    const outside = setup.regions.find((r) => !r.buurtCodes.some((c) => c.startsWith('BU9902')))!;
    const inside = setup.regions.find((r) => r.buurtCodes.some((c) => c.startsWith('BU9902')))!;
    expect((await spending.enter({ region: outside.key }, scoped)).body.error.details?.field).toBe(
      'region',
    );
    expect((await spending.enter({ line: 'algemeen' }, scoped)).body.error.details?.field).toBe(
      'line',
    );
    const mine = await spending.enter({ region: inside.key }, scoped);
    expect(mine.status).toBe(201);
    const theirs = await spending.enter({ region: outside.key });
    expect(
      (await scoped.request(`/api/budget/spending/${theirs.body.line.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(404);
    expect(
      (await scoped.request(`/api/budget/spending/${mine.body.line.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
  });
});
