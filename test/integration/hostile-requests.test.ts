import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const SQL = [`' OR '1'='1`, `1; DROP TABLE audit_log;--`, `'); DELETE FROM app_user;--`];
const SCRIPT = [
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
];
const PAYLOADS = [...SQL, ...SCRIPT, '../../../../etc/passwd', '%00', 'x'.repeat(5000)];

/** Row counts of the tables a hostile request might try to change. */
async function counts(handle: DatabaseHandle) {
  const row = await sql<Record<string, number>>`select
      (select count(*)::int from app_user) as users,
      (select count(*)::int from user_session) as sessions,
      (select count(*)::int from comment) as comments,
      (select count(*)::int from observation) as observations,
      (select count(*)::int from area) as areas,
      (select count(*)::int from organisation) as organisations`.execute(handle.db);
  return row.rows[0]!;
}

describe.each(testEngines())('hostile requests on %s: refused, and nothing changed', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-web-'));

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    api = createTestApp(handle, null, { webDir });
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  test('injection in every query parameter of every GET endpoint: a 4xx or a plain answer, never a 500 or an echo as HTML', async () => {
    const doc = (
      await api.json<{
        paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
      }>('/api/openapi.json')
    ).body;
    const before = await counts(handle);
    let requests = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      const get = operations.get;
      if (!get) continue;
      const params = get.parameters ?? [];
      for (const payload of PAYLOADS) {
        const encoded = encodeURIComponent(payload);
        const pathPart = template.replace(/\{[^}]+\}/g, encoded);
        const targets = [pathPart];
        for (const p of params.filter((p) => p.in === 'query'))
          targets.push(`${template.replace(/\{[^}]+\}/g, 'GM9901')}?${p.name}=${encoded}`);
        for (const target of targets) {
          const response = await api.get(target);
          requests += 1;
          const body = await response.text();
          expect(
            response.status,
            `${target} → ${response.status} ${body.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (!target.startsWith('/api/docs'))
            expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
          expect(body).not.toMatch(/\bat \w+ \(|node_modules|syntax error at or near/);
        }
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(await counts(handle)).toEqual(before);
  });

  test('injection in text fields is stored and returned as text, never executed', async () => {
    for (const payload of [...SQL, ...SCRIPT]) {
      const created = await api.send<{ comment: { body: string; id: number } }>(
        'POST',
        '/api/areas/WK990101/comments',
        { body: payload, visibility: 'partners' },
      );
      expect(created.status).toBe(201);
      expect(created.body.comment.body).toBe(payload);
    }
    const listed = await api.json<{ comments: Array<{ body: string }> }>(
      '/api/areas/WK990101/comments',
    );
    expect(listed.headers.get('content-type')).toMatch(/application\/json/);
    expect(listed.body.comments.map((c) => c.body)).toEqual(expect.arrayContaining(SCRIPT));
    const login = await api.anonymous.json('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `' OR '1'='1`, password: `' OR '1'='1` }),
    });
    expect(login.status).toBe(401);
    const audit = await api
      .as({ role: 'admin' })
      .json<{ entries: unknown[] }>(`/api/audit?text=${encodeURIComponent(`%' OR 1=1--`)}`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toEqual([]);
    // The tables are all still there.
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from app_user`.execute(handle.db))
        .rows[0]!.n,
    ).toBeGreaterThan(5);
  });

  test('security headers: a strict CSP, no sniffing, no framing', async () => {
    const response = await api.get('/api/meta');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const https = createTestApp(handle, null, { publicUrl: 'https://buurtbalans.example.nl' });
    expect((await https.get('/api/meta')).headers.get('strict-transport-security')).toMatch(
      /max-age=\d+/,
    );
  });

  test('oversized bodies are refused before they are read', async () => {
    const big = JSON.stringify({ body: 'x'.repeat(2 * 1024 * 1024), visibility: 'partners' });
    const before = await counts(handle);
    const response = await api.request('/api/areas/WK990101/comments', {
      method: 'POST',
      body: big,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
    const tooLong = await api.send('POST', '/api/areas/WK990101/comments', {
      body: 'x'.repeat(5001),
      visibility: 'partners',
    });
    expect(tooLong.status).toBe(400);
    expect(await counts(handle)).toEqual(before);
  });

  test('path traversal: in URLs it stays inside the web directory; in upload names only the base name is kept', async () => {
    for (const probe of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cpackage.json',
    ]) {
      const response = await api.anonymous.get(probe);
      const text = await response.text();
      expect(text).not.toMatch(/root:|"name": "buurtbalans"/);
    }
    const form = new FormData();
    form.set('kind', 'regions');
    form.set('year', '2040');
    form.set('file', new File(['Key,Title\nGM0392,Haarlem\n'], '../../../etc/cron.d/evil.csv'));
    const response = await api.request('/api/imports', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { file: string }).file).toBe('evil.csv');
  });

  test('session fixation: a login never adopts the token it arrived with', async () => {
    const planted = 'A'.repeat(43);
    const login = await api.anonymous.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `bb_session=${planted}` },
      body: JSON.stringify({ email: 'partner@demo.buurtbalans.nl', password: 'buurtbalans-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/bb_session=[\w-]{43}/);
    expect(cookie).not.toContain(planted);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const withPlanted = await api.anonymous.get('/api/meta', { Cookie: `bb_session=${planted}` });
    expect(withPlanted.status).toBe(401);

    // An attacker's own valid session, planted in a victim's browser, ends at the victim's login.
    const attacker = await api.anonymous.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'tenant@demo.buurtbalans.nl', password: 'buurtbalans-demo' }),
    });
    const attackerCookie = (attacker.headers.get('set-cookie') ?? '').split(';')[0]!;
    const victim = await api.anonymous.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: attackerCookie },
      body: JSON.stringify({ email: 'analyst@demo.buurtbalans.nl', password: 'buurtbalans-demo' }),
    });
    expect(victim.status).toBe(200);
    expect((await api.anonymous.get('/api/meta', { Cookie: attackerCookie })).status).toBe(401);
  });

  test('CSRF: a change without the token, with a wrong one, or from another site is refused', async () => {
    const before = await counts(handle);
    const body = JSON.stringify({ body: 'csrf', visibility: 'partners' });
    const headers = { 'Content-Type': 'application/json' };
    const attempts: Array<Record<string, string>> = [
      { 'X-CSRF-Token': '' },
      { 'X-CSRF-Token': 'wrong-token' },
      { Origin: 'https://evil.example' },
    ];
    for (const extra of attempts) {
      const response = await api.request('/api/areas/WK990101/comments', {
        method: 'POST',
        body,
        headers: { ...headers, ...extra },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'csrf_failed',
      );
    }
    const multipart = new FormData();
    multipart.set('kind', 'regions');
    const upload = await api.request('/api/imports', {
      method: 'POST',
      body: multipart,
      headers: { 'X-CSRF-Token': 'nope' },
    });
    expect(upload.status).toBe(403);
    expect(await counts(handle)).toEqual(before);
  });

  test('an expired, idle, disabled or unknown session gets 401 and changes nothing', async () => {
    const partner = api.as({ role: 'partner', scope: ['GM9901'] });
    expect((await partner.get('/api/meta')).status).toBe(200);
    const before = await counts(handle);
    await sql`update user_session set last_seen_at = now() - interval '1 day'
      where user_id = (select max(id) from app_user where role = 'partner')`.execute(handle.db);
    const idle = await partner.send('POST', '/api/areas/WK990101/comments', {
      body: 'after expiry',
      visibility: 'partners',
    });
    expect(idle.status).toBe(401);
    // An idle session is deleted on sight.
    expect((await counts(handle)).sessions).toBe(before.sessions! - 1);

    const viewer = api.as({ role: 'viewer', scope: ['GM9903'] });
    expect((await viewer.get('/api/meta')).status).toBe(200);
    await sql`update user_session set expires_at = now() - interval '1 second'
      where user_id = (select max(id) from app_user where role = 'viewer')`.execute(handle.db);
    expect((await viewer.get('/api/meta')).status).toBe(401);

    const inspector = api.as({ role: 'inspector', scope: ['GM9902'] });
    expect((await inspector.get('/api/meta')).status).toBe(200);
    await sql`update app_user set disabled_at = now() where id = (select max(id) from app_user where role = 'inspector')`.execute(
      handle.db,
    );
    expect((await inspector.get('/api/meta')).status).toBe(401);
    expect(
      (await api.anonymous.get('/api/meta', { Cookie: 'bb_session=not-a-token' })).status,
    ).toBe(401);
  });

  test("another organisation's session cannot read or remove an organisation's own comments", async () => {
    const own = await api.send<{ comment: { id: number } }>(
      'POST',
      '/api/areas/WK990101/comments',
      {
        body: 'Alleen voor de corporatie',
        visibility: 'organisation',
      },
    );
    expect(own.status).toBe(201);
    const id = own.body.comment.id;
    const partner = api.as({ role: 'partner', scope: ['GM9901'] });
    const listed = await partner.json<{ comments: Array<{ id: number }> }>(
      '/api/areas/WK990101/comments',
    );
    expect(listed.body.comments.map((c) => c.id)).not.toContain(id);
    expect((await partner.send('DELETE', `/api/comments/${id}`)).status).toBe(404);
    const admin = api.as({ role: 'admin', organisationKind: 'gemeente' });
    expect((await admin.send('PATCH', `/api/comments/${id}`, { agreed: true })).status).toBe(404);
    const stillThere = await api.json<{ comments: Array<{ id: number; agreedAt: string | null }> }>(
      '/api/areas/WK990101/comments',
    );
    expect(stillThere.body.comments.find((c) => c.id === id)?.agreedAt).toBeNull();
  });

  test('login attempts are limited per account, also for the right password', async () => {
    const attempt = (password: string) =>
      api.anonymous.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@demo.buurtbalans.nl', password }),
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt('raden')).status).toBe(401);
    const locked = await attempt('buurtbalans-demo');
    expect(locked.status).toBe(429);
    expect(
      ((await locked.json()) as { error: { details: { retryAfterSeconds: number } } }).error.details
        .retryAfterSeconds,
    ).toBe(900);
    const failures = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'login_failed' and target = 'viewer@demo.buurtbalans.nl'`.execute(handle.db);
    expect(failures.rows[0]!.n).toBe(6);
  });

  test('parallel guesses are counted one after another: at most five are tried', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.anonymous.request('/api/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            email: 'inspector@demo.buurtbalans.nl',
            password: i === 11 ? 'buurtbalans-demo' : `gok-${i}`,
          }),
        }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401 || s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });

  test('a session cannot be used to guess its own password', async () => {
    const tenant = api.as({ role: 'tenant', scope: ['GM9901'] });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push(
        (
          await tenant.send('POST', '/api/auth/password', {
            currentPassword: `gok-${i}`,
            newPassword: 'een nieuw lang wachtwoord',
          })
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'login_failed' and details->>'reason' = 'wrong_current_password'`.execute(
      handle.db,
    );
    expect(audited.rows[0]!.n).toBe(5);
  });

  test("another site's link or script gets nothing, not even a GET with the cookie", async () => {
    const response = await api.get(
      '/api/export/figures.csv?level=buurt&parent=GM9901&indicator=a_inw',
      {
        'Sec-Fetch-Site': 'cross-site',
      },
    );
    expect(response.status).toBe(403);
    expect((await api.get('/api/meta', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  test('comments need the area inside the scope, not a gemeente around it', async () => {
    const wijkScoped = api.as({ role: 'partner', scope: ['WK990101'] });
    expect((await wijkScoped.get('/api/areas/GM9901')).status).toBe(200);
    expect((await wijkScoped.get('/api/areas/GM9901/comments')).status).toBe(403);
    expect(
      (
        await wijkScoped.send('POST', '/api/areas/GM9901/comments', {
          body: 'x',
          visibility: 'partners',
        })
      ).status,
    ).toBe(403);
    expect((await wijkScoped.get('/api/areas/WK990101/comments')).status).toBe(200);
  });

  test('the audit log cannot be changed, not even with SQL', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });
});
