import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { listComplexes } from '../../src/db/queries/stock-queries.js';
import {
  COMPLEX_BASE as base,
  demoPlaces,
  type ApiComplex as Complex,
  type ApiErrorBody as ErrorBody,
} from '../helpers/stock-fixtures.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

// What keeps a complex edit from happening: an existing id, spending lines, the area scope.
describe.each(testEngines())('complex edits refused on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let buurt1: string;
  let buurt2: string;
  let inside: [number, number];

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    ({ buurt1, buurt2, inside } = await demoPlaces(handle.db));
  });
  afterAll(() => handle?.close());

  test('a duplicate id (any case) is a 409 naming the existing complex, also on a change', async () => {
    const [existing, other] = await listComplexes(handle.db);
    const duplicate = await api.send<ErrorBody>('POST', '/api/stock/complexes', {
      ...base,
      complexId: existing!.corporationId.toLowerCase(),
      buurtCode: buurt1,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('conflict');
    expect(duplicate.body.error.message).toContain(existing!.corporationId);
    expect(duplicate.body.error.details).toMatchObject({
      field: 'complexId',
      existing: { id: existing!.id, corporationId: existing!.corporationId },
    });
    const renamed = await api.send<ErrorBody>('PUT', `/api/stock/complexes/${other!.id}`, {
      ...base,
      complexId: existing!.corporationId,
      buurtCode: other!.buurtCode,
    });
    expect(renamed.status).toBe(409);
    // Its own id is no duplicate of itself.
    const same = await api.send('PUT', `/api/stock/complexes/${other!.id}`, {
      ...base,
      complexId: other!.corporationId.toLowerCase(),
      buurtCode: other!.buurtCode,
    });
    expect(same.status).toBe(200);
  });

  test('a complex with spending lines cannot be deleted: 409 with the lines and years', async () => {
    const booked = await sql<{ complex_id: number; n: number; years: number[] }>`
      select complex_id, count(*)::int as n, array_agg(distinct year order by year) as years
      from spending where complex_id is not null group by complex_id order by complex_id limit 1`.execute(
      handle.db,
    );
    const row = booked.rows[0]!;
    const refused = await api.send<ErrorBody>('DELETE', `/api/stock/complexes/${row.complex_id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ spendingLines: row.n, years: row.years });
    expect(refused.body.error.message).toContain(`${row.n} spending line`);
    expect(refused.body.error.message).toContain(row.years.join(', '));
    expect((await listComplexes(handle.db)).some((c) => c.id === row.complex_id)).toBe(true);
  });

  test('an account limited to some areas writes only in its buurten; others may not write', async () => {
    const scoped = api.as({ role: 'analyst', scope: ['GM9902'] });
    const outside = await scoped.send<ErrorBody>('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-400',
      buurtCode: buurt1,
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.details).toMatchObject({ code: buurt1 });
    // Placed by a point in someone else's buurt: refused the same way.
    const byPoint = await scoped.send('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-400',
      x: inside[0],
      y: inside[1],
    });
    expect(byPoint.status).toBe(403);
    const own = await scoped.send<{ complex: Complex }>('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-400',
      buurtCode: buurt2,
    });
    expect(own.status).toBe(201);
    const id = own.body.complex.id;
    const moved = await scoped.send('PUT', `/api/stock/complexes/${id}`, {
      ...base,
      complexId: 'T-400',
      buurtCode: buurt1,
    });
    expect(moved.status).toBe(403);
    const theirs = (await listComplexes(handle.db)).find((c) => c.buurtCode.startsWith('BU9901'))!;
    const change = { ...base, complexId: theirs.corporationId, buurtCode: buurt2 };
    expect((await scoped.send('PUT', `/api/stock/complexes/${theirs.id}`, change)).status).toBe(
      403,
    );
    expect((await scoped.send('DELETE', `/api/stock/complexes/${theirs.id}`)).status).toBe(403);
    expect((await scoped.send('DELETE', `/api/stock/complexes/${id}`)).status).toBe(204);
    const viewer = api.as({ role: 'viewer' });
    const body = { ...base, complexId: 'T-401', buurtCode: buurt1 };
    expect((await viewer.send('POST', '/api/stock/complexes', body)).status).toBe(403);
    expect((await viewer.send('DELETE', `/api/stock/complexes/${theirs.id}`)).status).toBe(403);
    expect((await api.anonymous.send('POST', '/api/stock/complexes', body)).status).toBe(401);
    expect((await listComplexes(handle.db)).find((c) => c.id === theirs.id)).toEqual(theirs);
  });
});
