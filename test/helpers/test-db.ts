import fs from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openPGliteMemory, type DatabaseHandle, type Engine } from '../../src/db/database.js';
import type { Database } from '../../src/db/tables.js';

/**
 * Test databases: every engine the run can reach. PGlite always; the PostgreSQL server when
 * TEST_DATABASE_URL is set. Use with `describe.each(testEngines())`.
 */
export function testEngines(): Engine[] {
  return inject('postgresTemplates') ? ['pglite', 'postgres'] : ['pglite'];
}

export type Template = 'empty' | 'demo';

/** A fresh database cloned from a template built in global-setup; close() also drops it. */
export async function createTestDatabase(
  engine: Engine,
  template: Template = 'demo',
): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const file = inject('pgliteTemplates')[template];
    return openPGliteMemory(new Blob([fs.readFileSync(file)]));
  }
  const templates = inject('postgresTemplates');
  if (!templates) throw new Error('No PostgreSQL test server: set TEST_DATABASE_URL');
  const name = `bb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: templates.url });
  await admin.connect();
  // Clones of one template may collide while another clone is copying; retry briefly.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`create database ${name} template ${templates[template]}`);
      break;
    } catch (error) {
      if (attempt >= 10 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 200 + attempt * 100));
    }
  }
  await admin.end();
  const url = new URL(templates.url);
  url.pathname = `/${name}`;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: url.toString(), max: 4 }),
    }),
  });
  return {
    db,
    engine: 'postgres',
    location: url.toString(),
    created: true,
    pglite: null,
    close: async () => {
      await db.destroy();
      const dropper = new pg.Client({ connectionString: templates.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name}`);
      await dropper.end();
    },
  };
}
