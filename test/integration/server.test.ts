import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { runCli, startServerProcess } from '../helpers/cli.js';
import { login, sessionOf } from '../helpers/http-session.js';
import { createTestDatabase } from '../helpers/test-db.js';

describe('first start and restart on an embedded data directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-server-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('first start creates, migrates and loads the demo; a restart keeps the data and loads nothing', async () => {
    const env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
    const first = await startServerProcess(env);
    expect((await fetch(`${first.url}/api/meta`)).status).toBe(401);
    const session1 = await login(first.url, 'analyst@demo.buurtbalans.nl');
    const meta1 = (await (await session1.fetch('/api/meta')).json()) as {
      demo: { loadedAt: string } | null;
    };
    expect(first.output()).toMatch(/Nieuwe database aangemaakt/);
    expect(first.output()).toMatch(/Fictieve demodata geladen/);
    expect(first.output()).toMatch(/partner@demo\.buurtbalans\.nl +partner, Gemeente Duinrand/);
    expect(first.output()).toMatch(/wachtwoord: buurtbalans-demo/);
    expect(meta1.demo?.loadedAt).toBeTruthy();
    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dir, 'data', 'buurtbalans.lock'))).toBe(false);

    const second = await startServerProcess(env);
    // Sessions live in the database: the one from before the restart still holds.
    const session2 = sessionOf(second.url, session1.email, session1.cookie, session1.csrf);
    const meta2 = (await (await session2.fetch('/api/meta')).json()) as {
      demo: { loadedAt: string } | null;
    };
    expect(second.output()).not.toMatch(/demodata geladen/);
    expect(meta2.demo?.loadedAt).toBe(meta1.demo?.loadedAt);
    const areas = (await (await session2.fetch('/api/areas?level=gemeente')).json()) as {
      areas: unknown[];
    };
    expect(areas.areas).toHaveLength(3);
    expect(await second.stop()).toBe(0);
  }, 180_000);

  test('a port in use is refused with a hint', async () => {
    const env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
    const server = await startServerProcess(env);
    try {
      const port = new URL(server.url).port;
      const clash = runCli(['serve', '--port', port], {
        BUURTBALANS_DATA_DIR: path.join(dir, 'other'),
      });
      expect(clash.status).toBe(2);
      expect(clash.stderr).toMatch(new RegExp(`Port ${port} .* already in use; set PORT`));
    } finally {
      await server.stop();
    }
  }, 180_000);
});

const postgres = inject('postgresTemplates');
describe.skipIf(!postgres)('the same product on a PostgreSQL server (DATABASE_URL)', () => {
  test('serve and CLI run on the server database', async () => {
    const handle = await createTestDatabase('postgres', 'demo');
    try {
      const env = {
        DATABASE_URL: handle.location,
        BUURTBALANS_DATA_DIR: '/nonexistent/never-used',
      };
      const list = runCli(['areas', 'list', '--level', 'gemeente', '--json'], env);
      expect(list.status, list.stderr).toBe(0);
      expect((JSON.parse(list.stdout) as { areas: unknown[] }).areas).toHaveLength(3);
      const server = await startServerProcess(env);
      try {
        expect(server.output()).toMatch(/PostgreSQL at postgres:/);
        const health = await fetch(`${server.url}/api/health`);
        expect(await health.json()).toEqual({ status: 'ok' });
      } finally {
        await server.stop();
      }
    } finally {
      await handle.close();
    }
  }, 180_000);

  test('an unreachable server is a clear error, exit 4', () => {
    const result = runCli(['areas', 'list'], {
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
    });
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(
      /Cannot use the PostgreSQL server at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(result.stderr).not.toContain('secret');
  });
});
