import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/shared/app-error.js';

/**
 * The embedded database's directory. PGlite itself neither locks its directory against a
 * second process nor says which PGlite version wrote it (a 0.4 directory does not open in 0.5),
 * so this module does both: a lock file with the owner's pid, and a marker with the version.
 *
 * Layout of BUURTBALANS_DATA_DIR:
 *   pgdata/              PGlite's PostgreSQL cluster
 *   buurtbalans.lock     pid of the process using it
 *   buurtbalans-data.json  format and PGlite version that created pgdata
 */

/** Pinned exactly in package.json; a unit test keeps the two in step. */
export const PGLITE_VERSION = '0.5.16';
const MARKER = 'buurtbalans-data.json';
const LOCK = 'buurtbalans.lock';

export interface DataDirClaim {
  dataDir: string;
  pgDataDir: string;
  /** True when pgdata does not exist yet and must be created (initdb). */
  isNew: boolean;
  release(): void;
}

interface Marker {
  format: 1;
  pglite: string;
  createdAt: string;
}

/** Take the data directory for this process, or explain why not and what to do. */
export function claimDataDir(dataDir: string): DataDirClaim {
  ensureWritableDir(dataDir);
  const lockPath = path.join(dataDir, LOCK);
  takeLock(lockPath, dataDir);
  const release = () => {
    try {
      const owner = readLock(lockPath);
      if (owner?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    } catch {
      // Nothing to release: the lock is gone already.
    }
  };
  try {
    const pgDataDir = path.join(dataDir, 'pgdata');
    const isNew = !fs.existsSync(path.join(pgDataDir, 'PG_VERSION'));
    if (!isNew) checkMarker(dataDir);
    else if (fs.existsSync(pgDataDir) && fs.readdirSync(pgDataDir).length > 0) {
      throw unusable(dataDir, `${pgDataDir} holds files but no database (PG_VERSION is missing)`);
    }
    return { dataDir, pgDataDir, isNew, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Record which PGlite version created the cluster; called once after a successful initdb. */
export function writeMarker(dataDir: string): void {
  const marker: Marker = { format: 1, pglite: PGLITE_VERSION, createdAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dataDir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/** The error to show when PGlite cannot open an existing cluster. */
export function unusable(dataDir: string, reason: string, cause?: unknown): AppError {
  return new AppError(
    'data_dir_unusable',
    `The data directory ${dataDir} cannot be used: ${reason}. ` +
      `If it is damaged, move it aside (mv "${dataDir}" "${dataDir}.broken") and start again: ` +
      `a fresh database with demo data is created, and your own data can be imported again. ` +
      `Or point BUURTBALANS_DATA_DIR to another directory.`,
    { dataDir },
    cause,
  );
}

function ensureWritableDir(dataDir: string): void {
  try {
    if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
      throw unusable(dataDir, 'it is a file, not a directory');
    }
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unusable(
      dataDir,
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'this process may not write there (permission denied or read-only)'
        : `it could not be created (${code ?? String(error)})`,
      error,
    );
  }
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

function readLock(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(lockPath: string, dataDir: string): void {
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw unusable(dataDir, `its lock file could not be written (${String(error)})`, error);
      }
      const owner = readLock(lockPath);
      const held =
        owner && owner.pid !== process.pid && owner.host === me.host && isAlive(owner.pid);
      if (held) {
        throw new AppError(
          'data_dir_locked',
          `The data directory ${dataDir} is in use by another Buurtbalans process ` +
            `(pid ${owner.pid}, since ${owner.startedAt}). Stop that process first ` +
            `(kill ${owner.pid}), or set BUURTBALANS_DATA_DIR to another directory.`,
          { dataDir, pid: owner.pid },
        );
      }
      // A lock left by a process that is gone (crash, kill -9): safe to take over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw unusable(dataDir, 'its lock file keeps reappearing');
}

function checkMarker(dataDir: string): void {
  const markerPath = path.join(dataDir, MARKER);
  if (!fs.existsSync(markerPath)) return; // created before markers existed, or by hand: try it
  let marker: Marker;
  try {
    marker = JSON.parse(fs.readFileSync(markerPath, 'utf8')) as Marker;
  } catch (error) {
    throw unusable(dataDir, `${MARKER} is not valid JSON`, error);
  }
  if (marker.pglite !== PGLITE_VERSION) {
    throw new AppError(
      'data_dir_unusable',
      `The data directory ${dataDir} was created by PGlite ${marker.pglite}; this version of ` +
        `Buurtbalans uses PGlite ${PGLITE_VERSION}, which cannot open it. Start the previous ` +
        `version and export with pg_dump, or move the directory aside to start fresh.`,
      { dataDir, created: marker.pglite, current: PGLITE_VERSION },
    );
  }
}
