import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { readDataVersion } from '../../src/services/data-version.js';
import type { SpendingList } from '../../src/services/spending.js';
import { spendingApi, type BudgetSetup } from '../helpers/spending-api.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

describe.each(testEngines())('spending lines entered by hand on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let spending: ReturnType<typeof spendingApi>;
  let setup: BudgetSetup;
  let complexOf: Map<string, string>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    spending = spendingApi(handle, api);
    setup = (await api.json<BudgetSetup>('/api/budget/setup')).body;
    const complexes = (
      await api.json<{ complexes: { corporationId: string; buurtCode: string }[] }>(
        '/api/stock/complexes',
      )
    ).body.complexes;
    complexOf = new Map(complexes.map((c) => [c.buurtCode, c.corporationId]));
  });
  afterAll(() => handle?.close());

  test('a line on a region, a buurt, a complex and a line moves the realisation and the annual report by exactly its amount', async () => {
    const region = setup.regions[0]!;
    const buurt = region.buurtCodes[0]!;
    const complex = [...complexOf].find(([code]) => region.buurtCodes.includes(code))![1];
    const version = await readDataVersion(handle.db);
    const cases = [
      { body: { region: region.name, amount: '1.250,50' }, key: region.key, cents: 125_050 },
      { body: { buurt, amount: 99.99 }, key: region.key, cents: 9_999 },
      {
        body: { complex: complex.toLowerCase(), amount: '-12,50' },
        key: region.key,
        cents: -1_250,
      },
      { body: { line: 'algemeen', amount: '€ 1.000' }, key: 'algemeen', cents: 100_000 },
    ];
    const ids: number[] = [];
    for (const { body, key, cents } of cases) {
      const before = [
        await spending.realisation(key),
        await spending.reported(key),
        await spending.reported('total'),
      ];
      const made = await spending.enter({ ...body, prestatieafspraken: true });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body.line).toMatchObject({
        date: '2025-03-15',
        amountCents: cents,
        source: 'entered',
        importFile: null,
        prestatieafspraken: 'yes',
        createdBy: expect.stringMatching(/^analyst-/),
      });
      ids.push(made.body.line.id);
      const after = [
        await spending.realisation(key),
        await spending.reported(key),
        await spending.reported('total'),
      ];
      expect(after).toEqual(before.map((amount) => amount + cents));
    }
    expect(await readDataVersion(handle.db)).toBe(version + cases.length);
    const list = (await api.json<SpendingList>('/api/budget/spending?year=2025')).body;
    const entered = ids.map((id) => list.lines.find((l) => l.id === id)?.target);
    expect(entered.map((t) => [t?.kind, t?.key])).toEqual([
      ['region', region.key],
      ['buurt', buurt],
      ['complex', complex],
      ['line', 'algemeen'],
    ]);
    // Names to show: the region's, the buurt's (not its code), the line's.
    expect(entered[0]!.name).toBe(region.name);
    expect(entered[1]!.name).not.toBe(buurt);
    expect(entered[3]!.name).toBe(setup.lines.find((l) => l.key === 'algemeen')!.name);
    expect(list.totalCents).toBe(list.lines.reduce((s, l) => s + l.amountCents, 0));
    expect(list.totals.reduce((s, t) => s + t.amountCents, 0)).toBe(list.totalCents);
    expect(list.lines.map((l) => l.date)).toEqual(list.lines.map((l) => l.date).sort());
  });

  const INVALID: { name: string; body: Record<string, unknown>; field: string; message: RegExp }[] =
    [
      {
        name: 'unknown region',
        body: { region: 'Atlantis' },
        field: 'region',
        message: /unknown region "Atlantis"/,
      },
      {
        name: 'unknown buurt',
        body: { buurt: 'BU99999999' },
        field: 'buurt',
        message: /not in the working area/,
      },
      {
        name: 'not a buurt code',
        body: { buurt: 'Centrum' },
        field: 'buurt',
        message: /not a buurt code/,
      },
      {
        name: 'unknown complex',
        body: { complex: 'C-404' },
        field: 'complex',
        message: /unknown complex "C-404"/,
      },
      {
        name: 'unknown line',
        body: { line: 'feest' },
        field: 'line',
        message: /unknown line "feest"/,
      },
      {
        name: 'amount in text',
        body: { line: 'algemeen', amount: 'twaalf euro' },
        field: 'amount',
        message: /not an amount/,
      },
      {
        name: 'date outside the year',
        body: { line: 'algemeen', date: '2024-12-31' },
        field: 'date',
        message: /date out of range/,
      },
      {
        name: 'not a real date',
        body: { line: 'algemeen', date: '31-02-2025' },
        field: 'date',
        message: /not a date/,
      },
      {
        name: 'two targets',
        body: { line: 'algemeen', buurt: 'BU99010101' },
        field: 'line',
        message: /more than one place/,
      },
      {
        name: 'no target',
        body: {},
        field: 'region',
        message: /no region, buurt, complex or line/,
      },
      {
        name: 'no category',
        body: { line: 'algemeen', category: ' ' },
        field: 'category',
        message: /empty category/,
      },
    ];

  test.each(INVALID)(
    '$name: a 400 naming the field, nothing written',
    async ({ body, field, message }) => {
      const [before, version] = [await spending.counts(), await readDataVersion(handle.db)];
      const response = await spending.enter(body);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details?.field).toBe(field);
      expect(response.body.error.message.startsWith(`${field}: `)).toBe(true);
      expect(response.body.error.message).toMatch(message);
      // Neither a line nor an audit entry nor a new data version.
      expect(await spending.counts()).toEqual(before);
      expect(await readDataVersion(handle.db)).toBe(version);
    },
  );
});
