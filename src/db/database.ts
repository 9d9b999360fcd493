import { fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/shared/app-error.js';
import { claimDataDir, unusable, writeMarker } from './data-dir.js';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './tables.js';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages: a directory or a server URL without password. */
  location: string;
  /** True when the database was created by this call (first start). */
  created: boolean;
  /** The embedded engine itself (dumps, tests); null on a PostgreSQL server. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Run pending migrations after opening (default true). */
  migrate?: boolean;
}

// node-postgres returns int8 and numeric as strings, PGlite int8 as numbers: make both engines
// hand the domain plain numbers. Our counts stay far below 2^53; values are float8 anyway.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));
const PGLITE_PARSERS = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };

/** Open the database the configuration names: a PostgreSQL server, or PGlite in the data dir. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPGliteDir(options.dataDir);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/** An in-memory PGlite, optionally started from a dumped data directory (tests). */
export async function openPGliteMemory(template?: Blob): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({
    parsers: PGLITE_PARSERS,
    ...(template ? { loadDataDir: template } : {}),
  });
  return {
    db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }),
    engine: 'pglite',
    location: 'memory',
    created: true,
    pglite,
    close: async () => {
      await pglite.close();
    },
  };
}

async function openPGliteDir(dataDir: string): Promise<DatabaseHandle> {
  const claim = claimDataDir(dataDir);
  let pglite: PGlite;
  try {
    if (claim.isNew) {
      // Build under a temporary name and rename when complete: an interrupted first start
      // leaves no half-made cluster that a later start would take for a real one.
      const partial = `${claim.pgDataDir}.partial-${process.pid}`;
      await createClusterInChild(partial, dataDir);
      fs.rmSync(claim.pgDataDir, { recursive: true, force: true });
      fs.renameSync(partial, claim.pgDataDir);
      writeMarker(dataDir);
    }
    pglite = await PGlite.create(claim.pgDataDir, { parsers: PGLITE_PARSERS });
    await pglite.query('select 1');
  } catch (error) {
    claim.release();
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw unusable(dataDir, `PGlite could not open it (${reason})`, error);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
    await pglite.close();
    claim.release();
  };
  // A hard exit still releases the lock; PGlite itself survives SIGKILL without close().
  process.once('exit', claim.release);
  return { db, engine: 'pglite', location: dataDir, created: claim.isNew, pglite, close };
}

function createClusterInChild(pgDataDir: string, dataDir: string): Promise<void> {
  const script = fileURLToPath(new URL('./create-cluster.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = fork(script, [pgDataDir], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(
          unusable(dataDir, `creating the database failed (${stderr.trim() || `exit ${code}`})`),
        );
    });
  });
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = redactUrl(url);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'database_unavailable',
      `Cannot use the PostgreSQL server at ${location} (${reason}). Is it running, and is DATABASE_URL right?`,
      { location },
      error,
    );
  }
  return {
    db,
    engine: 'postgres',
    location,
    created: false,
    pglite: null,
    close: () => db.destroy(),
  };
}

/** A connection URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
