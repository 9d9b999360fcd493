import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPGliteMemory } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/tables.js';
import { prepareData } from '../src/services/startup.js';

/**
 * Builds the integration templates once per run: a migrated database with the catalogue
 * ("empty") and one with the demo loaded as at a first start ("demo"), for PGlite as dumped data directories and,
 * when TEST_DATABASE_URL is set, as template databases on the server. Test files clone them
 * (~0.5 s) instead of running initdb and migrations each (stack-notes: initdb is 3–6 s).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; demo: string };
    postgresTemplates: { url: string; empty: string; demo: string } | null;
  }
}

async function prepare(db: Kysely<Database>, withDemo: boolean) {
  await migrateToLatest(db);
  // What a first start does: catalogue, default method, and with the demo its two rankings.
  await prepareData(db, { demo: withDemo ? 'auto' : 'off' });
}

async function pgliteTemplate(dir: string, withDemo: boolean): Promise<string> {
  const handle = await openPGliteMemory();
  await prepare(handle.db, withDemo);
  const file = path.join(dir, withDemo ? 'demo.tar.gz' : 'empty.tar.gz');
  const blob = await handle.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  return file;
}

async function postgresTemplates(url: string, runId: string) {
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but the server does not answer (${String(error)}). Start it: pg_ctlcluster --skip-systemctl-redirect 15 main start`,
    );
  }
  const names = { empty: `bb_tpl_empty_${runId}`, demo: `bb_tpl_demo_${runId}` };
  for (const [kind, name] of Object.entries(names)) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: target.toString(), max: 2 }),
      }),
    });
    await prepare(db, kind === 'demo');
    await sql`select 1`.execute(db);
    await db.destroy();
  }
  await admin.end();
  return { url, ...names };
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buurtbalans-tpl-'));
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.E2E_REQUIRED === '1') {
    throw new Error(
      'E2E_REQUIRED=1 but TEST_DATABASE_URL is not set: the PostgreSQL tier may not be skipped in CI',
    );
  }
  const pgliteTemplates = {
    empty: await pgliteTemplate(dir, false),
    demo: await pgliteTemplate(dir, true),
  };
  const postgres = url ? await postgresTemplates(url, runId) : null;
  project.provide('pgliteTemplates', pgliteTemplates);
  project.provide('postgresTemplates', postgres);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (postgres) {
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      for (const name of [postgres.empty, postgres.demo])
        await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  };
}
