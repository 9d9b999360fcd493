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
    // A cluster is created under a temporary name and renamed when complete (database.ts);
    // leftovers of an interrupted first start are garbage, and we hold the lock.
    for (const name of fs.readdirSync(dataDir)) {
      if (name.startsWith('pgdata.partial-'))
        fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    }
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
  const target = path.join(dataDir, MARKER);
  fs.writeFileSync(`${target}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  fs.renameSync(`${target}.tmp`, target);
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

function lockedError(dataDir: string, owner: LockOwner | null, why: string): AppError {
  const who = owner
    ? `pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}`
    : 'an unknown process';
  return new AppError(
    'data_dir_locked',
    `The data directory ${dataDir} is in use by another Buurtbalans process (${who}${why}). ` +
      `Stop that process first${owner && owner.host === os.hostname() ? ` (kill ${owner.pid})` : ''}, ` +
      `or set BUURTBALANS_DATA_DIR to another directory.`,
    { dataDir, pid: owner?.pid ?? null, host: owner?.host ?? null },
  );
}

/**
 * Take the lock file atomically: write it under a private name, then hard-link it into place,
 * which fails if a lock exists — so no other process can ever read a half-written lock. A stale
 * lock (its process is gone) is moved aside by rename, which only one contender can win.
 */
function takeLock(lockPath: string, dataDir: string): void {
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(mine, JSON.stringify(me));
  } catch (error) {
    throw unusable(dataDir, `its lock file could not be written (${String(error)})`, error);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        fs.linkSync(mine, lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw unusable(dataDir, `its lock file could not be created (${String(error)})`, error);
        }
      }
      const owner = readLock(lockPath);
      if (!owner) {
        // Unreadable: damaged, or written by hand. Young ones may belong to a starting process.
        const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0);
        if (age < 10_000) throw lockedError(dataDir, null, '; its lock file is unreadable');
      } else if (owner.host !== me.host) {
        // Another machine on a shared volume: its pids mean nothing here, so never take over.
        throw lockedError(dataDir, owner, '; remove the lock file by hand if that machine is gone');
      } else if (isAlive(owner.pid)) {
        throw lockedError(dataDir, owner, '');
      }
      // Stale: the owner is gone (crash, kill -9). Move it aside; if someone else won, retry.
      const aside = `${lockPath}.stale.${process.pid}`;
      try {
        fs.renameSync(lockPath, aside);
      } catch {
        continue;
      }
      fs.rmSync(aside, { force: true });
    }
    throw lockedError(dataDir, readLock(lockPath), '; the lock keeps changing hands');
  } finally {
    fs.rmSync(mine, { force: true });
  }
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
