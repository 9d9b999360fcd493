import proj4 from 'proj4';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { listComplexes } from '../../src/db/queries/stock-queries.js';
import { RD_NEW_PROJ4 } from '../../src/import/geo/crs.js';
import { readDataVersion } from '../../src/services/data-version.js';
import {
  COMPLEX_BASE as base,
  demoPlaces,
  type ApiComplex as Complex,
  type ApiErrorBody as ErrorBody,
} from '../helpers/stock-fixtures.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

type Issue = { field: string; message: string };

// Adding, changing and deleting one complex through the API, by the import's rules.
describe.each(testEngines())('editing complexes on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let buurt1: string;
  let inside: [number, number];

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    ({ buurt1, inside } = await demoPlaces(handle.db));
  });
  afterAll(() => handle?.close());

  const expectInvalid = (response: { status: number; body: unknown }, field: string) => {
    expect(response.status).toBe(400);
    const body = response.body as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details?.field).toBe(field);
    return body.error.details!.issues as Issue[];
  };

  /** The derived figure "woningen of the corporation" of a buurt this year (own-figures.ts). */
  const ownUnits = async (code: string) => {
    const rows = await sql<{ value: number | null }>`
      select o.value from observation o join indicator i on i.id = o.indicator_id
      join area a on a.id = o.area_id
      where i.key = 'corp_woningen' and a.code = ${code}
      and o.data_year = ${new Date().getFullYear()}`.execute(handle.db);
    return rows.rows[0]?.value ?? 0;
  };

  test('create with a buurt code, change, delete: stored, audited, figures and data version refreshed', async () => {
    const version = await readDataVersion(handle.db);
    const unitsBefore = await ownUnits(buurt1);
    const made = await api.send<{ complex: Complex }>('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-100',
      buurtCode: buurt1.toLowerCase(),
      yearBuilt: '1968',
    });
    expect(made.status).toBe(201);
    const complex = made.body.complex;
    expect(complex).toMatchObject({
      corporationId: 'T-100',
      buurtCode: buurt1,
      placedBy: 'file',
      units: 20,
      daebUnits: 15,
      yearBuilt: 1968,
    });
    expect(complex.buurtName).not.toBe(buurt1);
    expect(await readDataVersion(handle.db)).toBeGreaterThan(version);
    expect(await ownUnits(buurt1)).toBe(unitsBefore + 20);
    const listed = await api.json<{ complexes: Complex[] }>('/api/stock/complexes');
    expect(listed.body.complexes.some((c) => c.corporationId === 'T-100')).toBe(true);

    const changed = await api.send<{ complex: Complex }>(
      'PUT',
      `/api/stock/complexes/${complex.id}`,
      { ...base, complexId: 'T-100', buurtCode: buurt1, units: 24, daebUnits: 24 },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.complex).toMatchObject({ id: complex.id, units: 24, yearBuilt: null });
    expect(await ownUnits(buurt1)).toBe(unitsBefore + 24);

    const removed = await api.send('DELETE', `/api/stock/complexes/${complex.id}`);
    expect(removed.status).toBe(204);
    expect((await listComplexes(handle.db)).some((c) => c.corporationId === 'T-100')).toBe(false);
    expect(await ownUnits(buurt1)).toBe(unitsBefore);
    expect((await api.send('DELETE', `/api/stock/complexes/${complex.id}`)).status).toBe(404);

    const entries = await sql<{ target: string; details: Record<string, unknown> }>`
      select target, details from audit_log where action = 'budget_changed'
      and target = 'complex T-100' order by id`.execute(handle.db);
    expect(entries.rows.map((r) => r.details.change)).toEqual([
      'complex_created',
      'complex_changed',
      'complex_deleted',
    ]);
    expect(entries.rows[1]!.details.fields).toEqual({
      units: { from: 20, to: 24 },
      daebUnits: { from: 15, to: 24 },
      yearBuilt: { from: 1968, to: null },
    });
  });

  test('without a buurt code, coordinates place it by point-in-polygon, in WGS84 or RD New', async () => {
    const wgs = await api.send<{ complex: Complex }>('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-200',
      x: inside[0],
      y: String(inside[1]).replace('.', ','),
    });
    expect(wgs.status).toBe(201);
    expect(wgs.body.complex).toMatchObject({ buurtCode: buurt1, placedBy: 'point' });
    expect(wgs.body.complex.lon).toBeCloseTo(inside[0], 6);
    const [x, y] = proj4('WGS84', RD_NEW_PROJ4, inside);
    const rd = await api.send<{ complex: Complex }>('POST', '/api/stock/complexes', {
      ...base,
      complexId: 'T-201',
      x: Math.round(x!),
      y: Math.round(y!),
    });
    expect(rd.status).toBe(201);
    expect(rd.body.complex).toMatchObject({ buurtCode: buurt1, placedBy: 'point' });
    expect(rd.body.complex.lon).toBeCloseTo(inside[0], 3);
  });

  test('every rule of the import is a 400 naming the field', async () => {
    const post = (body: Record<string, unknown>) =>
      api.send('POST', '/api/stock/complexes', { complexId: 'T-300', ...body });
    let issues = expectInvalid(await post({ ...base, buurtCode: buurt1, units: -3 }), 'units');
    expect(issues[0]!.message).toMatch(/not a number of dwellings/);
    issues = expectInvalid(
      await post({ ...base, buurtCode: buurt1, units: 10, daebUnits: 12 }),
      'daebUnits',
    );
    expect(issues[0]!.message).toBe('DAEB > units: 12 DAEB dwellings in a complex of 10');
    issues = expectInvalid(await post({ ...base, buurtCode: 'BU9999ZZ99' }), 'buurtCode');
    expect(issues[0]!.message).toMatch(/^unknown buurt BU9999ZZ99: not a buurt of boundary year/);
    issues = expectInvalid(await post({ ...base, x: 6.9, y: 53.2 }), 'x');
    expect(issues[0]!.message).toMatch(/lies outside every buurt/);
    issues = expectInvalid(await post({ ...base, complexId: ' ', buurtCode: buurt1 }), 'complexId');
    issues = expectInvalid(
      await post({ ...base, buurtCode: buurt1, yearBuilt: 1200 }),
      'yearBuilt',
    );
    issues = expectInvalid(await post({ ...base, x: 53.2, y: 6.9 }), 'x');
    expect(issues[0]!.message).toMatch(/swapped/);
    issues = expectInvalid(
      await post({ ...base, postcode: '0123 AB', buurtCode: buurt1 }),
      'postcode',
    );
    // An address alone is not placed: addresses are not geocoded.
    issues = expectInvalid(await post(base), 'buurtCode');
    expect(issues[0]!.message).toMatch(/cannot be placed/);
    // Several problems at once: each at its field.
    issues = expectInvalid(await post({ units: 'veel', daebUnits: '' }), 'address');
    expect(issues.map((i) => i.field)).toEqual(['address', 'units', 'daebUnits']);
    expect(
      (await api.send('POST', '/api/stock/complexes', { ...base, colour: 'red' })).status,
    ).toBe(400);
    expect((await listComplexes(handle.db)).some((c) => c.corporationId === 'T-300')).toBe(false);
  });
});
