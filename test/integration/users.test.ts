import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { cliAuditContext } from '../../src/cli/context.js';
import { changeUser } from '../../src/services/auth/users.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

interface UserBody {
  user: { id: number; email: string; role: string; disabled: boolean; isDemo: boolean };
  password: string | null;
}

/** Account management through the API: who may get which role, and what must always remain. */
describe.each(testEngines())('user management on %s', (engine) => {
  let handle: DatabaseHandle;
  let admin: ReturnType<ReturnType<typeof createTestApp>['as']>;
  let api: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    admin = api.as({ role: 'admin' });
  });
  afterAll(() => handle?.close());

  test('administrators and analysts belong to the corporation; partners cannot be made one', async () => {
    const refused = await admin.send<{ error: { message: string } }>('POST', '/api/users', {
      email: 'wethouder@duinrand.example',
      name: 'Wethouder',
      organisation: 'gemeente-duinrand',
      role: 'analyst',
      scope: ['GM9901'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^role: analyst is for accounts of the corporation/);
    const partner = await admin.send<UserBody>('POST', '/api/users', {
      email: 'beleid@duinrand.example',
      name: 'Beleid',
      organisation: 'gemeente-duinrand',
      role: 'partner',
      scope: ['GM9901'],
    });
    expect(partner.status).toBe(201);
    // In a demo organisation, an account is part of the demo.
    expect(partner.body.user.isDemo).toBe(true);
    const promote = await admin.send('PATCH', `/api/users/${partner.body.user.id}`, {
      role: 'admin',
    });
    expect(promote.status).toBe(400);
  });

  test('nobody changes their own role, organisation or scope', async () => {
    const me = await sql<{
      id: number;
    }>`select max(id) as id from app_user where role = 'admin' and email like 'admin-%@test.buurtbalans.nl'`.execute(
      handle.db,
    );
    const self = await admin.send('PATCH', `/api/users/${me.rows[0]!.id}`, {
      organisation: 'woonstichting-duinrand',
    });
    expect(self.status).toBe(403);
    const name = await admin.send('PATCH', `/api/users/${me.rows[0]!.id}`, { name: 'Nieuwe naam' });
    expect(name.status).toBe(200);
  });

  test('a real administrator switches the public demo accounts off; the last real one stays', async () => {
    const login = () =>
      api.anonymous.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@demo.buurtbalans.nl', password: 'buurtbalans-demo' }),
      });
    expect((await login()).status).toBe(200);
    await sql`insert into organisation (key, name, kind) values ('woonplus', 'WoonPlus', 'corporation')`.execute(
      handle.db,
    );
    const real = await admin.send<UserBody>('POST', '/api/users', {
      email: 'beheer@woonplus.example',
      name: 'Beheer WoonPlus',
      organisation: 'woonplus',
      role: 'admin',
    });
    expect(real.status).toBe(201);
    expect(real.body.password).toHaveLength(20);
    expect((await login()).status).toBe(401);
    const session = await api.anonymous.json<{ demoAccounts: unknown[] | null }>(
      '/api/auth/session',
    );
    expect(session.body.demoAccounts).toEqual([]);
    // The last real administrator cannot be disabled; demo administrators do not count.
    const testAdmin = await sql<{
      id: number;
    }>`select id from app_user where email like 'admin-%@test.buurtbalans.nl'`.execute(handle.db);
    for (const { id } of testAdmin.rows)
      await changeUser(handle.db, cliAuditContext(), id, { disabled: true });
    await expect(
      changeUser(handle.db, cliAuditContext(), real.body.user.id, { disabled: true }),
    ).rejects.toThrow(/At least one active administrator must remain/);
    await expect(
      changeUser(handle.db, cliAuditContext(), real.body.user.id, { role: 'analyst' }),
    ).rejects.toThrow(/At least one active administrator must remain/);
    const audit = await sql<{
      target: string;
    }>`select target from audit_log where action = 'user_changed' and target = 'demo accounts'`.execute(
      handle.db,
    );
    expect(audit.rows).toHaveLength(1);
  });
});
